// termalign glossary build / add-doc: not built yet; their handlers say so.
#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {

Handler SetupGlossaryBuild(CLI::App& app) {
  app.allow_extras(true);
  return [] {
    PrintError("'glossary build' is not implemented yet");
    return kExitError;
  };
}

Handler SetupGlossaryAddDoc(CLI::App& app) {
  app.allow_extras(true);
  return [] {
    PrintError("'glossary add-doc' is not implemented yet");
    return kExitError;
  };
}

}  // namespace termalign::cli
