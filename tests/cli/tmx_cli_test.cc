// End-to-end tests of `termalign tmx ...`: the binary in a fresh folder, stdout, stderr, exit code.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "test_util.h"

namespace termalign::testing {
namespace {

const std::string kSample = std::string(TERMALIGN_TEST_DATA) + "/tmx/sample_en_fr.tsv";

BOOST_AUTO_TEST_SUITE(tmx_cli)

BOOST_AUTO_TEST_CASE(export_validate_import_round_trip) {
  TempDir dir;
  WriteFile(dir / "pairs.tsv", ReadFile(kSample));
  RunResult exported = RunCli(
      "tmx export --src-lang en-us --tgt-lang fr-FR --pairs pairs.tsv -o lease.tmx", dir.path());
  BOOST_TEST(exported.exit_code == 0, exported.err);
  BOOST_TEST(exported.out.empty());
  BOOST_TEST(exported.err.empty());
  std::string tmx = ReadFile(dir / "lease.tmx");
  BOOST_TEST(tmx.find("srclang=\"en-US\"") != std::string::npos);
  BOOST_TEST(tmx.find("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">") != std::string::npos);

  RunResult valid = RunCli("tmx validate lease.tmx", dir.path());
  BOOST_TEST(valid.exit_code == 0);
  BOOST_TEST(valid.out.empty());
  BOOST_TEST(valid.err == "lease.tmx: valid TMX 1.4b (12 unit(s))\n");

  RunResult imported = RunCli("tmx import lease.tmx", dir.path());
  BOOST_TEST(imported.exit_code == 0, imported.err);
  BOOST_TEST(imported.out == ReadFile(kSample));
}

BOOST_AUTO_TEST_CASE(export_errors) {
  TempDir dir;
  WriteFile(dir / "pairs.tsv", "Yes\tOui\nNo tab here\n");
  RunResult bad_line =
      RunCli("tmx export --src-lang en --tgt-lang fr --pairs pairs.tsv -o out.tmx", dir.path());
  BOOST_TEST(bad_line.exit_code == 2);
  BOOST_TEST(bad_line.err ==
             "pairs.tsv:2: error: expected source<TAB>target[<TAB>score], found 1 field(s)\n");
  BOOST_TEST(!std::filesystem::exists(dir / "out.tmx"));

  RunResult underscore =
      RunCli("tmx export --src-lang en_US --tgt-lang fr --pairs pairs.tsv -o out.tmx", dir.path());
  BOOST_TEST(underscore.exit_code == 2);
  BOOST_TEST(underscore.err ==
             "termalign: error: writing out.tmx: source language: 'en_US' is "
             "not a BCP 47 language tag: use 'en-US'\n");

  WriteFile(dir / "score.tsv", "Yes\tOui\thigh\n");
  RunResult bad_score =
      RunCli("tmx export --src-lang en --tgt-lang fr --pairs score.tsv -o out.tmx", dir.path());
  BOOST_TEST(bad_score.exit_code == 2);
  BOOST_TEST(bad_score.err ==
             "score.tsv:1: error: expected source<TAB>target[<TAB>score], found score 'high'\n");
}

BOOST_AUTO_TEST_CASE(export_warns_about_removed_characters_and_unmatched_pairs) {
  TempDir dir;
  RunResult result = RunCli("tmx export --src-lang en --tgt-lang fr -o out.tmx", dir.path(),
                            "Bell\x07 rings\tLa cloche\x1F sonne\t0.8\n\tOnly French\n");
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.err ==
             "termalign: warning: removed 2 character(s) that XML 1.0 forbids (control "
             "characters, U+FFFE, U+FFFF) from segments\n"
             "termalign: warning: 1 pair(s) with an empty side not exported (use "
             "--include-unmatched)\n");
  RunResult imported = RunCli("tmx import out.tmx --format json", dir.path());
  BOOST_TEST(imported.out ==
             "{\"line\":6,\"score\":0.8,\"source\":\"Bell rings\",\"target\":\"La cloche sonne\","
             "\"tuid\":\"1\"}\n");
}

BOOST_AUTO_TEST_CASE(validate_reports_each_problem_and_exit_codes) {
  TempDir dir;
  WriteFile(dir / "bad.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"t\" "
            "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
            "srclang=\"en-US\"/>\n<body>\n<tu><tuv xml:lang=\"fr\"><seg>Oui</seg></tuv></tu>\n"
            "</body></tmx>\n");
  RunResult invalid = RunCli("tmx validate bad.tmx", dir.path());
  BOOST_TEST(invalid.exit_code == 1);
  BOOST_TEST(invalid.out ==
             "bad.tmx:3:1: error: <header> lacks the required attribute 'datatype' "
             "[required-attribute]\n"
             "bad.tmx:5:1: error: <tu> has no variant in the source language 'en-US' "
             "[source-variant]\n");
  BOOST_TEST(invalid.err == "bad.tmx: 2 error(s) (1 unit(s))\n");

  WriteFile(dir / "broken.tmx", "<tmx><body>\n<tu>");
  RunResult broken = RunCli("tmx validate broken.tmx", dir.path());
  BOOST_TEST(broken.exit_code == 2);
  BOOST_TEST(broken.err ==
             "termalign: error: broken.tmx:2:4: unexpected end of file: the file is "
             "truncated or an element is not closed (Start-end tags mismatch)\n");
}

BOOST_AUTO_TEST_CASE(merge_and_stats) {
  TempDir dir;
  auto tmx = [](const std::string& units) {
    return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" "
           "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
           "srclang=\"en\" datatype=\"plaintext\"/><body>\n" +
           units + "</body></tmx>\n";
  };
  auto unit = [](const std::string& en, const std::string& fr) {
    return "<tu><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"fr\"><seg>" + fr +
           "</seg></tuv></tu>\n";
  };
  WriteFile(dir / "a.tmx", tmx(unit("Yes", "Oui") + unit("Thank you", "Merci")));
  WriteFile(dir / "b.tmx", tmx(unit("Yes", "Oui") + unit("Thank you", "Merci bien")));
  RunResult merged = RunCli("tmx merge a.tmx b.tmx -o m.tmx", dir.path());
  BOOST_TEST(merged.exit_code == 0);
  BOOST_TEST(merged.err ==
             "termalign: warning: b.tmx:4: same source as a.tmx:4 but a different translation: "
             "'Thank you'\n"
             "merged 3 unit(s) into m.tmx: 1 exact duplicate(s) dropped, 1 conflict(s) (same "
             "source, other translation) kept\n");
  RunResult stats = RunCli("tmx stats --json m.tmx", dir.path());
  BOOST_TEST(stats.exit_code == 0);
  BOOST_TEST(stats.out ==
             "{\"duplicate_units\":0,\"encoding\":\"UTF-8\",\"file\":\"m.tmx\",\"languages\":[{"
             "\"lang\":\"en\",\"segments\":3,\"words\":5},{\"lang\":\"fr\",\"segments\":3,"
             "\"words\":4}],\"repeated_sources\":1,\"srclang\":\"en\",\"units\":3}\n");
  RunResult missing = RunCli("tmx merge a.tmx -o", dir.path());
  BOOST_TEST(missing.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(import_needs_a_source_language_for_srclang_all) {
  TempDir dir;
  WriteFile(dir / "all.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" "
            "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
            "srclang=\"*all*\" datatype=\"plaintext\"/><body>\n<tu><tuv xml:lang=\"fr\"><seg>"
            "Bonjour</seg></tuv><tuv xml:lang=\"ar\"><seg>\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"
            "</seg></tuv></tu>\n</body></tmx>\n");
  RunResult refused = RunCli("tmx import all.tmx", dir.path());
  BOOST_TEST(refused.exit_code == 2);
  BOOST_TEST(refused.err ==
             "termalign: error: importing all.tmx: all.tmx: the header's srclang "
             "is '*all*': choose the source language with --src-lang (languages "
             "in the file: fr, ar)\n");
  RunResult chosen = RunCli("tmx import all.tmx --src-lang ar", dir.path());
  BOOST_TEST(chosen.exit_code == 0);
  BOOST_TEST(chosen.out == "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\tBonjour\n");
}

BOOST_AUTO_TEST_CASE(unknown_tmx_command_gets_a_suggestion) {
  TempDir dir;
  RunResult result = RunCli("tmx exprot", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: unknown tmx command 'exprot'; did you mean "
             "'export'?\nRun 'termalign tmx --help' for usage.\n");
  RunResult flag = RunCli("tmx import --bogus x.tmx", dir.path());
  BOOST_TEST(flag.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
