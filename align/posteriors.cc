// Forward-backward over the band: bead posteriors, the aligner's confidence.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "search.h"

namespace termalign::align::internal {
namespace {

constexpr float kMinusInfinity = -std::numeric_limits<float>::infinity();
constexpr float kNegligible = 25.0f;

inline float LogAdd(float a, float b) {
  if (a < b) std::swap(a, b);
  if (b == kMinusInfinity) return a;
  return a + std::log1p(std::exp(b - a));
}

class LogRing {
 public:
  explicit LogRing(const Band& band) : band_(band) {}
  float* Row(std::size_t i) {
    std::vector<float>& row = rows_[i % rows_.size()];
    row.assign(3 * (band_.hi[i] - band_.lo[i] + 1), kMinusInfinity);
    return row.data();
  }
  float At(std::size_t i, std::size_t j, int state) const {
    if (!band_.Contains(i, j)) return kMinusInfinity;
    return rows_[i % rows_.size()][3 * (j - band_.lo[i]) + state];
  }

 private:
  const Band& band_;
  std::array<std::vector<float>, kMaxBeadSide + 1> rows_;
};

// The state a bead leaves the search in.
int StateAfter(const Bead& bead) {
  if (bead.target_count == 0) return kSourceGap;
  if (bead.source_count == 0) return kTargetGap;
  return kMatched;
}

}  // namespace

std::vector<double> PathPosteriors(CostModel& model, const Band& band,
                                   const std::vector<Bead>& path, double temperature) {
  model.SetBand(band);
  const CostParams& p = model.params();
  const auto scale = static_cast<float>(1.0 / temperature);
  const auto open = static_cast<float>(p.gap_open) * scale;
  const auto extend = static_cast<float>(p.gap_extend) * scale;
  // Gap step cost (scaled) by previous state, for a source gap and a target gap.
  const float source_step[3] = {open + extend, extend, open + extend};
  const float target_step[3] = {open + extend, open + extend, extend};

  // Forward: alpha for every cell.
  std::vector<float> alpha(3 * band.cells(), kMinusInfinity);
  auto alpha_at = [&](std::size_t i, std::size_t j, int st) {
    return band.Contains(i, j) ? alpha[3 * band.Cell(i, j) + st] : kMinusInfinity;
  };
  for (std::size_t i = 0; i <= band.rows; ++i) {
    for (std::size_t s = i >= kMaxBeadSide ? i - kMaxBeadSide : 0; s < i; ++s) model.Prepare(s);
    for (std::size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
      float* cell = &alpha[3 * band.Cell(i, j)];
      if (i == 0 && j == 0) {
        cell[kMatched] = 0.0f;
        continue;
      }
      for (const BeadType& type : kMatchTypes) {
        if (static_cast<std::size_t>(type.n) > i || static_cast<std::size_t>(type.m) > j) continue;
        std::size_t pi = i - type.n, pj = j - type.m;
        if (!band.Contains(pi, pj)) continue;
        float prev = kMinusInfinity;
        for (int st = 0; st < kStates; ++st) prev = LogAdd(prev, alpha_at(pi, pj, st));
        if (prev == kMinusInfinity) continue;
        // A bead whose share of the sum would be below e^-kNegligible is left out.
        float cost = static_cast<float>(model.Match(
                         pi, type.n, pj, type.m,
                         static_cast<double>((prev - cell[kMatched] + kNegligible) / scale))) *
                     scale;
        cell[kMatched] = LogAdd(cell[kMatched], prev - cost);
      }
      if (i > 0 && band.Contains(i - 1, j)) {
        for (int st = 0; st < kStates; ++st) {
          cell[kSourceGap] = LogAdd(cell[kSourceGap], alpha_at(i - 1, j, st) - source_step[st]);
        }
      }
      if (j > band.lo[i]) {
        for (int st = 0; st < kStates; ++st) {
          cell[kTargetGap] = LogAdd(cell[kTargetGap], (cell - 3)[st] - target_step[st]);
        }
      }
    }
  }
  float total = kMinusInfinity;
  for (int st = 0; st < kStates; ++st) total = LogAdd(total, alpha_at(band.rows, band.columns, st));

  // Backward, row by row from the end; each path bead gets its posterior once the backward
  // values of its end are known and its source sentences are prepared.
  std::vector<double> posteriors(path.size(), 0.0);
  std::size_t next = path.size();  // path beads [next, size) are done
  LogRing beta(band);
  for (std::size_t i = band.rows + 1; i-- > 0;) {
    for (std::size_t s = std::min(band.rows, i + kMaxBeadSide); s-- > i;) model.Prepare(s);
    float* row = beta.Row(i);
    for (std::size_t j = band.hi[i] + 1; j-- > band.lo[i];) {
      float* cell = row + 3 * (j - band.lo[i]);
      if (i == band.rows && j == band.columns) {
        for (int st = 0; st < kStates; ++st) cell[st] = 0.0f;
        continue;
      }
      float matched = kMinusInfinity;
      for (const BeadType& type : kMatchTypes) {
        std::size_t ni = i + type.n, nj = j + type.m;
        if (ni > band.rows || !band.Contains(ni, nj)) continue;
        float after = beta.At(ni, nj, kMatched);
        if (after == kMinusInfinity) continue;
        float cost = static_cast<float>(model.Match(
                         i, type.n, j, type.m,
                         static_cast<double>((after - matched + kNegligible) / scale))) *
                     scale;
        matched = LogAdd(matched, after - cost);
      }
      float down = i < band.rows ? beta.At(i + 1, j, kSourceGap) : kMinusInfinity;
      float right = j < band.hi[i] ? (cell + 3)[kTargetGap] : kMinusInfinity;
      for (int st = 0; st < kStates; ++st) {
        cell[st] = LogAdd(matched, LogAdd(down - source_step[st], right - target_step[st]));
      }
    }
    // Path beads starting in this row, latest first.
    while (next > 0 && path[next - 1].source_begin == i) {
      const Bead& bead = path[--next];
      const std::size_t j = bead.target_begin;
      const std::size_t ei = i + bead.source_count, ej = j + bead.target_count;
      float after = beta.At(ei, ej, StateAfter(bead));
      float through = kMinusInfinity;
      for (int st = 0; st < kStates; ++st) {
        float cost;
        if (bead.matched()) {
          cost = static_cast<float>(model.Match(i, static_cast<int>(bead.source_count), j,
                                                static_cast<int>(bead.target_count))) *
                 scale;
        } else {
          cost = bead.target_count == 0 ? source_step[st] : target_step[st];
        }
        through = LogAdd(through, alpha_at(i, j, st) - cost);
      }
      double log_posterior = static_cast<double>(through) + after - total;
      posteriors[next] = std::clamp(std::exp(log_posterior), 0.0, 1.0);
    }
  }
  return posteriors;
}

}  // namespace termalign::align::internal
