#include "lexicon.h"

#include <string>

#include <boost/test/unit_test.hpp>

#include "text/dictionary.h"

namespace termalign::testing {

namespace internal = align::internal;

BOOST_AUTO_TEST_SUITE(lexicon)

// A long word used to cost a dictionary lookup (and a copy of the rest of the word) at every
// split point: quadratic, 10 s for a 320,000-letter word. The work is now bounded by the word's
// length plus the longest entry's, whatever the word.
BOOST_AUTO_TEST_CASE(a_long_word_costs_linear_work) {
  text::BilingualDictionary dictionary;
  dictionary.Add("pump", "pompe");
  dictionary.Add("water", "eau");
  dictionary.Add("waterpump", "pompe à eau");
  for (std::size_t length : {std::size_t{1'000}, std::size_t{20'000}, std::size_t{100'000}}) {
    BOOST_TEST_CONTEXT("length " << length) {
      // No split finds a head: every stage runs to its end.
      internal::TranslateCost miss;
      std::string word(length, 'a');
      BOOST_TEST(internal::TranslateWord(dictionary, word, &miss).empty());
      BOOST_TEST(miss.lookups <= 4 + dictionary.longest_source_bytes());
      BOOST_TEST(miss.bytes <= 4 * length + 100);

      // A compound whose head is known: the head and the modifier are looked up once each.
      internal::TranslateCost hit;
      std::string compound = std::string(length, 'x') + "water";
      auto found = internal::TranslateWord(dictionary, compound, &hit);
      BOOST_REQUIRE_EQUAL(found.size(), 1u);
      BOOST_TEST(found[0]->front() == "eau");
      BOOST_TEST(hit.lookups <= 6 + dictionary.longest_source_bytes());
      BOOST_TEST(hit.bytes <= 5 * length + 100);
    }
  }
}

BOOST_AUTO_TEST_CASE(compound_heads_are_found_as_before) {
  text::BilingualDictionary dictionary;
  dictionary.Add("pump", "pompe");
  dictionary.Add("water", "eau");
  // The longest known tail wins, and the modifier is translated too.
  auto found = internal::TranslateWord(dictionary, "waterpump");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(found[0]->front() == "pompe");
  BOOST_TEST(found[1]->front() == "eau");
  // A lemma by cutting an ending, and a word that is an entry.
  BOOST_TEST(internal::TranslateWord(dictionary, "pumps").size() == 1u);
  BOOST_TEST(internal::TranslateWord(dictionary, "water").size() == 1u);
  // Too short to split.
  BOOST_TEST(internal::TranslateWord(dictionary, "xxpump").empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
