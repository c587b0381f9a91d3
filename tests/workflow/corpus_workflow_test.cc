// The corpus steps (`termalign corpus ...`) and the Snakemake workflow built on them: the same
// outputs as `termalign run`, failed documents reported with the rest done, a killed workflow
// resumed without redoing finished pairs, the Slurm profile read by Snakemake.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

namespace utf = boost::unit_test;

// Runs `command` through the shell in `dir`; stdout and stderr are captured.
RunResult Shell(const std::string& command, const fs::path& dir) {
  fs::path out = dir / ".shell-out", err = dir / ".shell-err";
  std::string line =
      "cd '" + dir.string() + "' && (" + command + ") >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(line.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

const std::string kSource = TERMALIGN_SOURCE_DIR;
const std::string kBinary = TERMALIGN_BINARY;
// TMX dates from this time, so that two runs write the same bytes.
const std::string kEpoch = "SOURCE_DATE_EPOCH=1700000000";

bool HaveSnakemake() { return std::system("command -v snakemake >/dev/null 2>&1") == 0; }

// A precondition: the test is reported as skipped, with the reason, when snakemake is missing.
boost::test_tools::assertion_result SnakemakeInstalled(utf::test_unit_id) {
  boost::test_tools::assertion_result result(HaveSnakemake());
  if (!result) {
    result.message() << "snakemake is not installed (scripts/install-deps.sh --ci installs it)";
  }
  return result;
}

// Writes a generated archive (workflow/corpus_gen.py) into DIR/archive: PAIRS pairs of
// SENTENCES sentences, with `extra` arguments (--broken N, --monolingual N).
void Generate(const fs::path& dir, int pairs, int sentences, const std::string& extra = "") {
  RunResult made = Shell("python3 '" + kSource + "/workflow/corpus_gen.py' archive " +
                             std::to_string(pairs) + " " + std::to_string(sentences) + " " + extra,
                         dir);
  BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
}

// The workflow's command line over DIR/archive/manifest.tsv into DIR/wf.
std::string SnakemakeCommand(const std::string& extra = "", const std::string& launcher = "") {
  return kEpoch + " " + launcher + "snakemake -s '" + kSource + "/workflow/Snakefile' --cores 2 --config " +
         "manifest=archive/manifest.tsv output=wf binary='" + kBinary + "' " + extra;
}

// `termalign run` on the same archive into DIR/run.
RunResult RunOnArchive(const fs::path& dir) {
  return Shell(kEpoch + " '" + kBinary + "' run archive/manifest.tsv -o run -q", dir);
}

// The files of a folder (not recursive) with their bytes.
std::map<std::string, std::string> FilesOf(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) files[entry.path().filename().string()] = ReadFile(entry.path());
  }
  return files;
}

// The glossary of an output folder, one row per term with its status (entity layout).
std::string GlossaryRows(const fs::path& dir, const std::string& out) {
  RunResult rows = Shell("'" + kBinary + "' glossary export --db " + out +
                             "/termalign.db --format tsv --layout entity -o -",
                         dir);
  BOOST_TEST(rows.exit_code == 0, rows.err);
  return rows.out;
}

std::size_t CountLines(const std::string& text, const std::string& containing) {
  std::size_t count = 0;
  for (std::size_t at = text.find(containing); at != std::string::npos;
       at = text.find(containing, at + 1)) {
    ++count;
  }
  return count;
}

// The same outputs as `run`: every pair's TMX and beads, the merged TMX, the glossary, the
// QA findings.
void CheckSameAsRun(const fs::path& dir, const std::string& out) {
  std::map<std::string, std::string> run_tmx = FilesOf(dir / "run/tmx");
  std::map<std::string, std::string> out_tmx = FilesOf(dir / out / "tmx");
  BOOST_TEST(run_tmx.size() == out_tmx.size());
  BOOST_TEST((run_tmx == out_tmx), "the pairs' TMX files or beads differ");
  // Compared as booleans: the files are long, a difference is found with diff.
  for (const char* file : {"termalign.tmx", "glossary.tbx", "qa.jsonl"}) {
    BOOST_TEST((ReadFile(dir / "run" / file) == ReadFile(dir / out / file)),
               out << "/" << file << " differs from run/" << file);
  }
  const std::string glossary = GlossaryRows(dir, "run");
  BOOST_TEST(!glossary.empty());
  BOOST_TEST((glossary == GlossaryRows(dir, out)), "the termbases' terms differ");
}

