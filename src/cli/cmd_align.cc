// termalign align: not built yet (issue 4); its handler says so.
#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {

Handler SetupAlign(CLI::App& app) {
  app.allow_extras(true);
  return [] {
    PrintError("'align' is not implemented yet");
    return kExitError;
  };
}

}  // namespace termalign::cli
