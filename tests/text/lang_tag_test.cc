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
  BOOST_TEST(LangTagKey("EN_us") == "en-us");
  BOOST_TEST(LangTagKey("en-US") == LangTagKey("en_us"));
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

// The edge cases, each decided once here for every module.
BOOST_AUTO_TEST_CASE(empty_tag) {
  BOOST_TEST(Canonical("") == "ERROR: empty language tag");
  BOOST_TEST(!LangTag::ParseLoose("").ok());
  BOOST_TEST(CanonicalLangTag("") == "");
  BOOST_TEST(PrimaryLanguage("") == "");
  // An empty tag names no language: it serves no request and no request is served by it.
  BOOST_TEST(!LangTagMatches("", ""));
  BOOST_TEST(!LangTagMatches("", "en"));
  BOOST_TEST(!LangTagMatches("en", ""));
}

BOOST_AUTO_TEST_CASE(private_use_is_a_language_of_its_own) {
  BOOST_TEST(Canonical("X-Klingon") == "x-klingon");
  BOOST_TEST(LangTag::Parse("x-klingon")->language() == "x-klingon");
  BOOST_TEST(PrimaryLanguage("X_Klingon") == "x-klingon");
  BOOST_TEST(!LangTagMatches("x-elvish", "x-klingon"));
  BOOST_TEST(LangTagMatches("X-KLINGON", "x-klingon"));
  // A private-use suffix refines its tag, as a region does.
  BOOST_TEST(LangTag::Parse("en-US-x-legal")->language() == "en");
  BOOST_TEST(LangTagMatches("en-US-x-legal", "en-US"));
  BOOST_TEST(!LangTagMatches("en-GB-x-legal", "en-US"));
}

BOOST_AUTO_TEST_CASE(script_and_region) {
  BOOST_TEST(Canonical("ZH-HANT-tw") == "zh-Hant-TW");
  BOOST_TEST(LangTag::Parse("zh-Hant-TW")->language() == "zh");
  BOOST_TEST(PrimaryLanguage("zh-Hant-TW") == "zh");
  BOOST_TEST(LangTagMatches("zh-Hant-TW", "zh"));
  BOOST_TEST(LangTagMatches("zh-Hant-TW", "zh-Hant"));
  BOOST_TEST(LangTagMatches("zh", "zh-Hant-TW"));
  BOOST_TEST(!LangTagMatches("zh-Hans-CN", "zh-Hant-TW"));
  BOOST_TEST(!LangTagMatches("zh-TW", "zh-Hant-TW"));
}

// "EN_us" is how POSIX locales and many spreadsheets write en-US. A tag a person types must be
// BCP 47 (Parse refuses it and says what to write); a tag read from another tool's file is read
// as meant (ParseLoose, and every comparison reads '_' as '-').
BOOST_AUTO_TEST_CASE(underscore_is_read_in_data_and_refused_in_input) {
  BOOST_TEST(Canonical("EN_us") == "ERROR: 'EN_us' is not a BCP 47 language tag: use 'en-US'");
  BOOST_TEST(LangTag::ParseLoose("EN_us")->str() == "en-US");
  BOOST_TEST(LangTag::ParseLoose("en-us")->str() == "en-US");
  BOOST_TEST(CanonicalLangTag("EN_us") == "en-US");
  BOOST_TEST(PrimaryLanguage("EN_us") == "en");
  BOOST_TEST(SameLangTag("EN_us", "en-US"));
  BOOST_TEST(LangTagMatches("EN_us", "en"));
  BOOST_TEST(!LangTagMatches("EN_us", "en-GB"));
  BOOST_TEST(LangTag::ParseLoose("english_US").status().message() ==
             "'english_US' is not a well-formed BCP 47 language tag (examples: 'en', 'en-US', "
             "'fr-FR', 'ar')");
}

// Grandfathered tags are well-formed and kept as written (ICU would map "i-klingon" to "tlh").
BOOST_AUTO_TEST_CASE(grandfathered_tag_is_kept_whole) {
  BOOST_TEST(Canonical("I-Klingon") == "i-klingon");
  BOOST_TEST(LangTag::Parse("i-klingon")->language() == "i-klingon");
  BOOST_TEST(PrimaryLanguage("i-klingon") == "i-klingon");
  BOOST_TEST(!LangTagMatches("i-klingon", "i-default"));
  BOOST_TEST(!LangTagMatches("i-klingon", "tlh"));
}

BOOST_AUTO_TEST_CASE(garbage_is_refused_and_kept_as_found) {
  for (const char* bad : {"!!", "en-US-US", "en-Latn-Cyrl", "fr-FR-", "en\xff", "*all*", "x"}) {
    BOOST_TEST_CONTEXT("tag '" << bad << "'") {
      BOOST_TEST(!LangTag::Parse(bad).ok());
      BOOST_TEST(!LangTag::ParseLoose(bad).ok());
      BOOST_TEST(CanonicalLangTag(bad) == bad);
      BOOST_TEST(LangTagMatches(bad, bad));
    }
  }
  BOOST_TEST(PrimaryLanguage("English") == "english");
  BOOST_TEST(!LangTagMatches("English", "en"));
  BOOST_TEST(Canonical(std::string(100, 'a')).find(std::string(65, 'a')) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::text
