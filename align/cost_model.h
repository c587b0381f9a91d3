// The cost of a bead: lexical coverage, length and punctuation agreement, bead-type priors,
// and affine costs for unmatched runs.
#ifndef TERMALIGN_ALIGN_COST_MODEL_H_
#define TERMALIGN_ALIGN_COST_MODEL_H_

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <vector>

#include "band.h"
#include "sentence_features.h"

namespace termalign::align::internal {

// The matched bead types the search considers, as (source count, target count).
struct BeadType {
  int n;
  int m;
};
inline constexpr std::array<BeadType, 10> kMatchTypes = {{{1, 1},
                                                          {1, 2},
                                                          {2, 1},
                                                          {2, 2},
                                                          {1, 3},
                                                          {3, 1},
                                                          {2, 3},
                                                          {3, 2},
                                                          {1, 4},
                                                          {4, 1}}};
inline constexpr int kMaxBeadSide = 4;

// Weights of the cost terms. Costs are in nats-like units: a random sentence pair costs about
// `lexical_weight`, an unmatched sentence `gap_extend` (plus `gap_open` at the start of a run).
struct CostParams {
  double lexical_weight = 1.0;
  // The length term is one Gale-Church observation per bead, weighted by the square root of the
  // bead's size (sentences per side, averaged) where the lexical and punctuation terms take the
  // size itself. Taken once per sentence, as it was, it outweighed the lexical evidence in
  // merged beads (the length of a sentence pair rendered loosely decided which neighbour a
  // sentence joined); taken once per bead, it cost the Text+Berg sets joined into banded
  // documents 0.004-0.010 strict F1. See the README's alignment quality table for both.
  double length_weight = 0.25;
  double punctuation_weight = 0.3;
  double empty_lexical = 0.55;  // lexical cost when neither side has a content word
  double gap_open = 1.5;
  double gap_extend = 1.0;
  // Per sentence beyond the first on a side. 0.35 was best on Text+Berg dev alone; 0.4 with
  // the stray lines below is as good there and better on Text+Berg test and TransRead.
  double merge_penalty = 0.4;
  double three_penalty = 0.4;       // extra for beads with 3 or more sentences on a side
  // Extra for beads with 2 or more sentences on both sides: 2-2 beads came out one and a half
  // times as often as in the reference alignments, under half of them right.
  double many_to_many_penalty = 0.1;
  // Per merged sentence the other side does not explain. Off: on the development data it trades
  // as many right merges as wrong ones, and it breaks up unmatched runs next to merges.
  double orphan_weight = 0.0;
  // Per noise line (SideFeatures::noise) in a matched bead that shares no key with the other
  // side: about the cost of leaving it unmatched (gap_open + gap_extend), so that a page number
  // inserted on one side stays a 1-0 or 0-1 bead instead of joining a neighbour or taking the
  // place of a sentence. The same for a foreign sentence sharing no key and for a repeated line
  // in a merged bead (CostModel::Similarity).
  double stray_noise = 2.5;
  double length_ratio = 1.0;        // target characters per source character
  double length_variance = 6.8;     // Gale-Church s^2, per character
  double baseline_source = 0.0;     // mean similarity of a random pair, per side
  double baseline_target = 0.0;
};

// The Gale-Church tail cost -log erfc(x) is tabulated on [0, kTailTableEnd].
inline constexpr int kTailTableSteps = 2048;
inline constexpr double kTailTableEnd = 5.0;
extern const std::array<double, kTailTableSteps + 2> kTailTable;

// The standardised deviation |l2 - ratio * l1| / sqrt(2 variance mean) of lengths l1, l2: the x
// of LengthCost's erfc(x).
inline double LengthDeviation(double l1, double l2, double ratio, double variance) {
  double mean = std::max(1.0, (ratio * l1 + l2) / 2.0);
  double delta = (l2 - ratio * l1) / std::sqrt(variance * mean);
  return std::abs(delta) * M_SQRT1_2;
}

// -log erfc(x) for x >= 0: tabulated with linear interpolation below kTailTableEnd, its
// asymptote (accurate to 1%) above (erfc underflows past x ~ 26).
inline double TailCost(double x) {
  if (x > kTailTableEnd) return x * x + std::log(x * std::sqrt(M_PI));
  if (x == kTailTableEnd) return kTailTable[kTailTableSteps];
  double at = x * (kTailTableSteps / kTailTableEnd);
  int k = static_cast<int>(at);
  double f = at - k;
  return kTailTable[k] + f * (kTailTable[k + 1] - kTailTable[k]);
}

// -log of the two-sided Gale-Church tail probability for lengths l1, l2.
inline double LengthCost(double l1, double l2, double ratio, double variance) {
  return TailCost(LengthDeviation(l1, l2, ratio, variance));
}

// A CostModel evaluates beads of one document pair inside a band. Coverage masks of sentence
// pairs are computed lazily for the few source sentences a row of the search reads, so memory
// stays linear; or, for bands of moderate size, read from a table of the whole band
// (PrepareBand) that also keeps each bead's cost once computed, shared by the copies of a model.
// Not thread-safe (one per search; copies may run on other threads at once).
class CostModel {
 public:
  CostModel(const SideFeatures& source, const SideFeatures& target, const CostParams& params);

