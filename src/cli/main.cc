// termalign: sentence alignment, terminology and TMX for English, French and Arabic.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {
namespace {

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const Command& command : Commands()) names.emplace_back(command.name);
  return names;
}

// The option names of `app` ("--lang", "-o"), for "did you mean" on unknown flags.
std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

int UnknownArguments(const CLI::App& app, const std::vector<std::string>& extras) {
  for (const std::string& extra : extras) {
    if (extra.rfind("-", 0) == 0 && extra != "-") {
      std::string flag = extra.substr(0, extra.find('='));
      std::string hint = ClosestMatch(flag, OptionNames(app));
      PrintError("unknown option '" + flag + "'" +
                 (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    } else {
      PrintError("unexpected argument '" + extra + "'");
    }
  }
  std::fprintf(stderr, "Run 'termalign %s --help' for usage.\n", app.get_name().c_str());
  return kExitError;
}

int Run(int argc, char** argv) {
  CLI::App app{"termalign: align English, French and Arabic texts sentence by sentence, "
               "build a concept-oriented termbase, exchange TMX and TBX, check coverage."};
  app.name("termalign");
  app.set_version_flag("--version", std::string("termalign ") + TERMALIGN_VERSION);
  app.require_subcommand(1);
  app.allow_extras(false);

  // Unknown subcommand: say so with a suggestion before CLI11 speaks of positional arguments.
  if (argc > 1 && argv[1][0] != '-') {
    std::string word = argv[1];
    std::vector<std::string> names = CommandNames();
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::string hint = ClosestMatch(word, names);
      PrintError("unknown command '" + word + "'" +
                 (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
      std::fprintf(stderr, "Run 'termalign --help' for the list of commands.\n");
      return kExitError;
    }
  }

  Handler handler;
  for (const Command& command : Commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    sub->allow_extras(true);
    Handler run = command.setup(*sub);
    sub->callback([&handler, run] { handler = run; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    PrintError(e.what());
    std::fprintf(stderr, "Run 'termalign --help' for usage.\n");
    return kExitError;
  }
  for (const CLI::App* sub : app.get_subcommands()) {
    if (!sub->remaining().empty()) return UnknownArguments(*sub, sub->remaining());
  }
  return handler ? handler() : kExitError;
}

}  // namespace
}  // namespace termalign::cli

int main(int argc, char** argv) {
  // Past a file size limit, a write should fail with a message naming the file, not kill us.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return termalign::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "termalign: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "termalign: internal error\n");
  }
  return termalign::cli::kExitError;
}
