// Coverage figures and omission, addition and weak-pair findings from beads.
#include <boost/test/unit_test.hpp>

#include "qa/check.h"
#include "qa/coverage.h"
#include "qa_test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(qa_coverage)

BOOST_AUTO_TEST_CASE(counts_code_points_not_bytes) {
  BOOST_TEST(qa::CountCodePoints("") == 0u);
  BOOST_TEST(qa::CountCodePoints("abc") == 3u);
  BOOST_TEST(qa::CountCodePoints("été") == 3u);
  BOOST_TEST(qa::CountCodePoints("حرب") == 3u);
}

BOOST_AUTO_TEST_CASE(omissions_additions_and_figures) {
  text::Document source = MakeDocument("a.en.txt", "en", {"One.", "Two two.", "Three."});
  text::Document target = MakeDocument("a.fr.txt", "fr", {"Un.", "Trois.", "Quatre en plus."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 1, 0.95), MakeBead(1, 1, 1, 0),
                     MakeBead(2, 1, 1, 1, 0.1), MakeBead(3, 0, 2, 1)};
  qa::Coverage coverage = qa::MeasureCoverage(source, target, alignment);
  BOOST_TEST(coverage.beads == 4u);
  BOOST_TEST(coverage.matched_beads == 2u);
  BOOST_TEST(coverage.source_matched == 2u);
  BOOST_TEST(coverage.target_matched == 2u);
  BOOST_TEST(coverage.source_chars == 4u + 8u + 6u);
  BOOST_TEST(coverage.source_matched_chars == 10u);
  BOOST_TEST(coverage.SourceSentencePercent() == 200.0 / 3.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(coverage.SourceCharPercent() == 1000.0 / 18.0, boost::test_tools::tolerance(1e-9));

  std::vector<qa::Finding> findings = qa::CoverageFindings(source, target, alignment, 0.3);
  BOOST_REQUIRE(findings.size() == 3u);
  BOOST_TEST(qa::KindName(findings[0].kind) == "omission");
  BOOST_TEST(findings[0].source_begin == 1u);
  BOOST_TEST(findings[0].source_count == 1u);
  BOOST_TEST(findings[0].target_count == 0u);
  BOOST_TEST(qa::KindName(findings[1].kind) == "weak_pair");
  BOOST_TEST(findings[1].bead == 2u);
  BOOST_TEST(qa::KindName(findings[2].kind) == "addition");
  BOOST_TEST(findings[2].target_begin == 2u);
}

BOOST_AUTO_TEST_CASE(an_unmatched_bead_of_two_sentences_gives_two_omissions) {
  text::Document source = MakeDocument("s", "en", {"A.", "B.", "C."});
  text::Document target = MakeDocument("t", "fr", {"A."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 1), MakeBead(1, 2, 1, 0)};
  std::vector<qa::Finding> findings = qa::CoverageFindings(source, target, alignment, 0.3);
  BOOST_REQUIRE(findings.size() == 2u);
  BOOST_TEST(findings[0].source_begin == 1u);
  BOOST_TEST(findings[1].source_begin == 2u);
}

BOOST_AUTO_TEST_CASE(empty_sides_are_fully_covered) {
  qa::Coverage coverage;
  BOOST_TEST(coverage.SourceSentencePercent() == 100.0);
  BOOST_TEST(coverage.TargetCharPercent() == 100.0);
}

BOOST_AUTO_TEST_CASE(check_pair_refuses_an_alignment_that_skips_a_sentence) {
  text::Document source = MakeDocument("s", "en", {"A.", "B."});
  text::Document target = MakeDocument("t", "fr", {"A."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 1)};
  text::Result<qa::Report> report = qa::CheckPair(source, target, alignment, {});
  BOOST_TEST(!report.ok());
  BOOST_TEST(report.status().message().find("checking the alignment") == 0u);
}

BOOST_AUTO_TEST_CASE(kind_names_round_trip) {
  for (qa::FindingKind kind : qa::AllKinds()) {
    BOOST_TEST(qa::KindName(qa::ParseKind(qa::KindName(kind)).value()) == qa::KindName(kind));
  }
  BOOST_TEST(!qa::ParseKind("omissions").has_value());
  // The table of checks names every kind once, and lists them in the enum's (report) order.
  for (std::size_t i = 0; i < qa::AllKinds().size(); ++i) {
    BOOST_TEST(static_cast<std::size_t>(qa::AllKinds()[i]) == i);
  }
  BOOST_TEST(qa::AllKinds().size() ==
             static_cast<std::size_t>(qa::FindingKind::kEndPunctuation) + 1);
  BOOST_TEST(qa::KindNames() ==
             "omission, addition, weak_pair, missing_term, inconsistent_term, rejected_term, "
             "do_not_translate, number_mismatch, untranslated, spelling, empty_target, "
             "tag_mismatch, placeholder_mismatch, edge_space, double_space, end_punctuation");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
