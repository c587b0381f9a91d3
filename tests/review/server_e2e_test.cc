// The review server end to end: `termalign review` started as a process on a free port, spoken
// to over HTTP as a browser (or an attacker's page) would.
#include <httplib.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "review_process.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using nlohmann::json;

const fs::path kExamples = fs::path(TERMALIGN_SOURCE_DIR) / "examples";

// A run over the demo corpus in a fresh folder: a termbase with pending proposals.
struct RunFixture {
  TempDir dir;
  fs::path db = dir / "o" / "termalign.db";
  RunFixture() {
    RunResult run = RunCli("run '" + kExamples.string() + "' -o o -q", dir.path());
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  }
};

json Pending(const ReviewProcess& server) {
  auto res = server.Client().Get(server.WithToken("/api/proposals?limit=500").c_str());
  BOOST_REQUIRE(res);
  BOOST_REQUIRE_EQUAL(res->status, 200);
  return json::parse(res->body);
}

// "status:text" of every term of the entity `lookup` finds first for `term` in o/termalign.db.
std::set<std::string> TermsWith(const std::string& term, const fs::path& dir) {
  RunResult lookup = RunCli("lookup --all --json --db o/termalign.db '" + term + "'", dir);
  BOOST_REQUIRE_MESSAGE(lookup.exit_code == 0, lookup.err);
  json entity = json::parse(lookup.out.substr(0, lookup.out.find('\n')));
  std::set<std::string> terms;
  for (const json& t : entity["terms"]) {
    terms.insert(t["status"].get<std::string>() + ":" + t["text"].get<std::string>());
  }
  return terms;
}

int StatusOf(const httplib::Result& res) { return res ? res->status : -1; }

