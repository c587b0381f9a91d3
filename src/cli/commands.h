// The subcommand table of the termalign executable.
#ifndef TERMALIGN_CLI_COMMANDS_H_
#define TERMALIGN_CLI_COMMANDS_H_

#include <functional>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace termalign::cli {

// Exit codes, as grep and ripgrep: 0 success, 1 a negative answer (QA found problems, lookup
// found nothing, TMX invalid), 2 usage, I/O, parse or database error, 130 interrupted.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNegative = 1;
inline constexpr int kExitError = 2;
inline constexpr int kExitInterrupted = 130;

// A Handler runs a parsed subcommand and returns its exit code.
using Handler = std::function<int()>;

// A Command is one row of the table: Setup adds the subcommand's options to `app` (bound to an
// options struct it owns) and returns the handler to run once parsing succeeded.
struct Command {
  std::string_view name;
  std::string_view summary;
  Handler (*setup)(CLI::App& app);
};

// Every subcommand, in the order `termalign --help` lists them.
const std::vector<Command>& Commands();

// One Setup per subcommand, each in its own cmd_<name>.cc.
Handler SetupSegment(CLI::App& app);
Handler SetupAlign(CLI::App& app);
Handler SetupEval(CLI::App& app);
Handler SetupTmx(CLI::App& app);
Handler SetupGlossary(CLI::App& app);
Handler SetupLookup(CLI::App& app);
Handler SetupQa(CLI::App& app);
Handler SetupRun(CLI::App& app);
Handler SetupCorpus(CLI::App& app);
Handler SetupReview(CLI::App& app);

// Serves the review page over the output folder `out_dir` of a run until interrupted, as
// `review OUT_DIR` does (run --review calls it); returns the exit code.
int ServeReview(const std::string& out_dir, int port, bool open);

// The nested `glossary build` and `glossary add-doc` (cmd_glossary_build.cc), registered by
// SetupGlossary.
Handler SetupGlossaryBuild(CLI::App& app);
Handler SetupGlossaryAddDoc(CLI::App& app);

}  // namespace termalign::cli

#endif  // TERMALIGN_CLI_COMMANDS_H_
