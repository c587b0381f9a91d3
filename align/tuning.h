// The aligner's tunable constants in one place.
#ifndef TERMALIGN_ALIGN_TUNING_H_
#define TERMALIGN_ALIGN_TUNING_H_

#include <cstddef>

#include "cost_model.h"
#include "lexicon.h"
#include "model1_pass.h"

namespace termalign::align::internal {

struct Tuning {
  LexiconOptions lexicon;
  CostParams cost;
  LearntLinkOptions links;
  // Columns around the anchor boxes (large documents), and the first step of a widening. At 4
  // the first band is a third smaller than at 8, with the same beads on the generated documents
  // and on the reference sets concatenated into banded documents (with and without dictionary);
  // 4 both here and for refine_width cost the novels without a dictionary 0.01 strict F1.
  std::size_t anchor_width = 4;
  std::size_t refine_width = 8;     // columns around the first pass's path (large documents)
  std::size_t posterior_width = 4;  // columns around the path for the posteriors
  std::size_t selection_width = 2;  // the same for the first pass's (it picks training beads)
  double temperature = 0.3;         // costs are divided by it in the posteriors
  double confident = 0.9;           // posterior of a 1-1 bead that trains the lexicon
};

// The values in use.
const Tuning& GetTuning();

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_TUNING_H_
