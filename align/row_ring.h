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

  // Fills row i's summaries: combine(value of state 0, 1, 2) for each cell, once the row is
  // final (normalised). A bead starting at a cell reads the summary instead of the three states:
  // each cell is the start of up to kMatchTypes.size() beads.
  template <typename Combine>
  void Summarize(std::size_t i, Combine combine) {
    const std::vector<float>& row = rows_[i % rows_.size()];
    std::vector<float>& summary = summaries_[i % rows_.size()];
    summary.resize(row.size() / 3);
    for (std::size_t k = 0; k < summary.size(); ++k) {
      summary[k] = combine(row[3 * k], row[3 * k + 1], row[3 * k + 2]);
    }
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

  // Row i read relative to `shift`: what AtRelative() gives, with the row's place in the ring,
  // its columns and its offset looked up once for all the cells of a row that read it.
  struct View {
    const float* values;
    const float* summaries;  // see Summarize(); relative to the row's shift like `values`
    std::size_t lo;
    std::size_t hi;
    float offset;  // added to a stored value to make it relative to `shift`

    // AtRelative(i, j, state, shift).
    float At(std::size_t j, int state) const {
      return j >= lo && j <= hi ? values[3 * (j - lo) + state] + offset : kEmpty;
    }
  };
  View ViewRelative(std::size_t i, double shift) const {
    return {rows_[i % rows_.size()].data(), summaries_[i % rows_.size()].data(), band_.lo[i],
            band_.hi[i],
            static_cast<float>(Shift(i) - shift)};
  }

 private:
  const Band& band_;
  std::array<std::vector<float>, kMaxBeadSide + 1> rows_;
  std::array<std::vector<float>, kMaxBeadSide + 1> summaries_;
  std::array<double, kMaxBeadSide + 1> shifts_{};
};

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_ROW_RING_H_
