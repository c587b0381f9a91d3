// The bead line format: formatting, parsing with located errors, coverage checks.
#include "align/beads.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <random>

#include "test_util.h"

namespace termalign::testing {
namespace {

align::Bead MakeBead(std::size_t sb, std::size_t sc, std::size_t tb, std::size_t tc) {
  align::Bead bead;
  bead.source_begin = sb;
  bead.source_count = sc;
  bead.target_begin = tb;
  bead.target_count = tc;
  return bead;
}

bool SameBeads(const std::vector<align::Bead>& a, const std::vector<align::Bead>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (align::FormatBead(a[i]) != align::FormatBead(b[i])) return false;
  }
  return true;
}

// A random covering bead list of up to `max_beads` beads, types 0-1 to 3-3.
std::vector<align::Bead> RandomBeads(std::mt19937& rng, int max_beads) {
  std::vector<align::Bead> beads;
  std::uniform_int_distribution<int> size(0, 3), count(0, max_beads);
  std::size_t source = 0, target = 0;
  for (int i = count(rng); i > 0; --i) {
    std::size_t n = size(rng), m = size(rng);
    if (n == 0 && m == 0) n = 1;
    beads.push_back(MakeBead(n ? source : 0, n, m ? target : 0, m));
    source += n;
    target += m;
  }
  return beads;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(beads)

BOOST_AUTO_TEST_CASE(formats_every_bead_type) {
  BOOST_TEST(align::FormatBead(MakeBead(0, 1, 0, 1)) == "[0]:[0]");
  BOOST_TEST(align::FormatBead(MakeBead(1, 2, 3, 1)) == "[1, 2]:[3]");
  BOOST_TEST(align::FormatBead(MakeBead(4, 1, 0, 0)) == "[4]:[]");
  BOOST_TEST(align::FormatBead(MakeBead(0, 0, 5, 1)) == "[]:[5]");
  align::Bead scored = MakeBead(7, 1, 8, 3);
  scored.score = 0.91234;
  BOOST_TEST(align::FormatBead(scored, true) == "[7]:[8, 9, 10]:0.912");
  BOOST_TEST(align::FormatBeads({MakeBead(0, 1, 0, 1), MakeBead(1, 1, 0, 0)}) ==
             "[0]:[0]\n[1]:[]\n");
}

BOOST_AUTO_TEST_CASE(parses_every_bead_type_and_ignores_the_score_field) {
  auto parsed = align::ParseBeads(
      "[0]:[0]\n[1, 2]:[1]\n\n[3]:[]\n[]:[2]:0.5\n [4 ,5] : [3]  : whatever \r\n", "g.txt");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  std::vector<align::Bead> expected = {MakeBead(0, 1, 0, 1), MakeBead(1, 2, 1, 1),
                                       MakeBead(3, 1, 0, 0), MakeBead(0, 0, 2, 1),
                                       MakeBead(4, 2, 3, 1)};
  BOOST_TEST(SameBeads(*parsed, expected));
  BOOST_TEST((*parsed)[3].score == 0.5);
  BOOST_TEST(align::CheckCoverage(*parsed, 6, 4).ok());
}

BOOST_AUTO_TEST_CASE(skips_bom_and_empty_beads) {
  auto parsed = align::ParseBeads("\xEF\xBB\xBF[0]:[0]\n[]:[]\n[1]:[1]", "g.txt");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  BOOST_TEST(SameBeads(*parsed, {MakeBead(0, 1, 0, 1), MakeBead(1, 1, 1, 1)}));
}

BOOST_AUTO_TEST_CASE(parse_errors_name_file_line_and_column) {
  auto missing_colon = align::ParseBeads("[0]:[0]\n[1] [1]\n", "gold.txt");
  BOOST_REQUIRE(!missing_colon.ok());
  BOOST_TEST((missing_colon.status().code() == text::ErrorCode::kParse));
  BOOST_TEST(missing_colon.status().message() ==
             "gold.txt:2:5: expected ':' between the source and target lists\n"
             "  [1] [1]\n"
             "      ^");

  auto bad_index = align::ParseBeads("[0]:[0, x]\n", "t.beads");
  BOOST_REQUIRE(!bad_index.ok());
  BOOST_TEST(bad_index.status().message() ==
             "t.beads:1:9: expected a sentence index\n  [0]:[0, x]\n          ^");

  auto unclosed = align::ParseBeads("\n\n[3:[4]\n", "a");
  BOOST_REQUIRE(!unclosed.ok());
  BOOST_TEST(unclosed.status().message().rfind(
                 "a:3:3: expected ',' or ']' after a sentence index\n", 0) == 0);

  auto gap = align::ParseBeads("[3, 5]:[4]\n", "a");
  BOOST_REQUIRE(!gap.ok());
  BOOST_TEST(gap.status().message().rfind(
                 "a:1:5: the source indices of a bead must be consecutive and increasing: "
                 "expected 4\n",
                 0) == 0);

  auto no_target = align::ParseBeads("[1]:\n", "a");
  BOOST_REQUIRE(!no_target.ok());
  BOOST_TEST(
      no_target.status().message().rfind("a:1:5: expected '[' to open the target list\n", 0) == 0);

  auto junk = align::ParseBeads("[1]:[2] x\n", "a");
  BOOST_REQUIRE(!junk.ok());
  BOOST_TEST(junk.status().message().rfind("a:1:9: expected ':' or the end of the line\n", 0) == 0);

  auto huge = align::ParseBeads("[99999999999999999999999]:[2]\n", "a");
  BOOST_REQUIRE(!huge.ok());
  BOOST_TEST(huge.status().message().rfind("a:1:2: sentence index too large\n", 0) == 0);
}

BOOST_AUTO_TEST_CASE(index_lists_accept_any_order_but_report_syntax_errors) {
  auto parsed = align::ParseBeadIndices("[29, 31]:[31]\n[]:[]\n[4]:[]:0.25\n", "g.gold");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  BOOST_REQUIRE(parsed->size() == 2u);
  BOOST_TEST((*parsed)[0].source == (std::vector<std::size_t>{29, 31}));
  BOOST_TEST((*parsed)[0].target == (std::vector<std::size_t>{31}));
  BOOST_TEST((*parsed)[1].target.empty());
  BOOST_TEST((*parsed)[1].score == 0.25);
  auto bad = align::ParseBeadIndices("[1]:[2]\n[3 4]:[5]\n", "g.gold");
  BOOST_REQUIRE(!bad.ok());
  BOOST_TEST(bad.status().message() ==
             "g.gold:2:4: expected ',' or ']' after a sentence index\n  [3 4]:[5]\n     ^");
  align::BeadIndices lists = align::ToIndices(MakeBead(3, 2, 0, 0));
  BOOST_TEST(lists.source == (std::vector<std::size_t>{3, 4}));
  BOOST_TEST(lists.target.empty());
}

BOOST_AUTO_TEST_CASE(read_bead_file_reports_missing_file) {
  TempDir dir;
  auto missing = align::ReadBeadFile((dir / "none.txt").string());
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.status().code() == text::ErrorCode::kIo));
  BOOST_TEST(missing.status().message() ==
             "cannot open " + (dir / "none.txt").string() + ": No such file or directory");
  WriteFile(dir / "g.txt", "[0]:[0]\n[1]:[]\n");
  auto read = align::ReadBeadFile((dir / "g.txt").string());
  BOOST_REQUIRE(read.ok());
  BOOST_TEST(read->size() == 2u);
}

