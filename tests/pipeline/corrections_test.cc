// Corrections to an alignment: each edit keeps the beads covering both documents in order, and
// the two files beside a TMX give back what was written.
#include "pipeline/corrections.h"

#include <boost/test/unit_test.hpp>

#include "align/beads.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using pipeline::Corrections;

// Five source and four target sentences: [0]:[0] [1]:[1] [2, 3]:[2] [4]:[] []:[3].
Corrections Sample() {
  align::Alignment alignment{{{0, 1, 0, 1, 0.9},
                              {1, 1, 1, 1, 0.5},
                              {2, 2, 2, 1, 0.4},
                              {4, 1, 3, 0, 0.0},
                              {5, 0, 3, 1, 0.0}}};
  return Corrections::FromAlignment(alignment, "src", "tgt");
}

std::string Beads(const Corrections& corrections) {
  std::string text;
  for (const align::Bead& bead : corrections.beads) text += align::FormatBead(bead) + " ";
  return text;
}

void RequireCovers(const Corrections& corrections) {
  BOOST_REQUIRE(align::CheckCoverage(corrections.beads, 5, 4).ok());
  BOOST_REQUIRE_EQUAL(corrections.excluded.size(), corrections.beads.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corrections)

BOOST_AUTO_TEST_CASE(merge_joins_a_bead_with_the_next_and_scores_it_as_a_persons) {
  Corrections c = Sample();
  BOOST_TEST(!c.corrected);
  BOOST_REQUIRE(c.MergeWithNext(0).ok());
  RequireCovers(c);
  BOOST_TEST(Beads(c) == "[0, 1]:[0, 1] [2, 3]:[2] [4]:[] []:[3] ");
  BOOST_TEST(c.beads[0].score == pipeline::kPersonScore);
  BOOST_TEST(c.corrected);
  // An unmatched source with the unmatched target after it: one 1-1 bead.
  BOOST_REQUIRE(c.MergeWithNext(2).ok());
  RequireCovers(c);
  BOOST_TEST(Beads(c) == "[0, 1]:[0, 1] [2, 3]:[2] [4]:[3] ");
  text::Status last = c.MergeWithNext(2);
  BOOST_TEST(!last.ok());
  BOOST_TEST(last.message() == "bead 3 has no next bead to merge with");
}

BOOST_AUTO_TEST_CASE(split_and_unlink_give_back_each_sentence) {
  Corrections c = Sample();
  BOOST_REQUIRE(c.Split(2, 1, 1).ok());
  RequireCovers(c);
  BOOST_TEST(Beads(c) == "[0]:[0] [1]:[1] [2]:[2] [3]:[] [4]:[] []:[3] ");
  BOOST_TEST(c.Split(0, 1, 1).message() == "bead 1: both parts of a split need a sentence");
  BOOST_TEST(c.Split(0, 2, 0).message() == "bead 1 has 1 source and 1 target sentences");
  BOOST_REQUIRE(c.Unlink(1).ok());
  RequireCovers(c);
  BOOST_TEST(Beads(c) == "[0]:[0] [1]:[] []:[1] [2]:[2] [3]:[] [4]:[] []:[3] ");
  BOOST_TEST(c.Unlink(1).message() == "bead 2 links nothing");
  BOOST_TEST(c.Unlink(40).message() == "bead 41 does not exist");
}

BOOST_AUTO_TEST_CASE(excluded_beads_stay_out_of_the_tmx_and_edits_replace_the_text) {
  Corrections c = Sample();
  BOOST_REQUIRE(c.Exclude(1, true).ok());
  BOOST_REQUIRE(c.MergeWithNext(1).ok());  // excluded and kept: the merge is kept
  BOOST_TEST(!c.excluded[1]);
  BOOST_REQUIRE(c.Exclude(0, true).ok());
  BOOST_TEST(c.TmxAlignment().beads.size() == c.beads.size() - 1);
  BOOST_TEST(align::FormatBead(c.TmxAlignment().beads[0]) == "[1, 2, 3]:[1, 2]");

  BOOST_REQUIRE(c.Edit(true, 2, 4, "  Une\nphrase   corrigée ").ok());
  BOOST_TEST(c.target_edits.at(2) == "Une phrase corrigée");
  BOOST_TEST(c.Edit(true, 4, 4, "x").message() == "target sentence 5 does not exist");
  BOOST_TEST(c.Edit(false, 0, 5, " \n").message() ==
             "the edited text is empty: unlink the sentence or exclude its bead instead");
  BOOST_TEST(!c.Edit(false, 0, 5, "bad \xC3\x28 byte").ok());
  text::Document source{"s", "en", {{"a"}, {"b"}, {"c"}, {"d"}, {"e"}}, {}};
  text::Document target{"t", "fr", {{"A"}, {"B"}, {"C"}, {"D"}}, {}};
  c.ApplyEdits(&source, &target);
  BOOST_TEST(target.sentences[2].text == "Une phrase corrigée");
  BOOST_TEST(source.sentences[0].text == "a");
}

BOOST_AUTO_TEST_CASE(the_files_beside_a_tmx_give_back_what_was_written) {
  TempDir dir;
  const std::string tmx = (dir / "a.en-fr.tmx").string();
  BOOST_TEST(pipeline::BeadsPathOf(tmx) == (dir / "a.en-fr.beads").string());
  BOOST_TEST(pipeline::CorrectionsPathOf(tmx) == (dir / "a.en-fr.review.json").string());
  BOOST_TEST((pipeline::ReadCorrections(tmx, {"", "", 5, 4}).status().code() == text::ErrorCode::kNotFound));

  Corrections c = Sample();
  BOOST_REQUIRE(c.MergeWithNext(3).ok());
  BOOST_REQUIRE(c.Exclude(1, true).ok());
  BOOST_REQUIRE(c.Edit(false, 4, 5, "Edited.").ok());
  BOOST_REQUIRE(pipeline::WriteCorrections(tmx, c).ok());
  BOOST_TEST(ReadFile(dir / "a.en-fr.beads") ==
             "[0]:[0]:0.900\n[1]:[1]:0.500\n[2, 3]:[2]:0.400\n[4]:[3]:1.000\n");

  text::Result<Corrections> read = pipeline::ReadCorrections(tmx, {"", "", 5, 4});
  BOOST_REQUIRE_MESSAGE(read.ok(), read.status().message());
  BOOST_TEST(Beads(*read) == Beads(c));
  BOOST_TEST(read->excluded == c.excluded);
  BOOST_TEST(read->source_edits == c.source_edits);
  BOOST_TEST(read->corrected);
  BOOST_TEST(read->source_hash == "src");
  BOOST_TEST(pipeline::ReadCorrections(tmx, {"src", "other", 5, 4}).status().message() ==
             (dir / "a.en-fr.review.json").string() +
                 ": the documents changed since they were aligned");
  // Read against documents of other lengths: the beads no longer cover them.
  text::Result<Corrections> other = pipeline::ReadCorrections(tmx, {"src", "tgt", 6, 4});
  BOOST_TEST((other.status().code() == text::ErrorCode::kParse));
  BOOST_TEST(other.status().message().find("the beads do not cover the documents") !=
             std::string::npos);
  WriteFile(dir / "a.en-fr.review.json", "{\"source_hash\": 3}");
  BOOST_TEST(pipeline::ReadCorrections(tmx, {"", "", 5, 4}).status().message() ==
             (dir / "a.en-fr.review.json").string() +
                 ": no source_hash, target_hash or corrected");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
