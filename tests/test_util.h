// Helpers for tests: temporary folders, running the CLI, the shared reference data.
#ifndef TERMALIGN_TESTS_TEST_UTIL_H_
#define TERMALIGN_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

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

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_TEST_UTIL_H_
