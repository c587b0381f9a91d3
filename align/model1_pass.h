// The second pass's lexicon: IBM Model 1, both directions, trained on the confident beads of
// the first pass.
#ifndef TERMALIGN_ALIGN_MODEL1_PASS_H_
#define TERMALIGN_ALIGN_MODEL1_PASS_H_

#include <cstdint>
#include <vector>

#include "align/aligner.h"
#include "sentence_features.h"

namespace termalign::align::internal {

struct LearntLinkOptions {
  int iterations = 4;
  double min_probability = 0.15;   // t(tgt|src) or t(src|tgt) at least this
  std::size_t max_pairs = 60000;   // training beads used at most (evenly spread)
};

// For every source type, the target types IBM Model 1 links it to, learnt from the 1-1 beads
// of `beads` whose score is at least `min_score`. Empty when fewer than a handful qualify.
std::vector<std::vector<std::uint32_t>> LearnLinks(const SideFeatures& source,
                                                   const SideFeatures& target,
                                                   const std::vector<Bead>& beads,
                                                   double min_score,
                                                   const LearntLinkOptions& options);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_MODEL1_PASS_H_
