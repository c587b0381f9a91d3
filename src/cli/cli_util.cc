#include "cli_util.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace termalign::cli {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

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
                               : EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

bool StderrIsTerminal() { return ::isatty(2) == 1; }

}  // namespace termalign::cli
