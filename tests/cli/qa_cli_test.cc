// End-to-end tests of `termalign qa`: outputs, exit codes, errors, and the seed corpus.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

// A short English text and a French rendering with one sentence left out and one added.
const char kEnglish[] =
    "The harbour ferry runs every twenty minutes.\n"
    "A single ticket costs 2.40 euros.\n"
    "Bicycles travel free of charge on weekdays.\n"
    "The last crossing leaves at 11 p.m.\n";
const char kFrench[] =
    "Le bac du port circule toutes les vingt minutes.\n"
    "Un ticket simple coûte 2,40 euros.\n"
    "Le dernier départ a lieu à 23 heures.\n"
    "Les chiens sont admis en laisse.\n";
// The bead file a reviewer would write for that pair.
const char kBeads[] = "[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2]\n[]:[3]\n";

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::vector<nlohmann::json> OfType(const std::vector<nlohmann::json>& lines,
                                   const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& line : lines) {
    if (line["type"] == type) out.push_back(line);
  }
  return out;
}

struct Sample {
  TempDir dir;
  Sample() {
    WriteFile(dir / "ferry.en.txt", kEnglish);
    WriteFile(dir / "ferry.fr.txt", kFrench);
    WriteFile(dir / "ferry.beads", kBeads);
  }
};

std::vector<std::string> Lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(ReadFile(path));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_cli)

