#include "cost_model.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace termalign::align::internal {

void PairMasks(const SideFeatures& source, std::size_t s, const SideFeatures& target,
               std::size_t t, std::uint64_t* source_mask, std::uint64_t* target_mask) {
  std::span<const std::uint32_t> a = source.Keys(s);
  std::span<const std::uint32_t> b = target.Keys(t);
  std::uint64_t sm = 0, tm = 0;
  std::size_t ia = 0, ib = 0;
  while (ia < a.size() && ib < b.size()) {
    std::uint32_t ka = a[ia] >> 6, kb = b[ib] >> 6;
    if (ka < kb) {
      ++ia;
    } else if (kb < ka) {
      ++ib;
    } else {
      for (; ia < a.size() && (a[ia] >> 6) == ka; ++ia) sm |= std::uint64_t{1} << (a[ia] & 63);
      for (; ib < b.size() && (b[ib] >> 6) == kb; ++ib) tm |= std::uint64_t{1} << (b[ib] & 63);
    }
  }
  *source_mask = sm;
  *target_mask = tm;
}

double MaskedWeight(std::span<const float> weights, std::uint64_t mask) {
  double sum = 0.0;
  while (mask != 0) {
    sum += weights[static_cast<std::size_t>(std::countr_zero(mask))];
    mask &= mask - 1;
  }
  return sum;
}

namespace {

// The bits of Prepare()'s filter of a sentence's keys (a power of two, a multiple of 64).
constexpr std::uint32_t kFilterBits = 1024;

// A repeated line of a merged side is unexplained when the side without it is still this share
// of the length the other side calls for.
constexpr double kRepeatFit = 0.75;

}  // namespace

// -log erfc(x) at the table's steps, computed once at start-up (the search evaluates it tens of
// millions of times).
const std::array<double, kTailTableSteps + 2> kTailTable = [] {
  std::array<double, kTailTableSteps + 2> values{};
  for (int k = 0; k <= kTailTableSteps + 1; ++k) {
    values[k] = -std::log(std::erfc(k * kTailTableEnd / kTailTableSteps));
  }
  return values;
}();

CostModel::CostModel(const SideFeatures& source, const SideFeatures& target,
                     const CostParams& params)
    : source_(source),
      target_(target),
      params_(params),
      source_prefix_(source.size() + 1, 0.0),
      target_prefix_(target.size() + 1, 0.0),
      source_repeats_(RepeatBits(source)),
      target_repeats_(RepeatBits(target)),
      key_bits_(KeyIdBound(source, target), 0) {
  for (int n = 1; n <= kMaxBeadSide; ++n) {
    for (int m = 1; m <= kMaxBeadSide; ++m) {
      double cost = params.merge_penalty * ((n - 1) + (m - 1));
      if (n >= 3 || m >= 3) cost += params.three_penalty;
      if (n >= 2 && m >= 2) cost += params.many_to_many_penalty;
      size_penalty_[n][m] = cost;
    }
  }
  for (std::size_t s = 0; s < source.size(); ++s) {
    source_prefix_[s + 1] = source_prefix_[s] + source.char_length[s];
  }
  for (std::size_t t = 0; t < target.size(); ++t) {
    target_prefix_[t + 1] = target_prefix_[t] + target.char_length[t];
  }
}

void CostModel::SetBand(const Band& band) {
  band_ = &band;
  for (Slot& slot : slots_) slot.source = ~std::size_t{0};
}

