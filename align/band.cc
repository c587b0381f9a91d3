#include "band.h"

#include <algorithm>
#include <deque>

#include "align/aligner.h"
#include "sentence_features.h"

namespace termalign::align::internal {

void FinishBand(Band& band) {
  const std::size_t rows = band.rows;
  const auto columns = static_cast<std::uint32_t>(band.columns);
  band.lo.resize(rows + 1);
  band.hi.resize(rows + 1);
  band.lo[0] = 0;
  band.hi[rows] = columns;
  for (std::size_t i = 0; i <= rows; ++i) {
    band.hi[i] = std::min(band.hi[i], columns);
    if (i > 0) band.hi[i] = std::max(band.hi[i], band.hi[i - 1]);
  }
  for (std::size_t i = rows + 1; i-- > 0;) {
    band.lo[i] = std::min(band.lo[i], columns);
    if (i < rows) band.lo[i] = std::min(band.lo[i], band.lo[i + 1]);
    band.lo[i] = std::min(band.lo[i], band.hi[i]);
  }
  // Consecutive rows must overlap (or touch) so that a 1-0 step or a diagonal step exists.
  for (std::size_t i = 1; i <= rows; ++i) {
    if (band.lo[i] > band.hi[i - 1]) band.lo[i] = band.hi[i - 1];
  }
  band.offset.assign(rows + 2, 0);
  for (std::size_t i = 0; i <= rows; ++i) {
    band.offset[i + 1] = band.offset[i] + (band.hi[i] - band.lo[i] + 1);
  }
}

Band FullBand(std::size_t rows, std::size_t columns) {
  Band band;
  band.rows = rows;
  band.columns = columns;
  band.lo.assign(rows + 1, 0);
  band.hi.assign(rows + 1, static_cast<std::uint32_t>(columns));
  FinishBand(band);
  return band;
}

namespace {

// The longest chain of points strictly increasing in both coordinates.
std::vector<Point> LongestChain(std::vector<Point> points) {
  // With equal i sorted by decreasing j, a strictly increasing run of j never takes two points
  // of one row.
  std::sort(points.begin(), points.end(),
            [](const Point& a, const Point& b) { return a.i != b.i ? a.i < b.i : a.j > b.j; });
  std::vector<std::size_t> tails;  // index of the last point of the best chain of each length
  std::vector<std::size_t> parent(points.size(), ~std::size_t{0});
  for (std::size_t k = 0; k < points.size(); ++k) {
    auto it = std::lower_bound(tails.begin(), tails.end(), points[k].j,
                               [&](std::size_t t, std::size_t j) { return points[t].j < j; });
    std::size_t length = static_cast<std::size_t>(it - tails.begin());
    if (length > 0) parent[k] = tails[length - 1];
    if (it == tails.end()) {
      tails.push_back(k);
    } else {
      *it = k;
    }
  }
  std::vector<Point> chain;
  if (tails.empty()) return chain;
  for (std::size_t k = tails.back(); k != ~std::size_t{0}; k = parent[k]) {
    chain.push_back(points[k]);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// Finds the points (s, t) of keys held by exactly one source sentence of a range of rows and
// exactly one target sentence of a range of columns, in time linear in the keys of the ranges.
class RangeHapax {
 public:
  // With `skip_noise`, noise lines (SideFeatures::noise) take no part; foreign sentences
  // (SideFeatures::foreign) never do.
  RangeHapax(const SideFeatures& source, const SideFeatures& target, bool skip_noise)
      : skip_noise_(skip_noise),
        source_(source),
        target_(target),
        source_owner_(KeyIdBound(source, target), kNone),
        target_owner_(source_owner_.size(), kNone) {}

  std::vector<Point> Points(std::size_t s_begin, std::size_t s_end, std::size_t t_begin,
                            std::size_t t_end) {
    touched_.clear();
    // Noise lines anchor nothing: page numbers of different pages of a long document are
    // chance pairs far from the diagonal. Nor do foreign sentences: a passage left in the other
    // side's language shares its words with sentences anywhere on that side.
    for (std::size_t s = s_begin; s < s_end; ++s) {
      if ((skip_noise_ && source_.noise[s]) || source_.foreign[s]) continue;
      ForEachKey(source_, s, [&](std::uint32_t key) {
        std::uint32_t& owner = source_owner_[key];
        if (owner == kNone) {
          owner = static_cast<std::uint32_t>(s);
          touched_.push_back(key);
        } else {
          owner = kMany;
        }
      });
    }
    for (std::size_t t = t_begin; t < t_end; ++t) {
      if ((skip_noise_ && target_.noise[t]) || target_.foreign[t]) continue;
      ForEachKey(target_, t, [&](std::uint32_t key) {
        if (source_owner_[key] == kNone || source_owner_[key] == kMany) return;
        std::uint32_t& owner = target_owner_[key];
        owner = owner == kNone ? static_cast<std::uint32_t>(t) : kMany;
      });
    }
    std::vector<Point> points;
    for (std::uint32_t key : touched_) {
      std::uint32_t s = source_owner_[key], t = target_owner_[key];
      if (s != kMany && t != kNone && t != kMany) points.push_back({s, t});
      source_owner_[key] = target_owner_[key] = kNone;
    }
    return points;
  }

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  static constexpr std::uint32_t kMany = kNone - 1;

  // Calls f once per distinct key of sentence s (its keys are sorted, so repeats are adjacent).
  template <typename F>
  static void ForEachKey(const SideFeatures& side, std::size_t s, F f) {
    std::uint32_t previous = kNone;
    for (std::uint32_t packed : side.Keys(s)) {
      std::uint32_t key = packed >> 6;
      if (key == previous) continue;
      previous = key;
      f(key);
    }
  }

  const bool skip_noise_;
  const SideFeatures& source_;
  const SideFeatures& target_;
  std::vector<std::uint32_t> source_owner_;  // by key: the one sentence holding it, or kMany
  std::vector<std::uint32_t> target_owner_;
  std::vector<std::uint32_t> touched_;
};

// A step between two anchors is plausible when neither side advances more than four times the
// other (plus a few sentences of slack): translations keep their order and length.
bool PlausibleStep(std::size_t from_i, std::size_t from_j, std::size_t to_i, std::size_t to_j) {
  std::size_t di = to_i - from_i, dj = to_j - from_j;
  return std::max(di, dj) <= 4 * std::min(di, dj) + 8;
}

// Keeps the points of `chain` (inside the range whose corner anchors are just before
// (s_begin, t_begin) and at (s_end, t_end)) that make a plausible step with the point before or
// the point after. A chance key shared by a noise line and a far-away sentence yields a point
// both of whose steps are implausible; a real one-sided insertion leaves its two neighbours
// each a plausible step on their other side.
std::vector<Point> DropUnsupported(const std::vector<Point>& chain, std::size_t s_begin,
                                   std::size_t t_begin, std::size_t s_end, std::size_t t_end) {
  std::vector<Point> kept;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    const Point& p = chain[k];
    bool before = k > 0 ? PlausibleStep(chain[k - 1].i, chain[k - 1].j, p.i, p.j)
                        : PlausibleStep(s_begin, t_begin, p.i, p.j);
    bool after = k + 1 < chain.size() ? PlausibleStep(p.i, p.j, chain[k + 1].i, chain[k + 1].j)
                                      : PlausibleStep(p.i, p.j, s_end, t_end);
    if (before || after) kept.push_back(p);
  }
  return kept;
}

// A stretch of the grid: source rows [s_begin, s_end) against target columns [t_begin, t_end).
struct Range {
  std::size_t s_begin, s_end, t_begin, t_end;
};

// Windows of this many source rows look for keys rare within them when a stretch has no key held
// once on each side: a window of about a page, as a page of prose repeats few content words.
constexpr std::size_t kWindowRows = 100;
// A window's target rows reach this many rows beyond where its source rows should land, times one
// more for each window in a row that found nothing (up to kMaxMisses), so that a drift away from
// the diagonal (a one-sided passage) is caught up with.
constexpr std::size_t kWindowSlack = 100;
constexpr std::size_t kMaxMisses = 8;
// A window's anchors count when at least this many keys make an increasing chain: one shared
// key can be chance, and the windows after it follow the last window's anchors.
constexpr std::size_t kMinWindowChain = 3;

// The anchors of a stretch whose passages repeat (a text copied twice, recurring articles or
// refrains have no key held once in the whole stretch): pairs of keys held once within a window
// of kWindowRows source rows and once within the target rows around where those rows should
// land. The windows follow the stretch's diagonal, recentred on the middle anchor of the last
// window that found some. Work: a few passes over the stretch's keys.
std::vector<Point> WindowAnchors(RangeHapax& hapax, const Range& range) {
  const double ratio = static_cast<double>(range.t_end - range.t_begin) /
                       static_cast<double>(range.s_end - range.s_begin);
  double base_i = static_cast<double>(range.s_begin), base_j = static_cast<double>(range.t_begin);
  std::size_t misses = 0;
  std::vector<Point> found;
  for (std::size_t a = range.s_begin; a < range.s_end; a += kWindowRows) {
    const std::size_t b = std::min(range.s_end, a + kWindowRows);
    const double slack = static_cast<double>(kWindowSlack * (1 + misses));
    auto column = [&](double j) {
      return static_cast<std::size_t>(std::clamp(j, static_cast<double>(range.t_begin),
                                                 static_cast<double>(range.t_end)));
    };
    const std::size_t t_lo = column(base_j + (static_cast<double>(a) - base_i) * ratio - slack);
    const std::size_t t_hi = column(base_j + (static_cast<double>(b) - base_i) * ratio + slack);
    std::vector<Point> chain = t_hi > t_lo ? LongestChain(hapax.Points(a, b, t_lo, t_hi))
                                           : std::vector<Point>{};
    if (chain.size() < kMinWindowChain) {
      misses = std::min(misses + 1, kMaxMisses);
      continue;
    }
    misses = 0;
    const Point& middle = chain[chain.size() / 2];
    base_i = static_cast<double>(middle.i);
    base_j = static_cast<double>(middle.j);
    found.insert(found.end(), chain.begin(), chain.end());
  }
  return LongestChain(std::move(found));
}

}  // namespace

std::vector<Point> HapaxAnchors(const SideFeatures& source, const SideFeatures& target,
                                bool windows) {
  // Recursive anchoring: the hapax pairs of the whole document, then, in each stretch between
  // two consecutive anchors, the pairs of keys that are hapax within that stretch, and so on
  // down to stretches narrower than the band around them. Words too frequent to anchor a book
  // often occur once in a page. The work is capped at a few passes over the keys so that a
  // degenerate input (each level peeling off one sentence) stays linear.
  constexpr std::size_t kSmallRange = 4;
  std::size_t budget = 16 * (source.keys.size() + target.keys.size()) + 1024;
  RangeHapax hapax(source, target, /*skip_noise=*/windows);
  std::vector<Point> anchors;
  // Breadth first: when the budget runs out, only the smallest stretches go without anchors.
  std::deque<Range> pending = {{0, source.size(), 0, target.size()}};
  while (!pending.empty()) {
    Range range = pending.front();
    pending.pop_front();
    if (range.s_end - range.s_begin < 2 || range.t_end - range.t_begin < 2) continue;
    if (range.s_end - range.s_begin <= kSmallRange && range.t_end - range.t_begin <= kSmallRange) {
      continue;
    }
    std::size_t work = (source.key_begin[range.s_end] - source.key_begin[range.s_begin]) +
                       (target.key_begin[range.t_end] - target.key_begin[range.t_begin]);
    if (work > budget) continue;
    budget -= work;
    std::vector<Point> points =
        LongestChain(hapax.Points(range.s_begin, range.s_end, range.t_begin, range.t_end));
    // Fewer anchors than windows: the stretch's passages repeat, and the few keys held once
    // in it may be chance pairs far from the diagonal (a name in one copy of a passage, a
    // number in another). The windows' anchors then make most of the chain, which keeps only
    // the hapax pairs that agree with them.
    const std::size_t stretch_rows = range.s_end - range.s_begin;
    if (windows && stretch_rows > 2 * kWindowRows &&
        points.size() * kWindowRows < stretch_rows) {
      std::vector<Point> windows = WindowAnchors(hapax, range);
      // The windows read the stretch's keys about 1 + 3 * ratio times over.
      budget -= std::min(budget, 3 * work);
      if (windows.size() > points.size()) {
        windows.insert(windows.end(), points.begin(), points.end());
        points = LongestChain(std::move(windows));
      }
    }
    std::vector<Point> chain =
        DropUnsupported(points, range.s_begin, range.t_begin, range.s_end, range.t_end);
    if (chain.empty()) continue;
    std::size_t s = range.s_begin, t = range.t_begin;
    for (const Point& p : chain) {
      pending.push_back({s, p.i, t, p.j});
      s = p.i + 1;
      t = p.j + 1;
    }
    pending.push_back({s, range.s_end, t, range.t_end});
    anchors.insert(anchors.end(), chain.begin(), chain.end());
  }
  // The chains of disjoint, ordered ranges form one increasing chain.
  std::sort(anchors.begin(), anchors.end(),
            [](const Point& a, const Point& b) { return a.i < b.i; });
  return anchors;
}

Band AnchorBand(const std::vector<Point>& chain, std::size_t rows, std::size_t columns,
                std::size_t width, std::size_t max_width) {
  // Anchor (i, j) says the path passes near cell (i, j) .. (i + 1, j + 1); the corners frame
  // the chain.
  std::vector<Point> anchors;
  anchors.push_back({0, 0});
  for (const Point& p : chain) anchors.push_back({p.i, p.j});
  anchors.push_back({rows, columns});

  Band band;
  band.rows = rows;
  band.columns = columns;
  band.lo.assign(rows + 1, static_cast<std::uint32_t>(columns));
  band.hi.assign(rows + 1, 0);
  // Boxes between anchors k-1 and k+1 (skipping one anchor tolerates one wrong anchor).
  for (std::size_t k = 0; k + 1 < anchors.size(); ++k) {
    const Point& a = anchors[k];
    const Point& b = anchors[std::min(k + 2, anchors.size() - 1)];
    std::size_t lo_j = a.j > width ? a.j - width : 0;
    std::size_t hi_j = std::min(columns, b.j + 1 + width);
    std::size_t first = a.i, last = std::min(rows, b.i + 1);
    for (std::size_t i = first; i <= last; ++i) {
      std::size_t row_lo = lo_j, row_hi = hi_j;
      if (row_hi - row_lo > max_width) {
        // Too wide: a strip along the straight line between the anchors.
        double t = b.i > a.i ? static_cast<double>(i - a.i) / static_cast<double>(b.i - a.i)
                             : 0.0;
        auto centre = static_cast<std::size_t>(static_cast<double>(a.j) +
                                               t * static_cast<double>(b.j - a.j));
        std::size_t half = max_width / 2;
        row_lo = std::max(lo_j, centre > half ? centre - half : 0);
        row_hi = std::min(hi_j, centre + half);
      }
      band.lo[i] = std::min<std::uint32_t>(band.lo[i], static_cast<std::uint32_t>(row_lo));
      band.hi[i] = std::max<std::uint32_t>(band.hi[i], static_cast<std::uint32_t>(row_hi));
    }
  }
  FinishBand(band);
  return band;
}

Band PathBand(const std::vector<Bead>& path, std::size_t rows, std::size_t columns,
              std::size_t width) {
  Band band;
  band.rows = rows;
  band.columns = columns;
  band.lo.assign(rows + 1, static_cast<std::uint32_t>(columns));
  band.hi.assign(rows + 1, 0);
  auto mark = [&](std::size_t i, std::size_t j) {
    auto lo = static_cast<std::uint32_t>(j > width ? j - width : 0);
    auto hi = static_cast<std::uint32_t>(std::min(columns, j + width));
    band.lo[i] = std::min(band.lo[i], lo);
    band.hi[i] = std::max(band.hi[i], hi);
  };
  mark(0, 0);
  for (const Bead& bead : path) {
    std::size_t i = bead.source_begin, j = bead.target_begin;
    for (std::size_t a = 0; a <= bead.source_count; ++a) {
      for (std::size_t b = 0; b <= bead.target_count; ++b) mark(i + a, j + b);
    }
  }
  mark(rows, columns);
  FinishBand(band);
  return band;
}

bool WidenWhereTouched(const Band& band, const std::vector<Bead>& path, std::size_t extra,
                       Band* widened, std::vector<std::size_t>* touched_rows) {
  std::vector<std::size_t>& touched = *touched_rows;
  touched.clear();
  for (const Bead& bead : path) {
    std::size_t i = bead.source_begin + bead.source_count;
    std::size_t j = bead.target_begin + bead.target_count;
    bool at_lo = j == band.lo[i] && band.lo[i] > 0;
    bool at_hi = j == band.hi[i] && band.hi[i] < band.columns;
    if (at_lo || at_hi) touched.push_back(i);
  }
  if (touched.empty()) return false;
  *widened = band;
  std::vector<std::int64_t> delta(band.rows + 2, 0);  // rows to widen, as a difference array
  for (std::size_t i : touched) {
    std::size_t from = i > extra ? i - extra : 0;
    std::size_t to = std::min(band.rows, i + extra);
    ++delta[from];
    --delta[to + 1];
  }
  std::int64_t active = 0;
  for (std::size_t i = 0; i <= band.rows; ++i) {
    active += delta[i];
    if (active <= 0) continue;
    widened->lo[i] = widened->lo[i] > extra ? widened->lo[i] - static_cast<std::uint32_t>(extra)
                                            : 0;
    widened->hi[i] = static_cast<std::uint32_t>(
        std::min<std::size_t>(band.columns, widened->hi[i] + extra));
  }
  FinishBand(*widened);
  return true;
}

}  // namespace termalign::align::internal
