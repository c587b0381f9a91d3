// Scoring an alignment against gold beads: strict and lax precision, recall and F1.
#ifndef TERMALIGN_ALIGN_EVAL_H_
#define TERMALIGN_ALIGN_EVAL_H_

#include <cstddef>
#include <vector>

#include "align/aligner.h"
#include "align/beads.h"

namespace termalign::align {

// Hits and totals of one side of the scoring (precision or recall). A strict hit is a bead
// identical to a reference bead; a lax hit shares at least one source and one target sentence
// with a link of the reference (every strict hit is also a lax hit).
struct EvalTally {
  std::size_t strict_hits = 0;
  std::size_t lax_hits = 0;
  std::size_t total = 0;

  double strict() const { return total ? static_cast<double>(strict_hits) / total : 0.0; }
  double lax() const { return total ? static_cast<double>(lax_hits) / total : 0.0; }
};

// Precision, recall and F1, strict and lax; 0 where a ratio has no denominator.
struct EvalScores {
  double precision_strict = 0, recall_strict = 0, f1_strict = 0;
  double precision_lax = 0, recall_lax = 0, f1_lax = 0;
};

// An Evaluation accumulates counts over any number of document pairs, so that scores are
// micro-averaged (counts summed over files, then divided), as in Sennrich & Volk (2011) and
// vecalign's score.py:
//   precision: every test bead (duplicates counted once) is judged against the gold beads;
//              unmatched beads ("[3]:[]", "[]:[4]") take part and can only be strict hits.
//   recall:    every matched gold bead is judged against the matched test beads.
// Beads that are empty on both sides are ignored. With `matched_only`, unmatched test beads
// are left out of precision too ("F1 over non-empty beads").
class Evaluation {
 public:
  explicit Evaluation(bool matched_only = false) : matched_only_(matched_only) {}

  // Adds one document pair. Neither list needs to cover every sentence. Beads are compared as
  // written: the same indices in the same order.
  void Add(const std::vector<BeadIndices>& gold, const std::vector<BeadIndices>& test);
  void Add(const std::vector<Bead>& gold, const std::vector<Bead>& test);

  const EvalTally& precision() const { return precision_; }
  const EvalTally& recall() const { return recall_; }
  EvalScores Scores() const;

 private:
  bool matched_only_;
  EvalTally precision_;
  EvalTally recall_;
};

// Judges `judged` against `reference` and returns the tally (the building block of
// Evaluation: precision is Judge(gold, test), recall Judge(matched test, matched gold)).
EvalTally Judge(const std::vector<BeadIndices>& reference, const std::vector<BeadIndices>& judged);

}  // namespace termalign::align

#endif  // TERMALIGN_ALIGN_EVAL_H_
