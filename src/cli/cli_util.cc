#include "cli_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "text/edit_distance.h"

namespace termalign::cli {

void PrintError(std::string_view message) {
  std::fprintf(stderr, "termalign: error: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

void PrintWarning(std::string_view message) {
  std::fprintf(stderr, "termalign: warning: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

int ReportStatus(const text::Status& status) {
  PrintError(status.message());
  return status.code() == text::ErrorCode::kNotFound ? 1 : 2;
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    // A prefix ("seg" for "segment") is as good a hint as a typo.
    std::size_t distance = candidate.rfind(word, 0) == 0 && word.size() >= 2
                               ? 1
                               : text::EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

bool StderrIsTerminal() { return ::isatty(2) == 1; }

}  // namespace termalign::cli
