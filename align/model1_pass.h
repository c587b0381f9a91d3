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
  // Training beads used at most (evenly spread): enough for the words that matter, and the
  // tables of co-occurring word pairs grow with them (about 700 MB at 60,000 long pairs).
  std::size_t max_pairs = 30000;
  // Links kept per source type, the most probable first. A frequent word is otherwise linked
  // from hundreds of rare target words (t(src|tgt) is high for each of them), and every
  // sentence holding it carries a key for each: 1.8 GB of keys on a 1M-sentence book. A word
  // rarely has more than a few translations.
  std::size_t max_links = 4;
};

// For every source type, the target types IBM Model 1 links it to, learnt from the 1-1 beads
// of `beads` whose score is at least `min_score`. Empty when fewer than a handful qualify. The
// two directions train on two threads when `parallel`.
std::vector<std::vector<std::uint32_t>> LearnLinks(const SideFeatures& source,
                                                   const SideFeatures& target,
                                                   const std::vector<Bead>& beads,
                                                   double min_score,
                                                   const LearntLinkOptions& options,
                                                   bool parallel = true);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_MODEL1_PASS_H_