BOOST_AUTO_TEST_SUITE(corpus_steps)

// The steps by hand, as a workflow manager runs them: the same files as `run`.
BOOST_AUTO_TEST_CASE(steps_one_by_one_write_what_run_writes) {
  TempDir dir;
  Generate(dir.path(), 6, 12, "--monolingual 1");
  RunResult run = RunOnArchive(dir.path());
  BOOST_TEST_REQUIRE(run.exit_code == 0, run.err);
  const std::string corpus = "'" + kBinary + "' corpus ";
  const std::string args = " archive/manifest.tsv -o steps -q";
  RunResult listed = Shell(corpus + "list archive/manifest.tsv", dir.path());
  BOOST_TEST_REQUIRE(listed.exit_code == 0, listed.err);
  BOOST_TEST(listed.out.find("00000.en-fr\tpair\t00000\n") == 0u, listed.out);
  BOOST_TEST(listed.out.find("\tmonolingual\tarchive/docs/notes000.en.txt\n") != std::string::npos,
             listed.out);
  for (int k = 0; k < 6; ++k) {
    std::string key = "0000" + std::to_string(k) + ".en-fr";
    RunResult mapped = Shell(kEpoch + " " + corpus + "map" + args + " " + key, dir.path());
    BOOST_TEST_REQUIRE(mapped.exit_code == 0, mapped.err);
  }
  for (const char* step : {"glossary", "merge"}) {
    RunResult reduced = Shell(kEpoch + " " + corpus + step + args, dir.path());
    BOOST_TEST_REQUIRE(reduced.exit_code == 0, step << ": " << reduced.err);
  }
  for (int k = 0; k < 6; ++k) {
    std::string key = "0000" + std::to_string(k) + ".en-fr";
    RunResult checked = Shell(corpus + "check" + args + " " + key, dir.path());
    BOOST_TEST_REQUIRE(checked.exit_code == 0, checked.err);
  }
  RunResult reported = Shell(corpus + "report" + args, dir.path());
  BOOST_TEST_REQUIRE(reported.exit_code == 0, reported.err);
  CheckSameAsRun(dir.path(), "steps");
  std::string index = ReadFile(dir / "steps/report.html");
  BOOST_TEST(index.find("<a href=\"pages/00003.en-fr.html\">00003</a>") != std::string::npos);
  BOOST_TEST(fs::exists(dir / "steps/pages/00003.en-fr.html"));
  BOOST_TEST(ReadFile(dir / "steps/errors.txt").empty());
}

