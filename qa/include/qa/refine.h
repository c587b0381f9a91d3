// Splitting an unmatched heading or line out of a bead the aligner merged it into.
#ifndef TERMALIGN_QA_REFINE_H_
#define TERMALIGN_QA_REFINE_H_

#include <cstddef>

#include "align/aligner.h"
#include "text/types.h"

namespace termalign::qa {

// Aligners that prefer 2-1 and 2-2 beads to leaving a sentence unmatched glue an untranslated
// heading ("Israeli contracts with Google, Amazon, Palantir") or an added line (an advert) to
// its neighbour. For each matched bead with several sentences on one side, the first or last
// sentence of that side is split off as unmatched (an omission or an addition) when it has at
// least two anchors (numbers, and capitalised words not at the sentence start) and none of them
// appears on the other side of the bead (same number, or same word up to its first four
// letters: "Israeli" ~ "israélienne"), while the rest of the bead keeps an anchor in common.
// Beads stay in order and cover every sentence once. Returns the number of splits.
std::size_t SplitUnmatchedEdges(const text::Document& source, const text::Document& target,
                                align::Alignment* alignment);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_REFINE_H_
