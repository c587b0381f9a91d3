// termalign review: the review page over a run's output folder (or a termbase), served on
// 127.0.0.1 until Ctrl-C.
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "cli_util.h"
#include "commands.h"
#include "review/server.h"

extern char** environ;

namespace termalign::cli {
namespace {

struct ReviewOptions {
  std::string out_dir;
  std::string db;
  int port = 0;
  bool open = false;
};

// Starts the desktop's browser on `url` without a shell (the URL is never parsed as words).
// Warns when xdg-open cannot be started; its exit is collected in the background.
void OpenInBrowser(const std::string& url) {
  pid_t pid = 0;
  std::string program = "xdg-open";
  char* argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  if (int error = posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ); error != 0) {
    PrintWarning("--open: cannot start xdg-open (" + std::string(std::strerror(error)) +
                 "); open the address above in a browser");
    return;
  }
  std::thread([pid] { ::waitpid(pid, nullptr, 0); }).detach();
}

int RunReview(const ReviewOptions& options) {
  if (options.out_dir.empty() == options.db.empty()) {
    PrintError("review: give an output folder of 'termalign run' or --db DB (one of them)");
    return kExitError;
  }
  review::ServerOptions server_options;
  server_options.port = options.port;
  server_options.db_path = options.db;
  if (!options.out_dir.empty()) {
    if (!std::filesystem::is_directory(options.out_dir)) {
      PrintError("review: " + options.out_dir + ": not a folder");
      return kExitError;
    }
    namespace fs = std::filesystem;
    const fs::path out = options.out_dir;
    std::error_code error;
    const bool has_termbase = fs::exists(out / "termalign.db", error);
    if (!has_termbase && !fs::exists(out / "run.json", error)) {
      PrintError("review: " + options.out_dir +
                 ": no termalign.db or run.json in it: not an output folder of 'termalign run'");
      return kExitError;
    }
    // A run without its glossary (--no-glossary) still has its alignment to review.
    if (has_termbase) server_options.db_path = (out / "termalign.db").string();
    server_options.out_dir = options.out_dir;
  }
  auto server = review::Server::Create(server_options);
  if (!server.ok()) return ReportStatus(server.status().WithContext("review"));

  // The address is the command's answer: on stdout, at once, for a script to read.
  const std::string url = (*server)->Url();
  std::printf("%s\n", url.c_str());
  std::fflush(stdout);
  if (!Quiet()) {
    const std::string& reviewed =
        options.out_dir.empty() ? server_options.db_path : options.out_dir;
    std::fprintf(stderr, "termalign: reviewing %s on 127.0.0.1 only; Ctrl-C stops\n",
                 reviewed.c_str());
  }
  if (options.open) OpenInBrowser(url);
  text::Status served = (*server)->Serve();
  return served.ok() ? kExitOk : ReportStatus(served.WithContext("review"));
}

}  // namespace

int ServeReview(const std::string& out_dir, int port, bool open) {
  ReviewOptions options;
  options.out_dir = out_dir;
  options.port = port;
  options.open = open;
  return RunReview(options);
}

Handler SetupReview(CLI::App& app) {
  auto options = std::make_shared<ReviewOptions>();
  app.add_option("out_dir", options->out_dir,
                 "Output folder of 'termalign run' (its termalign.db is reviewed)")
      ->type_name("DIR");
  app.add_option("--db", options->db, "Termbase to review instead of an output folder's");
  app.add_option("--port", options->port, "Port on 127.0.0.1 (default: a free one)")
      ->check(CLI::Range(0, 65535))
      ->type_name("N");
  app.add_flag("--open", options->open, "Open the page in the desktop's browser (xdg-open)");
  return [options] { return RunReview(*options); };
}

}  // namespace termalign::cli
