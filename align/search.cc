#include "search.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace termalign::align::internal {
namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Backpointer byte: for the matched state, (type index << 2) | previous state; for the gap
// states, the previous state. kNone marks an unreachable cell.
constexpr std::uint8_t kNone = 0xFF;

// Costs of the last kMaxBeadSide + 1 rows, three states per cell.
class RowRing {
 public:
  explicit RowRing(const Band& band) : band_(band) {}
  float* Row(std::size_t i) {
    std::vector<float>& row = rows_[i % rows_.size()];
    row.assign(3 * (band_.hi[i] - band_.lo[i] + 1), kInfinity);
    return row.data();
  }
  // The cost of state `state` at (i, j), or infinity outside the band.
  float At(std::size_t i, std::size_t j, int state) const {
    if (!band_.Contains(i, j)) return kInfinity;
    return rows_[i % rows_.size()][3 * (j - band_.lo[i]) + state];
  }

 private:
  const Band& band_;
  std::array<std::vector<float>, kMaxBeadSide + 1> rows_;
};

}  // namespace

std::vector<Bead> BestPath(CostModel& model, const Band& band) {
  model.SetBand(band);
  const CostParams& p = model.params();
  const auto open = static_cast<float>(p.gap_open), extend = static_cast<float>(p.gap_extend);
  std::vector<std::uint8_t> back(3 * band.cells(), kNone);
  RowRing ring(band);

  for (std::size_t i = 0; i <= band.rows; ++i) {
    for (std::size_t s = i >= kMaxBeadSide ? i - kMaxBeadSide : 0; s < i; ++s) model.Prepare(s);
    float* row = ring.Row(i);
    const std::size_t lo = band.lo[i], hi = band.hi[i];
    for (std::size_t j = lo; j <= hi; ++j) {
      float* cell = row + 3 * (j - lo);
      std::uint8_t* bp = &back[3 * band.Cell(i, j)];
      if (i == 0 && j == 0) {
        cell[kMatched] = 0.0f;
        bp[kMatched] = kMatched;
        continue;
      }
      // Matched beads ending here.
      for (std::size_t t = 0; t < kMatchTypes.size(); ++t) {
        const auto [n, m] = kMatchTypes[t];
        if (static_cast<std::size_t>(n) > i || static_cast<std::size_t>(m) > j) continue;
        std::size_t pi = i - n, pj = j - m;
        if (!band.Contains(pi, pj)) continue;
        float best_prev = kInfinity;
        int best_state = 0;
        for (int st = 0; st < kStates; ++st) {
          float v = ring.At(pi, pj, st);
          if (v < best_prev) {
            best_prev = v;
            best_state = st;
          }
        }
        if (best_prev == kInfinity) continue;
        float v = best_prev + static_cast<float>(model.Match(
                                  pi, n, pj, m, static_cast<double>(cell[kMatched] - best_prev)));
        if (v < cell[kMatched]) {
          cell[kMatched] = v;
          bp[kMatched] = static_cast<std::uint8_t>((t << 2) | best_state);
        }
      }
      // An unmatched source sentence: from (i - 1, j).
      if (i > 0 && band.Contains(i - 1, j)) {
        const float from[3] = {ring.At(i - 1, j, kMatched) + open + extend,
                               ring.At(i - 1, j, kSourceGap) + extend,
                               ring.At(i - 1, j, kTargetGap) + open + extend};
        for (int st = 0; st < kStates; ++st) {
          if (from[st] < cell[kSourceGap]) {
            cell[kSourceGap] = from[st];
            bp[kSourceGap] = static_cast<std::uint8_t>(st);
          }
        }
      }
      // An unmatched target sentence: from (i, j - 1), earlier in this row.
      if (j > lo) {
        const float* left = cell - 3;
        const float from[3] = {left[kMatched] + open + extend,
                               left[kSourceGap] + open + extend, left[kTargetGap] + extend};
        for (int st = 0; st < kStates; ++st) {
          if (from[st] < cell[kTargetGap]) {
            cell[kTargetGap] = from[st];
            bp[kTargetGap] = static_cast<std::uint8_t>(st);
          }
        }
      }
    }
  }

  // Trace back from the end.
  std::vector<Bead> path;
  std::size_t i = band.rows, j = band.columns;
  int state = kMatched;
  float best = kInfinity;
  for (int st = 0; st < kStates; ++st) {
    float v = ring.At(i, j, st);
    if (v < best) {
      best = v;
      state = st;
    }
  }
  while (i > 0 || j > 0) {
    std::uint8_t bp = back[3 * band.Cell(i, j) + state];
    Bead bead;
    if (state == kMatched) {
      const auto [n, m] = kMatchTypes[bp >> 2];
      bead = {i - n, static_cast<std::size_t>(n), j - m, static_cast<std::size_t>(m), 0.0};
      state = bp & 3;
    } else if (state == kSourceGap) {
      bead = {i - 1, 1, j, 0, 0.0};
      state = bp;
    } else {
      bead = {i, 0, j - 1, 1, 0.0};
      state = bp;
    }
    i = bead.source_begin;
    j = bead.target_begin;
    path.push_back(bead);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace termalign::align::internal
