// CSV glossaries, end to end: line ends and language codes on import, formulas on export. These
// cases back rows of the README's bad-input table.
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(a_lone_carriage_return_is_refused_with_its_place) {
  TempDir dir;
  WriteFile(dir / "g.csv", "lang,term,status\nen,bare\rx,approved\n");
  RunResult import = RunCli("glossary import g.csv --db t.db", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.err ==
             "g.csv:2:8: error: a carriage return without a line feed outside quotes (classic "
             "Mac line ends?); save the file with LF or CRLF line ends, or quote the field\n");
  // Inside quotes a CR is part of the field, and CRLF ends a row.
  WriteFile(dir / "ok.csv", "lang,term\r\nen,\"two\rlines\"\r\nfr,pompe\r\n");
  RunResult ok = RunCli("glossary import ok.csv --db t.db", dir.path());
  BOOST_TEST(ok.exit_code == 0, ok.err);
  BOOST_TEST(RunCli("lookup pompe --db t.db", dir.path()).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(a_language_code_that_is_no_tag_is_refused) {
  TempDir dir;
  for (const char* lang : {"x", "english", "e1", "en-", "fr--CA", "en-toolongsubtag"}) {
    WriteFile(dir / "g.csv", std::string("lang,term\nen,pump\n") + lang + ",pompe\n");
    RunResult import = RunCli("glossary import g.csv --db t.db", dir.path());
    BOOST_TEST(import.exit_code == 2, lang);
    BOOST_TEST(import.err == std::string("g.csv:3:1: error: '") + lang +
                                 "' is not a language tag (BCP 47, such as en, fr or pt-BR)\n",
               lang);
  }
  BOOST_TEST((!fs::exists(dir / "t.db") ||
              RunCli("lookup pump --db t.db", dir.path()).exit_code == 1));
  WriteFile(dir / "g.csv", "lang,term\nen-GB,pump\npt_BR,bomba\nFR,pompe\n");
  RunResult good = RunCli("glossary import g.csv --db t.db", dir.path());
  BOOST_TEST(good.exit_code == 0, good.err);
}

BOOST_AUTO_TEST_CASE(export_neutralises_formulas_and_import_restores_them) {
  TempDir dir;
  // Terms that a spreadsheet would run as formulas, brought in through a TSV glossary.
  WriteFile(dir / "f.tsv",
            "=HYPERLINK(\"http://x\",\"y\")\tlien\n@SUM(A1)\tsomme\n+33 1\tindicatif\n"
            "-ism\t-isme\n");
  RunResult added = RunCli("glossary import f.tsv --db t.db", dir.path());
  BOOST_REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  RunResult exported = RunCli("glossary export --db t.db -o g.csv", dir.path());
  BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
  std::string csv = ReadFile(dir / "g.csv");
  BOOST_TEST(csv.find(",en,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",approved,") !=
                 std::string::npos,
             csv);
  BOOST_TEST(csv.find(",en,'@SUM(A1),") != std::string::npos, csv);
  BOOST_TEST(csv.find(",en,'+33 1,") != std::string::npos, csv);
  BOOST_TEST(csv.find(",en,'-ism,") != std::string::npos, csv);
  // No cell starts with a formula character.
  for (char c : std::string("=+-@")) {
    BOOST_TEST(csv.find(std::string(",") + c) == std::string::npos, c);
  }
  RunResult imported = RunCli("glossary import g.csv --db copy.db", dir.path());
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  RunResult lookup = RunCli("lookup --db copy.db '@SUM(A1)'", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("en  @SUM(A1)  [approved") != std::string::npos, lookup.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
