// End-to-end tests of `termalign eval`, including agreement with the reference scorer.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "test_util.h"

namespace termalign::testing {
namespace {

// Hand-scored in tests/align/eval_test.cc: P 3/7 and 5/7, R 1/3 and 1, F1 0.375 and 0.833.
constexpr char kGold[] = "[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[]:[3]\n[3, 4]:[4]\n";
constexpr char kTest[] = "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n[]:[3]\n[3]:[4]\n[4]:[]\n";

using Lists = std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>>;

Lists ReadLists(const fs::path& path) {
  Lists beads;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.find('[') == std::string::npos) continue;
    std::pair<std::vector<std::size_t>, std::vector<std::size_t>> bead;
    std::vector<std::size_t>* side = &bead.first;
    std::size_t value = 0;
    bool in_number = false;
    for (char c : line) {
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        in_number = true;
        continue;
      }
      if (in_number) side->push_back(value);
      value = 0;
      in_number = false;
      if (c == ':') side = &bead.second;
    }
    beads.push_back(bead);
  }
  return beads;
}

std::string FormatLists(const Lists& beads) {
  std::string out;
  for (const auto& [source, target] : beads) {
    for (const auto* side : {&source, &target}) {
      out += '[';
      for (std::size_t i = 0; i < side->size(); ++i) {
        out += (i ? ", " : "") + std::to_string((*side)[i]);
      }
      out += side == &source ? "]:" : "]\n";
    }
  }
  return out;
}

