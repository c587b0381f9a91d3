#include "commands.h"

namespace termalign::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"segment", "Split text into sentences, one per line (or JSON Lines)", SetupSegment},
  };
  return commands;
}

}  // namespace termalign::cli
