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
#include "interrupt.h"
#include "text/warnings.h"

namespace termalign::cli {
namespace {

// The named subcommands of `app`, in the order they were added.
std::vector<std::string> SubcommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_name().empty()) names.push_back(sub->get_name());
  }
  return names;
}

// "a, b or c".
std::string OrList(const std::vector<std::string>& words) {
  std::string list;
  for (std::size_t i = 0; i < words.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  }
  return list;
}

// Walks argv down the tree of commands: where a (nested) command is expected, the word must
// name one ("glossary biuld": did you mean 'build'?), and a command that only groups others
// needs one. Options before the command word are left to CLI11.
int CheckCommandWords(CLI::App& app, int argc, char** argv) {
  CLI::App* current = &app;
  std::string path;  // "glossary", "tmx"
  for (int i = 1;; ++i) {
    std::vector<std::string> names = SubcommandNames(*current);
    if (names.empty()) return kExitOk;
    if (i >= argc) {
      if (current == &app) return kExitOk;  // CLI11 says a command is needed
      PrintError("'" + path + "' needs a command: " + OrList(names));
      std::fprintf(stderr, "Run 'termalign %s --help' for usage.\n", path.c_str());
      return kExitError;
    }
    std::string word = argv[i];
    if (word.empty() || word[0] == '-') return kExitOk;
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::string hint = ClosestMatch(word, names);
      PrintError("unknown " + (path.empty() ? "" : path + " ") + "command '" + word + "'" +
                 (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
      if (path.empty()) {
        std::fprintf(stderr, "Run 'termalign --help' for the list of commands.\n");
      } else {
        std::fprintf(stderr, "Run 'termalign %s --help' for usage.\n", path.c_str());
      }
      return kExitError;
    }
    current = current->get_subcommand(word);
    path += (path.empty() ? "" : " ") + word;
  }
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

// Every command and nested command takes -q,--quiet.
void AddQuietFlags(CLI::App& app) {
  AddQuietFlag(app);
  for (CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_name().empty()) AddQuietFlags(*sub);  // nameless ones are option groups
  }
}

int Run(int argc, char** argv) {
  CLI::App app{"termalign: align English, French and Arabic texts sentence by sentence, "
               "build a concept-oriented termbase, exchange TMX and TBX, check coverage."};
  app.name("termalign");
  app.set_version_flag("--version", std::string("termalign ") + TERMALIGN_VERSION);
  app.require_subcommand(1);
  app.allow_extras(false);

  Handler handler;
  for (const Command& command : Commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    sub->allow_extras(true);
    Handler run = command.setup(*sub);
    AddQuietFlags(*sub);
    sub->callback([&handler, run] { handler = run; });
  }

  // Unknown (nested) commands: say so with a suggestion before CLI11 speaks of positional
  // arguments.
  if (int code = CheckCommandWords(app, argc, argv); code != kExitOk) return code;

  // The libraries report through this sink, so --quiet silences them too.
  text::SetWarningSink([](std::string_view message) { PrintWarning(message); });
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
  if (text::Status status = CheckTextArguments(app); !status.ok()) return ReportStatus(status);
  return handler ? handler() : kExitError;
}

}  // namespace
}  // namespace termalign::cli

int main(int argc, char** argv) {
  // Past a file size limit, a write should fail with a message naming the file, not kill us.
  std::signal(SIGXFSZ, SIG_IGN);
  termalign::cli::HandleInterrupts();
  try {
    return termalign::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "termalign: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "termalign: internal error\n");
  }
  return termalign::cli::kExitError;
}
