// termalign run: not built yet (issue 7); its handler says so.
#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {

Handler SetupRun(CLI::App& app) {
  app.allow_extras(true);
  return [] {
    PrintError("'run' is not implemented yet");
    return kExitError;
  };
}

}  // namespace termalign::cli
