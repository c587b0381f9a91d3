#include "search.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#include "row_ring.h"

namespace termalign::align::internal {
namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Backpointer byte: for the matched state, (type index << 2) | previous state; for the gap
// states, the previous state. kNone marks an unreachable cell.
constexpr std::uint8_t kNone = 0xFF;

}  // namespace

std::vector<Bead> BestPath(CostModel& model, const Band& band) {
  return BestPathBetween(model, band, {0, 0}, {band.rows, band.columns});
}

std::vector<Bead> BestPathBetween(CostModel& model, const Band& band, Point start, Point end) {
  model.SetBand(band);
  const CostParams& p = model.params();
  const auto open = static_cast<float>(p.gap_open), extend = static_cast<float>(p.gap_extend);
  // Back pointers of the rows start.i .. end.i only.
  const std::size_t first_cell = band.offset[start.i];
  std::vector<std::uint8_t> back(3 * (band.offset[end.i + 1] - first_cell), kNone);
  auto back_at = [&](std::size_t i, std::size_t j) {
    return &back[3 * (band.Cell(i, j) - first_cell)];
  };
  RowRing</*kLogSums=*/false> ring(band);

  for (std::size_t i = start.i; i <= end.i; ++i) {
    for (std::size_t s = i >= kMaxBeadSide ? i - kMaxBeadSide : 0; s < i; ++s) model.Prepare(s);
    const double shift = i > start.i ? ring.Shift(i - 1) : 0.0;
    float* row = ring.Row(i, shift);
    const std::size_t lo = band.lo[i], hi = band.hi[i];
    // above[n]: row i - n, where the beads with n source sentences ending in row i start.
    std::array<RowRing<false>::View, kMaxBeadSide + 1> above{};
    for (std::size_t n = 1; n <= std::min<std::size_t>(kMaxBeadSide, i - start.i); ++n) {
      above[n] = ring.ViewRelative(i - n, shift);
    }
    for (std::size_t j = lo; j <= hi; ++j) {
      float* cell = row + 3 * (j - lo);
      std::uint8_t* bp = back_at(i, j);
      if (i == start.i && j == start.j) {
        cell[kMatched] = 0.0f;
        bp[kMatched] = kMatched;
        continue;
      }
      if (j < start.j) continue;  // not reachable from the start
      // Matched beads ending here.
      for (std::size_t t = 0; t < kMatchTypes.size(); ++t) {
        const auto [n, m] = kMatchTypes[t];
        if (static_cast<std::size_t>(n) > i - start.i || static_cast<std::size_t>(m) > j) continue;
        const RowRing<false>::View& from = above[n];
        const std::size_t pi = i - n, pj = j - m;
        if (pj < from.lo || pj > from.hi) continue;
        // Rounding is monotone: the least state plus the offset is the least of the sums.
        const float best_prev = from.summaries[pj - from.lo] + from.offset;
        if (best_prev == kInfinity) continue;
        float v = best_prev + static_cast<float>(model.Match(
                                  pi, n, pj, m, static_cast<double>(cell[kMatched] - best_prev)));
        if (v < cell[kMatched]) {
          const float* previous = from.values + 3 * (pj - from.lo);
          int best_state = 0;  // the first state reaching the least, as a scan would pick
          while (best_state + 1 < kStates && previous[best_state] + from.offset != best_prev) {
            ++best_state;
          }
          cell[kMatched] = v;
          bp[kMatched] = static_cast<std::uint8_t>((t << 2) | best_state);
        }
      }
      // An unmatched source sentence: from (i - 1, j).
      if (i > start.i && j >= above[1].lo && j <= above[1].hi) {
        const float* up = above[1].values + 3 * (j - above[1].lo);
        const float offset = above[1].offset;
        const float from[3] = {up[kMatched] + offset + open + extend,
                               up[kSourceGap] + offset + extend,
                               up[kTargetGap] + offset + open + extend};
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
    ring.Normalize(i);
    ring.Summarize(i, [](float a, float b, float c) { return std::min({a, b, c}); });
  }

  // Trace back from the end; inside the grid the path must reach `end` by a matched bead,
  // because the path it is spliced into leaves `end` from that state.
  std::vector<Bead> path;
  std::size_t i = end.i, j = end.j;
  int state = kMatched;
  float best = kInfinity;
  const bool grid_end = end.i == band.rows && end.j == band.columns;
  for (int st = 0; st < (grid_end ? kStates : 1); ++st) {
    float v = ring.At(i, j, st);
    if (v < best) {
      best = v;
      state = st;
    }
  }
  if (best == kInfinity) return path;  // no path: only for start and end the band cannot join
  while (i > start.i || j > start.j) {
    std::uint8_t bp = back_at(i, j)[state];
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

std::vector<Bead> ResearchAround(CostModel& model, const Band& band, const std::vector<Bead>& path,
                                 std::vector<std::size_t> rows, std::size_t margin) {
  // Boundary k of the path is the cell after its first k beads. A stretch may start or end at a
  // boundary reached by a matched bead, or at either end of the grid.
  auto at = [&](std::size_t k) -> Point {
    if (k == 0) return {0, 0};
    const Bead& bead = path[k - 1];
    return {bead.source_begin + bead.source_count, bead.target_begin + bead.target_count};
  };
  auto usable = [&](std::size_t k) { return k == 0 || k == path.size() || path[k - 1].matched(); };

  std::sort(rows.begin(), rows.end());
  std::vector<Bead> result;
  std::size_t copied = 0;  // beads [0, copied) of `path` are settled
  for (std::size_t r = 0; r < rows.size();) {
    std::size_t from_row = rows[r] > margin ? rows[r] - margin : 0;
    std::size_t to_row = rows[r] + margin;
    while (++r < rows.size() && rows[r] <= to_row + margin) to_row = rows[r] + margin;
    std::size_t a = copied;
    for (std::size_t k = copied; k <= path.size() && at(k).i <= from_row; ++k) {
      if (usable(k)) a = k;
    }
    std::size_t b = path.size();
    for (std::size_t k = a + 1; k <= path.size(); ++k) {
      if (at(k).i >= to_row && usable(k)) {
        b = k;
        break;
      }
    }
    std::vector<Bead> stretch = BestPathBetween(model, band, at(a), at(b));
    result.insert(result.end(), path.begin() + static_cast<std::ptrdiff_t>(copied),
                  path.begin() + static_cast<std::ptrdiff_t>(a));
    if (stretch.empty()) {  // cannot happen inside a widening; keep the old beads
      result.insert(result.end(), path.begin() + static_cast<std::ptrdiff_t>(a),
                    path.begin() + static_cast<std::ptrdiff_t>(b));
    } else {
      result.insert(result.end(), stretch.begin(), stretch.end());
    }
    copied = b;
    if (copied == path.size()) break;
  }
  result.insert(result.end(), path.begin() + static_cast<std::ptrdiff_t>(copied), path.end());
  return result;
}

}  // namespace termalign::align::internal