BOOST_AUTO_TEST_CASE(coverage_finds_gaps_overlaps_and_leftovers) {
  using align::CheckCoverage;
  std::vector<align::Bead> good = {MakeBead(0, 1, 0, 2), MakeBead(1, 1, 0, 0), MakeBead(0, 0, 2, 1),
                                   MakeBead(2, 2, 3, 1)};
  BOOST_TEST(CheckCoverage(good).ok());
  BOOST_TEST(CheckCoverage(good, 4, 4).ok());
  BOOST_TEST(CheckCoverage({}, 0, 0).ok());

  text::Status skipped = CheckCoverage({MakeBead(0, 1, 0, 1), MakeBead(2, 1, 1, 1)});
  BOOST_TEST(skipped.message() == "bead 1 ([2]:[1]): expected source sentence 1, found 2");
  text::Status repeated = CheckCoverage({MakeBead(0, 1, 0, 2), MakeBead(1, 1, 1, 1)});
  BOOST_TEST(repeated.message() == "bead 1 ([1]:[1]): expected target sentence 2, found 1");
  text::Status empty = CheckCoverage({MakeBead(0, 0, 0, 0)});
  BOOST_TEST(empty.message() == "bead 0 ([]:[]): the bead is empty");
  text::Status beyond = CheckCoverage(good, 3, 4);
  BOOST_TEST(beyond.message() == "bead 3 ([2, 3]:[3]): the source has only 3 sentences");
  text::Status short_of = CheckCoverage(good, 4, 6);
  BOOST_TEST(short_of.message() == "target sentences 4-5 are in no bead");
  BOOST_TEST((short_of.code() == text::ErrorCode::kParse));
}

// Property: any covering bead list survives format-then-parse and passes the coverage check.
BOOST_DATA_TEST_CASE(format_then_parse_round_trips, boost::unit_test::data::xrange(20), seed) {
  BOOST_TEST_MESSAGE("seed " << seed);
  std::mt19937 rng(seed);
  std::vector<align::Bead> beads = RandomBeads(rng, 200);
  std::size_t sources = 0, targets = 0;
  for (const align::Bead& bead : beads) {
    sources += bead.source_count;
    targets += bead.target_count;
  }
  BOOST_TEST(align::CheckCoverage(beads, sources, targets).ok());
  auto parsed = align::ParseBeads(align::FormatBeads(beads, seed % 2 == 1), "random");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  BOOST_TEST(SameBeads(*parsed, beads));
  BOOST_TEST(align::CheckCoverage(*parsed, sources, targets).ok());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
