// One alignment, whichever command: `align` and `run` write the same translation units for the
// same pair, the sentence the aligner splits out of a merged bead included.
#include <boost/test/unit_test.hpp>
#include <regex>
#include <string>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

const fs::path kExamples = fs::path(TERMALIGN_SOURCE_DIR) / "examples";

// The units of a TMX file as "bead type | source | target" lines, in order.
std::vector<std::string> Units(const std::string& tmx) {
  static const std::regex unit(
      R"(x-termalign-bead">([^<]*)</prop>[\s\S]*?<seg>([^<]*)</seg>[\s\S]*?<seg>([^<]*)</seg>)");
  std::vector<std::string> units;
  for (std::sregex_iterator it(tmx.begin(), tmx.end(), unit), end; it != end; ++it) {
    units.push_back((*it)[1].str() + " | " + (*it)[2].str() + " | " + (*it)[3].str());
  }
  return units;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(one_alignment)

BOOST_AUTO_TEST_CASE(align_and_run_write_the_same_units_for_the_demo_pair) {
  TempDir dir;
  const fs::path& d = dir.path();
  RunResult run = RunCli("run '" + kExamples.string() + "' --out o --quiet", d);
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0 || run.exit_code == 1, run.err);
  const std::string en = (kExamples / "tram.en.txt").string();
  const std::string fr = (kExamples / "tram.fr.txt").string();
  RunResult align = RunCli("align --src-lang en --tgt-lang fr --format tmx '" + en + "' '" + fr +
                               "' -o align.tmx",
                           d);
  BOOST_REQUIRE_MESSAGE(align.exit_code == 0, align.err);

  std::vector<std::string> from_align = Units(ReadFile(d / "align.tmx"));
  std::vector<std::string> from_run = Units(ReadFile(d / "o" / "tmx" / "tram.en-fr.tmx"));
  BOOST_REQUIRE(!from_align.empty());
  BOOST_TEST(from_align == from_run, boost::test_tools::per_element());

  // The French text leaves out "Each of the 40 trams can carry 250 people." (its numbers are
  // nowhere in the French bead): the sentence is split out of the bead the search glued it to,
  // and stays unmatched.
  RunResult beads = RunCli("align --src-lang en --tgt-lang fr --format beads '" + en + "' '" +
                               fr + "'",
                           d);
  BOOST_REQUIRE_EQUAL(beads.exit_code, 0);
  BOOST_TEST(beads.out.find("[8]:[8]\n[9]:[]\n") != std::string::npos, beads.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
