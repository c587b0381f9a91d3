#include "glossary_cli.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "cli_util.h"

namespace termalign::cli {

std::string TermbasePath(const std::string& db_flag) {
  if (!db_flag.empty()) return db_flag;
  const char* env = std::getenv("TERMALIGN_DB");
  if (env != nullptr && *env != '\0') return env;
  return kDefaultTermbase;
}

void AddDbOption(CLI::App& app, std::string* db) {
  app.add_option("--db", *db,
                 "Termbase file (default: $TERMALIGN_DB, else termalign.db in the working folder)");
}

text::Result<std::unique_ptr<glossary::Termbase>> OpenTermbase(const std::string& db_flag,
                                                               bool read_only) {
  glossary::OpenOptions options;
  options.read_only = read_only;
  options.create = !read_only;
  return glossary::Termbase::Open(TermbasePath(db_flag), options);
}

Handler RejectingExtras(const CLI::App* sub, Handler run) {
  return [sub, run] {
    std::vector<std::string> extras = sub->remaining();
    if (extras.empty()) return run();
    std::vector<std::string> names;
    for (const CLI::Option* option : sub->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
    for (const std::string& extra : extras) {
      if (extra.size() > 1 && extra[0] == '-') {
        std::string flag = extra.substr(0, extra.find('='));
        std::string hint = ClosestMatch(flag, names);
        PrintError("unknown option '" + flag + "'" +
                   (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
      } else {
        PrintError("unexpected argument '" + extra + "'");
      }
    }
    std::string path = sub->get_parent() != nullptr ? sub->get_parent()->get_name() + " " : "";
    std::fprintf(stderr, "Run 'termalign %s%s --help' for usage.\n", path.c_str(),
                 sub->get_name().c_str());
    return kExitError;
  };
}

}  // namespace termalign::cli
