// The review loop the README describes, end to end: run, decide (approve, reject, link, add,
// merge), run again on new documents, export as TBX and CSV and re-import each into a fresh
// termbase. Nothing a person decided is undone and no step fails.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

const fs::path kExamples = fs::path(TERMALIGN_SOURCE_DIR) / "examples";

// Runs `args` in `dir`, requiring exit code 0.
RunResult Must(const std::string& args, const fs::path& dir) {
  RunResult result = RunCli(args, dir);
  BOOST_REQUIRE_MESSAGE(result.exit_code == 0,
                        args << " exited " << result.exit_code << ": " << result.err);
  return result;
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

// The terms of `term`'s entities in termbase `db` as "lang:text:status" strings (rejected ones
// included).
std::vector<std::string> EntityTerms(const std::string& term, const fs::path& dir,
                                     const std::string& db = "o/termalign.db") {
  RunResult result = RunCli("lookup --all --json --db " + db + " '" + term + "'", dir);
  std::vector<std::string> terms;
  for (const nlohmann::json& entity : JsonLines(result.out)) {
    for (const nlohmann::json& t : entity["terms"]) {
      terms.push_back(t["lang"].get<std::string>() + ":" + t["text"].get<std::string>() + ":" +
                      t["status"].get<std::string>());
    }
  }
  return terms;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// A second pair of the demo texts, one line longer, so its bytes (and its name) are new.
void WriteSecondCorpus(const fs::path& dir) {
  fs::create_directories(dir);
  WriteFile(dir / "tram2.en.txt", ReadFile(kExamples / "tram.en.txt") +
                                      "The tram line will reach the airport next year.\n");
  WriteFile(dir / "tram2.fr.txt",
            ReadFile(kExamples / "tram.fr.txt") +
                "La ligne de tramway atteindra l’aéroport l’année prochaine.\n");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_workflow)

BOOST_AUTO_TEST_CASE(decisions_survive_a_second_run_export_and_import) {
  TempDir dir;
  const fs::path& d = dir.path();
  Must("run '" + kExamples.string() + "' --out o", d);
  BOOST_REQUIRE(Contains(EntityTerms("tram line", d), "fr:ligne de tramway:candidate"));

  // Decide: reject a translation the build joined, accept one proposal, reject another,
  // add and link terms by hand, merge two entities.
  Must("glossary reject --db o/termalign.db --lang fr 'ligne de tramway'", d);
  std::vector<nlohmann::json> pending =
      JsonLines(Must("glossary suggest --db o/termalign.db --json --lang fr", d).out);
  BOOST_REQUIRE(pending.size() >= 2u);
  const nlohmann::json accepted = pending[0];
  // The proposal to refuse names a term other than its partner: a name written alike in both
  // languages ("Helen Okafor") would be found by the lookups below in its partner's entity.
  auto differs = [](const nlohmann::json& p) { return p["term"] != p["via"]; };
  auto other = std::find_if(pending.begin() + 1, pending.end(), differs);
  BOOST_REQUIRE(other != pending.end());
  const nlohmann::json refused = *other;
  Must("glossary approve --db o/termalign.db --proposal " +
           std::to_string(accepted["proposal"].get<int>()),
       d);
  Must("glossary reject --db o/termalign.db --proposal " +
           std::to_string(refused["proposal"].get<int>()),
       d);
  Must("glossary add --db o/termalign.db --lang en 'fare zone'", d);
  Must("glossary link --db o/termalign.db --lang fr 'zone tarifaire' --to 'fare zone'", d);
  Must("glossary merge --db o/termalign.db 'régionale des transports' "
       "--into 'Regional Transport Authority'",
       d);

  // A second run on new documents that contain the rejected pair again.
  WriteSecondCorpus(d / "c2");
  RunResult second = RunCli("run c2 --out o", d);
  BOOST_TEST_REQUIRE(second.exit_code == 0, second.err);
  BOOST_TEST(second.err.find("error") == std::string::npos, second.err);

  std::vector<std::string> tram = EntityTerms("tram line", d);
  BOOST_TEST(Contains(tram, "fr:ligne de tramway:rejected"));
  BOOST_TEST(!Contains(tram, "fr:ligne de tramway:candidate"));
  BOOST_TEST(!Contains(tram, "fr:ligne de tramway:approved"));
  const std::string accepted_term = accepted["term"].get<std::string>();
  bool accepted_kept = false;
  for (const std::string& t : EntityTerms(accepted_term, d)) {
    accepted_kept = accepted_kept || t == "fr:" + accepted_term + ":approved";
  }
  BOOST_TEST(accepted_kept, "accepted proposal for " << accepted_term << " undone");
  for (const nlohmann::json& p :
       JsonLines(Must("glossary suggest --db o/termalign.db --json --lang fr", d).out)) {
    BOOST_TEST(!(p["term"] == refused["term"] && p["entity"] == refused["entity"]),
               "rejected proposal came back: " << p.dump());
  }
  std::vector<std::string> fare = EntityTerms("fare zone", d);
  BOOST_TEST(Contains(fare, "en:fare zone:approved"));
  BOOST_TEST(Contains(fare, "fr:zone tarifaire:approved"));
  std::vector<std::string> rta = EntityTerms("Regional Transport Authority", d);
  BOOST_TEST(Contains(rta, "fr:régionale des transports:candidate"));

  // Export as TBX and as CSV (the layout that keeps statuses), rejections included, and
  // re-import each into a fresh termbase: every decision is there.
  const std::string accepted_via = accepted["via"].get<std::string>();
  const std::string refused_term = refused["term"].get<std::string>();
  const std::string refused_via = refused["via"].get<std::string>();
  for (const std::string file : {"g.tbx", "g.csv"}) {
    BOOST_TEST_CONTEXT(file) {
      const std::string layout = file == "g.csv" ? " --layout entity" : "";
      RunResult exported = Must("glossary export --db o/termalign.db -o " + file + layout +
                                    " --status approved,candidate,rejected",
                                d);
      BOOST_TEST(exported.err.find("error") == std::string::npos, exported.err);
      const std::string fresh = file + ".db";
      RunResult imported = Must("glossary import --db " + fresh + " " + file, d);
      BOOST_TEST(imported.err.find("left out") == std::string::npos, imported.err);
      BOOST_TEST(imported.err.find("warning") == std::string::npos, imported.err);
      // Rejected term.
      std::vector<std::string> tram_again = EntityTerms("tram line", d, fresh);
      BOOST_TEST(Contains(tram_again, "fr:ligne de tramway:rejected"));
      BOOST_TEST(!Contains(tram_again, "fr:ligne de tramway:candidate"));
      // Accepted proposal: the term approved, in the entity it was proposed for.
      std::vector<std::string> joined = EntityTerms(accepted_term, d, fresh);
      BOOST_TEST(Contains(joined, "fr:" + accepted_term + ":approved"));
      if (!accepted_via.empty()) {
        bool via_there = false;
        for (const std::string& t : joined) {
          via_there = via_there || t.find(":" + accepted_via + ":") != std::string::npos;
        }
        BOOST_TEST(via_there, accepted_term << " was proposed with " << accepted_via);
      }
      // Rejected proposal: the term did not join that entity.
      if (!refused_via.empty()) {
        for (const std::string& t : EntityTerms(refused_term, d, fresh)) {
          BOOST_TEST(t.find(":" + refused_via + ":") == std::string::npos,
                     refused_term << " joined " << refused_via << " after the rejection");
        }
      }
      // Added and linked by hand.
      std::vector<std::string> fare_again = EntityTerms("fare zone", d, fresh);
      BOOST_TEST(Contains(fare_again, "en:fare zone:approved"));
      BOOST_TEST(Contains(fare_again, "fr:zone tarifaire:approved"));
      // Merged.
      std::vector<std::string> rta_again = EntityTerms("Regional Transport Authority", d, fresh);
      BOOST_TEST(Contains(rta_again, "fr:régionale des transports:candidate"));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
