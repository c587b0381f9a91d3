// End-to-end tests of the command-line conventions: nested "did you mean", one flag vocabulary
// with the older spellings kept, --quiet reaching the libraries, and every exit code the README
// names.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>
#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kEnglish[] = "The ferry leaves at 9 a.m.\nIt is often late.\n";
const char kFrench[] = "Le bac part à 9 heures.\nIl est souvent en retard.\n";

BOOST_AUTO_TEST_SUITE(command_line)

BOOST_AUTO_TEST_CASE(nested_commands_get_did_you_mean) {
  TempDir dir;
  RunResult glossary = RunCli("glossary biuld a b", dir.path());
  BOOST_TEST(glossary.exit_code == 2);
  BOOST_TEST(glossary.err ==
             "termalign: error: unknown glossary command 'biuld'; did you mean 'build'?\n"
             "Run 'termalign glossary --help' for usage.\n");
  RunResult tmx = RunCli("tmx valdate x.tmx", dir.path());
  BOOST_TEST(tmx.exit_code == 2);
  BOOST_TEST(tmx.err ==
             "termalign: error: unknown tmx command 'valdate'; did you mean 'validate'?\n"
             "Run 'termalign tmx --help' for usage.\n");
  RunResult bare = RunCli("tmx", dir.path());
  BOOST_TEST(bare.exit_code == 2);
  BOOST_TEST(bare.err ==
             "termalign: error: 'tmx' needs a command: export, import, validate, merge or stats\n"
             "Run 'termalign tmx --help' for usage.\n");
  BOOST_TEST(RunCli("glossary", dir.path()).err.find("'glossary' needs a command: build, ") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_flag_vocabulary_with_the_older_spellings_kept) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/ferry.en.txt", kEnglish);
  WriteFile(dir / "corpus/ferry.fr.txt", kFrench);
  WriteFile(dir / "f.en.txt", kEnglish);
  WriteFile(dir / "f.fr.txt", kFrench);
  BOOST_TEST(RunCli("run corpus -o a --no-dict", dir.path()).exit_code == 0);
  BOOST_TEST(RunCli("run corpus --output b --no-dictionary", dir.path()).exit_code == 0);
  BOOST_TEST(RunCli("run corpus --out c", dir.path()).exit_code == 0);  // older spelling
  for (const char* out : {"a", "b", "c"}) BOOST_TEST(fs::exists(dir / out / "report.html"));
  BOOST_TEST(RunCli("glossary build --db g.db --no-dict f.en.txt f.fr.txt", dir.path())
                 .exit_code == 0);
  BOOST_TEST(RunCli("glossary build --db h.db --no-dictionary f.en.txt f.fr.txt", dir.path())
                 .exit_code == 0);
  RunResult aligned = RunCli("align --no-dictionary -q --output x.tsv f.en.txt f.fr.txt",
                             dir.path());
  BOOST_TEST(aligned.exit_code == 0, aligned.err);
  BOOST_TEST(ReadFile(dir / "x.tsv").find("The ferry leaves") == 0u);
  // The hidden spellings do not clutter the help.
  std::string help = RunCli("run --help", dir.path()).out;
  BOOST_TEST(help.find("-o,--output") != std::string::npos);
  BOOST_TEST(help.find("--no-dict") != std::string::npos);
  BOOST_TEST(help.find("--no-dictionary") == std::string::npos);
  BOOST_TEST(help.find("-q,--quiet") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(quiet_silences_what_the_libraries_report) {
  TempDir dir;
  WriteFile(dir / "f.en.txt", kEnglish);
  WriteFile(dir / "f.fr.txt", kFrench);
  RunResult traced = RunCli("align --no-dict f.en.txt f.fr.txt", dir.path(), "", "TERMALIGN_TRACE=1");
  BOOST_TEST(traced.exit_code == 0);
  BOOST_TEST(traced.err.find("align: features") != std::string::npos, traced.err);
  RunResult quiet =
      RunCli("align -q --no-dict f.en.txt f.fr.txt", dir.path(), "", "TERMALIGN_TRACE=1");
  BOOST_TEST(quiet.exit_code == 0);
  BOOST_TEST(quiet.err.empty(), quiet.err);
  BOOST_TEST(quiet.out == traced.out);
}

BOOST_AUTO_TEST_CASE(unknown_language_tags_are_refused_with_the_known_ones) {
  TempDir dir;
  WriteFile(dir / "f.en.txt", kEnglish);
  WriteFile(dir / "f.fr.txt", kFrench);
  fs::create_directories(dir / "corpus");
  const char* known = "(known: ar, de, en, es, fr";
  struct Case {
    const char* args;
    const char* flag;
  };
  for (const Case& c : {Case{"segment --lang xx f.en.txt", "--lang"},
                        Case{"align --src-lang xx f.en.txt f.fr.txt", "--src-lang"},
                        Case{"qa --tgt-lang xx f.en.txt f.fr.txt", "--tgt-lang"},
                        Case{"run --tgt-lang xx corpus", "--tgt-lang"},
                        Case{"glossary build --src-lang xx f.en.txt f.fr.txt", "--src-lang"},
                        Case{"glossary add-doc --lang xx f.en.txt", "--lang"}}) {
    RunResult result = RunCli(c.args, dir.path());
    BOOST_TEST(result.exit_code == 2, c.args);
    BOOST_TEST(result.err.find(std::string("termalign: error: ") + c.flag +
                               ": unknown language 'xx' " + known) == 0u,
               c.args << ": " << result.err);
    BOOST_TEST(result.out.empty());
  }
  BOOST_TEST(!fs::exists(dir / "termalign.db"));
  RunResult upper = RunCli("segment --lang EN f.en.txt", dir.path());
  BOOST_TEST(upper.exit_code == 0, upper.err);
  // Any case is taken, and the tag goes on in canonical case.
  RunResult regional = RunCli("qa --src-lang EN-gb --tgt-lang FR f.en.txt f.fr.txt", dir.path());
  BOOST_TEST(regional.out.rfind("f.en.txt (en-GB) -> f.fr.txt (fr)\n", 0) == 0u,
             regional.out + regional.err);
}

// Every exit code the README's "Exit codes" paragraph names is produced by a case here.
BOOST_AUTO_TEST_CASE(every_exit_code_the_readme_names) {
  TempDir dir;
  WriteFile(dir / "f.en.txt", kEnglish);
  WriteFile(dir / "f.fr.txt", "Le bac part à 11 heures.\nIl est souvent en retard.\n");
  WriteFile(dir / "bad.txt", "caf\xC3\x28\n");
  WriteFile(dir / "notes.txt", "not a database\n");
  WriteFile(dir / "invalid.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>\n");
  struct Case {
    const char* args;
    int code;
  };
  const Case cases[] = {
      {"segment f.en.txt", 0},
      {"qa --src-lang en --tgt-lang fr f.en.txt f.fr.txt", 1},  // a number changed
      {"qa --fail-on none --src-lang en --tgt-lang fr f.en.txt f.fr.txt", 0},
      {"lookup --db g.db nothing", 1},
      {"tmx validate invalid.tmx", 1},
      {"segment --jsn f.en.txt", 2},         // usage
      {"segment nowhere.txt", 2},            // I/O
      {"segment bad.txt", 2},                // parse
      {"lookup --db notes.txt ferry", 2},    // database
  };
  BOOST_REQUIRE(RunCli("glossary add --db g.db --lang en ferry", dir.path()).exit_code == 0);
  std::set<int> produced;
  for (const Case& c : cases) {
    RunResult result = RunCli(c.args, dir.path());
    BOOST_TEST(result.exit_code == c.code, c.args << ": " << result.err);
    produced.insert(result.exit_code);
  }
  std::string readme = ReadFile(fs::path(TERMALIGN_SOURCE_DIR) / "README.md");
  std::size_t at = readme.find("Exit codes: ");
  BOOST_REQUIRE(at != std::string::npos);
  std::string paragraph = readme.substr(at, readme.find("\n\n", at) - at);
  std::smatch match;
  std::set<int> named;
  std::regex code_re("(^|[;:] )([0-9]+) ");
  for (auto it = std::sregex_iterator(paragraph.begin(), paragraph.end(), code_re);
       it != std::sregex_iterator(); ++it) {
    named.insert(std::stoi((*it)[2]));
  }
  BOOST_TEST(named == (std::set<int>{0, 1, 2, 130}));
  named.erase(130);  // needs a signal sent mid-run: left to the interruption tests
  for (int code : named) BOOST_TEST(produced.count(code) == 1u, "exit code " << code);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
