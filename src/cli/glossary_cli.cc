#include "glossary_cli.h"

#include <cstdlib>

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

}  // namespace termalign::cli
