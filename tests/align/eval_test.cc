// Evaluation: strict and lax precision, recall and F1 on small bead lists scored by hand.
#include "align/eval.h"

#include <boost/test/tools/floating_point_comparison.hpp>
#include <boost/test/unit_test.hpp>

#include "align/beads.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

std::vector<align::BeadIndices> Beads(const std::string& text) {
  auto parsed = align::ParseBeadIndices(text, "inline");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  return *parsed;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eval)

// Gold and test below, judged by hand:
//   precision, the 7 test beads against gold: [0]:[0] strict; [1]:[1] lax (gold links 1-1);
//   []:[2] miss; [2]:[] strict; []:[3] strict; [3]:[4] lax (gold links 3-4); [4]:[] miss.
//   recall, the 3 matched gold beads against the matched test beads: [0]:[0] strict;
//   [1]:[1, 2] lax (test links 1-1); [3, 4]:[4] lax (test links 3-4).
BOOST_AUTO_TEST_CASE(hand_scored_example) {
  std::vector<align::BeadIndices> gold = Beads("[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[]:[3]\n[3, 4]:[4]\n");
  std::vector<align::BeadIndices> test =
      Beads("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n[]:[3]\n[3]:[4]\n[4]:[]\n");
  align::Evaluation evaluation;
  evaluation.Add(gold, test);
  BOOST_TEST(evaluation.precision().total == 7u);
  BOOST_TEST(evaluation.precision().strict_hits == 3u);
  BOOST_TEST(evaluation.precision().lax_hits == 5u);
  BOOST_TEST(evaluation.recall().total == 3u);
  BOOST_TEST(evaluation.recall().strict_hits == 1u);
  BOOST_TEST(evaluation.recall().lax_hits == 3u);
  align::EvalScores s = evaluation.Scores();
  BOOST_TEST(s.precision_strict == 3.0 / 7, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.recall_strict == 1.0 / 3, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.f1_strict == 0.375, boost::test_tools::tolerance(1e-12));  // (2/7)/(16/21)
  BOOST_TEST(s.precision_lax == 5.0 / 7, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.recall_lax == 1.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.f1_lax == 10.0 / 12, boost::test_tools::tolerance(1e-12));

  // Over non-empty beads only, precision judges the 3 matched test beads: 1 strict, 3 lax.
  align::Evaluation matched(true);
  matched.Add(gold, test);
  BOOST_TEST(matched.precision().total == 3u);
  BOOST_TEST(matched.Scores().f1_strict == 1.0 / 3, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(matched.Scores().f1_lax == 1.0, boost::test_tools::tolerance(1e-12));
}

// Counts are summed over files before dividing: a perfect short file and a long file with only
// lax hits give P = 2/4, R = 2/6, F1 = 0.4 (the mean of per-file F1s would be 0.5).
BOOST_AUTO_TEST_CASE(micro_average_over_files) {
  align::Evaluation evaluation;
  evaluation.Add(Beads("[0]:[0]\n[1]:[1]\n"), Beads("[0]:[0]\n[1]:[1]\n"));
  evaluation.Add(Beads("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n"),
                 Beads("[0, 1]:[0, 1]\n[2, 3]:[2, 3]\n"));
  align::EvalScores s = evaluation.Scores();
  BOOST_TEST(s.precision_strict == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.recall_strict == 1.0 / 3, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.f1_strict == 0.4, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(s.f1_lax == 1.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(duplicates_count_once_and_lax_needs_a_shared_link) {
  // [0]:[1] shares source 0 and target 1 with gold beads, but gold never links 0 to 1.
  align::EvalTally tally =
      align::Judge(Beads("[0]:[0]\n[1]:[1]\n"), Beads("[0]:[1]\n[1]:[1]\n[1]:[1]\n[0, 1]:[1]\n"));
  BOOST_TEST(tally.total == 3u);
  BOOST_TEST(tally.strict_hits == 1u);
  BOOST_TEST(tally.lax_hits == 2u);  // [1]:[1] and [0, 1]:[1]
}

BOOST_AUTO_TEST_CASE(unmatched_beads_are_only_strict_hits) {
  // A gold deletion found, one missed and one invented.
  align::Evaluation evaluation;
  evaluation.Add(Beads("[0]:[0]\n[1]:[]\n[2]:[1]\n"), Beads("[0]:[0]\n[1]:[]\n[2]:[]\n[]:[1]\n"));
  BOOST_TEST(evaluation.precision().total == 4u);
  BOOST_TEST(evaluation.precision().strict_hits == 2u);
  BOOST_TEST(evaluation.precision().lax_hits == 2u);
  // Recall judges only [0]:[0] and [2]:[1]; the deletion [1]:[] does not count.
  BOOST_TEST(evaluation.recall().total == 2u);
  BOOST_TEST(evaluation.recall().strict_hits == 1u);
}

BOOST_AUTO_TEST_CASE(empty_inputs_score_zero) {
  align::Evaluation evaluation;
  evaluation.Add(std::vector<align::BeadIndices>{}, std::vector<align::BeadIndices>{});
  align::EvalScores s = evaluation.Scores();
  BOOST_TEST(s.precision_strict == 0.0);
  BOOST_TEST(s.recall_lax == 0.0);
  BOOST_TEST(s.f1_strict == 0.0);
}

// An aligner may give an unmatched bead any position on its empty side: it is the same bead.
BOOST_AUTO_TEST_CASE(aligner_beads_score_like_their_index_lists) {
  align::Bead deletion, pair;
  deletion.source_begin = 1;
  deletion.source_count = 1;
  deletion.target_begin = 7;
  pair.source_begin = 2;
  pair.source_count = 2;
  pair.target_begin = 1;
  pair.target_count = 1;
  align::Evaluation evaluation;
  evaluation.Add(*align::ParseBeads("[1]:[]\n[2, 3]:[1]\n", "gold"), {deletion, pair});
  BOOST_TEST(evaluation.precision().strict_hits == 2u);
  BOOST_TEST(evaluation.recall().strict_hits == 1u);
}

// Hand-made gold may link sentences that are not neighbours; beads compare as written.
BOOST_AUTO_TEST_CASE(non_consecutive_gold_beads) {
  std::vector<align::BeadIndices> gold = Beads("[29, 31]:[31]\n[30]:[30, 32]\n");
  align::EvalTally tally = align::Judge(gold, Beads("[29, 31]:[31]\n[30]:[31]\n[31]:[32]\n"));
  BOOST_TEST(tally.total == 3u);
  BOOST_TEST(tally.strict_hits == 1u);
  BOOST_TEST(tally.lax_hits == 1u);  // 30-31 and 31-32 are not gold links
  BOOST_TEST(align::Judge(gold, Beads("[31, 29]:[31]\n")).strict_hits == 0u);
  BOOST_TEST(align::Judge(gold, Beads("[31, 29]:[31]\n")).lax_hits == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