void CostModel::Prepare(std::size_t s) {
  Slot& slot = slots_[s % slots_.size()];
  if (slot.source == s) return;
  slot.source = s;
  // Beads holding source s start at rows s-3..s and end at rows s+1..s+4.
  std::size_t first_row = s >= kMaxBeadSide - 1 ? s - (kMaxBeadSide - 1) : 0;
  std::size_t last_row = std::min(band_->rows, s + kMaxBeadSide);
  std::size_t first = band_->lo[first_row];
  std::size_t last = std::min<std::size_t>(band_->hi[last_row], target_.size());
  slot.first_column = first;
  std::size_t width = last > first ? last - first : 0;
  slot.source_masks.resize(width);
  slot.target_masks.resize(width);
  slot.source_cover.resize(width);
  slot.target_cover.resize(width);
  // The same masks as PairMasks(), with one table lookup per target key instead of a merge.
  const std::span<const std::uint32_t> source_keys = source_.Keys(s);
  // A bit per key id modulo kFilterBits says which keys the sentence may hold: most target keys
  // are not among them, and the filter, unlike the table, stays in the first-level cache.
  std::array<std::uint64_t, kFilterBits / 64> filter{};
  for (std::uint32_t packed : source_keys) {
    const std::uint32_t key = packed >> 6;
    key_bits_[key] |= std::uint64_t{1} << (packed & 63);
    filter[(key % kFilterBits) / 64] |= std::uint64_t{1} << (key % 64);
  }
  for (std::size_t k = 0; k < width; ++k) {
    std::uint64_t source_mask = 0, target_mask = 0;
    for (std::uint32_t packed : target_.Keys(first + k)) {
      const std::uint32_t key = packed >> 6;
      if ((filter[(key % kFilterBits) / 64] & (std::uint64_t{1} << (key % 64))) == 0) continue;
      std::uint64_t bits = key_bits_[key];
      if (bits != 0) {
        source_mask |= bits;
        target_mask |= std::uint64_t{1} << (packed & 63);
      }
    }
    slot.source_masks[k] = source_mask;
    slot.target_masks[k] = target_mask;
    slot.source_cover[k] = source_mask == 0 ? 0.0 : MaskedWeight(source_.Weights(s), source_mask);
    slot.target_cover[k] =
        target_mask == 0 ? 0.0 : MaskedWeight(target_.Weights(first + k), target_mask);
  }
  for (std::uint32_t packed : source_keys) key_bits_[packed >> 6] = 0;
}

namespace {

// Whether a noise line whose coverage is `covered` of `total` counts as stray in a bead: the
// rule of Similarity()'s `stray_noise`, without the division into a share.
bool StrayNoise(std::uint8_t noise, double covered, double total, bool merged) {
  if (noise == 0 || (total > 0.0 && covered > 0.0)) return false;
  if (!merged) return noise == SideFeatures::kNumberLine && total > 0.0;
  return true;
}

// The harmonic mean of the two coverages, as Similarity() returns it.
double HarmonicCoverage(double covered_source, double total_source, double covered_target,
                        double total_target) {
  if (total_source <= 0.0 && total_target <= 0.0) return -1.0;
  if (total_source <= 0.0 || total_target <= 0.0) return 0.0;
  double rs = covered_source / total_source, rt = covered_target / total_target;
  return rs + rt > 0.0 ? 2.0 * rs * rt / (rs + rt) : 0.0;
}

}  // namespace

double CostModel::Similarity(std::size_t i, int n, std::size_t j, int m, double* orphan,
                             int* stray_noise) const {
  double covered_source = 0.0, total_source = 0.0;
  double covered_target = 0.0, total_target = 0.0;
  // Coverage share of each sentence, to spot one that the other side does not explain.
  std::array<double, kMaxBeadSide> share_source{}, share_target{};
  for (int a = 0; a < n; ++a) {
    const Slot& slot = SlotOf(i + a);
    std::uint64_t mask = 0;
    for (int b = 0; b < m; ++b) mask |= slot.source_masks[j + b - slot.first_column];
    double covered = MaskedWeight(source_.Weights(i + a), mask);
    double total = source_.total_weight[i + a];
    share_source[a] = total > 0.0 ? covered / total : -1.0;
    covered_source += covered;
    total_source += total;
  }
  for (int b = 0; b < m; ++b) {
    std::uint64_t mask = 0;
    for (int a = 0; a < n; ++a) {
      const Slot& slot = SlotOf(i + a);
      mask |= slot.target_masks[j + b - slot.first_column];
    }
    double covered = MaskedWeight(target_.Weights(j + b), mask);
    double total = target_.total_weight[j + b];
    share_target[b] = total > 0.0 ? covered / total : -1.0;
    covered_target += covered;
    total_target += total;
  }
  if (stray_noise != nullptr) {
    int stray = 0;
    // In a 1-1 bead only a line of a number alone counts ("141" facing a heading): a line of a
    // word and a number facing a word is as likely a word list. A noise line without a content
    // word ("- 7 -": single digits are not content words) counts only when glued to a neighbour.
    const bool merged = n + m > 2;
    auto counts = [&](std::uint8_t noise, double share) {
      if (noise == 0 || share > 0.0) return false;
      if (!merged) return noise == SideFeatures::kNumberLine && share == 0.0;
      return true;
    };
    for (int a = 0; a < n; ++a) stray += counts(source_.noise[i + a], share_source[a]);
    for (int b = 0; b < m; ++b) stray += counts(target_.noise[j + b], share_target[b]);
    if (merged) {
      // A sentence in the other side's language that shares nothing with it is an addition
      // (an advert, a passage left untranslated) glued to a neighbour.
      for (int a = 0; a < n; ++a) stray += source_.foreign[i + a] && share_source[a] <= 0.0;
      for (int b = 0; b < m; ++b) stray += target_.foreign[j + b] && share_target[b] <= 0.0;
      stray += RepeatedLines(i, n, j, m);
    }
    *stray_noise = stray;
  }
  if (orphan != nullptr) {
    // A sentence of a merged side covered far less than its side as a whole.
    double unexplained = 0.0;
    auto check = [&](const std::array<double, kMaxBeadSide>& shares, int count, double side) {
      if (count < 2 || side <= 0.0) return;
      for (int k = 0; k < count; ++k) {
        if (shares[k] >= 0.0) unexplained += std::clamp(1.0 - shares[k] / side, 0.0, 1.0);
      }
    };
    check(share_source, n, total_source > 0.0 ? covered_source / total_source : 0.0);
    check(share_target, m, total_target > 0.0 ? covered_target / total_target : 0.0);
    *orphan = unexplained;
  }
  return HarmonicCoverage(covered_source, total_source, covered_target, total_target);
}

