// Validating a TMX file against TMX 1.4b and the rules its DTD cannot express.
#ifndef TERMALIGN_TMX_VALIDATE_H_
#define TERMALIGN_TMX_VALIDATE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::tmx {

// An error breaks a rule of TMX 1.4b (its DTD or its specification text); a warning marks what
// the standard allows but is worth a look (non-canonical tag case, repeated units).
enum class Severity { kWarning, kError };

// One finding in a TMX file, at a 1-based line and byte column. `rule` is a stable id a user can
// filter on ("lang-case", "required-attribute"); the README lists them.
struct Problem {
  std::size_t line = 0;
  std::size_t column = 0;
  Severity severity = Severity::kError;
  std::string rule;
  std::string message;
};

// The findings of one file, in document order; a valid file has no error.
struct ValidationReport {
  std::string path;
  std::size_t units = 0;
  std::vector<Problem> problems;
  bool truncated = false;  // more than kMaxProblems were found; the rest are not listed

  std::size_t Count(Severity severity) const;
};

inline constexpr std::size_t kMaxProblems = 10000;

// Checks `path` against the TMX 1.4b DTD (elements, their order and attributes, required
// attributes and enumerated values) and against what the DTD cannot say. Errors: language tags
// that are not well-formed BCP 47, dates not of the form YYYYMMDDThhmmssZ, a unit with no
// variant in its source language (the <tu>'s srclang, else the header's), bpt/ept that do not
// pair up by `i` within a segment. Warnings: tags not in canonical case, empty segments,
// repeated tuids, units repeating an earlier unit's segments (one warning with the count), and
// a version other than 1.4 (once; such a file is checked as 1.4b, with the deprecated `lang` in
// place of xml:lang before 1.3). Fails (kIo, kParse) only when the file cannot be read or is not
// well-formed XML.
text::Result<ValidationReport> ValidateTmx(const std::string& path);

// "path:line:col: error: message [rule]" ("warning" for a warning).
std::string FormatProblem(const std::string& path, const Problem& problem);

// "error" or "warning".
std::string_view SeverityName(Severity severity);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_VALIDATE_H_
