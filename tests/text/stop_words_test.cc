// Stop words and number words per language, given folded words.
#include "text/stop_words.h"

#include <boost/test/unit_test.hpp>

#include "text/fold.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(stop_words)

BOOST_AUTO_TEST_CASE(function_words_of_each_language) {
  for (const char* word : {"the", "during", "whether", "among", "several", "seems", "would"}) {
    BOOST_TEST(text::IsStopWord(word, "en"), word);
  }
  for (const char* word : {"parmi", "lorsque", "notre", "soient", "semble", "apres", "grace"}) {
    BOOST_TEST(text::IsStopWord(word, "fr"), word);
  }
  for (const char* word : {"der", "und", "zwischen", "wahrend", "wurde", "fur"}) {
    BOOST_TEST(text::IsStopWord(word, "de"), word);
  }
  for (const char* word : {"los", "segun", "tambien", "aunque", "del", "hay"}) {
    BOOST_TEST(text::IsStopWord(word, "es"), word);
  }
  BOOST_TEST(text::IsStopWord("في", "ar"));
  BOOST_TEST(text::IsStopWord("خلال", "ar"));
  // A region subtag falls back to the language.
  BOOST_TEST(text::IsStopWord("the", "en-GB"));
  BOOST_TEST(text::IsStopWord("los", "es-MX"));
}

BOOST_AUTO_TEST_CASE(content_words_are_not_stop_words) {
  for (const char* word : {"tram", "ministry", "cloud", "storage", "defense"}) {
    BOOST_TEST(!text::IsStopWord(word, "en"), word);
  }
  for (const char* word : {"armee", "ministere", "stockage", "or"}) {
    BOOST_TEST(!text::IsStopWord(word, "fr"), word);
  }
  BOOST_TEST(!text::IsStopWord("zug", "de"));
  BOOST_TEST(!text::IsStopWord("غزه", "ar"));
}

BOOST_AUTO_TEST_CASE(lists_are_per_language) {
  BOOST_TEST(!text::IsStopWord("the", "fr"));
  BOOST_TEST(!text::IsStopWord("parmi", "en"));
  BOOST_TEST(!text::IsStopWord("der", "en"));
  BOOST_TEST(!text::IsStopWord("the", "es"));
  BOOST_TEST(!text::IsStopWord("the", "it"));  // no profile: nothing is a stop word
  BOOST_TEST(!text::IsStopWord("", "en"));
}

BOOST_AUTO_TEST_CASE(lists_hold_folded_forms) {
  // Accented and capitalised forms match once folded, as callers pass them.
  BOOST_TEST(text::IsStopWord(text::FoldForMatch("Après"), "fr"));
  BOOST_TEST(text::IsStopWord(text::FoldForMatch("Während"), "de"));
  BOOST_TEST(text::IsStopWord(text::FoldForMatch("إلى"), "ar"));
  BOOST_TEST(!text::IsStopWord("après", "fr"));  // unfolded: not in the list
}

BOOST_AUTO_TEST_CASE(number_words) {
  BOOST_TEST(text::IsNumberWord("thousands", "en"));
  BOOST_TEST(text::IsNumberWord("twelve", "en"));
  BOOST_TEST(text::IsNumberWord("milliers", "fr"));
  BOOST_TEST(text::IsNumberWord(text::FoldForMatch("Fünf"), "de"));
  BOOST_TEST(text::IsNumberWord(text::FoldForMatch("millón"), "es"));
  BOOST_TEST(text::IsNumberWord(text::FoldForMatch("مليون"), "ar"));
  // Also pronouns or articles: left to the stop-word list.
  BOOST_TEST(!text::IsNumberWord("one", "en"));
  BOOST_TEST(!text::IsNumberWord("une", "fr"));
  BOOST_TEST(!text::IsNumberWord("thousands", "fr"));
  BOOST_TEST(!text::IsNumberWord("storage", "en"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
