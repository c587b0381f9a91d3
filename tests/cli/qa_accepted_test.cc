// `termalign qa --accepted FILE` and `run` with accepted.tsv: findings a person accepted are
// listed as accepted, not counted, and the exit code no longer reports them.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

// One number changed in the French: a number mismatch, nothing else.
const char kEnglish[] =
    "The harbour ferry runs every twenty minutes.\n"
    "It carries 300 cars and 1,200 passengers.\n"
    "The last crossing leaves late in the evening.\n";
const char kFrench[] =
    "Le bac du port circule toutes les vingt minutes.\n"
    "Il transporte 350 voitures et 1 200 passagers.\n"
    "Le dernier départ a lieu tard le soir.\n";

std::vector<nlohmann::json> Findings(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json parsed = nlohmann::json::parse(line);
    if (parsed["type"] != "summary") lines.push_back(parsed);
  }
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_accepted)

BOOST_AUTO_TEST_CASE(an_accepted_finding_is_listed_as_accepted_and_not_counted) {
  TempDir dir;
  WriteFile(dir / "a.en.txt", kEnglish);
  WriteFile(dir / "a.fr.txt", kFrench);
  RunResult first = RunCli("qa a.en.txt a.fr.txt --json --no-dict", dir.path());
  BOOST_REQUIRE_EQUAL(first.exit_code, 1);
  std::vector<nlohmann::json> found = Findings(first.out);
  BOOST_REQUIRE(!found.empty());
  const nlohmann::json mismatch = found[0];
  BOOST_TEST(mismatch["type"] == "number_mismatch");

  WriteFile(dir / "accepted.tsv", "number_mismatch\t" + mismatch["source_text"].get<std::string>() +
                                      "\t" + mismatch["target_text"].get<std::string>() + "\n");
  RunResult again =
      RunCli("qa a.en.txt a.fr.txt --json --no-dict --accepted accepted.tsv", dir.path());
  BOOST_TEST(again.exit_code == static_cast<int>(found.size() == 1 ? 0 : 1), again.err);
  std::vector<nlohmann::json> listed = Findings(again.out);
  BOOST_REQUIRE_EQUAL(listed.size(), found.size());
  BOOST_TEST(listed.back()["accepted"] == true);
  BOOST_TEST(listed.back()["source_text"] == mismatch["source_text"]);
  for (std::size_t k = 0; k + 1 < listed.size(); ++k) BOOST_TEST(!listed[k].contains("accepted"));

  RunResult text = RunCli("qa a.en.txt a.fr.txt --no-dict --accepted accepted.tsv", dir.path());
  BOOST_TEST(text.out.find("  accepted    1 (accepted before: not counted)\n") != std::string::npos,
             text.out);
  BOOST_TEST(text.out.find("\naccepted: number_mismatch") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(a_bad_accepted_file_is_refused_by_line) {
  TempDir dir;
  WriteFile(dir / "a.en.txt", kEnglish);
  WriteFile(dir / "a.fr.txt", kFrench);
  WriteFile(dir / "bad.tsv", "omission\tx\ty\nbogus\tx\ty\n");
  RunResult bad = RunCli("qa a.en.txt a.fr.txt --no-dict --accepted bad.tsv", dir.path());
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err == "termalign: error: --accepted: bad.tsv:2: unknown kind 'bogus'\n");
  RunResult missing = RunCli("qa a.en.txt a.fr.txt --no-dict --accepted none.tsv", dir.path());
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err == "termalign: error: --accepted: cannot open none.tsv: no such file\n");
}

BOOST_AUTO_TEST_CASE(run_lists_the_findings_of_accepted_tsv_as_accepted) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus" / "a.en.txt", kEnglish);
  WriteFile(dir / "corpus" / "a.fr.txt", kFrench);
  RunResult run = RunCli("run corpus -o o -q --no-glossary --no-dict", dir.path());
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  std::vector<nlohmann::json> found = Findings(ReadFile(dir / "o" / "qa.jsonl"));
  BOOST_REQUIRE(!found.empty());
  WriteFile(dir / "o" / "accepted.tsv", found[0]["type"].get<std::string>() + "\t" +
                                            found[0]["source_text"].get<std::string>() + "\t" +
                                            found[0]["target_text"].get<std::string>() + "\n");
  RunResult again = RunCli("run corpus -o o -q --no-glossary --no-dict", dir.path());
  BOOST_REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  std::vector<nlohmann::json> listed = Findings(ReadFile(dir / "o" / "qa.jsonl"));
  BOOST_REQUIRE_EQUAL(listed.size(), found.size());
  BOOST_TEST(listed.back()["accepted"] == true);
  BOOST_TEST(listed.back()["source_text"] == found[0]["source_text"]);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
