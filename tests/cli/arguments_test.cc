// Command-line values, end to end: text arguments must be UTF-8 (paths are bytes), numbers must
// be numbers. These cases back rows of the README's bad-input table.
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(arguments)

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_text_argument_is_refused) {
  TempDir dir;
  RunResult add = RunCli("glossary add --db u.db --lang en \"$(printf 'ab\\377cd')\"", dir.path());
  BOOST_TEST(add.exit_code == 2);
  BOOST_TEST(add.err ==
             "termalign: error: reading the command line: term: line 1, byte 2: invalid UTF-8 "
             "sequence 0xFF\n");
  BOOST_TEST(!fs::exists(dir / "u.db"));
  RunResult lookup = RunCli("lookup --db u.db --text \"$(printf 'x\\303')\"", dir.path());
  BOOST_TEST(lookup.exit_code == 2);
  BOOST_TEST(lookup.err ==
             "termalign: error: reading the command line: --text: line 1, byte 1: invalid UTF-8 "
             "sequence 0xC3 (cut off at the end of the text)\n");
  RunResult note = RunCli(
      "tmx export --src-lang en --tgt-lang fr --source-doc \"$(printf 'caf\\351')\" -o x.tmx",
      dir.path(), "a\tb\n");
  BOOST_TEST(note.exit_code == 2);
  BOOST_TEST(note.err.find("--source-doc: line 1, byte 3: invalid UTF-8") != std::string::npos,
             note.err);
  BOOST_TEST(!fs::exists(dir / "x.tmx"));

  // A file name is bytes: one that is not UTF-8 is read and written as given.
  std::string name = "caf\xE9.txt";
  WriteFile(dir / name, "One. Two.\n");
  RunResult segment = RunCli("segment --lang en \"$(printf 'caf\\351.txt')\"", dir.path());
  BOOST_TEST(segment.exit_code == 0, segment.err);
  BOOST_TEST(segment.out == "One.\nTwo.\n");
}

BOOST_AUTO_TEST_CASE(number_options_refuse_nan_and_out_of_range_values) {
  TempDir dir;
  WriteFile(dir / "s.en", "The pump stopped.\n");
  WriteFile(dir / "s.fr", "La pompe s'est arrêtée.\n");
  struct Case {
    std::string args, message;
  };
  for (const Case& c : std::vector<Case>{
           {"align --no-dict s.en s.fr --min-score nan", "--min-score: 'nan' is not a number"},
           {"align --no-dict s.en s.fr --min-score 2", "--min-score: '2' is out of range (0 to 1)"},
           {"align --no-dict s.en s.fr --jobs 0", "--jobs: '0': give 1 or more"},
           {"align --no-dict s.en s.fr -j 1.5", "--jobs: '1.5' is not a whole number"},
           {"qa --no-dict --src-lang en --tgt-lang fr s.en s.fr --fail-under nan",
            "--fail-under: 'nan' is not a number"},
           {"qa --no-dict --src-lang en --tgt-lang fr s.en s.fr --fail-under inf",
            "--fail-under: 'inf' is not a number"},
           {"qa --no-dict --src-lang en --tgt-lang fr s.en s.fr --weak-below NaN",
            "--weak-below: 'NaN' is not a number"},
       }) {
    RunResult result = RunCli(c.args, dir.path());
    BOOST_TEST(result.exit_code == 2, c.args);
    BOOST_TEST(result.err.find(c.message) != std::string::npos, c.args << ": " << result.err);
    BOOST_TEST(result.out == "", c.args);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