// A plausible aligner output made from gold: some beads merged with the next one, some split
// into a pair and a deletion, some turned into deletions and insertions.
Lists Perturb(const Lists& gold, std::mt19937& rng) {
  Lists out;
  std::uniform_real_distribution<double> coin(0, 1);
  for (std::size_t i = 0; i < gold.size(); ++i) {
    auto bead = gold[i];
    double r = coin(rng);
    if (r < 0.08 && i + 1 < gold.size()) {
      for (std::size_t s : gold[i + 1].first) bead.first.push_back(s);
      for (std::size_t t : gold[i + 1].second) bead.second.push_back(t);
      ++i;
      out.push_back(bead);
    } else if (r < 0.16 && bead.first.size() > 1) {
      out.push_back({{bead.first.front()}, bead.second});
      out.push_back({{bead.first.begin() + 1, bead.first.end()}, {}});
    } else if (r < 0.20 && !bead.first.empty() && !bead.second.empty()) {
      out.push_back({bead.first, {}});
      out.push_back({{}, bead.second});
    } else {
      out.push_back(bead);
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eval_cli)

BOOST_AUTO_TEST_CASE(prints_the_table_and_counts) {
  TempDir dir;
  WriteFile(dir / "gold.txt", kGold);
  WriteFile(dir / "test.txt", kTest);
  RunResult result = RunCli("eval --gold gold.txt --test test.txt", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.err == "");
  BOOST_TEST(result.out ==
             "|           | Strict | Lax   |\n"
             "| Precision | 0.429  | 0.714 |\n"
             "| Recall    | 0.333  | 1.000 |\n"
             "| F1        | 0.375  | 0.833 |\n"
             "F1 over non-empty beads: strict 0.333, lax 1.000\n"
             "test beads 7 (strict hits 3, lax hits 5); matched gold beads 3 (strict hits 1, lax "
             "hits 3)\n");
}

BOOST_AUTO_TEST_CASE(json_sums_counts_over_files) {
  TempDir dir;
  WriteFile(dir / "gold.txt", kGold);
  WriteFile(dir / "test.txt", kTest);
  RunResult result =
      RunCli("eval -g gold.txt gold.txt -t test.txt gold.txt --json --per-file", dir.path());
  BOOST_TEST(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::vector<nlohmann::json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(nlohmann::json::parse(line));
  BOOST_REQUIRE(objects.size() == 3u);
  BOOST_TEST(objects[0]["test"] == "test.txt");
  BOOST_TEST(objects[0]["f1_strict"].get<double>() == 0.375, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(objects[1]["f1_strict"].get<double>() == 1.0, boost::test_tools::tolerance(1e-9));
  const nlohmann::json& total = objects[2];
  BOOST_TEST(total["files"] == 2);
  // Precision: 3 + 5 strict hits of 7 + 5 beads; recall: 1 + 3 of 3 + 3.
  BOOST_TEST(total["counts"]["precision"]["total"] == 12);
  BOOST_TEST(total["counts"]["precision"]["strict_hits"] == 8);
  BOOST_TEST(total["counts"]["recall"]["strict_hits"] == 4);
  BOOST_TEST(total["precision_strict"].get<double>() == 8.0 / 12,
             boost::test_tools::tolerance(1e-9));
  BOOST_TEST(total["recall_strict"].get<double>() == 4.0 / 6, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(total["matched_only"]["precision_strict"].get<double>() == 4.0 / 6,
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(unpaired_files_are_a_usage_error) {
  TempDir dir;
  WriteFile(dir / "gold.txt", kGold);
  RunResult result = RunCli("eval -g gold.txt gold.txt -t gold.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err ==
             "termalign: error: eval: 2 gold files but 1 test file: give them in pairs, in the "
             "same order\n");
}

BOOST_AUTO_TEST_CASE(every_bad_file_is_reported_with_its_place) {
  TempDir dir;
  WriteFile(dir / "gold.txt", kGold);
  WriteFile(dir / "bad.txt", "[0]:[0]\n[1]:[1,]\n");
  RunResult result = RunCli("eval -g gold.txt gold.txt -t bad.txt missing.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err ==
             "termalign: error: bad.txt:2:8: expected a sentence index\n"
             "  [1]:[1,]\n"
             "         ^\n"
             "termalign: error: cannot open missing.txt: No such file or directory\n");
}

// The reference scorer and `termalign eval` print the same table on the Text+Berg and TransRead
// gold against perturbed copies of it (seeded, so a failure can be replayed).
BOOST_AUTO_TEST_CASE(agrees_with_the_reference_scorer) {
  fs::path shared = SharedDirOrSkip("agreement with align-score");
  if (shared.empty()) return;
  fs::path scorer = shared / "tools" / "align-score";
  if (!fs::exists(scorer) || std::system("python3 --version >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("skipped: needs python3 and " << scorer.string());
    return;
  }
  std::vector<fs::path> golds;
  for (const char* folder : {"textberg-de-fr", "transread-en-fr-dev"}) {
    for (const auto& entry : fs::directory_iterator(shared / "gold" / folder)) {
      if (entry.path().extension() == ".gold") golds.push_back(entry.path());
    }
  }
  std::sort(golds.begin(), golds.end());
  BOOST_REQUIRE(!golds.empty());
  for (unsigned seed : {1u, 2u, 3u}) {
    BOOST_TEST_MESSAGE("seed " << seed);
    std::mt19937 rng(seed);
    TempDir dir;
    std::string gold_args, test_args;
    for (std::size_t i = 0; i < golds.size(); ++i) {
      fs::path test = dir / ("test" + std::to_string(i) + ".txt");
      WriteFile(test, FormatLists(Perturb(ReadLists(golds[i]), rng)));
      gold_args += " '" + golds[i].string() + "'";
      test_args += " '" + test.string() + "'";
    }
    RunResult ours = RunCli("eval -g" + gold_args + " -t" + test_args, dir.path());
    BOOST_REQUIRE_MESSAGE(ours.exit_code == 0, ours.err);
    std::string reference_out = (dir / "reference.txt").string();
    std::string command = "python3 '" + scorer.string() + "' -g" + gold_args + " -t" + test_args +
                          " > '" + reference_out + "'";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    std::string reference = ReadFile(reference_out);
    BOOST_TEST(ours.out.substr(0, reference.size()) == reference);
    BOOST_TEST(reference.find("| F1        |") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
