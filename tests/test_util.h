// Helpers for tests: temporary folders, running the CLI, the shared reference data.
#ifndef TERMALIGN_TESTS_TEST_UTIL_H_
#define TERMALIGN_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace termalign::testing {

namespace fs = std::filesystem;

// A fresh temporary folder, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::random_device device;
    path_ = fs::temp_directory_path() /
            ("termalign-test-" + std::to_string(::getpid()) + "-" + std::to_string(device()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// What a run of the CLI printed and returned.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `termalign <args>` through the shell in `dir` (args are shell words: quote them), with
// `env` ("NAME=value ...") added to its environment.
inline RunResult RunCli(const std::string& args, const fs::path& dir,
                        const std::string& stdin_text = "", const std::string& env = "") {
  fs::path out = dir / ".stdout", err = dir / ".stderr", in = dir / ".stdin";
  WriteFile(in, stdin_text);
  std::string command = "cd '" + dir.string() + "' && " + env + " '" + TERMALIGN_BINARY + "' " +
                        args + " <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() +
                        "'";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

// The shared reference folder, or "" (with a message) when it is absent: tests that need it
// return early, so the core suite passes without it.
inline fs::path SharedDirOrSkip(const std::string& what) {
  fs::path dir = TERMALIGN_SHARED_DIR;
  if (!fs::exists(dir / "gold")) {
    BOOST_TEST_MESSAGE("skipped: " << what << " needs the reference data in " << dir.string());
    return {};
  }
  return dir;
}

// What OmegaT made of a TMX and glossaries (the shared reference folder's headless check).
struct OmegatResult {
  int exit_code = -1;
  std::string log;
};

// Runs the OmegaT check on `tmx` and `glossaries` with the project languages `src_lang` and
// `tgt_lang`, working in `work`; nothing (with a message) when OmegaT or the check is missing.
inline std::optional<OmegatResult> RunOmegatCheck(const fs::path& work, const fs::path& tmx,
                                                  const std::vector<fs::path>& glossaries,
                                                  const std::string& src_lang = "en-US",
                                                  const std::string& tgt_lang = "fr-FR") {
  fs::path check = fs::path(TERMALIGN_SHARED_DIR) / "tools/omegat-check";
  if (!fs::exists(check) || std::system("command -v omegat >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("skipped: the OmegaT check needs omegat and " << check.string());
    return std::nullopt;
  }
  fs::path log = work / "omegat.log";
  std::string command = "SRC_LANG='" + src_lang + "' TGT_LANG='" + tgt_lang + "' WORK='" +
                        (work / "omegat").string() + "' '" + check.string() + "' '" +
                        tmx.string() + "'";
  for (const fs::path& glossary : glossaries) command += " '" + glossary.string() + "'";
  command += " >'" + log.string() + "' 2>&1";
  int status = std::system(command.c_str());
  OmegatResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.log = ReadFile(log);
  return result;
}

// The glossary entries OmegaT loaded ("ENTRY file | source => target" lines of the check's
// log), as "source => target" strings.
inline std::vector<std::string> OmegatGlossaryEntries(const std::string& log,
                                                      const std::string& file) {
  std::vector<std::string> entries;
  std::istringstream lines(log);
  const std::string prefix = "ENTRY " + file + " | ";
  for (std::string line; std::getline(lines, line);) {
    std::size_t start = line.find_first_not_of(' ');
    if (start != std::string::npos && line.compare(start, prefix.size(), prefix) == 0) {
      entries.push_back(line.substr(start + prefix.size()));
    }
  }
  return entries;
}

// Whether an entry from OmegatGlossaryEntries has no target text.
inline bool HasEmptyTarget(const std::string& entry) {
  std::size_t arrow = entry.rfind(" =>");
  return arrow == std::string::npos ||
         entry.find_first_not_of(' ', arrow + 3) == std::string::npos;
}

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_TEST_UTIL_H_
