// Validating a TMX file against TMX 1.4b and the rules its DTD cannot express.
#ifndef TERMALIGN_TMX_VALIDATE_H_
#define TERMALIGN_TMX_VALIDATE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "text/status.h"

namespace termalign::tmx {

// One problem found in a TMX file, at a 1-based line and byte column.
struct Problem {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

// The problems of one file, in document order; a valid file has none.
struct ValidationReport {
  std::string path;
  std::size_t units = 0;
  std::vector<Problem> problems;
  bool truncated = false;  // more than kMaxProblems were found; the rest are not listed
};

inline constexpr std::size_t kMaxProblems = 10000;

// Checks `path` against the TMX 1.4b DTD (elements, their order and attributes, required
// attributes and enumerated values) and against what the DTD cannot say: language tags are
// well-formed BCP 47, dates have the form YYYYMMDDThhmmssZ, every unit has a variant in the
// source language, srclang is consistent between header and units, no target segment is empty,
// no unit or tuid repeats an earlier one, and bpt/ept pair up by `i` within a segment.
// Fails (kIo, kParse) only when the file cannot be read or is not well-formed XML.
text::Result<ValidationReport> ValidateTmx(const std::string& path);

// "path:line:col: error: message".
std::string FormatProblem(const std::string& path, const Problem& problem);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_VALIDATE_H_
