// The bead line format: one bead a line, "[0]:[0]", "[1, 2]:[3]", "[4]:[]", "[]:[5]".
#ifndef TERMALIGN_ALIGN_BEADS_H_
#define TERMALIGN_ALIGN_BEADS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "text/status.h"

namespace termalign::align {

// Formats one bead as "[src indices]:[tgt indices]", indices 0-based and separated by ", ",
// without a line break. With `with_score`, ":<score>" (three decimals) follows; readers of the
// format ignore that third field.
std::string FormatBead(const Bead& bead, bool with_score = false);

// Formats every bead, one a line, each line ending in '\n'.
std::string FormatBeads(const std::vector<Bead>& beads, bool with_score = false);

// Parses bead lines. Blank lines are skipped; a UTF-8 BOM, '\r' line ends and white space around
// the brackets are accepted; an optional third ":"-field (a score) is read into Bead::score when
// it is a number and ignored otherwise. The indices of one side must be consecutive and
// increasing ("[3, 4]", not "[4, 3]" or "[3, 5]"); a "[]:[]" line is skipped. Beads are not
// checked against each other (see CheckCoverage). On failure, a kParse status whose message is
// "<file_name>:<line>:<column>: <what>" (1-based, column in bytes) followed by the offending line
// and a caret under the column.
text::Result<std::vector<Bead>> ParseBeads(std::string_view text, std::string_view file_name);

// Reads and parses a bead file ("-" is stdin). kIo when it cannot be read.
text::Result<std::vector<Bead>> ReadBeadFile(const std::string& path);

// A bead as a bead file may hold it: lists of 0-based indices in the order written. Gold files
// made by hand can link sentences that are not neighbours ("[29, 31]:[31]"), which a Bead cannot
// express; evaluation reads this form.
struct BeadIndices {
  std::vector<std::size_t> source;
  std::vector<std::size_t> target;
  double score = 0.0;
};

// The index lists of a bead.
BeadIndices ToIndices(const Bead& bead);

// As ParseBeads and ReadBeadFile, but any lists of indices are accepted.
text::Result<std::vector<BeadIndices>> ParseBeadIndices(std::string_view text,
                                                        std::string_view file_name);
text::Result<std::vector<BeadIndices>> ReadBeadIndicesFile(const std::string& path);

// Checks that `beads` cover source sentences 0..source_count-1 and target sentences
// 0..target_count-1 exactly once and in order, with no "[]:[]" bead. A count left empty is
// taken to be wherever the beads end. On failure, a kParse status naming the first offending
// bead by its 0-based position and its text: "bead 4 ([5]:[4]): expected source sentence 4, found
// 5".
text::Status CheckCoverage(const std::vector<Bead>& beads,
                           std::optional<std::size_t> source_count = std::nullopt,
                           std::optional<std::size_t> target_count = std::nullopt);

}  // namespace termalign::align

#endif  // TERMALIGN_ALIGN_BEADS_H_
