// termalign tmx: not built yet (issue 5); its handler says so.
#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {

Handler SetupTmx(CLI::App& app) {
  app.allow_extras(true);
  return [] {
    PrintError("'tmx' is not implemented yet");
    return kExitError;
  };
}

}  // namespace termalign::cli