template <int N, int M>
double CostModel::SimilarityOf(std::size_t i, std::size_t j, int* stray_noise) const {
  constexpr bool kMerged = N + M > 2;
  std::array<const Slot*, N> slots;
  std::array<std::size_t, N> at;  // column j's place in each slot
  for (int a = 0; a < N; ++a) {
    slots[a] = &SlotOf(i + a);
    at[a] = j - slots[a]->first_column;
  }
  int stray = 0;
  double covered_source = 0.0, total_source = 0.0;
  for (int a = 0; a < N; ++a) {
    std::uint64_t mask = 0;
    int sharing = 0, last = 0;  // target sentences sharing a key with source i + a
    for (int b = 0; b < M; ++b) {
      const std::uint64_t bits = slots[a]->source_masks[at[a] + b];
      mask |= bits;
      if (bits != 0) ++sharing, last = b;
    }
    const double covered = sharing == 0   ? 0.0
                           : sharing == 1 ? slots[a]->source_cover[at[a] + last]
                                          : MaskedWeight(source_.Weights(i + a), mask);
    const double total = source_.total_weight[i + a];
    stray += StrayNoise(source_.noise[i + a], covered, total, kMerged);
    if constexpr (kMerged) stray += source_.foreign[i + a] && covered <= 0.0;
    covered_source += covered;
    total_source += total;
  }
  double covered_target = 0.0, total_target = 0.0;
  for (int b = 0; b < M; ++b) {
    std::uint64_t mask = 0;
    int sharing = 0, last = 0;  // source sentences sharing a key with target j + b
    for (int a = 0; a < N; ++a) {
      const std::uint64_t bits = slots[a]->target_masks[at[a] + b];
      mask |= bits;
      if (bits != 0) ++sharing, last = a;
    }
    const double covered = sharing == 0   ? 0.0
                           : sharing == 1 ? slots[last]->target_cover[at[last] + b]
                                          : MaskedWeight(target_.Weights(j + b), mask);
    const double total = target_.total_weight[j + b];
    stray += StrayNoise(target_.noise[j + b], covered, total, kMerged);
    if constexpr (kMerged) stray += target_.foreign[j + b] && covered <= 0.0;
    covered_target += covered;
    total_target += total;
  }
  if constexpr (kMerged) stray += RepeatedLines(i, N, j, M);
  *stray_noise = stray;
  return HarmonicCoverage(covered_source, total_source, covered_target, total_target);
}

