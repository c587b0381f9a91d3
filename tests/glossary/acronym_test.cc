// Acronym definitions: Schwartz & Hearst, brackets, and long forms found through translation.
#include <string>

#include <boost/test/unit_test.hpp>

#include "glossary/acronym.h"
#include "glossary/word_links.h"

namespace termalign::glossary {
namespace {

BOOST_AUTO_TEST_SUITE(acronym)

BOOST_AUTO_TEST_CASE(long_form_before_the_bracket) {
  WordAnalyzer analyzer("en");
  std::string sentence = "Funding comes from the National Rivers Authority (NRA) each year.";
  auto definitions = FindAcronymDefinitions(sentence, analyzer.Analyze(sentence));
  BOOST_REQUIRE_EQUAL(definitions.size(), 1u);
  BOOST_TEST(definitions[0].short_form == "NRA");
  BOOST_TEST(definitions[0].long_form == "National Rivers Authority");
  BOOST_TEST(sentence.substr(definitions[0].long_begin,
                             definitions[0].long_end - definitions[0].long_begin) ==
             "National Rivers Authority");
}

BOOST_AUTO_TEST_CASE(square_brackets_and_connectors) {
  WordAnalyzer analyzer("en");
  std::string sentence = "They sold machine learning [ML] tools to the Bureau of Water Safety (BWS).";
  auto definitions = FindAcronymDefinitions(sentence, analyzer.Analyze(sentence));
  BOOST_REQUIRE_EQUAL(definitions.size(), 2u);
  BOOST_TEST(definitions[0].long_form == "machine learning");
  BOOST_TEST(definitions[1].long_form == "Bureau of Water Safety");
}

BOOST_AUTO_TEST_CASE(short_form_before_the_long_one) {
  WordAnalyzer analyzer("en");
  std::string sentence = "The NRA (National Rivers Authority) disagreed.";
  auto definitions = FindAcronymDefinitions(sentence, analyzer.Analyze(sentence));
  BOOST_REQUIRE_EQUAL(definitions.size(), 1u);
  BOOST_TEST(definitions[0].short_form == "NRA");
  BOOST_TEST(definitions[0].long_form == "National Rivers Authority");
}

BOOST_AUTO_TEST_CASE(letters_that_do_not_match_give_nothing) {
  WordAnalyzer analyzer("fr");
  std::string sentence = "Le financement vient de l’Autorité nationale des rivières (NRA) chaque année.";
  std::vector<Word> words = analyzer.Analyze(sentence);
  BOOST_TEST(FindAcronymDefinitions(sentence, words).empty());
  auto sites = FindShortFormSites(sentence, words);
  BOOST_REQUIRE_EQUAL(sites.size(), 1u);
  BOOST_TEST(sites[0].short_form == "NRA");
}

BOOST_AUTO_TEST_CASE(french_long_form_through_the_english_one) {
  WordAnalyzer french("fr"), english("en");
  std::string sentence = "Les fonds viennent de l’Agence de sécurité nationale (NSA) chaque année.";
  std::vector<Word> words = french.Analyze(sentence);
  auto sites = FindShortFormSites(sentence, words);
  BOOST_REQUIRE_EQUAL(sites.size(), 1u);
  std::vector<Word> known = english.Analyze("National Security Agency");
  WordLinker linker(&french, &english, nullptr, nullptr);  // cognates only
  auto matcher = [&](const Word& word) {
    double best = 0;
    for (const Word& other : known) {
      if (other.content) best = std::max(best, linker.Link(word, other).strength);
    }
    return best >= 0.6 ? best : 0.0;
  };
  AcronymDefinition definition;
  BOOST_REQUIRE(LongFormByTranslation(sentence, words, sites[0], 3, matcher, &definition));
  BOOST_TEST(definition.long_form == "Agence de sécurité nationale");
}

BOOST_AUTO_TEST_CASE(a_long_form_never_crosses_punctuation) {
  WordAnalyzer french("fr");
  std::string sentence = "Autorité nationale, rivières (NRA).";
  std::vector<Word> words = french.Analyze(sentence);
  auto sites = FindShortFormSites(sentence, words);
  BOOST_REQUIRE_EQUAL(sites.size(), 1u);
  AcronymDefinition definition;
  auto all = [](const Word&) { return 1.0; };
  BOOST_TEST(!LongFormByTranslation(sentence, words, sites[0], 3, all, &definition));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