  // The band the next search runs in; forgets the cached masks. `band` must outlive the search.
  void SetBand(const Band& band);

  // Makes the masks of source sentence `s` against every target column the band lets a bead
  // reach available. Must be called for each source sentence of a bead before Match().
  void Prepare(std::size_t s);

  // Computes the masks of every source sentence of `band` at once (on two threads when
  // `parallel`) into a table that Prepare() then reads for any band within it, and where
  // Match() keeps the costs it computes past the punctuation term: the search and the forward
  // and backward sums of one pass compute each sentence's masks once instead of once each, and
  // most beads' lexical terms once instead of two or three times. Keeps the current table when
  // it covers `band`; otherwise rows it covers are copied from it, costs included. Keeps no
  // table (and Prepare() computes as before) when the band would need more than
  // kMaxTableColumns columns. Must not run while a copy of the model is in use.
  void PrepareBand(const Band& band, bool parallel);

  // The cost of matching source sentences [i, i + n) with target sentences [j, j + m). When the
  // length, punctuation and size terms alone reach `bound`, returns their sum (a lower bound of
  // the cost) without computing the lexical terms. The cheap terms are inline: most beads of a
  // band stop at them.
  double Match(std::size_t i, int n, std::size_t j, int m,
               double bound = std::numeric_limits<double>::infinity()) const {
    double cost = size_penalty_[n][m];
    if (cost >= bound) return cost;
    const double l1 = source_prefix_[i + n] - source_prefix_[i];
    const double l2 = target_prefix_[j + m] - target_prefix_[j];
    const double weight = kRootOfSize[n + m] * params_.length_weight;
    {
      // erfc(x) <= e^-x^2 for x >= 0, so the tail's cost is at least x^2: x^2, which needs no
      // square root, may already reach the bound (as it does for most beads of a band).
      const double ratio = params_.length_ratio;
      const double delta = l2 - ratio * l1;
      const double mean = std::max(1.0, (ratio * l1 + l2) / 2.0);
      const double lower = cost + weight * (delta * delta / (2.0 * params_.length_variance * mean));
      if (lower >= bound) return lower;
    }
    const double x = LengthDeviation(l1, l2, params_.length_ratio, params_.length_variance);
    cost += weight * TailCost(x);
    if (cost >= bound) return cost;
    return MatchLexical(i, n, j, m, bound, cost);
  }

  // The similarity in [0, 1] (harmonic mean of the two coverages) of the same bead, or -1 when
  // neither side has a content word.
  // `orphan`, when not null, gets how poorly the sentences of a merged side are each covered
  // (0 when every one is covered as well as the side as a whole).
  // `stray_noise`, when not null, gets the number of lines of the bead its other side does not
  // explain: noise lines and foreign sentences that share no key with it, and repeated lines.
  double Similarity(std::size_t i, int n, std::size_t j, int m, double* orphan = nullptr,
                    int* stray_noise = nullptr) const;