BOOST_AUTO_TEST_CASE(text_summary_with_a_given_alignment) {
  Sample sample;
  RunResult result = RunCli(
      "qa --src-lang en --tgt-lang fr --beads ferry.beads ferry.en.txt ferry.fr.txt",
      sample.dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  BOOST_TEST(result.err.empty());
  BOOST_TEST(result.out.find("ferry.en.txt (en) -> ferry.fr.txt (fr)\n") == 0u);
  BOOST_TEST(result.out.find("  sentences   4 source, 4 target\n") != std::string::npos);
  BOOST_TEST(result.out.find("  coverage    source 75.0% of sentences") != std::string::npos);
  BOOST_TEST(result.out.find("  findings    1 omission, 1 addition, 1 number mismatch\n") !=
             std::string::npos);
  BOOST_TEST(result.out.find("omission           en 2        fr -        not translated: "
                             "\"Bicycles travel free of charge on weekdays.\"") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_lines_name_the_sentences_and_end_with_a_summary) {
  Sample sample;
  RunResult result = RunCli(
      "qa --json --beads ferry.beads ferry.en.txt ferry.fr.txt --src-lang en --tgt-lang fr",
      sample.dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  BOOST_REQUIRE(!lines.empty());
  std::vector<nlohmann::json> omissions = OfType(lines, "omission");
  BOOST_REQUIRE(omissions.size() == 1u);
  BOOST_TEST(omissions[0]["source_sentences"] == nlohmann::json::array({2}));
  BOOST_TEST(omissions[0]["source_text"] == "Bicycles travel free of charge on weekdays.");
  std::vector<nlohmann::json> numbers = OfType(lines, "number_mismatch");
  BOOST_REQUIRE(numbers.size() == 1u);
  BOOST_TEST(numbers[0]["expected"] == nlohmann::json::array({"11"}));
  BOOST_TEST(numbers[0]["found"] == nlohmann::json::array({"23"}));
  BOOST_TEST(lines.back()["type"] == "summary");
  BOOST_TEST(lines.back()["source_coverage"]["sentences"] == 75.0);
  BOOST_TEST(lines.back()["counts"]["addition"] == 1);
}

BOOST_AUTO_TEST_CASE(fail_on_and_fail_under_give_exit_one) {
  Sample sample;
  std::string base = "qa --src-lang en --tgt-lang fr --beads ferry.beads ferry.en.txt ferry.fr.txt ";
  BOOST_TEST(RunCli(base + "--fail-on omission", sample.dir.path()).exit_code == 1);
  BOOST_TEST(RunCli(base + "--fail-on spelling,untranslated", sample.dir.path()).exit_code == 0);
  BOOST_TEST(RunCli(base + "--fail-on any", sample.dir.path()).exit_code == 1);
  BOOST_TEST(RunCli(base + "--fail-under 90", sample.dir.path()).exit_code == 1);
  BOOST_TEST(RunCli(base + "--fail-on none --fail-under 50", sample.dir.path()).exit_code == 0);
  BOOST_TEST(RunCli(base + "--fail-under 50", sample.dir.path()).exit_code == 1);  // findings
  BOOST_TEST(RunCli(base + "--fail-on none", sample.dir.path()).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(an_unknown_kind_is_a_usage_error_with_a_suggestion) {
  Sample sample;
  RunResult result = RunCli("qa --fail-on omision ferry.en.txt ferry.fr.txt", sample.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: --fail-on: unknown kind 'omision'; did you mean "
                             "'omission'?") == 0u);
  BOOST_TEST(result.out.empty());
}

BOOST_AUTO_TEST_CASE(missing_inputs_are_errors_that_name_the_file) {
  Sample sample;
  RunResult result = RunCli("qa ferry.en.txt nowhere.fr.txt", sample.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: ") == 0u);
  BOOST_TEST(result.err.find("nowhere.fr.txt") != std::string::npos);
  result = RunCli("qa ferry.en.txt", sample.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: ferry.en.txt: a text document, not a bilingual file (XLIFF, PO "
             "or TMX); give SOURCE and TARGET\n");
  result = RunCli("qa --db missing.db ferry.en.txt ferry.fr.txt", sample.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: opening the glossary: ") == 0u);
  BOOST_TEST(!fs::exists(sample.dir / "missing.db"));
}

BOOST_AUTO_TEST_CASE(html_report_is_written_atomically_beside_the_text) {
  Sample sample;
  RunResult result = RunCli(
      "qa --src-lang en --tgt-lang fr --beads ferry.beads --html out.html ferry.en.txt "
      "ferry.fr.txt",
      sample.dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  std::string html = ReadFile(sample.dir / "out.html");
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0u);
  BOOST_TEST(html.find("Bicycles travel free of charge on weekdays.") != std::string::npos);
  for (const auto& entry : fs::directory_iterator(sample.dir.path())) {
    BOOST_TEST(entry.path().filename().string().find(".tmp.") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(qa_of_a_tmx_checks_its_units) {
  Sample sample;
  WriteFile(sample.dir / "ferry.tmx",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
            "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
            "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n"
            "<tu><tuv xml:lang=\"en\"><seg>It costs 2.40 euros.</seg></tuv>"
            "<tuv xml:lang=\"fr\"><seg>Il coûte 2,50 euros.</seg></tuv></tu>\n"
            "<tu><tuv xml:lang=\"en\"><seg>The ferry is late again today.</seg></tuv>"
            "<tuv xml:lang=\"fr\"><seg>The ferry is late again today.</seg></tuv></tu>\n"
            "</body></tmx>\n");
  RunResult result = RunCli("qa --json --tmx ferry.tmx", sample.dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  BOOST_TEST(OfType(lines, "number_mismatch").size() == 1u);
  BOOST_TEST(OfType(lines, "untranslated").size() == 1u);
  BOOST_TEST(lines.back()["target_lang"] == "fr");
}

// Two regional forms of one language are two languages of a TMX: en-US to en-GB is a pair
// (as in the LISA compliance kit), and asking for en-GB never takes the en-US variant.
BOOST_AUTO_TEST_CASE(qa_of_a_tmx_tells_regions_apart) {
  TempDir dir;
  std::string header =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
      "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
      "adminlang=\"en\" srclang=\"en-us\" datatype=\"plaintext\"/><body>\n";
  auto unit = [](const std::string& us, const std::string& gb, const std::string& fr) {
    return "<tu><tuv xml:lang=\"en-US\"><seg>" + us + "</seg></tuv><tuv xml:lang=\"en-GB\"><seg>" +
           gb + "</seg></tuv>" +
           (fr.empty() ? "" : "<tuv xml:lang=\"fr\"><seg>" + fr + "</seg></tuv>") + "</tu>\n";
  };
  WriteFile(dir / "us_gb.tmx",
            header + unit("The color costs 2.40 dollars.", "The colour costs 2.50 pounds.", "") +
                "</body></tmx>\n");
  RunResult pair = RunCli("qa --json --tmx us_gb.tmx", dir.path());
  BOOST_TEST(pair.exit_code == 1, pair.err);  // findings: the negative answer
  std::vector<nlohmann::json> lines = JsonLines(pair.out);
  BOOST_REQUIRE(!lines.empty());
  BOOST_TEST(lines.back()["source_lang"] == "en-US");
  BOOST_TEST(lines.back()["target_lang"] == "en-GB");
  BOOST_TEST(OfType(lines, "number_mismatch").size() == 1u);

  WriteFile(dir / "three.tmx",
            header +
                unit("It costs 2.40 dollars.", "It costs 2.50 pounds.", "Il coûte 2,40 dollars.") +
                unit("The ferry is late.", "The ferry is late.", "Le ferry est en retard.") +
                "</body></tmx>\n");
  RunResult asked =
      RunCli("qa --json --src-lang en-US --tgt-lang en-GB --tmx three.tmx", dir.path());
  BOOST_TEST(asked.exit_code == 1, asked.err);
  lines = JsonLines(asked.out);
  BOOST_REQUIRE(!lines.empty());
  BOOST_TEST(lines.back()["target_lang"] == "en-GB");
  std::vector<nlohmann::json> numbers = OfType(lines, "number_mismatch");
  BOOST_REQUIRE(numbers.size() == 1u);
  BOOST_TEST(numbers[0]["target_text"] == "It costs 2.50 pounds.");
}

BOOST_AUTO_TEST_CASE(seeds_omissions_additions_and_coverage) {
  fs::path shared = SharedDirOrSkip("qa of seeds 000 and 002");
  if (shared.empty()) return;
  TempDir dir;
  fs::path seeds = shared / "seeds";
  std::string en, fr;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("000_", 0) == 0) en = entry.path().string();
    if (name.rfind("002_", 0) == 0) fr = entry.path().string();
  }
  BOOST_REQUIRE(!en.empty() && !fr.empty());
  RunResult result = RunCli("qa --json --src-lang en --tgt-lang fr '" + en + "' '" + fr + "'",
                            dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  std::vector<std::string> gold_en = Lines(shared / "gold/seeds-000-002/en.txt");
  std::vector<std::string> gold_fr = Lines(shared / "gold/seeds-000-002/fr.txt");

  // English sentences 10 and 11 of the gold split are the omissions.
  std::vector<std::string> omitted;
  for (const nlohmann::json& line : OfType(lines, "omission")) omitted.push_back(line["source_text"]);
  BOOST_TEST(omitted == (std::vector<std::string>{gold_en[10], gold_en[11]}));

  // The French-only stretch (gold sentences 18 to the end, plus the advert at 0) is additions.
  std::size_t stretch = 0, found = 0;
  std::vector<std::string> added;
  for (const nlohmann::json& line : OfType(lines, "addition")) added.push_back(line["target_text"]);
  for (std::size_t i = 18; i < gold_fr.size(); ++i) {
    ++stretch;
    found += std::find(added.begin(), added.end(), gold_fr[i]) != added.end();
  }
  BOOST_TEST_MESSAGE("French-only sentences reported as additions: " << found << "/" << stretch);
  BOOST_TEST(found >= stretch * 9 / 10);
  BOOST_TEST(added.size() <= stretch + 3);

  const nlohmann::json& summary = lines.back();
  BOOST_TEST(summary["type"] == "summary");
  BOOST_TEST(summary["source_sentences"] == 17);
  BOOST_TEST(summary["source_coverage"]["sentences"].get<double>() > 80.0);
  BOOST_TEST(summary["source_coverage"]["sentences"].get<double>() < 95.0);
  BOOST_TEST(summary["target_coverage"]["sentences"].get<double>() < 40.0);
}

BOOST_AUTO_TEST_CASE(seeds_with_the_reference_alignment) {
  fs::path shared = SharedDirOrSkip("qa of seeds 000 and 002 with the reference beads");
  if (shared.empty()) return;
  TempDir dir;
  fs::path gold = shared / "gold/seeds-000-002";
  RunResult result = RunCli("qa --json --presegmented --src-lang en --tgt-lang fr --beads '" +
                                (gold / "gold.txt").string() + "' '" +
                                (gold / "en.txt").string() + "' '" + (gold / "fr.txt").string() +
                                "'",
                            dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  std::vector<nlohmann::json> omissions = OfType(lines, "omission");
  BOOST_REQUIRE(omissions.size() == 2u);
  BOOST_TEST(omissions[0]["source_sentences"] == nlohmann::json::array({10}));
  BOOST_TEST(omissions[1]["source_sentences"] == nlohmann::json::array({11}));
  std::vector<nlohmann::json> additions = OfType(lines, "addition");
  BOOST_REQUIRE(additions.size() == 51u);  // the advert at 0, then 18 to 67
  BOOST_TEST(additions[0]["target_sentences"] == nlohmann::json::array({0}));
  BOOST_TEST(additions[1]["target_sentences"] == nlohmann::json::array({18}));
  BOOST_TEST(additions.back()["target_sentences"] == nlohmann::json::array({67}));
  // A bead file without scores is a reviewed alignment: no weak pairs.
  BOOST_TEST(OfType(lines, "weak_pair").empty());
  BOOST_TEST(lines.back()["source_coverage"]["sentences"] == 88.24);
  BOOST_TEST(lines.back()["target_coverage"]["sentences"] == 25.0);
}

BOOST_AUTO_TEST_CASE(seeds_with_a_built_glossary_give_term_findings) {
  fs::path shared = SharedDirOrSkip("qa of seeds with a seed glossary");
  if (shared.empty()) return;
  TempDir dir;
  std::string en, fr, statement_en, statement_fr;
  for (const auto& entry : fs::directory_iterator(shared / "seeds")) {
    std::string name = entry.path().filename().string();
    std::string path = "'" + entry.path().string() + "'";
    if (name.rfind("000_", 0) == 0) en = path;
    if (name.rfind("002_", 0) == 0) fr = path;
    if (name.rfind("001_", 0) == 0) statement_en = path;
    if (name.rfind("004_", 0) == 0) statement_fr = path;
  }
  RunResult built = RunCli("glossary build --db seeds.db -q " + en + " " + fr, dir.path());
  BOOST_REQUIRE(built.exit_code == 0);
  built = RunCli("glossary build --db seeds.db -q " + statement_en + " " + statement_fr,
                 dir.path());
  BOOST_REQUIRE(built.exit_code == 0);
  RunResult result = RunCli(
      "qa --json --db seeds.db --src-lang en --tgt-lang fr " + statement_en + " " + statement_fr,
      dir.path());
  BOOST_TEST(result.exit_code == 1);  // findings: the negative answer
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  BOOST_TEST(lines.back()["terms_checked"] == true);
  std::size_t term_findings = OfType(lines, "missing_term").size() +
                              OfType(lines, "inconsistent_term").size();
  BOOST_TEST_MESSAGE("term findings on seeds 001/004: " << term_findings);
  BOOST_TEST(term_findings > 0u);
  for (const nlohmann::json& line : OfType(lines, "missing_term")) {
    BOOST_TEST(!line["expected"].empty());
    BOOST_TEST(line["marks"][0]["side"] == "source");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
