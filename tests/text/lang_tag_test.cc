#include "text/lang_tag.h"

#include <boost/test/unit_test.hpp>

namespace termalign::text {
namespace {

std::string Canonical(const std::string& tag) {
  text::Result<LangTag> parsed = LangTag::Parse(tag);
  return parsed.ok() ? parsed->str() : "ERROR: " + parsed.status().message();
}

BOOST_AUTO_TEST_SUITE(lang_tag)

BOOST_AUTO_TEST_CASE(canonical_case) {
  BOOST_TEST(Canonical("en-us") == "en-US");
  BOOST_TEST(Canonical("EN-US") == "en-US");
  BOOST_TEST(Canonical("fr") == "fr");
  BOOST_TEST(Canonical("zh-hant-tw") == "zh-Hant-TW");
  BOOST_TEST(Canonical("sr-LATN") == "sr-Latn");
  BOOST_TEST(Canonical("es-419") == "es-419");
  BOOST_TEST(Canonical("de-CH-1996") == "de-CH-1996");
  BOOST_TEST(Canonical("en-US-x-Legal") == "en-US-x-legal");
  BOOST_TEST(Canonical("x-klingon") == "x-klingon");
  BOOST_TEST(Canonical("i-default") == "i-default");
  BOOST_TEST(Canonical("ar-u-nu-latn") == "ar-u-nu-latn");
  // Only the case changes: deprecated subtags are not replaced.
  BOOST_TEST(Canonical("iw-il") == "iw-IL");
  BOOST_TEST(Canonical("en-GB-oed") == "en-GB-oed");
}

BOOST_AUTO_TEST_CASE(underscore_refused_with_suggestion) {
  BOOST_TEST(Canonical("en_US") == "ERROR: 'en_US' is not a BCP 47 language tag: use 'en-US'");
  BOOST_TEST(Canonical("fr_fr") == "ERROR: 'fr_fr' is not a BCP 47 language tag: use 'fr-FR'");
}

BOOST_AUTO_TEST_CASE(malformed_refused) {
  for (const char* bad : {"", "e", "english", "en-", "-en", "en--US", "en US", "en-x", "123",
                          "en-US-a", "fr-FR-toolongvariant"}) {
    BOOST_TEST_CONTEXT("tag '" << bad << "'") { BOOST_TEST(!LangTag::Parse(bad).ok()); }
  }
  BOOST_TEST(Canonical("english") ==
             "ERROR: 'english' is not a well-formed BCP 47 language tag (examples: 'en', 'en-US', "
             "'fr-FR', 'ar')");
}

BOOST_AUTO_TEST_CASE(matching_helpers) {
  BOOST_TEST(SameLangTag("en-US", "en-us"));
  BOOST_TEST(SameLangTag("en_US", "en-US"));
  BOOST_TEST(!SameLangTag("en", "en-US"));
  BOOST_TEST(PrimaryLanguage("FR_ca") == "fr");
  BOOST_TEST(LangTag::Parse("pt-BR")->language() == "pt");
}

BOOST_AUTO_TEST_CASE(canonical_for_stored_data) {
  BOOST_TEST(CanonicalLangTag("EN_us") == "en-US");
  BOOST_TEST(CanonicalLangTag("fr-ca") == "fr-CA");
  BOOST_TEST(CanonicalLangTag("*all*") == "*all*");
  BOOST_TEST(CanonicalLangTag("english") == "english");
}

BOOST_AUTO_TEST_CASE(matching_falls_back_from_region_to_language_only) {
  BOOST_TEST(LangTagMatches("fr-CA", "fr"));
  BOOST_TEST(LangTagMatches("fr", "fr-CA"));
  BOOST_TEST(LangTagMatches("FR_ca", "fr-CA"));
  BOOST_TEST(!LangTagMatches("fr-FR", "fr-CA"));
  BOOST_TEST(!LangTagMatches("en-GB", "en-US"));
  BOOST_TEST(!LangTagMatches("de", "fr"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::text
