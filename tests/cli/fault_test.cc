// Fault tests: a process killed mid-write, two writers on one termbase, a full disk. Whatever
// happens, no partial file appears under the final name and the termbase stays consistent.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

// Writes an English-French pair of `count` sentences made from a small word mapping, so that the
// aligner and the glossary have real work to do.
void WriteParallelTexts(const fs::path& en, const fs::path& fr, int count, unsigned seed) {
  static const std::vector<std::pair<std::string, std::string>> kWords = {
      {"tram", "tram"},         {"line", "ligne"},       {"city", "ville"},
      {"council", "conseil"},   {"station", "gare"},     {"harbour", "port"},
      {"ticket", "billet"},     {"price", "prix"},       {"engineer", "ingénieur"},
      {"street", "rue"},        {"bridge", "pont"},      {"river", "rivière"},
      {"library", "bibliothèque"}, {"school", "école"},  {"market", "marché"}};
  std::mt19937 random(seed);
  std::string en_text, fr_text;
  for (int i = 0; i < count; ++i) {
    int length = 4 + static_cast<int>(random() % 9);
    std::string e = "The", f = "Le";
    for (int w = 0; w < length; ++w) {
      const auto& pair = kWords[random() % kWords.size()];
      e += " " + pair.first;
      f += " " + pair.second;
    }
    e += " " + std::to_string(i) + ".\n";
    f += " " + std::to_string(i) + ".\n";
    en_text += e;
    fr_text += f;
  }
  WriteFile(en, en_text);
  WriteFile(fr, fr_text);
}

// Starts `termalign <args>` in `dir` with stdout and stderr to files; returns its pid.
pid_t StartCli(const std::vector<std::string>& args, const fs::path& dir) {
  std::fflush(nullptr);  // else the child would write our buffered output again
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    std::FILE* out = std::freopen(".stdout", "w", stdout);
    std::FILE* err = std::freopen(".stderr", "w", stderr);
    if (out == nullptr || err == nullptr) ::_exit(127);
    std::vector<char*> argv;
    std::string binary = TERMALIGN_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& arg : copy) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string FileNames(const fs::path& dir) {
  std::string names;
  for (const auto& entry : fs::directory_iterator(dir)) names += entry.path().filename().string() + " ";
  return names;
}

// The temporary files (".tmp.") anywhere under `dir`.
std::string TempFiles(const fs::path& dir) {
  std::string names;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp.") != std::string::npos) {
      names += entry.path().string() + " ";
    }
  }
  return names;
}

// Waits until `ready` holds, polling every 10 ms, at most `tries` times; true when it held.
template <typename Condition>
bool PollUntil(Condition ready, int tries = 6000) {
  for (int i = 0; i < tries; ++i) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// "exit N" or "killed by signal N", for checking that an interrupt ends with exit 130.
std::string HowItEnded(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                           : "killed by signal " + std::to_string(WTERMSIG(status));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults)

BOOST_AUTO_TEST_CASE(tmx_export_killed_leaves_no_partial_file_under_the_final_name) {
  TempDir dir;
  std::string pairs;
  for (int i = 0; i < 200000; ++i) {
    pairs += "Sentence number " + std::to_string(i) + " of the test.\tPhrase numéro " +
             std::to_string(i) + " du test.\t0.9\n";
  }
  WriteFile(dir / "pairs.tsv", pairs);
  unsigned seed = std::random_device{}();
  BOOST_TEST_MESSAGE("kill delays seeded with " << seed);
  std::mt19937 random(seed);
  for (int attempt = 0; attempt < 5; ++attempt) {
    fs::remove(dir / "out.tmx");
    pid_t pid = StartCli({"tmx", "export", "--src-lang", "en", "--tgt-lang", "fr", "--pairs",
                          "pairs.tsv", "-o", "out.tmx"},
                         dir.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + random() % 300));
    ::kill(pid, SIGKILL);
    int code = WaitExit(pid);
    if (fs::exists(dir / "out.tmx")) {
      // The export finished before the kill: the file must then be whole.
      BOOST_TEST(code == 0);
      RunResult valid = RunCli("tmx validate out.tmx", dir.path());
      BOOST_TEST(valid.exit_code == 0, "a killed export left an invalid out.tmx: " << valid.err);
    } else {
      BOOST_TEST(code == 128 + SIGKILL);
    }
  }
}

