// CSV and TSV glossaries, end to end: a spreadsheet's one row per concept in and out, the
// header a file without one is refused for, line ends and language codes on import, formulas
// on export. These cases back rows of the README's bad-input table.
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
  // Tags of the right shape that BCP 47 still refuses: a second region, a second script.
  for (const char* lang :
       {"x", "english", "e1", "en-", "fr--CA", "en-toolongsubtag", "en-US-US", "sr-Latn-Cyrl"}) {
    WriteFile(dir / "g.csv", std::string("lang,term\nen,pump\n") + lang + ",pompe\n");
    RunResult import = RunCli("glossary import g.csv --db t.db", dir.path());
    BOOST_TEST(import.exit_code == 2, lang);
    BOOST_TEST(import.err == std::string("g.csv:3:1: error: '") + lang +
                                 "' is not a language tag (BCP 47, such as en, fr or pt-BR)\n",
               lang);
  }
  BOOST_TEST((!fs::exists(dir / "t.db") ||
              RunCli("lookup pump --db t.db", dir.path()).exit_code == 1));
  // Private-use and grandfathered tags are tags, each a language of its own.
  WriteFile(dir / "g.csv",
            "lang,term\nen-GB,pump\npt_BR,bomba\nFR,pompe\nx-klingon,pump-x\ni-klingon,pump-i\n");
  RunResult good = RunCli("glossary import g.csv --db t.db", dir.path());
  BOOST_TEST(good.exit_code == 0, good.err);
  RunResult klingon = RunCli("lookup --json pump-x --db t.db", dir.path());
  BOOST_TEST(klingon.exit_code == 0, klingon.err);
  BOOST_TEST(klingon.out.find("\"lang\":\"x-klingon\"") != std::string::npos, klingon.out);
}

BOOST_AUTO_TEST_CASE(export_neutralises_formulas_and_import_restores_them) {
  TempDir dir;
  // Terms that a spreadsheet would run as formulas, brought in through a TSV glossary.
  WriteFile(dir / "f.tsv",
            "=HYPERLINK(\"http://x\",\"y\")\tlien\n@SUM(A1)\tsomme\n+33 1\tindicatif\n"
            "-ism\t-isme\n");
  RunResult added = RunCli("glossary import f.tsv --columns en,fr --db t.db", dir.path());
  BOOST_REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  RunResult exported = RunCli("glossary export --db t.db -o g.csv --layout entity", dir.path());
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

BOOST_AUTO_TEST_CASE(a_spreadsheet_glossary_goes_in_and_comes_back) {
  TempDir dir;
  WriteFile(dir / "mine.csv",
            "English,Français,Comment\r\npump|hand pump,pompe,for water\r\nvalve,vanne,\r\n");
  RunResult imported = RunCli("glossary import mine.csv --db t.db", dir.path());
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  BOOST_TEST(imported.err == "mine.csv: 2 new entities, 5 new terms, 0 already known\n");
  RunResult exported = RunCli("glossary export --db t.db -o out.csv", dir.path());
  BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
  BOOST_TEST(ReadFile(dir / "out.csv") ==
             "id,en,fr,note\r\nc1,pump|hand pump,pompe,for water\r\nc2,valve,vanne,\r\n");
  RunResult again = RunCli("glossary import out.csv --db copy.db", dir.path());
  BOOST_REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  RunResult lookup = RunCli("lookup --db copy.db 'hand pump'", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("pompe") != std::string::npos, lookup.out);
  // OmegaT's layout: source, target, comment after a line OmegaT skips.
  RunResult omegat = RunCli("glossary export --db t.db -o g.txt --layout bilingual", dir.path());
  BOOST_REQUIRE_MESSAGE(omegat.exit_code == 0, omegat.err);
  BOOST_TEST(ReadFile(dir / "g.txt") ==
             "# en\tfr\tcomment\npump\tpompe\tfor water\nhand pump\tpompe\tfor water\n"
             "valve\tvanne\t\n");
}

BOOST_AUTO_TEST_CASE(a_table_without_a_header_needs_its_columns) {
  TempDir dir;
  WriteFile(dir / "pairs.txt", "contract\tcontrat\tlaw\n");
  RunResult refused = RunCli("glossary import pairs.txt --db t.db", dir.path());
  BOOST_TEST(refused.exit_code == 2);
  BOOST_TEST(refused.err ==
             "pairs.txt:1:1: error: the first row ('contract', 'contrat', 'law') names no "
             "language, so the file has no header: add a header row naming each column's "
             "language (en,fr-CA or English,Français; the others may be note, definition, "
             "subject, part of speech) or give --columns en,fr,...\n");
  for (const char* given : {"--columns en,fr,note", "--src-lang en --tgt-lang fr"}) {
    RunResult read =
        RunCli(std::string("glossary import pairs.txt --db t.db ") + given, dir.path());
    BOOST_TEST(read.exit_code == 0, read.err);
  }
  RunResult lookup = RunCli("lookup --db t.db --json contrat", dir.path());
  BOOST_TEST(lookup.out.find("\"note\":\"law\"") != std::string::npos, lookup.out);
  RunResult tbx = RunCli("glossary import x.tbx --db t.db --columns en,fr", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err ==
             "termalign: error: --columns, --src-lang and --tgt-lang describe a CSV or TSV file "
             "without a header; a TBX file names its languages\n");
}

BOOST_AUTO_TEST_CASE(export_layouts_and_their_limits) {
  TempDir dir;
  WriteFile(dir / "g.tsv", "en\tfr\npump\tpompe\n");
  BOOST_REQUIRE(RunCli("glossary import g.tsv --db t.db", dir.path()).exit_code == 0);
  RunResult tbx = RunCli("glossary export --db t.db -o g.tbx --layout entity", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err ==
             "termalign: error: --layout is for CSV and TSV files; TBX has one layout\n");
  RunResult unknown = RunCli("glossary export --db t.db -o g.csv --layout wide", dir.path());
  BOOST_TEST(unknown.exit_code == 2);
  BOOST_TEST(unknown.err ==
             "termalign: error: unknown --layout 'wide' (concept, entity, bilingual)\n");
  RunResult rejected =
      RunCli("glossary export --db t.db -o g.csv --status approved,rejected", dir.path());
  BOOST_TEST(rejected.exit_code == 2);
  BOOST_TEST(rejected.err ==
             "termalign: error: exporting to g.csv: rejected terms can only be exported where "
             "their status goes with them: the entity layout or TBX (a concept or bilingual row "
             "would bring them back as usable terms)\n");
  BOOST_TEST(!fs::exists(dir / "g.csv"));
  RunResult entity = RunCli(
      "glossary export --db t.db -o g.csv --status approved,rejected --layout entity", dir.path());
  BOOST_TEST(entity.exit_code == 0, entity.err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
