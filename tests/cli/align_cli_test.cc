// End-to-end tests of `termalign align`: formats, output file, errors, exit codes.
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kEnglish[] =
    "The Grimsel project was presented in Bern on 12 March 2019.\n"
    "Engineers from Zurich and Lausanne studied the dam for three years.\n"
    "The reservoir will hold 75 million cubic metres of water.\n"
    "Construction is expected to cost 1.2 billion francs.\n"
    "Last summer, 240,000 visitors came to the Grimsel pass.\n";
const char kFrench[] =
    "Le projet du Grimsel a été présenté à Berne le 12 mars 2019.\n"
    "Des ingénieurs de Zurich et de Lausanne ont étudié le barrage pendant trois ans.\n"
    "Le réservoir contiendra 75 millions de mètres cubes d'eau.\n"
    "La construction devrait coûter 1,2 milliard de francs.\n"
    "L'été dernier, 240 000 visiteurs sont venus au col du Grimsel.\n";

struct Files {
  TempDir dir;
  Files() {
    WriteFile(dir / "en.txt", kEnglish);
    WriteFile(dir / "fr.txt", kFrench);
  }
};

std::size_t CountLines(const std::string& text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

BOOST_AUTO_TEST_SUITE(align_cli)

BOOST_AUTO_TEST_CASE(tsv_is_the_default) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict en.txt fr.txt", f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.empty());
  BOOST_TEST(CountLines(r.out) == 5u);
  BOOST_TEST(r.out.rfind("The Grimsel project was presented in Bern on 12 March 2019.\t"
                         "Le projet du Grimsel a été présenté à Berne le 12 mars 2019.\t",
                         0) == 0);
}

BOOST_AUTO_TEST_CASE(beads_cover_every_sentence) {
  Files f;
  RunResult r =
      RunCli("align --presegmented --no-dict --format beads en.txt fr.txt", f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out == "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n");
}

BOOST_AUTO_TEST_CASE(json_lines_carry_indices_texts_type_and_score) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict --format json en.txt fr.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_REQUIRE(CountLines(r.out) == 5u);
  nlohmann::json first = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  BOOST_TEST(first["source"] == nlohmann::json::array({0}));
  BOOST_TEST(first["target"] == nlohmann::json::array({0}));
  BOOST_TEST(first["type"] == "1-1");
  BOOST_TEST(first["target_text"] == "Le projet du Grimsel a été présenté à Berne le 12 mars 2019.");
  BOOST_TEST(first["score"].get<double>() > 0.5);
  BOOST_TEST(first["score"].get<double>() <= 1.0);
}

BOOST_AUTO_TEST_CASE(output_file_is_written_and_stdout_stays_empty) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict --format beads -o out.txt en.txt fr.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(ReadFile(f.dir / "out.txt") == "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n");
}

BOOST_AUTO_TEST_CASE(min_score_one_keeps_only_certain_pairs) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict --min-score 1 en.txt fr.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(CountLines(r.out) < 5u);
}

BOOST_AUTO_TEST_CASE(dictionary_file_is_read) {
  Files f;
  WriteFile(f.dir / "dict.tsv", "# test dictionary\ndam\tbarrage\nvisitors\tvisiteurs\n");
  RunResult r = RunCli("align --presegmented --dict dict.tsv --format beads en.txt fr.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(CountLines(r.out) == 5u);
}

BOOST_AUTO_TEST_CASE(empty_source_gives_unmatched_target_beads) {
  Files f;
  WriteFile(f.dir / "empty.txt", "");
  RunResult r = RunCli("align --presegmented --no-dict --format beads empty.txt fr.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out == "[]:[0]\n[]:[1]\n[]:[2]\n[]:[3]\n[]:[4]\n");
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_error_naming_it) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict en.txt nowhere.txt", f.dir.path());
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.rfind("termalign: error: ", 0) == 0, r.err);
  BOOST_TEST(r.err.find("nowhere.txt") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(odd_number_of_files_is_a_usage_error) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict en.txt fr.txt en.txt", f.dir.path());
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err ==
             "termalign: error: align needs files in pairs: SOURCE TARGET [SOURCE TARGET ...]\n");
}

BOOST_AUTO_TEST_CASE(several_pairs_align_in_parallel) {
  Files f;
  RunResult r = RunCli("align --presegmented --no-dict --jobs 2 --format json en.txt fr.txt "
                       "fr.txt en.txt",
                       f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_REQUIRE(CountLines(r.out) == 10u);
  nlohmann::json last = nlohmann::json::parse(r.out.substr(r.out.rfind('\n', r.out.size() - 2)));
  BOOST_TEST(last["source_file"] == "fr.txt");
}

BOOST_AUTO_TEST_CASE(bad_option_values_are_rejected) {
  Files f;
  BOOST_TEST(RunCli("align --min-score 1.5 en.txt fr.txt", f.dir.path()).exit_code == 2);
  BOOST_TEST(RunCli("align --format xml en.txt fr.txt", f.dir.path()).exit_code == 2);
  BOOST_TEST(RunCli("align --jobs 0 en.txt fr.txt", f.dir.path()).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(tmx_format_writes_a_tmx_document) {
  Files f;
  RunResult r = RunCli("align --format tmx --no-dict en.txt fr.txt", f.dir.path());
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.rfind("<?xml", 0) == 0);
  BOOST_TEST(r.out.find("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">") != std::string::npos);
  BOOST_TEST(r.out.find("<tu ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
