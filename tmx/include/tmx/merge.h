// Merging TMX files: exact duplicates dropped, conflicting translations reported.
#ifndef TERMALIGN_TMX_MERGE_H_
#define TERMALIGN_TMX_MERGE_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "text/status.h"
#include "tmx/validate.h"

namespace termalign::tmx {

struct MergeOptions {
  std::string src_lang;  // "" means the first input's srclang
};

struct MergeStats {
  std::size_t units_read = 0;
  std::size_t written = 0;
  std::size_t duplicates = 0;      // units whose every variant equals an earlier unit's: dropped
  std::size_t conflicts = 0;       // units with an earlier unit's source but other targets: kept
  std::size_t missing_source = 0;  // units with no variant the source language matches: not
                                   // written, each input's reported as an error
};

// Writes the units of `inputs`, in order, to `output` (atomically, renumbering tuids) as TMX
// 1.4b. A unit's source language is the one asked for, else its own <tu srclang>, else the
// first input's srclang; its source variant is found as import finds it (ChooseVariant: the
// exact tag, case ignored, else the one variant of the same primary language); one found under
// another tag than the header's keeps it, written with <tu srclang>. Each conflict is reported as a
// warning
// ("b.tmx:40: same source as a.tmx:12 but a different translation: 'Hello'"); each input with
// units that have no source variant as one error naming the count and the first. Fails on the
// first input that cannot be read, leaving `output` untouched.
text::Status MergeTmx(
    const std::vector<std::string>& inputs, const std::string& output,
    const MergeOptions& options,
    const std::function<void(Severity, const std::string&)>& report, MergeStats* stats);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_MERGE_H_