  const CostParams& params() const { return params_; }

  // sqrt((n + m) / 2) by n + m, the weight of a bead's length term (CostParams::length_weight):
  // tabulated, as Match() runs for most cells and bead types of a band.
  static constexpr std::array<double, 2 * kMaxBeadSide + 1> kRootOfSize = {
      0.0, 0.70710678118654752, 1.0, 1.2247448713915890, 1.4142135623730950,
      1.5811388300841897, 1.7320508075688772, 1.8708286933869707, 2.0};

 private:
  // Match() past its length term, whose sum so far is `cost`: punctuation and the lexical terms.
  double MatchLexical(std::size_t i, int n, std::size_t j, int m, double bound,
                      double cost) const;

  // The masks of one source sentence s against one target column.
  struct Column {
    std::uint64_t source_mask;  // bits of source s covered by the target column
    std::uint64_t target_mask;  // bits of the target column covered by s
    // MaskedWeight() of each mask: the coverage of a 1-1 bead, and of a merged bead whose
    // other sentences share no key with this one, without a pass over the bits.
    double source_cover;
    double target_cover;
  };
  struct Slot {
    Slot() = default;
    // A copy (a model copied for another thread) starts empty: `columns` may point into the
    // original's `own`.
    Slot(const Slot&) {}
    Slot& operator=(const Slot&) {
      source = ~std::size_t{0};
      return *this;
    }
    std::size_t source = ~std::size_t{0};
    std::size_t first_column = 0;
    const Column* columns = nullptr;  // columns[k]: target column first_column + k
    // The table's costs of the beads starting at (source, first_column + k):
    // memo[kMatchTypes.size() * k + type] (Table::memo), or null when the columns are not the
    // table's.
    std::uint64_t* memo = nullptr;
    std::vector<Column> own;  // the columns when not read from the table
  };
  struct FreeMemo {
    void operator()(std::uint64_t* memo) const { std::free(memo); }
  };
  // PrepareBand()'s masks: source sentence s has columns [first[s], first[s] + width[s]) at
  // columns[begin[s] ...].
  // memo[kMatchTypes.size() * c + type]: the whole cost (what Match() returns when no bound
  // stops it) of the bead of that type starting at source s and the target column of
  // columns[c], as the bits of a double, 0 until computed. The copies of a model and their
  // threads fill it together, through std::atomic_ref: any of them computes the same value, so
  // which one does changes nothing.
  struct Table {
    std::vector<std::size_t> begin;
    std::vector<std::uint32_t> first;
    std::vector<std::uint32_t> width;
    std::vector<Column> columns;
    std::unique_ptr<std::uint64_t[], FreeMemo> memo;
  };
  // At most this many columns in a table (112 bytes each with the costs, 56 MB): bands of
  // documents of up to about 20,000 sentences a side, where the search and both sums of a pass
  // evaluate most beads two or three times. Larger ones compute the masks row by row as the
  // search goes, and each bead's cost each time.
  static constexpr std::size_t kMaxTableColumns = 500'000;
  // The index of each bead type in kMatchTypes by (n, m).
  static constexpr std::array<std::array<std::uint8_t, kMaxBeadSide + 1>, kMaxBeadSide + 1>
      kTypeIndex = [] {
        std::array<std::array<std::uint8_t, kMaxBeadSide + 1>, kMaxBeadSide + 1> index{};
        for (std::size_t t = 0; t < kMatchTypes.size(); ++t) {
          index[kMatchTypes[t].n][kMatchTypes[t].m] = static_cast<std::uint8_t>(t);
        }
        return index;
      }();
  const Slot& SlotOf(std::size_t s) const { return slots_[s % slots_.size()]; }
  // The target columns [first, last) whose masks against source `s` the beads of `band` read.
  static void ColumnRange(const Band& band, std::size_t columns, std::size_t s,
                          std::size_t* first, std::size_t* last);
  // The masks of source `s` against target columns [first, first + width) into `out`;
  // `key_bits` (KeyIdBound() entries) must be all zero and is left so.
  void ComputeColumns(std::size_t s, std::size_t first, std::size_t width,
                      std::vector<std::uint64_t>& key_bits, Column* out) const;
  // The target sentences holding each key: entries[begin[key] .. begin[key + 1]) are
  // (sentence << 6) | bit, in increasing order. Built for the tables only (4 bytes per target
  // key), where it finds the columns sharing a key with a source sentence by binary search.
  struct Postings {
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> entries;
  };
  static std::shared_ptr<const Postings> MakePostings(const SideFeatures& target,
                                                      std::size_t key_bound);
  // ComputeColumns() through the postings of the target keys: the same masks, from a binary
  // search per source key instead of a pass over every key of every column.
  void ComputeColumns(std::size_t s, std::size_t first, std::size_t width,
                      const Postings& postings, Column* out) const;
  // The sentences of [begin, begin + count) of `side` (`length` characters in all) whose
  // wording an earlier one repeats and which the side does not need to come near
  // `expected_length` characters.
  static int Repeats(const SideFeatures& side, std::size_t begin, int count, double length,
                     double expected_length);
  // Repeats() on both sides of the bead of source [i, i + n) and target [j, j + m).
  int RepeatedLines(std::size_t i, int n, std::size_t j, int m) const;
  // Bit d - 1 of repeats[s] is set when sentence s has the wording of sentence s - d (d = 1, 2,
  // 3): a bead side [begin, begin + count) holds a repeated line only if some sentence
  // begin + a (a >= 1) repeats one at most a before it.
  static std::vector<std::uint8_t> RepeatBits(const SideFeatures& side);
  static bool MayRepeat(const std::vector<std::uint8_t>& repeats, std::size_t begin, int count) {
    for (int a = 1; a < count; ++a) {
      if ((repeats[begin + a] & ((1u << a) - 1)) != 0) return true;
    }
    return false;
  }

