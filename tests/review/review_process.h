// The review server as a process for end-to-end tests: started on a free port, its address read
// from stdout, stopped when the test is done.
#ifndef TERMALIGN_TESTS_REVIEW_REVIEW_PROCESS_H_
#define TERMALIGN_TESTS_REVIEW_REVIEW_PROCESS_H_

#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "test_util.h"

extern char** environ;

namespace termalign::testing {

// `termalign review --db DB` or `termalign COMMAND ARGS -q` (review OUT_DIR, run --review)
// running in the background; stopped (SIGTERM) when the object goes.
class ReviewProcess {
 public:
  explicit ReviewProcess(const fs::path& db) : ReviewProcess({"--db", db.string()}) {}
  // `termalign COMMAND ARGS -q`; the page's address is the line of its stdout that starts
  // with http://127.0.0.1: (the last one: run --review prints its summary first), awaited at
  // most `wait_seconds`.
  explicit ReviewProcess(const std::vector<std::string>& args,
                         const std::string& command = "review",
                         const fs::path& dir = fs::current_path(), int wait_seconds = 30) {
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    std::vector<std::string> argv_words = {TERMALIGN_BINARY, command};
    argv_words.insert(argv_words.end(), args.begin(), args.end());
    argv_words.push_back("-q");
    std::vector<char*> argv;
    for (std::string& word : argv_words) argv.push_back(word.data());
    argv.push_back(nullptr);
    BOOST_REQUIRE(posix_spawn(&pid_, TERMALIGN_BINARY, &actions, nullptr, argv.data(), environ) ==
                  0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    const std::string prefix = "http://127.0.0.1:";
    std::string out, line;
    pollfd wait_for{fds[0], POLLIN, 0};
    while (line.empty() && ::poll(&wait_for, 1, wait_seconds * 1000) > 0) {
      char buffer[256];
      ssize_t got = ::read(fds[0], buffer, sizeof buffer);
      if (got <= 0) break;
      out.append(buffer, static_cast<std::size_t>(got));
      std::size_t begin = 0;
      for (std::size_t end; (end = out.find('\n', begin)) != std::string::npos; begin = end + 1) {
        if (out.compare(begin, prefix.size(), prefix) == 0) {
          line = out.substr(begin, end - begin);
          stdout_before_ = out.substr(0, begin);
          break;
        }
      }
    }
    ::close(fds[0]);
    BOOST_REQUIRE_MESSAGE(!line.empty(), "termalign " << command << " printed '" << out << "'");
    const std::size_t slash = line.find('/', prefix.size());
    port_ = std::stoi(line.substr(prefix.size(), slash - prefix.size()));
    token_ = line.substr(line.find("?t=") + 3);
  }
  ~ReviewProcess() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  ReviewProcess(const ReviewProcess&) = delete;
  ReviewProcess& operator=(const ReviewProcess&) = delete;

  bool Alive() const { return ::waitpid(pid_, nullptr, WNOHANG) == 0; }
  int port() const { return port_; }
  const std::string& token() const { return token_; }
  // What the command printed on stdout before the address (run --review: its summary).
  const std::string& stdout_before() const { return stdout_before_; }
  std::string WithToken(const std::string& path) const {
    return path + (path.find('?') == std::string::npos ? "?t=" : "&t=") + token_;
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(10);
    client.set_read_timeout(30);
    return client;
  }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  std::string token_;
  std::string stdout_before_;
};

}  // namespace termalign::testing

#endif  // TERMALIGN_TESTS_REVIEW_REVIEW_PROCESS_H_