BOOST_AUTO_TEST_CASE(glossary_build_killed_leaves_a_consistent_termbase) {
  TempDir dir;
  WriteParallelTexts(dir / "a.en.txt", dir / "a.fr.txt", 40, 1);
  WriteParallelTexts(dir / "b.en.txt", dir / "b.fr.txt", 3000, 2);
  RunResult first = RunCli("glossary build --db t.db -q a.en.txt a.fr.txt", dir.path());
  BOOST_REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  RunResult before = RunCli("glossary stats --db t.db", dir.path());
  BOOST_REQUIRE(before.exit_code == 0);
  // What the termbase holds once both documents are built, uninterrupted.
  for (const char* pair : {"a.en.txt a.fr.txt", "b.en.txt b.fr.txt"}) {
    RunResult built = RunCli(std::string("glossary build --db whole.db -q ") + pair, dir.path());
    BOOST_REQUIRE_MESSAGE(built.exit_code == 0, built.err);
  }
  RunResult whole = RunCli("glossary stats --db whole.db", dir.path());
  BOOST_REQUIRE(whole.exit_code == 0);

  pid_t pid = StartCli({"glossary", "build", "--db", "t.db", "-q", "b.en.txt", "b.fr.txt"},
                       dir.path());
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  ::kill(pid, SIGKILL);
  int code = WaitExit(pid);

  // Either nothing of the build is visible or all of it is: a kill after the commit, while the
  // process exits, leaves the whole build. The first document's terms are still there and the
  // database answers.
  RunResult after = RunCli("glossary stats --db t.db", dir.path());
  BOOST_TEST(after.exit_code == 0, after.err);
  if (code != 0) BOOST_TEST((after.out == before.out || after.out == whole.out), after.out);
  RunResult lookup = RunCli("lookup --db t.db harbour", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);

  // Building the interrupted document again completes and counts it once.
  RunResult again = RunCli("glossary build --db t.db -q b.en.txt b.fr.txt", dir.path());
  BOOST_TEST(again.exit_code == 0, again.err);
  RunResult stats = RunCli("glossary stats --db t.db", dir.path());
  BOOST_TEST(stats.out.find("documents\t4") != std::string::npos, stats.out);
}

BOOST_AUTO_TEST_CASE(two_builds_on_one_termbase_wait_or_fail_clearly) {
  TempDir dir;
  WriteParallelTexts(dir / "a.en.txt", dir / "a.fr.txt", 1500, 3);
  WriteParallelTexts(dir / "b.en.txt", dir / "b.fr.txt", 1500, 4);
  fs::create_directories(dir / "one");
  fs::create_directories(dir / "two");
  std::string db = (dir / "t.db").string();
  pid_t a = StartCli({"glossary", "build", "--db", db, "-q", "../a.en.txt", "../a.fr.txt"},
                     dir / "one");
  pid_t b = StartCli({"glossary", "build", "--db", db, "-q", "../b.en.txt", "../b.fr.txt"},
                     dir / "two");
  int code_a = WaitExit(a);
  int code_b = WaitExit(b);
  for (const auto& [code, folder] : {std::pair{code_a, "one"}, std::pair{code_b, "two"}}) {
    std::string err = ReadFile(dir / folder / ".stderr");
    BOOST_TEST((code == 0 || code == 2), "exit " << code << ": " << err);
    if (code == 2) BOOST_TEST(err.find("termalign: error:") != std::string::npos, err);
  }
  RunResult stats = RunCli("glossary stats --db t.db", dir.path());
  BOOST_TEST(stats.exit_code == 0, stats.err);
  int built = (code_a == 0) + (code_b == 0);
  BOOST_TEST(built >= 1);
  BOOST_TEST(stats.out.find("documents\t" + std::to_string(2 * built)) != std::string::npos,
             stats.out);
}

