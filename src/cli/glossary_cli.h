// What the glossary and lookup subcommands share: where the termbase is and how it is opened.
#ifndef TERMALIGN_CLI_GLOSSARY_CLI_H_
#define TERMALIGN_CLI_GLOSSARY_CLI_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "commands.h"
#include "glossary/termbase.h"

namespace termalign::cli {

// The default termbase file, in the working folder.
inline constexpr const char* kDefaultTermbase = "termalign.db";

// The termbase path: `db_flag` when given, else $TERMALIGN_DB when set, else "termalign.db".
std::string TermbasePath(const std::string& db_flag);

// Adds `--db DB` to `app`, bound to `*db`.
void AddDbOption(CLI::App& app, std::string* db);

// Opens the termbase named by `db_flag` (see TermbasePath). Read-only opens never create it.
text::Result<std::unique_ptr<glossary::Termbase>> OpenTermbase(const std::string& db_flag,
                                                               bool read_only);

// Wraps the handler of nested subcommand `sub` so that arguments it did not take are reported
// ("unknown option '--frob'; did you mean '--from'?", exit 2) instead of ignored.
Handler RejectingExtras(const CLI::App* sub, Handler run);

// `glossary export` and `glossary import` (cmd_glossary_exchange.cc).
Handler SetupGlossaryExport(CLI::App& app);
Handler SetupGlossaryImport(CLI::App& app);

}  // namespace termalign::cli

#endif  // TERMALIGN_CLI_GLOSSARY_CLI_H_
