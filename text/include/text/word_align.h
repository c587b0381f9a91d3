// Word alignment of a corpus of sentence pairs: IBM Model 2 with a diagonal prior (the
// reparameterisation of fast_align, Dyer et al. 2013) trained by EM in both directions, then
// symmetrised with grow-diag-final-and.
#ifndef TERMALIGN_TEXT_WORD_ALIGN_H_
#define TERMALIGN_TEXT_WORD_ALIGN_H_

#include <cstdint>
#include <span>
#include <vector>

#include "text/ibm_model1.h"

namespace termalign::text {

// Prior evidence that two words translate each other (a dictionary entry, the same spelling, a
// cognate): `count` pseudo-occurrences added to the expected counts of every EM iteration.
// Ids are the caller's, as in TokenIdPair.
struct PriorLink {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  double count = 0.0;
};

struct WordAlignOptions {
  int iterations = 5;             // EM iterations per direction
  double null_probability = 0.08; // p0: a word comes from no word (fast_align's default)
  // The diagonal tension lambda: p(i | j) grows with exp(-lambda |i/n - j/m|). It starts here
  // (fast_align's starting value) and, when `learn_tension` is set, is re-estimated after each
  // iteration from the expected alignments.
  double tension = 4.0;
  bool learn_tension = true;
  // When not negative, the tension used to decode instead of the trained one. Training without
  // the diagonal (tension 0, IBM Model 1) lets the co-occurrences alone set the translation
  // probabilities, and a decoding tension then only decides between words they cannot tell
  // apart (two words seen once, side by side).
  double decode_tension = -1.0;
  // Add-n smoothing of the translation tables (Moore 2004): each word pair seen together gets
  // this many pseudo-counts in every M-step, so that a rare word does not take the whole
  // probability of whatever happens to stand beside it ("garbage collection"). 0: none.
  double smoothing = 0.0;
  // A word pair that co-occurs in fewer sentence pairs than this, without a prior, keeps a
  // floor probability instead of its own table entry once either word was seen at least
  // `prune_frequency` times: a frequent word met once beside another says little, and these
  // pairs are most of the table on a large corpus.
  int prune_below = 2;
  int prune_frequency = 50;
};

// One link of an alignment: source position `source` and target position `target` of one
// sentence pair (indices into TokenIdPair::source and ::target).
struct AlignmentPoint {
  std::uint16_t source = 0;
  std::uint16_t target = 0;
  friend bool operator==(const AlignmentPoint&, const AlignmentPoint&) = default;
  friend auto operator<=>(const AlignmentPoint&, const AlignmentPoint&) = default;
};

// A WordAlignment holds, for each sentence pair of a corpus, the symmetrised links and the
// translation probabilities both ways. Immutable after AlignWords.
class WordAlignment {
 public:
  // Links of sentence pair `pair`, sorted by source then target position; empty for a pair with
  // an empty side or past the corpus.
  std::span<const AlignmentPoint> Links(std::size_t pair) const;
  std::size_t pairs() const { return begin_.empty() ? 0 : begin_.size() - 1; }
  // How strongly both directions translate `source` into `target` (the caller's ids): the
  // geometric mean of the trained t(target | source) and t(source | target), in [0, 1]; 0 for
  // a pair never seen together, pruned, or past the vocabularies.
  double Translation(std::uint32_t source, std::uint32_t target) const;
  // The same for the words at `source_position` and `target_position` of sentence pair `pair`
  // (0 past the pair or its sides): one read of the pair's cell, no search, for callers that go
  // through every word pair of a sentence pair.
  double Translation(std::size_t pair, std::size_t source_position,
                     std::size_t target_position) const;
  // The tensions learnt for source->target and target->source.
  double forward_tension() const { return forward_tension_; }
  double backward_tension() const { return backward_tension_; }

 private:
  friend WordAlignment AlignWords(const std::vector<TokenIdPair>&, std::span<const PriorLink>,
                                  const WordAlignOptions&);
  std::vector<std::size_t> begin_;  // pair p's links are points_[begin_[p], begin_[p + 1])
  std::vector<AlignmentPoint> points_;
  // The trained word pairs in rows by source word: source s's targets, in increasing order,
  // are row_entries_[row_begin_[s], row_begin_[s + 1]), each with sqrt(t(t|s) t(s|t)). A
  // lookup searches one row, not the whole table.
  struct RowEntry {
    std::uint32_t target = 0;
    float translation = 0.0f;
  };
  std::vector<std::size_t> row_begin_;
  std::vector<RowEntry> row_entries_;
  // Each sentence pair's word-pair cells, row by row (source position, then target position):
  // pair p's are cell_pair_[cell_begin_[p], cell_begin_[p + 1]), its sides cell_columns_[p]
  // target words wide. A cell holds the index of its word pair in pair_translation_ (the same
  // value as the rows above), or 0xFFFFFFFF for a pruned pair.
  std::vector<std::size_t> cell_begin_;
  std::vector<std::uint16_t> cell_columns_;
  std::vector<std::uint32_t> cell_pair_;
  std::vector<float> pair_translation_;
  double forward_tension_ = 0.0;
  double backward_tension_ = 0.0;
};

// Aligns every sentence pair of `corpus` (at most 65,535 words a side; longer sides are cut).
// Each direction's translation table starts uniform over the word pairs seen together, plus
// `priors` (pairs that never co-occur are ignored), and is trained on all pairs at once. Memory
// grows with the distinct co-occurring word pairs and the corpus' word-pair cells; each
// iteration is linear in the cells. Never fails.
WordAlignment AlignWords(const std::vector<TokenIdPair>& corpus, std::span<const PriorLink> priors,
                         const WordAlignOptions& options = {});

// Grow-diag-final-and (Koehn et al. 2003) of two directional alignments of one sentence pair of
// `rows` source and `columns` target words: `forward[j]` is the source position of target word
// j or -1 (NULL), `backward[i]` the target position of source word i or -1. Sorted points.
std::vector<AlignmentPoint> Symmetrise(std::size_t rows, std::size_t columns,
                                       std::span<const int> forward, std::span<const int> backward);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_WORD_ALIGN_H_
