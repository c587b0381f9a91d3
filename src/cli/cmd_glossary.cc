// termalign glossary: not built yet (issue 6); its handler says so.
#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {

Handler SetupGlossary(CLI::App& app) {
  app.allow_extras(true);
  return [] {
    PrintError("'glossary' is not implemented yet");
    return kExitError;
  };
}

}  // namespace termalign::cli