double CostModel::FastSimilarity(std::size_t i, int n, std::size_t j, int m,
                                 int* stray_noise) const {
  switch (n * 8 + m) {
    case 1 * 8 + 1:
      return SimilarityOf<1, 1>(i, j, stray_noise);
    case 1 * 8 + 2:
      return SimilarityOf<1, 2>(i, j, stray_noise);
    case 2 * 8 + 1:
      return SimilarityOf<2, 1>(i, j, stray_noise);
    case 2 * 8 + 2:
      return SimilarityOf<2, 2>(i, j, stray_noise);
    case 1 * 8 + 3:
      return SimilarityOf<1, 3>(i, j, stray_noise);
    case 3 * 8 + 1:
      return SimilarityOf<3, 1>(i, j, stray_noise);
    case 2 * 8 + 3:
      return SimilarityOf<2, 3>(i, j, stray_noise);
    case 3 * 8 + 2:
      return SimilarityOf<3, 2>(i, j, stray_noise);
    case 1 * 8 + 4:
      return SimilarityOf<1, 4>(i, j, stray_noise);
    case 4 * 8 + 1:
      return SimilarityOf<4, 1>(i, j, stray_noise);
    default:
      break;
  }
  // A bead type outside kMatchTypes: the general loops.
  return Similarity(i, n, j, m, nullptr, stray_noise);
}

int CostModel::Repeats(const SideFeatures& side, std::size_t begin, int count, double length,
                       double expected_length) {
  int repeats = 0;
  for (int a = 1; a < count; ++a) {
    const std::uint64_t wording = side.wording[begin + a];
    if (wording == 0) continue;
    for (int b = 0; b < a; ++b) {
      if (side.wording[begin + b] != wording) continue;
      // "Dring ... dring ..." rendered as two lines "Dring ..." needs both copies.
      if (length - side.char_length[begin + a] >= kRepeatFit * expected_length) {
        length -= side.char_length[begin + a];
        ++repeats;
      }
      break;
    }
  }
  return repeats;
}

std::vector<std::uint8_t> CostModel::RepeatBits(const SideFeatures& side) {
  std::vector<std::uint8_t> repeats(side.size(), 0);
  for (std::size_t s = 0; s < side.size(); ++s) {
    if (side.wording[s] == 0) continue;
    for (std::size_t d = 1; d < kMaxBeadSide && d <= s; ++d) {
      if (side.wording[s - d] == side.wording[s]) {
        repeats[s] |= static_cast<std::uint8_t>(1u << (d - 1));
      }
    }
  }
  return repeats;
}

int CostModel::RepeatedLines(std::size_t i, int n, std::size_t j, int m) const {
  // A line repeated within one side of the bead (a refrain sung once more) is covered by the
  // same words as its first copy, which the other side explains only once. Most beads hold
  // none: the bits say so without reading the wordings.
  if (!MayRepeat(source_repeats_, i, n) && !MayRepeat(target_repeats_, j, m)) return 0;
  const double l1 = source_prefix_[i + n] - source_prefix_[i];
  const double l2 = target_prefix_[j + m] - target_prefix_[j];
  return Repeats(source_, i, n, l1, l2 / params_.length_ratio) +
         Repeats(target_, j, m, l2, l1 * params_.length_ratio);
}

double CostModel::MatchLexical(std::size_t i, int n, std::size_t j, int m, double bound,
                               double cost) const {
  const CostParams& p = params_;
  const double size = 0.5 * (n + m);
  std::uint64_t pa = 0, pb = 0;
  for (int a = 0; a < n; ++a) pa += source_.punctuation[i + a];
  for (int b = 0; b < m; ++b) pb += target_.punctuation[j + b];
  if (pa != pb) cost += size * p.punctuation_weight * PunctuationDistance(pa, pb);
  if (cost >= bound) return cost;

  double orphan = 0.0;
  int stray_noise = 0;
  double sim = p.orphan_weight != 0.0 ? Similarity(i, n, j, m, &orphan, &stray_noise)
                                      : FastSimilarity(i, n, j, m, &stray_noise);
  double lexical;
  if (sim < 0.0) {
    lexical = p.empty_lexical;
  } else {
    double baseline = 0.5 * (p.baseline_source + p.baseline_target);
    lexical = (1.0 - sim) / std::max(0.1, 1.0 - baseline);
  }
  return cost + size * p.lexical_weight * lexical + p.orphan_weight * orphan +
         p.stray_noise * stray_noise;
}

}  // namespace termalign::align::internal