// A retried or duplicated map job finds its record for the same bytes and writes nothing;
// changed bytes are mapped again.
BOOST_AUTO_TEST_CASE(a_map_step_run_again_changes_nothing) {
  TempDir dir;
  Generate(dir.path(), 2, 8);
  const std::string map =
      "'" + kBinary + "' corpus map archive/manifest.tsv -o out -q 00001.en-fr";
  RunResult first = Shell(map, dir.path());
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  const fs::path record = dir / "out/work/map/00001.en-fr.json";
  const fs::path tmx = dir / "out/tmx/00001.en-fr.tmx";
  const std::string tmx_bytes = ReadFile(tmx);
  const auto record_time = fs::last_write_time(record);
  const auto tmx_time = fs::last_write_time(tmx);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // No SOURCE_DATE_EPOCH: a TMX written again would carry another date.
  RunResult again = Shell(map, dir.path());
  BOOST_TEST(again.exit_code == 0, again.err);
  BOOST_TEST((fs::last_write_time(record) == record_time));
  BOOST_TEST((fs::last_write_time(tmx) == tmx_time));
  BOOST_TEST(ReadFile(tmx) == tmx_bytes);
  // The source changed: mapped again.
  WriteFile(dir / "archive/docs/00001.en.txt", "The drain pump is new.\n");
  RunResult changed = Shell(map, dir.path());
  BOOST_TEST(changed.exit_code == 0, changed.err);
  BOOST_TEST(ReadFile(tmx).find("The drain pump is new.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_a_usage_error) {
  TempDir dir;
  Generate(dir.path(), 1, 3);
  RunResult result = Shell("'" + kBinary + "' corpus map archive/manifest.tsv -o out nope",
                           dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: no document pair or bilingual file of archive/manifest.tsv has "
             "the key 'nope' (see 'termalign corpus list')\n");
}

BOOST_AUTO_TEST_CASE(a_reduce_step_before_the_map_steps_says_which_is_missing) {
  TempDir dir;
  Generate(dir.path(), 2, 3);
  RunResult result =
      Shell("'" + kBinary + "' corpus glossary archive/manifest.tsv -o out", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: out/work/map/00000.en-fr.json: no such file (run the map step "
             "of 00000 first)\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(snakemake_workflow)

// 200 pairs through `snakemake --cores 2`: the TMX, the termbase and the QA findings of `run`.
BOOST_AUTO_TEST_CASE(the_workflow_writes_what_run_writes,
                     *utf::precondition(SnakemakeInstalled)) {
  TempDir dir;
  Generate(dir.path(), 200, 4, "--monolingual 2");
  RunResult run = RunOnArchive(dir.path());
  BOOST_TEST_REQUIRE(run.exit_code == 0, run.err);
  RunResult workflow = Shell(SnakemakeCommand(), dir.path());
  BOOST_TEST_REQUIRE(workflow.exit_code == 0, workflow.err);
  CheckSameAsRun(dir.path(), "wf");
  const std::string findings = ReadFile(dir / "wf/qa.jsonl");
  BOOST_TEST(CountLines(findings, "\"type\":\"summary\"") == 200u);
  BOOST_TEST(GlossaryRows(dir.path(), "wf").find("pompe de vidange") != std::string::npos);
  BOOST_TEST(ReadFile(dir / "wf/errors.txt").empty());
  // Nothing left to do: a second call runs no job.
  RunResult again = Shell(SnakemakeCommand(), dir.path());
  BOOST_TEST(again.exit_code == 0, again.err);
  BOOST_TEST(again.err.find("Nothing to be done") != std::string::npos, again.err);
}

// Pairs whose target is not UTF-8 are reported, in errors.txt as `run` reports them, and every
// other pair is done.
BOOST_AUTO_TEST_CASE(a_document_that_cannot_be_read_is_reported_and_the_rest_done,
                     *utf::precondition(SnakemakeInstalled)) {
  TempDir dir;
  Generate(dir.path(), 12, 4, "--broken 2");
  RunResult run = RunOnArchive(dir.path());
  BOOST_TEST_REQUIRE(run.exit_code == 2, run.err);
  RunResult workflow = Shell(SnakemakeCommand(), dir.path());
  BOOST_TEST_REQUIRE(workflow.exit_code == 0, workflow.err);
  std::string errors = ReadFile(dir / "wf/errors.txt");
  BOOST_TEST(CountLines(errors, "\n") == 2u, errors);
  BOOST_TEST(errors.find("docs/00010.fr.txt") != std::string::npos, errors);
  BOOST_TEST(errors.find("docs/00011.fr.txt") != std::string::npos, errors);
  // `run` says the same, one "termalign: error: " line each.
  std::string run_errors;
  for (std::size_t at = run.err.find("termalign: error: "); at != std::string::npos;
       at = run.err.find("termalign: error: ", at + 1)) {
    std::size_t start = at + 18;
    run_errors += run.err.substr(start, run.err.find('\n', start) + 1 - start);
  }
  BOOST_TEST(errors == run_errors);
  BOOST_TEST(workflow.err.find("termalign: 2 error(s), the rest is done") != std::string::npos,
             workflow.err);
  CheckSameAsRun(dir.path(), "wf");
  BOOST_TEST(CountLines(ReadFile(dir / "wf/qa.jsonl"), "\"type\":\"summary\"") == 10u);
  BOOST_TEST(ReadFile(dir / "wf/report.html").find("<tr class=failed><td>00011</td>") !=
             std::string::npos);
}

// Killed mid-run (every process of it, as when a machine goes down) and started again, the
// workflow reruns only what had not finished: the map records written before stay as they were.
BOOST_AUTO_TEST_CASE(a_killed_workflow_started_again_redoes_only_what_was_unfinished,
                     *utf::precondition(SnakemakeInstalled)) {
  TempDir dir;
  constexpr std::size_t kPairs = 60;
  constexpr std::size_t kBatches = kPairs / 2;  // batch=2: two pairs per map job
  Generate(dir.path(), kPairs, 30);
  const std::string config = "batch=2";
  std::string start = SnakemakeCommand(config, "setsid ") + " >snakemake-1.log 2>&1 & echo $!";
  RunResult started = Shell(start, dir.path());
  BOOST_TEST_REQUIRE(started.exit_code == 0);
  const pid_t group = std::stoi(started.out);
  const fs::path records = dir / "wf/work/map";
  // The files of the map folder with that extension: ".json" per pair, ".done" per job.
  const auto files = [&](const std::string& extension) {
    std::map<std::string, fs::file_time_type> found;
    std::error_code error;
    if (!fs::is_directory(records, error)) return found;
    for (const fs::directory_entry& entry : fs::directory_iterator(records, error)) {
      if (entry.path().extension() == extension) {
        found[entry.path().string()] = entry.last_write_time(error);
      }
    }
    return found;
  };
  // Wait (at most two minutes) for some jobs to finish, then kill the whole process group.
  for (int k = 0; k < 2400 && files(".done").size() < 3; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(-group, SIGKILL);
  for (int k = 0; k < 200 && ::kill(-group, 0) == 0; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::map<std::string, fs::file_time_type> before = files(".json");
  const std::size_t jobs_done = files(".done").size();
  BOOST_TEST_REQUIRE(jobs_done >= 3u, ReadFile(dir / "snakemake-1.log"));
  BOOST_TEST_REQUIRE(jobs_done < kBatches, "the map jobs ended before they could be killed");
  // The lock of the killed run is lifted; jobs it left incomplete are run again.
  RunResult unlocked = Shell(SnakemakeCommand(config + " --unlock"), dir.path());
  BOOST_TEST_REQUIRE(unlocked.exit_code == 0, unlocked.err);
  RunResult resumed = Shell(SnakemakeCommand(config + " --rerun-incomplete"), dir.path());
  BOOST_TEST_REQUIRE(resumed.exit_code == 0, resumed.err);
  BOOST_TEST(files(".json").size() == kPairs);
  // A pair mapped before the kill is not mapped again, even in a job that was cut short.
  std::size_t kept = 0;
  for (const auto& [path, time] : before) kept += fs::last_write_time(path) == time;
  BOOST_TEST(kept == before.size(), kept << " of " << before.size() << " kept");
  // Snakemake's job count says the same: only the unfinished map jobs ran (those running at
  // the kill, two at most, had not told Snakemake they were done).
  std::size_t map_jobs = 0;
  std::size_t at = resumed.err.find("\nmap ");
  if (at != std::string::npos) map_jobs = std::stoul(resumed.err.substr(at + 5));
  BOOST_TEST(map_jobs <= kBatches - jobs_done + 2, resumed.err);
  BOOST_TEST(map_jobs >= kBatches - jobs_done, resumed.err);
  BOOST_TEST(CountLines(ReadFile(dir / "wf/qa.jsonl"), "\"type\":\"summary\"") == kPairs);
}

// The Slurm profile: read by Snakemake and turned into cluster jobs (a dry run: no cluster
// needed).
BOOST_AUTO_TEST_CASE(the_slurm_profile_plans_the_jobs,
                     *utf::precondition(SnakemakeInstalled)) {
  TempDir dir;
  Generate(dir.path(), 3, 3);
  RunResult planned = Shell(SnakemakeCommand("--dry-run --profile '" + kSource +
                                             "/workflow/profiles/slurm'"),
                            dir.path());
  BOOST_TEST_REQUIRE(planned.exit_code == 0, planned.err + planned.out);
  const std::string plan = planned.out + planned.err;
  BOOST_TEST(plan.find("rule map:") != std::string::npos, plan);
  BOOST_TEST(plan.find("rule glossary:") != std::string::npos, plan);
  BOOST_TEST(plan.find("rule report:") != std::string::npos, plan);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
