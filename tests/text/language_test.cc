// Language profiles: lookup by tag, the list of known languages, and the shape of the data.
#include "text/language.h"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

#include "text/fold.h"

namespace text = termalign::text;

BOOST_AUTO_TEST_SUITE(language)

BOOST_AUTO_TEST_CASE(tags_fall_back_to_their_primary_language) {
  for (const char* tag : {"en", "en-GB", "EN_us", "En"}) {
    const text::LanguageProfile* profile = text::FindLanguage(tag);
    BOOST_TEST_REQUIRE(profile != nullptr, tag);
    BOOST_TEST(profile->tag == "en");
  }
  BOOST_TEST(text::FindLanguage("de-CH")->tag == "de");
  BOOST_TEST(text::FindLanguage("es-419")->tag == "es");
  BOOST_TEST(text::FindLanguage("fr_CA")->name == "French");
}

BOOST_AUTO_TEST_CASE(unknown_tags_get_the_root_profile) {
  for (const char* tag : {"", "und", "xx", "eng", "it"}) {
    BOOST_TEST(text::FindLanguage(tag) == nullptr, tag);
    BOOST_TEST(text::LanguageFor(tag).tag == "und", tag);
    BOOST_TEST(text::LanguageFor(tag).stop_words.empty());
  }
  // The root profile keeps the English abbreviations for mixed text.
  BOOST_TEST(text::LanguageFor("xx").titles.size() == text::LanguageFor("en").titles.size());
}

BOOST_AUTO_TEST_CASE(known_languages_are_the_registry_in_tag_order) {
  std::vector<std::string> expected = {"ar", "de", "en", "es", "fr"};
  BOOST_TEST(text::KnownLanguages() == expected, boost::test_tools::per_element());
  BOOST_TEST(text::AllLanguages().size() == expected.size());
}

BOOST_AUTO_TEST_CASE(sentence_locales) {
  BOOST_TEST(text::SentenceLocale("fr-FR") == "fr");
  BOOST_TEST(text::SentenceLocale("und") == "en");
  BOOST_TEST(text::SentenceLocale("") == "en");
  BOOST_TEST(text::SentenceLocale("it") == "it");
}

// Word lists marked "folded" must hold FoldForMatch forms, or no word would ever match them.
BOOST_AUTO_TEST_CASE(folded_lists_are_folded_and_unique) {
  for (const text::LanguageProfile* profile : text::AllLanguages()) {
    for (auto list : {profile->stop_words, profile->counting_words, profile->connectors,
                      profile->connector_articles, profile->date_particles,
                      profile->general_modifiers}) {
      std::set<std::string_view> seen;
      for (std::string_view word : list) {
        BOOST_TEST(text::FoldForMatch(word) == word, profile->tag << ": " << word);
        BOOST_TEST(seen.insert(word).second, profile->tag << ": twice: " << word);
      }
    }
    for (std::string_view connector : profile->connectors) {
      bool stop = false;
      for (std::string_view word : profile->stop_words)
        stop = stop || word == connector || word.size() + 1 == connector.size();
      BOOST_TEST(stop, profile->tag << ": connector not a stop word: " << connector);
    }
    BOOST_TEST(profile->decimal_mark != profile->grouping_mark);
    BOOST_TEST(!profile->hunspell_dictionaries.empty());
    BOOST_TEST(profile->month_names.size() >= 12u);
    std::set<int> months;
    for (const text::WordValue& month : profile->month_names) months.insert(month.value);
    BOOST_TEST(months.size() == 12u, profile->tag);
  }
}

BOOST_AUTO_TEST_SUITE_END()
