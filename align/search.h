// The search: the cheapest sequence of beads inside a band (Viterbi with affine gaps), and the
// posterior probability of each bead of a path (forward-backward).
#ifndef TERMALIGN_ALIGN_SEARCH_H_
#define TERMALIGN_ALIGN_SEARCH_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "band.h"
#include "cost_model.h"

namespace termalign::align::internal {

// States of the search: after a matched bead (or at the start), inside a run of unmatched
// source sentences, inside a run of unmatched target sentences. A run pays gap_open once.
enum State : int { kMatched = 0, kSourceGap = 1, kTargetGap = 2 };
inline constexpr int kStates = 3;

// The cheapest path from (0, 0) to (rows, columns) inside `band`; scores are left at 0.
// Memory: 3 bytes per band cell plus a few rows of costs.
std::vector<Bead> BestPath(CostModel& model, const Band& band);

// The cheapest path inside `band` from `start` to `end`, two cells of the band, with `start`
// reached by a matched bead (or the origin) and `end` left by one (or the grid's end). Memory and
// time are those of the rows between them: the widening re-searches only around its changes.
std::vector<Bead> BestPathBetween(CostModel& model, const Band& band, Point start, Point end);

// `path` re-searched inside `band` (a widening of the band it was found in) around the given
// source rows: each stretch from a matched bead's end at least `margin` rows before a row to
// one at least `margin` rows after is replaced by the best path between them.
std::vector<Bead> ResearchAround(CostModel& model, const Band& band, const std::vector<Bead>& path,
                                 std::vector<std::size_t> rows, std::size_t margin);

// The posterior probability of every bead of `path` (a path inside `band`) among all paths in
// the band, with costs divided by `temperature`. Memory: a few rows of the band; the forward and
// backward sums run on two threads when the band is large and `parallel`.
std::vector<double> PathPosteriors(CostModel& model, const Band& band,
                                   const std::vector<Bead>& path, double temperature,
                                   bool parallel = true);

// PathPosteriors() of the beads [begin, end) of each window only (0 for the others), each
// window's sums taken over the paths through the stretch from about `context` beads before it
// to about `context` beads after it (from and to the nearest ends of matched beads). For a long
// document whose posteriors only pick a sample of beads: time is that of the stretches. Windows
// must not overlap; they are shared out between two threads when `parallel`.
std::vector<double> SampledPathPosteriors(
    CostModel& model, const Band& band, const std::vector<Bead>& path, double temperature,
    const std::vector<std::pair<std::size_t, std::size_t>>& windows, std::size_t context,
    bool parallel = true);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_SEARCH_H_