BOOST_AUTO_TEST_CASE(full_disk_gives_a_clear_error_and_no_file) {
  TempDir dir;
  std::string pairs;
  for (int i = 0; i < 20000; ++i) pairs += "Source " + std::to_string(i) + "\tCible\t1\n";
  WriteFile(dir / "pairs.tsv", pairs);
  // A file size limit of 128 blocks stands in for a full disk: writes past it fail with EFBIG.
  RunResult unlimited =
      RunCli("tmx export --src-lang en --tgt-lang fr --pairs pairs.tsv -o out.tmx", dir.path());
  BOOST_REQUIRE_MESSAGE(unlimited.exit_code == 0, unlimited.err);
  fs::remove(dir / "out.tmx");
  std::string command = "cd '" + dir.path().string() + "' && (ulimit -f 128; '" +
                        TERMALIGN_BINARY +
                        "' tmx export --src-lang en --tgt-lang fr --pairs pairs.tsv -o out.tmx) "
                        "2>err.txt";
  int status = std::system(command.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::string err = ReadFile(dir / "err.txt");
  BOOST_TEST(code == 2, "exit " << code << ": " << err);
  BOOST_TEST(err.find("termalign: error:") != std::string::npos, err);
  BOOST_TEST(err.find("out.tmx") != std::string::npos, err);
  BOOST_TEST(err.find("File too large") != std::string::npos, err);
  BOOST_TEST(!fs::exists(dir / "out.tmx"), FileNames(dir.path()));
}

BOOST_AUTO_TEST_CASE(ctrl_c_during_a_1m_unit_tmx_export_removes_the_temporary_file) {
  TempDir dir;
  {
    std::ofstream pairs(dir / "pairs.tsv", std::ios::binary);
    for (int i = 0; i < 1000000; ++i) {
      pairs << "Sentence number " << i << " of the test.\tPhrase numéro " << i << " du test.\n";
    }
  }
  for (int signal : {SIGINT, SIGTERM}) {
    pid_t pid = StartCli({"tmx", "export", "--src-lang", "en", "--tgt-lang", "fr", "--pairs",
                          "pairs.tsv", "-o", "out.tmx"},
                         dir.path());
    BOOST_REQUIRE(PollUntil([&] { return !TempFiles(dir.path()).empty(); }));
    ::kill(pid, signal);
    BOOST_TEST(HowItEnded(pid) == "exit 130");
    BOOST_TEST(TempFiles(dir.path()) == "");
    BOOST_TEST(!fs::exists(dir / "out.tmx"));
  }
}

BOOST_AUTO_TEST_CASE(ctrl_c_during_a_run_leaves_no_temporary_file) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteParallelTexts(dir / "corpus/a.en.txt", dir / "corpus/a.fr.txt", 2000, 5);
  WriteParallelTexts(dir / "corpus/b.en.txt", dir / "corpus/b.fr.txt", 2000, 6);
  pid_t pid = StartCli({"run", "corpus", "-o", "out", "-q", "--no-dict"}, dir.path());
  // Interrupted once the glossary is open, while the pairs are aligned and learnt from.
  BOOST_REQUIRE(PollUntil([&] { return fs::exists(dir / "out/termalign.db"); }));
  ::kill(pid, SIGINT);
  BOOST_TEST(HowItEnded(pid) == "exit 130");
  BOOST_TEST(TempFiles(dir.path()) == "");
  BOOST_TEST(!fs::exists(dir / "out/report.html"));
}

BOOST_AUTO_TEST_CASE(ctrl_c_during_a_glossary_build_leaves_the_termbase_as_before) {
  TempDir dir;
  WriteParallelTexts(dir / "a.en.txt", dir / "a.fr.txt", 40, 7);
  WriteParallelTexts(dir / "b.en.txt", dir / "b.fr.txt", 3000, 8);
  RunResult first = RunCli("glossary build --db t.db -q a.en.txt a.fr.txt", dir.path());
  BOOST_REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  RunResult before = RunCli("glossary stats --db t.db", dir.path());
  BOOST_REQUIRE(before.exit_code == 0);

  pid_t pid = StartCli({"glossary", "build", "--db", "t.db", "-q", "b.en.txt", "b.fr.txt"},
                       dir.path());
  // The build opens the termbase (its -wal file appears) once the texts are aligned.
  BOOST_REQUIRE(PollUntil([&] { return fs::exists(dir / "t.db-wal"); }));
  ::kill(pid, SIGINT);
  BOOST_TEST(HowItEnded(pid) == "exit 130");
  BOOST_TEST(TempFiles(dir.path()) == "");
  // The open transaction was never committed: SQLite rolls it back on the next open.
  RunResult after = RunCli("glossary stats --db t.db", dir.path());
  BOOST_TEST(after.exit_code == 0, after.err);
  BOOST_TEST(after.out == before.out);
  RunResult again = RunCli("glossary build --db t.db -q b.en.txt b.fr.txt", dir.path());
  BOOST_TEST(again.exit_code == 0, again.err);
  RunResult stats = RunCli("glossary stats --db t.db", dir.path());
  BOOST_TEST(stats.out.find("documents\t4") != std::string::npos, stats.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
