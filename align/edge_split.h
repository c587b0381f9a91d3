// The last phase of an alignment: unmatched headings and added lines split out of merged beads.
#ifndef TERMALIGN_ALIGN_EDGE_SPLIT_H_
#define TERMALIGN_ALIGN_EDGE_SPLIT_H_

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "align/aligner.h"

namespace termalign::align::internal {

// The search prefers a 2-1 or 2-2 bead to leaving a sentence unmatched, and so glues an
// untranslated heading ("Israeli contracts with Google, Amazon, Palantir") or an added line (an
// advert) to its neighbour. For each matched bead with several sentences on one side, the first
// or last sentence of that side is split off as unmatched (an omission or an addition) when it
// has at least two anchors (numbers, and capitalised words not at the sentence start where a
// capital tells a name) and none of them appears on the other side of the bead (same number,
// or same word up to its first four letters: "Israeli" ~ "israélienne"), while the rest of the
// bead keeps an anchor in common. The rest keeps the bead's score; the split sentence gets 0.
// `beads` must cover the sentences of `source` and `target` (UTF-8) once, in order, and still
// do afterwards. The languages tell how numbers are written. `shares_key`, when given, is the
// aligner's own evidence and vetoes a split: it tells whether sentence `sentence` of one side
// (the source when `source_side`) shares a key (a dictionary translation, a learnt link, a
// cognate) with sentences [begin, begin + count) of the other. Returns the number of splits.
using SharesKey = std::function<bool(bool source_side, std::size_t sentence, std::size_t begin,
                                     std::size_t count)>;
std::size_t SplitUnmatchedEdges(const std::vector<std::string_view>& source,
                                std::string_view source_lang,
                                const std::vector<std::string_view>& target,
                                std::string_view target_lang, const SharesKey& shares_key,
                                std::vector<Bead>* beads);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_EDGE_SPLIT_H_
