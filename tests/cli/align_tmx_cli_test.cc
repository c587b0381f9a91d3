// termalign align --format tmx: the aligned pairs as a TMX 1.4b file that the tmx tools accept.
#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(align_tmx_cli)

BOOST_AUTO_TEST_CASE(aligned_pairs_round_trip_through_tmx) {
  TempDir dir;
  WriteFile(dir / "a.en.txt",
            "The bridge opened on Monday. It carries 4,000 cars a day.\n"
            "The mayor thanked the engineers. Tolls are free until June.\n");
  WriteFile(dir / "a.fr.txt",
            "Le pont a ouvert lundi. Il porte 4 000 voitures par jour.\n"
            "La maire a remercié les ingénieurs. Le péage est gratuit jusqu’en juin.\n");
  RunResult aligned = RunCli(
      "align --src-lang en --tgt-lang fr --no-dict --format tmx -o out.tmx a.en.txt a.fr.txt",
      dir.path());
  BOOST_REQUIRE_MESSAGE(aligned.exit_code == 0, aligned.err);
  BOOST_TEST(aligned.out.empty());

  RunResult valid = RunCli("tmx validate out.tmx", dir.path());
  BOOST_TEST(valid.exit_code == 0, valid.out << valid.err);

  RunResult tsv = RunCli(
      "align --src-lang en --tgt-lang fr --no-dict --format tsv a.en.txt a.fr.txt", dir.path());
  RunResult imported = RunCli("tmx import out.tmx", dir.path());
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  // The same pairs, in the same order, as the tab-separated output (less its score column).
  std::string expected;
  std::istringstream lines(tsv.out);
  for (std::string line; std::getline(lines, line);) {
    expected += line.substr(0, line.rfind('\t')) + "\n";
  }
  BOOST_TEST(imported.out == expected);
  BOOST_TEST(imported.out.find("Il porte 4 000 voitures par jour.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_typed_underscore_language_tag_is_read_as_bcp_47) {
  TempDir dir;
  WriteFile(dir / "a.txt", "One.\n");
  WriteFile(dir / "b.txt", "Un.\n");
  RunResult result = RunCli(
      "align --src-lang en_US --tgt-lang fr_ca --no-dict --format tmx -o out.tmx a.txt b.txt",
      dir.path());
  BOOST_REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  std::string written = ReadFile(dir / "out.tmx");
  BOOST_TEST(written.find("srclang=\"en-US\"") != std::string::npos, written);
  BOOST_TEST(written.find("xml:lang=\"fr-CA\"") != std::string::npos, written);
  BOOST_TEST(written.find("en_US") == std::string::npos, written);
  RunResult valid = RunCli("tmx validate out.tmx", dir.path());
  BOOST_TEST(valid.exit_code == 0, valid.out << valid.err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
