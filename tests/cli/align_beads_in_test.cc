// `termalign align --beads-in`: beads corrected by a person written as TSV, JSON or TMX
// without aligning again.
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kEnglish[] =
    "The museum opens at nine.\n"
    "Tickets cost twelve euros.\n"
    "Children enter free.\n"
    "The cafe closes at five.\n";
const char kFrench[] =
    "Le musée ouvre à neuf heures.\n"
    "Les billets coûtent douze euros, et les enfants entrent gratuitement.\n"
    "Le café ferme à dix-sept heures.\n";

struct Files {
  TempDir dir;
  Files() {
    WriteFile(dir / "en.txt", kEnglish);
    WriteFile(dir / "fr.txt", kFrench);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(align_beads_in)

BOOST_AUTO_TEST_CASE(corrected_beads_are_written_as_given) {
  Files f;
  // A 2-1 merge, then the last sentence unlinked on both sides (kept out of the TMX).
  WriteFile(f.dir / "fixed.beads", "[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[]:[2]\n");
  RunResult beads = RunCli(
      "align --presegmented --no-dict --beads-in fixed.beads --format beads en.txt fr.txt",
      f.dir.path());
  BOOST_TEST(beads.exit_code == 0, beads.err);
  BOOST_TEST(beads.out == "[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[]:[2]\n");

  RunResult tsv = RunCli("align --presegmented --no-dict --beads-in fixed.beads en.txt fr.txt",
                         f.dir.path());
  BOOST_TEST(tsv.exit_code == 0, tsv.err);
  BOOST_TEST(tsv.out ==
             "The museum opens at nine.\tLe musée ouvre à neuf heures.\t0.000\n"
             "Tickets cost twelve euros. Children enter free.\tLes billets coûtent douze euros, "
             "et les enfants entrent gratuitement.\t0.000\n");

  RunResult tmx = RunCli(
      "align --presegmented --no-dict --beads-in fixed.beads --format tmx -o out.tmx en.txt fr.txt",
      f.dir.path());
  BOOST_TEST(tmx.exit_code == 0, tmx.err);
  const std::string written = ReadFile(f.dir / "out.tmx");
  BOOST_TEST(written.find("<seg>Tickets cost twelve euros. Children enter free.</seg>") !=
             std::string::npos);
  BOOST_TEST(written.find("The cafe closes") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(beads_that_do_not_fit_the_texts_are_refused) {
  Files f;
  WriteFile(f.dir / "short.beads", "[0]:[0]\n[1]:[1]\n");
  RunResult r = RunCli("align --presegmented --no-dict --beads-in short.beads en.txt fr.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("termalign: error: --beads-in short.beads for en.txt and fr.txt: ") == 0,
             r.err);
  BOOST_TEST(r.out.empty());

  WriteFile(f.dir / "bad.beads", "[0]:[0]\n[1, x]:[1]\n");
  RunResult bad = RunCli("align --presegmented --no-dict --beads-in bad.beads en.txt fr.txt",
                         f.dir.path());
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err.find("bad.beads:2:") != std::string::npos, bad.err);

  RunResult two = RunCli("align --no-dict --beads-in short.beads en.txt fr.txt en.txt fr.txt",
                         f.dir.path());
  BOOST_TEST(two.exit_code == 2);
  BOOST_TEST(two.err == "termalign: error: --beads-in takes one document pair per run\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
