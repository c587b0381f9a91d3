// The QA view end to end: a finding accepted through the server is, for the next `qa` and
// `run`, listed as accepted and not as a finding; `run --review` serves the page after the run.
#include <httplib.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "review_process.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using nlohmann::json;
using Print = std::tuple<std::string, std::string, std::string>;  // kind, source, target

const fs::path kExamples = fs::path(TERMALIGN_SOURCE_DIR) / "examples";

// The JSON lines of a qa.jsonl or of `qa --json`, the summary left out.
std::vector<json> FindingLines(const std::string& jsonl) {
  std::vector<json> lines;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    json parsed = json::parse(line);
    if (parsed["type"] != "summary") lines.push_back(std::move(parsed));
  }
  return lines;
}

Print PrintOf(const json& finding) {
  return {finding["type"], finding["source_text"], finding["target_text"]};
}

// The fingerprints of `lines` that are (`accepted`) or are not marked accepted.
std::multiset<Print> Prints(const std::vector<json>& lines, bool accepted) {
  std::multiset<Print> prints;
  for (const json& line : lines) {
    if (line.value("accepted", false) == accepted) prints.insert(PrintOf(line));
  }
  return prints;
}

// `qa` on the tram pair as a person runs it, with accepted.tsv when given.
std::vector<json> QaTram(const fs::path& dir, const std::string& accepted = "") {
  RunResult qa = RunCli("qa '" + (kExamples / "tram.en.txt").string() + "' '" +
                            (kExamples / "tram.fr.txt").string() + "' --json" +
                            (accepted.empty() ? "" : " --accepted " + accepted),
                        dir);
  BOOST_REQUIRE_MESSAGE(qa.exit_code == 0 || qa.exit_code == 1, qa.err);
  return FindingLines(qa.out);
}

json Findings(const ReviewProcess& server) {
  auto res = server.Client().Get(server.WithToken("/api/findings?limit=500").c_str());
  BOOST_REQUIRE(res);
  BOOST_REQUIRE_MESSAGE(res->status == 200, res->body);
  return json::parse(res->body);
}

httplib::Result Accept(const ReviewProcess& server, const Print& print) {
  const auto& [kind, source, target] = print;
  return server.Client().Post(
      server.WithToken("/api/findings/accept").c_str(),
      httplib::Params{{"kind", kind}, {"source", source}, {"target", target}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_findings)

BOOST_AUTO_TEST_CASE(a_finding_accepted_in_the_page_is_accepted_for_the_next_qa_and_run) {
  TempDir dir;
  RunResult run = RunCli("run '" + kExamples.string() + "' -o o -q", dir.path());
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::vector<json> qa_before = QaTram(dir.path());
  const std::multiset<Print> reported = Prints(qa_before, false);

  Print chosen;
  {
    ReviewProcess server(std::vector<std::string>{(dir / "o").string()});
    const json page = Findings(server);
    BOOST_TEST(page["accepted"] == 0);
    BOOST_TEST(page["total"] == FindingLines(ReadFile(dir / "o" / "qa.jsonl")).size());
    // A finding of the page that `qa` alone reports too (not a glossary term's).
    bool found = false;
    for (const json& finding : page["findings"]) {
      BOOST_TEST(finding["accepted"] == false);
      if (!found && reported.count(PrintOf(finding)) == 1) {
        chosen = PrintOf(finding);
        found = true;
      }
    }
    BOOST_REQUIRE_MESSAGE(found, "no finding of the page is one qa reports: " << page.dump());

    auto accepted = Accept(server, chosen);
    BOOST_REQUIRE(accepted);
    BOOST_TEST(accepted->status == 200, accepted->body);
    BOOST_TEST(json::parse(accepted->body)["message"].get<std::string>().find("the QA rewritten") !=
                   std::string::npos,
               accepted->body);
    const json after = Findings(server);
    BOOST_TEST(after["accepted"] == 1);
    BOOST_TEST(after["total"] == page["total"]);
    for (const json& finding : after["findings"]) {
      BOOST_TEST(finding["accepted"] == (PrintOf(finding) == chosen), finding.dump());
    }
    // Once is enough; a kind no check reports is refused.
    auto again = Accept(server, chosen);
    BOOST_REQUIRE(again);
    BOOST_TEST(again->status == 200);
    BOOST_TEST(json::parse(again->body)["message"] == "already accepted");
    auto bogus = Accept(server, {"bogus", std::get<1>(chosen), std::get<2>(chosen)});
    BOOST_REQUIRE(bogus);
    BOOST_TEST(bogus->status == 400);
    BOOST_TEST(json::parse(bogus->body)["error"] == "unknown kind of finding 'bogus'");
    // A GET accepts nothing.
    auto get = server.Client().Get(server.WithToken("/api/findings/accept?kind=omission").c_str());
    BOOST_REQUIRE(get);
    BOOST_TEST(get->status == 405);
  }
  // The server rewrote the run's QA: the finding is listed as accepted, after the others.
  const std::vector<json> rewritten = FindingLines(ReadFile(dir / "o" / "qa.jsonl"));
  BOOST_TEST(Prints(rewritten, true).count(chosen) >= 1u);
  BOOST_TEST(Prints(rewritten, false).count(chosen) == 0u);
  BOOST_TEST(ReadFile(dir / "o" / "accepted.tsv").rfind(std::get<0>(chosen) + "\t", 0) == 0);

  // The next qa with the run's accepted.tsv: the same findings, the chosen one accepted.
  const std::vector<json> qa_after = QaTram(dir.path(), "o/accepted.tsv");
  BOOST_TEST(qa_after.size() == qa_before.size());
  BOOST_TEST(Prints(qa_after, false).count(chosen) == 0u);
  BOOST_TEST(Prints(qa_after, true).count(chosen) == reported.count(chosen));
  std::multiset<Print> others = reported;
  others.erase(chosen);
  BOOST_TEST((Prints(qa_after, false) == others));

  // The next run into the folder reads accepted.tsv itself.
  RunResult again = RunCli("run '" + kExamples.string() + "' -o o -q", dir.path());
  BOOST_REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  const std::vector<json> rerun = FindingLines(ReadFile(dir / "o" / "qa.jsonl"));
  BOOST_TEST(rerun.size() == rewritten.size());
  BOOST_TEST(Prints(rerun, false).count(chosen) == 0u);
  BOOST_TEST(Prints(rerun, true).count(chosen) >= 1u);
}

BOOST_AUTO_TEST_CASE(run_review_serves_the_page_after_the_run) {
  TempDir dir;
  ReviewProcess server({kExamples.string(), "-o", "o", "--review"}, "run", dir.path(), 300);
  // The run was done before the page was served: its summary, then the address.
  BOOST_TEST(fs::exists(dir / "o" / "qa.jsonl"));
  BOOST_TEST(!server.stdout_before().empty());
  const json page = Findings(server);
  BOOST_TEST(page["total"] == FindingLines(ReadFile(dir / "o" / "qa.jsonl")).size());
  auto beads = server.Client().Get(server.WithToken("/api/beads?pair=0").c_str());
  BOOST_REQUIRE(beads);
  BOOST_TEST(beads->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
