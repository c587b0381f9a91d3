// IBM Model 1 (text/ibm_model1.h), which the aligner's second pass trains on confident beads.
#include <cstdint>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "text/ibm_model1.h"

namespace termalign::text {
namespace {

// Source ids: 0 the, 1 house, 2 book, 3 a, 4 small. Target ids: 10 la, 11 maison, 12 livre,
// 13 un, 14 petit, 15 le; 14 stands for petit and petite.
std::vector<TokenIdPair> SmallCorpus() {
  return {
      {{0, 1}, {10, 11}},          // the house / la maison
      {{0, 2}, {15, 12}},          // the book / le livre
      {{3, 2}, {13, 12}},          // a book / un livre
      {{3, 4, 2}, {13, 14, 12}},   // a small book / un petit livre
      {{0, 4, 1}, {10, 14, 11}},   // the small house / la petite maison
      {{1}, {11}},                 // House / Maison (a title)
  };
}

BOOST_AUTO_TEST_CASE(model1_learns_word_translations) {
  TranslationTable table;
  table.Train(SmallCorpus(), 10);
  BOOST_TEST(table.Probability(2, 12) > 0.6);  // book -> livre
  BOOST_TEST(table.Probability(1, 11) > 0.4);  // house -> maison
  BOOST_TEST(table.Probability(4, 14) > 0.4);  // small -> petit
  // The right translation beats every other target of the same source.
  for (const TranslationTable::Entry& entry : table.Translations(2)) {
    if (entry.target != 12) BOOST_TEST(entry.probability < table.Probability(2, 12));
  }
  for (const TranslationTable::Entry& entry : table.Translations(1)) {
    if (entry.target != 11) BOOST_TEST(entry.probability < table.Probability(1, 11));
  }
}

BOOST_AUTO_TEST_CASE(model1_rows_are_distributions_and_sparse) {
  TranslationTable table;
  table.Train(SmallCorpus(), 5);
  for (std::uint32_t source : {0u, 1u, 2u, 3u, 4u, TranslationTable::kNullSource}) {
    double sum = 0.0;
    for (const TranslationTable::Entry& entry : table.Translations(source)) {
      sum += entry.probability;
    }
    BOOST_TEST(sum == 1.0, boost::test_tools::tolerance(1e-4));
  }
  // "house" never co-occurs with "livre": no entry, probability 0.
  BOOST_TEST(table.Probability(1, 12) == 0.0);
  BOOST_TEST(table.Probability(99, 12) == 0.0);
  BOOST_TEST(table.Translations(99).empty());
}

BOOST_AUTO_TEST_CASE(model1_skips_empty_sides_and_untrained_table_is_empty) {
  TranslationTable table;
  BOOST_TEST(table.Probability(0, 10) == 0.0);
  table.Train({{{}, {10}}, {{0}, {}}}, 3);
  BOOST_TEST(table.Probability(0, 10) == 0.0);
  table.Train({{{0}, {10}}}, 3);
  BOOST_TEST(table.Probability(0, 10) > 0.4);
}

}  // namespace
}  // namespace termalign::text