  // Similarity() for a bead of n = N source and m = M target sentences, when no orphan term
  // is asked for: the loops unrolled for each bead type, and the coverage of a sentence that
  // shares keys with one sentence of the bead read from its slot.
  template <int N, int M>
  double SimilarityOf(std::size_t i, std::size_t j, int* stray_noise) const;
  double FastSimilarity(std::size_t i, int n, std::size_t j, int m, int* stray_noise) const;

  const SideFeatures& source_;
  const SideFeatures& target_;
  CostParams params_;
  // The merge, three- and many-to-many penalties of each bead size, summed as Match() did.
  std::array<std::array<double, kMaxBeadSide + 1>, kMaxBeadSide + 1> size_penalty_{};
  // Characters before each sentence (source_.size() + 1 and target_.size() + 1 values), so
  // that a bead's lengths take two reads whatever its size.
  std::vector<double> source_prefix_;
  std::vector<double> target_prefix_;
  std::vector<std::uint8_t> source_repeats_;  // RepeatBits() of each side
  std::vector<std::uint8_t> target_repeats_;
  // Indexed by key id: the bits of the sentence being prepared that hold the key; all zero
  // between calls to Prepare().
  std::vector<std::uint64_t> key_bits_;
  const Band* band_ = nullptr;
  std::array<Slot, kMaxBeadSide + 2> slots_;
  // Shared by the copies of the model: the masks never change, the costs fill in.
  std::shared_ptr<const Table> table_;
  std::shared_ptr<const Postings> postings_;  // made with the first table
};

// Computes the pair masks of one sentence pair: which bits of each side share a key with the
// other side. Exposed for the baseline estimate.
void PairMasks(const SideFeatures& source, std::size_t s, const SideFeatures& target,
               std::size_t t, std::uint64_t* source_mask, std::uint64_t* target_mask);

// The sum of `weights[bit]` over the set bits of `mask`.
double MaskedWeight(std::span<const float> weights, std::uint64_t mask);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_COST_MODEL_H_
