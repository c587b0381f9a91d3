// Helpers shared by the subcommand handlers: messages, suggestions, status to exit code.
#ifndef TERMALIGN_CLI_CLI_UTIL_H_
#define TERMALIGN_CLI_CLI_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::cli {

// Prints "termalign: error: <message>" to stderr.
void PrintError(std::string_view message);
// Prints "termalign: warning: <message>" to stderr.
void PrintWarning(std::string_view message);

// Reports a failed status and returns its exit code (2 for every error kind; kNotFound is 1).
int ReportStatus(const text::Status& status);

// The candidate closest to `word` by edit distance, or "" when none is close enough to suggest.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// True when the file descriptor 2 is a terminal (progress lines are shown only then).
bool StderrIsTerminal();

}  // namespace termalign::cli

#endif  // TERMALIGN_CLI_CLI_UTIL_H_
