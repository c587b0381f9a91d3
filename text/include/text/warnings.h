// Where the text layer reports what it could not do and worked around (a Hunspell dictionary that
// is not installed): libraries never print.
#ifndef TERMALIGN_TEXT_WARNINGS_H_
#define TERMALIGN_TEXT_WARNINGS_H_

#include <functional>
#include <string_view>

namespace termalign::text {

// Receives one warning line (without a "warning:" prefix).
using WarningSink = std::function<void(std::string_view)>;

// Sets the process's sink; the default drops every warning. Set it once at start, before any
// thread runs: the text layer reads it without a lock.
void SetWarningSink(WarningSink sink);

// Passes `message` to the sink.
void ReportWarning(std::string_view message);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_WARNINGS_H_
