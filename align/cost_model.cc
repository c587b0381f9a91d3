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

double LengthCost(double l1, double l2, double ratio, double variance) {
  double mean = std::max(1.0, (ratio * l1 + l2) / 2.0);
  double delta = (l2 - ratio * l1) / std::sqrt(variance * mean);
  double x = std::abs(delta) / std::sqrt(2.0);
  // erfc underflows past x ~ 26; its asymptote is accurate to 1% from x = 5 on.
  if (x > 5.0) return x * x + std::log(x * std::sqrt(M_PI));
  return -std::log(std::erfc(x));
}

CostModel::CostModel(const SideFeatures& source, const SideFeatures& target,
                     const CostParams& params)
    : source_(source), target_(target), params_(params) {}

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
  for (std::size_t k = 0; k < width; ++k) {
    PairMasks(source_, s, target_, first + k, &slot.source_masks[k], &slot.target_masks[k]);
  }
}

double CostModel::Similarity(std::size_t i, int n, std::size_t j, int m) {
  double covered_source = 0.0, total_source = 0.0;
  double covered_target = 0.0, total_target = 0.0;
  for (int a = 0; a < n; ++a) {
    const Slot& slot = SlotOf(i + a);
    std::uint64_t mask = 0;
    for (int b = 0; b < m; ++b) mask |= slot.source_masks[j + b - slot.first_column];
    covered_source += MaskedWeight(source_.Weights(i + a), mask);
    total_source += source_.total_weight[i + a];
  }
  for (int b = 0; b < m; ++b) {
    std::uint64_t mask = 0;
    for (int a = 0; a < n; ++a) {
      const Slot& slot = SlotOf(i + a);
      mask |= slot.target_masks[j + b - slot.first_column];
    }
    covered_target += MaskedWeight(target_.Weights(j + b), mask);
    total_target += target_.total_weight[j + b];
  }
  if (total_source <= 0.0 && total_target <= 0.0) return -1.0;
  if (total_source <= 0.0 || total_target <= 0.0) return 0.0;
  double rs = covered_source / total_source, rt = covered_target / total_target;
  return rs + rt > 0.0 ? 2.0 * rs * rt / (rs + rt) : 0.0;
}

double CostModel::Match(std::size_t i, int n, std::size_t j, int m) {
  const CostParams& p = params_;
  double sim = Similarity(i, n, j, m);
  double lexical;
  if (sim < 0.0) {
    lexical = p.empty_lexical;
  } else {
    double baseline = 0.5 * (p.baseline_source + p.baseline_target);
    lexical = (1.0 - sim) / std::max(0.1, 1.0 - baseline);
  }
  double l1 = 0.0, l2 = 0.0;
  std::uint32_t pa = 0, pb = 0;
  for (int a = 0; a < n; ++a) {
    l1 += source_.char_length[i + a];
    pa = AddPunctuation(pa, source_.punctuation[i + a]);
  }
  for (int b = 0; b < m; ++b) {
    l2 += target_.char_length[j + b];
    pb = AddPunctuation(pb, target_.punctuation[j + b]);
  }
  double content = p.lexical_weight * lexical +
                   p.length_weight * LengthCost(l1, l2, p.length_ratio, p.length_variance) +
                   p.punctuation_weight * PunctuationDistance(pa, pb);
  double size = 0.5 * (n + m);
  double cost = size * content + p.merge_penalty * ((n - 1) + (m - 1));
  if (n >= 3 || m >= 3) cost += p.three_penalty;
  return cost;
}

}  // namespace termalign::align::internal
