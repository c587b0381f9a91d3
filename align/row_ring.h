// The rows a band search keeps: the last kMaxBeadSide + 1 rows, three states per cell, each row
// relative to its own shift.
#ifndef TERMALIGN_ALIGN_ROW_RING_H_
#define TERMALIGN_ALIGN_ROW_RING_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <vector>

#include "band.h"
#include "cost_model.h"

namespace termalign::align::internal {

// A RowRing holds costs (kLogSums false: lower is better, +infinity is empty) or log sums
// (kLogSums true: higher is better, -infinity is empty). Each row is stored relative to a shift
// held in a double: over a book the sums reach millions, where a float keeps no digits after
// the point, yet paths are told apart, and posteriors computed, by differences of such sums.
template <bool kLogSums>
class RowRing {
 public:
  static constexpr float kEmpty = kLogSums ? -std::numeric_limits<float>::infinity()
                                           : std::numeric_limits<float>::infinity();

  explicit RowRing(const Band& band) : band_(band) {}

  // A fresh row i (all empty), its values relative to `shift`.
  float* Row(std::size_t i, double shift) {
    std::vector<float>& row = rows_[i % rows_.size()];
    row.assign(3 * (band_.hi[i] - band_.lo[i] + 1), kEmpty);
    shifts_[i % rows_.size()] = shift;
    return row.data();
  }

  // Moves row i's best value (least cost, largest log sum) to 0.
  void Normalize(std::size_t i) {
    std::vector<float>& row = rows_[i % rows_.size()];
    float best = kEmpty;
    for (float v : row) best = kLogSums ? std::max(best, v) : std::min(best, v);
    if (best == kEmpty) return;
    for (float& v : row) v -= best;
    shifts_[i % rows_.size()] += best;
  }

  // The value at (i, j) relative to row i's shift; empty outside the band.
  float At(std::size_t i, std::size_t j, int state) const {
    if (!band_.Contains(i, j)) return kEmpty;
    return rows_[i % rows_.size()][3 * (j - band_.lo[i]) + state];
  }
  // The same value relative to `shift` instead.
  float AtRelative(std::size_t i, std::size_t j, int state, double shift) const {
    return At(i, j, state) + static_cast<float>(Shift(i) - shift);
  }
  double Shift(std::size_t i) const { return shifts_[i % rows_.size()]; }

 private:
  const Band& band_;
  std::array<std::vector<float>, kMaxBeadSide + 1> rows_;
  std::array<double, kMaxBeadSide + 1> shifts_{};
};

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_ROW_RING_H_
