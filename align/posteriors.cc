// Forward-backward over the band: bead posteriors, the aligner's confidence.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "row_ring.h"
#include "search.h"
#include "two_threads.h"

namespace termalign::align::internal {
namespace {

constexpr float kMinusInfinity = -std::numeric_limits<float>::infinity();
constexpr float kNegligible = 25.0f;

// log(1 + e^-d) for d in [0, kNegligible], tabulated: LogAdd runs for every cell and bead type.
// The steps are fine because linear interpolation of a convex function errs always upwards and
// the errors add up along the document (at 1024 steps, 0.03 per 1000 rows).
constexpr int kSoftplusSteps = 16384;
const std::array<float, kSoftplusSteps + 2>& SoftplusTable() {
  static const std::array<float, kSoftplusSteps + 2> table = [] {
    std::array<float, kSoftplusSteps + 2> values{};
    for (int k = 0; k < kSoftplusSteps + 2; ++k) {
      values[k] = static_cast<float>(std::log1p(std::exp(-k * double{kNegligible} / kSoftplusSteps)));
    }
    return values;
  }();
  return table;
}

inline float LogAdd(float a, float b) {
  if (a < b) std::swap(a, b);
  float d = a - b;  // infinite when b is minus infinity, NaN only if a is too
  if (!(d < kNegligible)) return a;
  static const std::array<float, kSoftplusSteps + 2>& table = SoftplusTable();
  float at = d * (kSoftplusSteps / kNegligible);
  auto k = static_cast<int>(at);
  float f = at - static_cast<float>(k);
  // The small term is summed first: added to a large `a` on its own it would round away.
  return a + (table[k] + f * (table[k + 1] - table[k]));
}

// The state a bead leaves the search in.
int StateAfter(const Bead& bead) {
  if (bead.target_count == 0) return kSourceGap;
  if (bead.source_count == 0) return kTargetGap;
  return kMatched;
}

// The scaled step costs of the search, shared by both directions.
struct Steps {
  float scale;
  float source_step[3];  // an unmatched source sentence, by previous state
  float target_step[3];  // an unmatched target sentence, by previous state
};

Steps MakeSteps(const CostParams& p, double temperature) {
  Steps steps;
  steps.scale = static_cast<float>(1.0 / temperature);
  const float open = static_cast<float>(p.gap_open) * steps.scale;
  const float extend = static_cast<float>(p.gap_extend) * steps.scale;
  const float source[3] = {open + extend, extend, open + extend};
  const float target[3] = {open + extend, open + extend, extend};
  std::copy(source, source + 3, steps.source_step);
  std::copy(target, target + 3, steps.target_step);
  return steps;
}

// A stretch of a path: its beads [first, last), which start at `start` and end at `end` (two
// cells of the band, `start` the origin or reached by a matched bead, `end` the grid's end or
// left by one). Sums over the stretch count the paths from `start` to `end` only.
struct Stretch {
  std::size_t first;
  std::size_t last;
  Point start;
  Point end;
  bool grid_end;  // `end` is (rows, columns): the path may reach it in any state
};

// Forward: the log sum over all paths from the stretch's start into each cell, row by row in a
// ring; keeps the values at the start of every bead of the stretch (at_start[k - first] for bead
// k), and returns the total at its end.
double Forward(CostModel& model, const Band& band, const std::vector<Bead>& path,
               const Stretch& stretch, const Steps& steps,
               std::vector<std::array<double, kStates>>& at_start) {
  model.SetBand(band);
  const float scale = steps.scale;
  const Point start = stretch.start, end = stretch.end;
  RowRing</*kLogSums=*/true> alpha(band);
  std::array<std::vector<float>, kMaxBeadSide + 1> starts;  // see below
  std::size_t next = stretch.first;  // the first bead whose start is not recorded yet
  for (std::size_t i = start.i; i <= end.i; ++i) {
    for (std::size_t s = i - start.i >= kMaxBeadSide ? i - kMaxBeadSide : start.i; s < i; ++s) {
      model.Prepare(s);
    }
    const double shift = i > start.i ? alpha.Shift(i - 1) : 0.0;
    float* row = alpha.Row(i, shift);
    // above[n]: row i - n, where the beads with n source sentences ending in row i start.
    std::array<RowRing<true>::View, kMaxBeadSide + 1> above{};
    for (std::size_t n = 1; n <= std::min<std::size_t>(kMaxBeadSide, i - start.i); ++n) {
      above[n] = alpha.ViewRelative(i - n, shift);
      // The log sum of the three states of each cell of row i - n, relative to this row's
      // shift: every bead of n source sentences starting there reads it.
      const RowRing<true>::View& from = above[n];
      starts[n].resize(from.hi - from.lo + 1);
      for (std::size_t k = 0; k < starts[n].size(); ++k) {
        float sum = kMinusInfinity;
        for (int st = 0; st < kStates; ++st) sum = LogAdd(sum, from.values[3 * k + st] + from.offset);
        starts[n][k] = sum;
      }
    }
    for (std::size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
      float* cell = row + 3 * (j - band.lo[i]);
      if (i == start.i && j == start.j) {
        cell[kMatched] = 0.0f;
        continue;
      }
      if (j < start.j) continue;  // not reachable from the start
      for (const BeadType& type : kMatchTypes) {
        if (static_cast<std::size_t>(type.n) > i - start.i || static_cast<std::size_t>(type.m) > j) {
          continue;
        }
        const RowRing<true>::View& from = above[type.n];
        const std::size_t pi = i - type.n, pj = j - type.m;
        if (pj < from.lo || pj > from.hi) continue;
        const float prev = starts[type.n][pj - from.lo];
        if (prev == kMinusInfinity) continue;
        // A bead whose share of the sum would be below e^-kNegligible is left out.
        float cost = static_cast<float>(model.Match(
                         pi, type.n, pj, type.m,
                         static_cast<double>((prev - cell[kMatched] + kNegligible) / scale))) *
                     scale;
        cell[kMatched] = LogAdd(cell[kMatched], prev - cost);
      }
      if (i > start.i && j >= above[1].lo && j <= above[1].hi) {
        const float* up = above[1].values + 3 * (j - above[1].lo);
        for (int st = 0; st < kStates; ++st) {
          cell[kSourceGap] =
              LogAdd(cell[kSourceGap], up[st] + above[1].offset - steps.source_step[st]);
        }
      }
      if (j > band.lo[i]) {
        for (int st = 0; st < kStates; ++st) {
          cell[kTargetGap] = LogAdd(cell[kTargetGap], (cell - 3)[st] - steps.target_step[st]);
        }
      }
    }
    alpha.Normalize(i);
    for (; next < stretch.last && path[next].source_begin == i; ++next) {
      for (int st = 0; st < kStates; ++st) {
        at_start[next - stretch.first][st] =
            alpha.At(i, path[next].target_begin, st) + alpha.Shift(i);
      }
    }
  }
  float total = kMinusInfinity;
  for (int st = 0; st < (stretch.grid_end ? kStates : 1); ++st) {
    total = LogAdd(total, alpha.At(end.i, end.j, st));
  }
  return total + alpha.Shift(end.i);
}

// Backward: the log sum over all paths from each cell to the stretch's end, row by row from the
// last; keeps, for every bead of the stretch, the value after it and its own cost by previous
// state (indexed as at_start).
void Backward(CostModel& model, const Band& band, const std::vector<Bead>& path,
              const Stretch& stretch, const Steps& steps, std::vector<double>& after_end,
              std::vector<std::array<float, kStates>>& bead_cost) {
  model.SetBand(band);
  const float scale = steps.scale;
  const Point start = stretch.start, end = stretch.end;
  RowRing</*kLogSums=*/true> beta(band);
  std::size_t next = stretch.last;  // beads [next, last) are done
  for (std::size_t i = end.i + 1; i-- > start.i;) {
    for (std::size_t s = std::min(end.i, i + kMaxBeadSide); s-- > i;) model.Prepare(s);
    const double shift = i < end.i ? beta.Shift(i + 1) : 0.0;
    float* row = beta.Row(i, shift);
    // below[n]: row i + n, where the beads with n source sentences starting in row i end.
    std::array<RowRing<true>::View, kMaxBeadSide + 1> below{};
    for (std::size_t n = 1; n <= std::min<std::size_t>(kMaxBeadSide, end.i - i); ++n) {
      below[n] = beta.ViewRelative(i + n, shift);
    }
    for (std::size_t j = band.hi[i] + 1; j-- > band.lo[i];) {
      float* cell = row + 3 * (j - band.lo[i]);
      if (i == end.i && j == end.j) {
        // Inside the grid the path leaves the stretch after a matched bead.
        for (int st = 0; st < kStates; ++st) {
          cell[st] = stretch.grid_end || st == kMatched ? 0.0f : kMinusInfinity;
        }
        continue;
      }
      if (j > end.j) continue;  // the end is not reachable
      float matched = kMinusInfinity;
      for (const BeadType& type : kMatchTypes) {
        if (i + type.n > end.i) continue;
        const std::size_t nj = j + type.m;
        float after = below[type.n].At(nj, kMatched);
        if (after == kMinusInfinity) continue;
        float cost = static_cast<float>(model.Match(
                         i, type.n, j, type.m,
                         static_cast<double>((after - matched + kNegligible) / scale))) *
                     scale;
        matched = LogAdd(matched, after - cost);
      }
      float down = i < end.i ? below[1].At(j, kSourceGap) : kMinusInfinity;
      float right = j < band.hi[i] ? (cell + 3)[kTargetGap] : kMinusInfinity;
      for (int st = 0; st < kStates; ++st) {
        cell[st] = LogAdd(matched,
                          LogAdd(down - steps.source_step[st], right - steps.target_step[st]));
      }
    }
    beta.Normalize(i);
    // Path beads starting in this row: their ends are in this row or later ones, all done, and
    // their source sentences are prepared.
    while (next > stretch.first && path[next - 1].source_begin == i) {
      const Bead& bead = path[--next];
      const std::size_t j = bead.target_begin;
      const std::size_t end_row = i + bead.source_count;
      after_end[next - stretch.first] =
          beta.At(end_row, j + bead.target_count, StateAfter(bead)) + beta.Shift(end_row);
      if (bead.matched()) {
        bead_cost[next - stretch.first].fill(static_cast<float>(model.Match(
                                 i, static_cast<int>(bead.source_count), j,
                                 static_cast<int>(bead.target_count))) *
                             scale);
      } else {
        for (int st = 0; st < kStates; ++st) {
          bead_cost[next - stretch.first][st] =
              bead.target_count == 0 ? steps.source_step[st] : steps.target_step[st];
        }
      }
    }
  }
}

// Bands smaller than this are not worth a second thread (starting one costs about what 100
// cells do).
constexpr std::size_t kParallelCells = 10'000;

}  // namespace

namespace {

// Fills posteriors[k] for the beads k of `stretch`: the forward and backward sums (on two
// threads when `parallel`, the second with its own copy of the model, which caches masks and is
// not thread-safe), then each bead's share of the total.
void StretchPosteriors(CostModel& model, const Band& band, const std::vector<Bead>& path,
                       const Stretch& stretch, const Steps& steps, bool parallel,
                       std::vector<double>& posteriors) {
  const std::size_t count = stretch.last - stretch.first;
  std::vector<std::array<double, kStates>> at_start(count);
  std::vector<std::array<float, kStates>> bead_cost(count);
  std::vector<double> after_end(count, kMinusInfinity);
  double total;
  if (parallel) {
    CostModel backward_model = model;
    RunBoth(
        true, [&] { total = Forward(model, band, path, stretch, steps, at_start); },
        [&] { Backward(backward_model, band, path, stretch, steps, after_end, bead_cost); });
  } else {
    total = Forward(model, band, path, stretch, steps, at_start);
    Backward(model, band, path, stretch, steps, after_end, bead_cost);
  }
  for (std::size_t k = 0; k < count; ++k) {
    // Relative to the largest term, so that the float LogAdd sees small numbers.
    double top = -std::numeric_limits<double>::infinity();
    for (int st = 0; st < kStates; ++st) top = std::max(top, at_start[k][st] - bead_cost[k][st]);
    if (top == -std::numeric_limits<double>::infinity()) continue;
    float through = kMinusInfinity;
    for (int st = 0; st < kStates; ++st) {
      through = LogAdd(through, static_cast<float>(at_start[k][st] - bead_cost[k][st] - top));
    }
    double log_posterior = top + through + after_end[k] - total;
    posteriors[stretch.first + k] = std::clamp(std::exp(log_posterior), 0.0, 1.0);
  }
}

}  // namespace

std::vector<double> PathPosteriors(CostModel& model, const Band& band,
                                   const std::vector<Bead>& path, double temperature,
                                   bool parallel) {
  const Steps steps = MakeSteps(model.params(), temperature);
  std::vector<double> posteriors(path.size(), 0.0);
  const Stretch whole{0, path.size(), {0, 0}, {band.rows, band.columns}, true};
  StretchPosteriors(model, band, path, whole, steps,
                    parallel && band.cells() >= kParallelCells, posteriors);
  return posteriors;
}

std::vector<double> SampledPathPosteriors(CostModel& model, const Band& band,
                                          const std::vector<Bead>& path, double temperature,
                                          const std::vector<std::pair<std::size_t, std::size_t>>& windows,
                                          std::size_t context, bool parallel) {
  const Steps steps = MakeSteps(model.params(), temperature);
  std::vector<double> posteriors(path.size(), 0.0);
  // Boundary k of the path is the cell after its first k beads; a stretch starts and ends at a
  // boundary reached by a matched bead, or at an end of the grid.
  auto at = [&](std::size_t k) -> Point {
    if (k == 0) return {0, 0};
    const Bead& bead = path[k - 1];
    return {bead.source_begin + bead.source_count, bead.target_begin + bead.target_count};
  };
  auto usable = [&](std::size_t k) { return k == 0 || k == path.size() || path[k - 1].matched(); };
  std::vector<Stretch> stretches;
  for (const auto& [begin, end] : windows) {
    std::size_t first = begin > context ? begin - context : 0;
    while (!usable(first)) --first;
    std::size_t last = std::min(path.size(), end + context);
    while (!usable(last)) ++last;
    stretches.push_back({first, last, at(first), at(last), last == path.size()});
  }
  // Each stretch's sums condition on the path passing through its two ends, which bends the
  // posteriors near them: only the beads of the window, `context` beads inside, are kept.
  auto run = [&](CostModel& own, std::size_t from, std::size_t step,
                 std::vector<double>& out) {
    for (std::size_t w = from; w < stretches.size(); w += step) {
      StretchPosteriors(own, band, path, stretches[w], steps, false, out);
    }
  };
  std::vector<double> second(path.size(), 0.0);
  CostModel other = model;
  RunBoth(parallel, [&] { run(model, 0, 2, posteriors); }, [&] { run(other, 1, 2, second); });
  std::vector<double> kept(path.size(), 0.0);
  for (std::size_t w = 0; w < windows.size(); ++w) {
    const std::vector<double>& from = w % 2 == 0 ? posteriors : second;
    for (std::size_t k = windows[w].first; k < windows[w].second && k < path.size(); ++k) {
      kept[k] = from[k];
    }
  }
  return kept;
}

}  // namespace termalign::align::internal