// One of four requests: a page of proposals and a file (served), a wrong token and a stale
// decision (refused).
httplib::Result Ask(httplib::Client& client, const ReviewProcess& server, int which) {
  switch (which) {
    case 0:
      return client.Get(server.WithToken("/api/proposals?limit=20").c_str());
    case 1:
      return client.Get("/api/proposals?t=wrong");
    case 2:
      return client.Post(server.WithToken("/api/proposals/decide").c_str(),
                         httplib::Params{{"id", "1"}, {"action", "reject"}, {"stamp", "x"}});
    default:
      return client.Get(server.WithToken("/app.js").c_str());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_server)

BOOST_FIXTURE_TEST_CASE(serves_the_page_and_its_files_only_with_the_token, RunFixture) {
  ReviewProcess server(db);
  httplib::Client client = server.Client();
  auto page = client.Get(server.WithToken("/").c_str());
  BOOST_REQUIRE(page);
  BOOST_TEST(page->status == 200);
  BOOST_TEST(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  // The page names its script with the token it was opened with.
  BOOST_TEST(page->body.find("/app.js?t=" + server.token()) != std::string::npos);
  BOOST_TEST(page->get_header_value("Referrer-Policy") == "no-referrer");
  BOOST_TEST(page->get_header_value("X-Frame-Options") == "DENY");
  BOOST_TEST(StatusOf(client.Get(server.WithToken("/app.js").c_str())) == 200);
  BOOST_TEST(StatusOf(client.Get(server.WithToken("/app.css").c_str())) == 200);

  for (const std::string& path : std::vector<std::string>{"/", "/app.js", "/api/proposals", "/?t=", "/?t=00000000",
                                 "/?t=" + server.token() + "x", "/?T=" + server.token()}) {
    auto res = client.Get(path.c_str());
    BOOST_TEST(StatusOf(res) == 403, path);
    if (res) BOOST_TEST(res->body.find("wrong or missing token") != std::string::npos);
  }
}

BOOST_FIXTURE_TEST_CASE(a_foreign_host_or_origin_is_refused, RunFixture) {
  ReviewProcess server(db);
  httplib::Client client = server.Client();
  const std::string port = std::to_string(server.port());
  BOOST_TEST(StatusOf(client.Get(server.WithToken("/").c_str(),
                                 {{"Host", "localhost:" + port}})) == 200);
  // DNS rebinding: a name of the attacker's resolving to 127.0.0.1.
  for (const std::string& host : std::vector<std::string>{"evil.example:" + port, "evil.example", "127.0.0.1",
                                 "localhost:" + std::to_string(server.port() + 1)}) {
    BOOST_TEST(StatusOf(client.Get(server.WithToken("/api/proposals").c_str(),
                                   {{"Host", host}})) == 403,
               host);
  }
  // A page elsewhere posting with the token (say it leaked): refused, nothing decided.
  json before = Pending(server);
  const json& p = before["proposals"][0];
  httplib::Params fields = {{"id", std::to_string(p["id"].get<long long>())},
                            {"action", "approve"},
                            {"stamp", p["stamp"]}};
  auto res = client.Post(server.WithToken("/api/proposals/decide").c_str(),
                         {{"Origin", "http://evil.example"}}, fields);
  BOOST_TEST(StatusOf(res) == 403);
  BOOST_TEST(Pending(server) == before);
}

BOOST_FIXTURE_TEST_CASE(get_changes_nothing, RunFixture) {
  ReviewProcess server(db);
  httplib::Client client = server.Client();
  json before = Pending(server);
  BOOST_REQUIRE(!before["proposals"].empty());
  const json& p = before["proposals"][0];
  const std::string query = "?id=" + std::to_string(p["id"].get<long long>()) +
                            "&action=approve&stamp=" + p["stamp"].get<std::string>();
  for (const std::string path : {"/api/proposals/decide", "/api/proposals/approve-all"}) {
    auto res = client.Get(server.WithToken(path + query).c_str());
    BOOST_TEST(StatusOf(res) == 405, path);
    if (res) BOOST_TEST(res->get_header_value("Allow") == "POST");
  }
  BOOST_TEST(Pending(server) == before);
}

BOOST_FIXTURE_TEST_CASE(a_path_in_a_parameter_is_never_opened, RunFixture) {
  const fs::path secret = dir / "secret.txt";
  WriteFile(secret, "SECRET-CONTENT\n");
  const std::string s = secret.string();
  ReviewProcess server(db);
  httplib::Client client = server.Client();
  json before = Pending(server);
  std::vector<httplib::Result> answers;
  for (const std::string& path : std::vector<std::string>{
           "/api/proposals?offset=" + s, "/api/proposals?limit=" + s + "&file=" + s,
        "/?file=" + s + "&db=" + s, "/app.js?path=../../../../" + s, "/.." + s,
        "/%2e%2e/%2e%2e" + s, "/api/proposals/../../secret.txt"}) {
    answers.push_back(client.Get(server.WithToken(path).c_str()));
  }
  for (const char* field : {"id", "action", "stamp", "items"}) {
    httplib::Params fields = {{"id", "1"}, {"action", "approve"}, {"stamp", "x"}, {"items", "1:x"}};
    fields.erase(field);
    fields.emplace(field, s);
    answers.push_back(client.Post(server.WithToken("/api/proposals/decide").c_str(), fields));
    answers.push_back(client.Post(server.WithToken("/api/proposals/approve-all").c_str(), fields));
  }
  // Answered as any request: the page, a refusal, never the file.
  for (const httplib::Result& res : answers) {
    BOOST_REQUIRE(res);
    BOOST_TEST(res->body.find("SECRET-CONTENT") == std::string::npos);
  }
  BOOST_TEST(answers[0]->status == 400);
  BOOST_TEST(answers[1]->status == 400);
  BOOST_TEST(ReadFile(secret) == "SECRET-CONTENT\n");
  BOOST_TEST(Pending(server) == before);
}

BOOST_FIXTURE_TEST_CASE(an_approval_posted_shows_in_lookup, RunFixture) {
  ReviewProcess server(db);
  httplib::Client client = server.Client();
  // A proposal pairing a term with another entity's term: after it, one entity holds both.
  json chosen;
  const json pending = Pending(server);
  for (const json& p : pending["proposals"]) {
    if (!p["via"].is_null() && p["term"]["text"] != p["via"]["text"]) {
      chosen = p;
      break;
    }
  }
  BOOST_REQUIRE(!chosen.is_null());
  const std::string term = chosen["term"]["text"], via = chosen["via"]["text"];
  BOOST_TEST(TermsWith(term, dir.path()).count("candidate:" + via) == 0u);

  httplib::Params fields = {{"id", std::to_string(chosen["id"].get<long long>())},
                            {"action", "approve"},
                            {"stamp", chosen["stamp"]}};
  auto res = client.Post(server.WithToken("/api/proposals/decide").c_str(), fields);
  BOOST_REQUIRE(res);
  BOOST_TEST(res->status == 200, res->body);

  // One entity now holds both, the proposed term approved.
  std::set<std::string> after = TermsWith(term, dir.path());
  BOOST_TEST(after.count("approved:" + term) == 1u);
  BOOST_TEST((after.count("candidate:" + via) + after.count("approved:" + via)) == 1u);

  // The same decision again: the page's view is out of date, refused with a message.
  auto again = client.Post(server.WithToken("/api/proposals/decide").c_str(), fields);
  BOOST_REQUIRE(again);
  BOOST_TEST(again->status == 409);
  BOOST_TEST(json::parse(again->body)["error"].get<std::string>().rfind("stale: proposal p", 0) ==
             0);
}

BOOST_FIXTURE_TEST_CASE(many_concurrent_requests_are_served_or_refused_never_a_crash,
                        RunFixture) {
  ReviewProcess server(db);
  json before = Pending(server);
  constexpr int kThreads = 32, kEach = 100;
  std::atomic<int> served{0}, refused{0}, failed{0};
  std::mutex errors_mutex;  // Boost.Test's log is for the main thread only
  std::vector<std::string> errors;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client = server.Client();
      client.set_keep_alive(true);  // as a browser: a few connections, many requests
      for (int i = 0; i < kEach; ++i) {
        httplib::Result res = Ask(client, server, (t + i) % 4);
        if (!res) {
          std::lock_guard<std::mutex> lock(errors_mutex);
          errors.push_back(std::to_string((t + i) % 4) + ": " + httplib::to_string(res.error()));
          ++failed;
        } else if (res->status == 200) {
          ++served;
        } else {
          ++refused;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE(kThreads * kEach << " requests in " << seconds << " s: " << served
                                      << " served, " << refused << " refused, " << failed
                                      << " without an answer");
  for (const std::string& error : errors) BOOST_TEST_MESSAGE("no answer: " << error);
  BOOST_TEST(failed == 0);
  BOOST_TEST(served == kThreads * kEach / 2);
  BOOST_TEST(refused == kThreads * kEach / 2);
  BOOST_TEST(server.Alive());
  // The stale rejections changed nothing.
  BOOST_TEST(Pending(server) == before);
}

// The beads of pair 0 in document order, each as "[source]:[target]" with its texts.
json BeadsOf(const ReviewProcess& server, const std::string& order = "document") {
  auto res = server.Client().Get(
      server.WithToken("/api/beads?pair=0&limit=500&order=" + order).c_str());
  BOOST_REQUIRE(res);
  BOOST_REQUIRE_MESSAGE(res->status == 200, res->body);
  return json::parse(res->body);
}

httplib::Result PostEdit(const ReviewProcess& server, const httplib::Params& fields) {
  return server.Client().Post(server.WithToken("/api/beads/change").c_str(), fields);
}

std::size_t CountUnits(const std::string& tmx) {
  std::size_t units = 0;
  for (std::size_t at = tmx.find("<tu "); at != std::string::npos; at = tmx.find("<tu ", at + 1)) {
    ++units;
  }
  return units;
}

BOOST_FIXTURE_TEST_CASE(a_merge_saved_rewrites_the_tmx_and_the_next_run_keeps_it, RunFixture) {
  const fs::path tmx = dir / "o" / "tmx" / "tram.en-fr.tmx";
  const std::size_t units_before = CountUnits(ReadFile(tmx));
  const std::string qa_before = ReadFile(dir / "o" / "qa.jsonl");
  std::string merged_source;
  {
    ReviewProcess server(std::vector<std::string>{(dir / "o").string()});
    json page = BeadsOf(server);
    const json first = page["beads"][0], second = page["beads"][1];
    BOOST_REQUIRE(first["matched"].get<bool>() && second["matched"].get<bool>());
    merged_source = first["source"][0]["text"].get<std::string>() + " " +
                    second["source"][0]["text"].get<std::string>();
    const std::string version = std::to_string(page["version"].get<long long>());
    // The weakest bead first: an unmatched one, or the lowest score.
    json weakest = BeadsOf(server, "weakest")["beads"];
    for (std::size_t k = 1; k < weakest.size(); ++k) {
      const auto weight = [](const json& b) {
        return b["matched"].get<bool>() ? b["score"].get<double>() : -1.0;
      };
      BOOST_TEST(weight(weakest[k - 1]) <= weight(weakest[k]));
    }

    auto merged = PostEdit(server, {{"pair", "0"}, {"version", version}, {"action", "merge"},
                                    {"bead", "0"}});
    BOOST_REQUIRE(merged);
    BOOST_TEST(merged->status == 200, merged->body);
    // The page's version is now out of date: a second edit from it is refused, nothing done.
    auto stale = PostEdit(server, {{"pair", "0"}, {"version", version}, {"action", "merge"},
                                   {"bead", "0"}});
    BOOST_REQUIRE(stale);
    BOOST_TEST(stale->status == 409);
    BOOST_TEST(BeadsOf(server)["total"] == page["total"].get<int>() - 1);
    // Nothing is written before a save.
    BOOST_TEST(CountUnits(ReadFile(tmx)) == units_before);
    const std::string new_version = std::to_string(json::parse(merged->body)["version"].get<long long>());
    auto saved = server.Client().Post(server.WithToken("/api/beads/save").c_str(),
                                      httplib::Params{{"pair", "0"}, {"version", new_version}});
    BOOST_REQUIRE(saved);
    BOOST_TEST(saved->status == 200, saved->body);
  }
  const std::string tmx_text = ReadFile(tmx);
  BOOST_TEST(CountUnits(tmx_text) == units_before - 1);
  BOOST_TEST(tmx_text.find(merged_source) != std::string::npos);
  BOOST_TEST(ReadFile(dir / "o" / "termalign.tmx").find(merged_source) != std::string::npos);
  BOOST_TEST(ReadFile(dir / "o" / "tmx" / "tram.en-fr.beads").rfind("[0, 1]:[0, 1]:1.000\n", 0) ==
             0);
  BOOST_TEST(ReadFile(dir / "o" / "qa.jsonl") != qa_before);

  // The same documents again: the person's beads are kept, not aligned afresh.
  RunResult again = RunCli("run '" + kExamples.string() + "' -o o -q", dir.path());
  BOOST_REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  BOOST_TEST(CountUnits(ReadFile(tmx)) == units_before - 1);
  BOOST_TEST(ReadFile(tmx).find(merged_source) != std::string::npos);

  // A document changed: its pair is aligned again, and the run says why.
  fs::create_directories(dir / "corpus");
  for (const char* name : {"tram.en.txt", "tram.fr.txt"}) {
    fs::copy_file(kExamples / name, dir / "corpus" / name);
  }
  WriteFile(dir / "corpus" / "tram.en.txt", ReadFile(kExamples / "tram.en.txt") + "One more.\n");
  RunResult changed = RunCli("run corpus -o o", dir.path());
  BOOST_REQUIRE_MESSAGE(changed.exit_code == 0, changed.err);
  BOOST_TEST(changed.err.find("the documents changed since they were aligned") != std::string::npos,
             changed.err);
  BOOST_TEST(ReadFile(tmx).find(merged_source) == std::string::npos);
}

// A save rewrites the QA as a full run over the same corrected beads writes it, byte for byte.
BOOST_FIXTURE_TEST_CASE(a_save_writes_the_qa_a_full_run_writes, RunFixture) {
  {
    // In the run's folder, as the run: the report names its files as the run does.
    ReviewProcess server(std::vector<std::string>{"o"}, "review", dir.path());
    json page = BeadsOf(server);
    const json& bead = page["beads"][2];
    BOOST_REQUIRE(!bead["source"].empty());
    auto edited = PostEdit(server, {{"pair", "0"},
                                    {"version", std::to_string(page["version"].get<long long>())},
                                    {"action", "edit"},
                                    {"side", "source"},
                                    {"sentence", std::to_string(bead["source"][0]["n"].get<int>())},
                                    {"text", "The line opens on 3 March 2026 with 12 stops."}});
    BOOST_REQUIRE(edited);
    BOOST_REQUIRE_MESSAGE(edited->status == 200, edited->body);
    auto saved = server.Client().Post(
        server.WithToken("/api/beads/save").c_str(),
        httplib::Params{{"pair", "0"},
                        {"version", std::to_string(json::parse(edited->body)["version"].get<long long>())}});
    BOOST_REQUIRE(saved);
    BOOST_REQUIRE_MESSAGE(saved->status == 200, saved->body);
  }
  const std::string qa = ReadFile(dir / "o" / "qa.jsonl");
  const std::string report = ReadFile(dir / "o" / "report.html");
  BOOST_TEST(qa.find("The line opens on 3 March 2026 with 12 stops.") != std::string::npos);
  // The same folder run again: the person's beads are reused, every pair checked afresh.
  RunResult full = RunCli("run '" + kExamples.string() + "' -o o -q", dir.path());
  BOOST_REQUIRE_MESSAGE(full.exit_code == 0, full.err);
  BOOST_TEST(ReadFile(dir / "o" / "qa.jsonl") == qa);
  BOOST_TEST(ReadFile(dir / "o" / "report.html") == report);
}

BOOST_FIXTURE_TEST_CASE(the_output_folder_deleted_under_the_server_is_an_error_not_a_crash,
                        RunFixture) {
  ReviewProcess server(std::vector<std::string>{(dir / "o").string()});
  json page = BeadsOf(server);
  fs::remove_all(dir / "o");
  auto merged = PostEdit(server, {{"pair", "0"},
                                  {"version", std::to_string(page["version"].get<long long>())},
                                  {"action", "merge"},
                                  {"bead", "0"}});
  BOOST_REQUIRE(merged);
  BOOST_TEST(merged->status == 200);
  auto saved = server.Client().Post(
      server.WithToken("/api/beads/save").c_str(),
      httplib::Params{{"pair", "0"},
                      {"version", std::to_string(json::parse(merged->body)["version"].get<long long>())}});
  BOOST_REQUIRE(saved);
  BOOST_TEST(saved->status == 500);
  BOOST_TEST(json::parse(saved->body)["error"].get<std::string>().rfind("saving: writing ", 0) == 0,
             saved->body);
  auto proposals = server.Client().Get(server.WithToken("/api/proposals").c_str());
  BOOST_TEST(StatusOf(proposals) != -1);
  BOOST_TEST(server.Alive());
  BOOST_TEST(!fs::exists(dir / "o"));  // nothing was made again in its place
}

BOOST_FIXTURE_TEST_CASE(a_termbase_alone_has_no_alignment_view, RunFixture) {
  ReviewProcess server(db);
  auto res = server.Client().Get(server.WithToken("/api/beads?pair=0").c_str());
  BOOST_TEST(StatusOf(res) == 404);
  BOOST_TEST(StatusOf(server.Client().Get(server.WithToken("/api/beads?pair=0&limit=501").c_str())) ==
             400);
}

BOOST_AUTO_TEST_CASE(a_missing_termbase_or_a_bad_port_is_an_error) {
  TempDir dir;
  RunResult missing = RunCli("review --db nothing.db", dir.path());
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err.find("termalign: error: review: ") == 0, missing.err);
  RunResult neither = RunCli("review", dir.path());
  BOOST_TEST(neither.exit_code == 2);
  BOOST_TEST(neither.err ==
             "termalign: error: review: give an output folder of 'termalign run' or --db DB "
             "(one of them)\n");
  RunResult not_folder = RunCli("review nowhere", dir.path());
  BOOST_TEST(not_folder.exit_code == 2);
  BOOST_TEST(not_folder.err == "termalign: error: review: nowhere: not a folder\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
