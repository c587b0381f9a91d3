#include "band.h"

#include <algorithm>
#include <unordered_map>

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

// For each key id, the only sentence holding it, or kMany.
constexpr std::uint32_t kMany = ~std::uint32_t{0};
std::unordered_map<std::uint32_t, std::uint32_t> HapaxKeys(const SideFeatures& side) {
  std::unordered_map<std::uint32_t, std::uint32_t> owner;
  for (std::size_t s = 0; s < side.size(); ++s) {
    std::uint32_t previous = kMany;
    for (std::uint32_t packed : side.Keys(s)) {
      std::uint32_t key = packed >> 6;
      if (key == previous) continue;
      previous = key;
      auto [it, added] = owner.emplace(key, static_cast<std::uint32_t>(s));
      if (!added) it->second = kMany;
    }
  }
  return owner;
}

}  // namespace

std::vector<Point> HapaxAnchors(const SideFeatures& source, const SideFeatures& target) {
  std::unordered_map<std::uint32_t, std::uint32_t> source_owner = HapaxKeys(source);
  std::unordered_map<std::uint32_t, std::uint32_t> target_owner = HapaxKeys(target);
  std::vector<Point> points;
  for (const auto& [key, s] : source_owner) {
    if (s == kMany) continue;
    auto found = target_owner.find(key);
    if (found == target_owner.end() || found->second == kMany) continue;
    points.push_back({s, found->second});
  }
  return LongestChain(std::move(points));
}

Band AnchorBand(const SideFeatures& source, const SideFeatures& target, std::size_t width,
                std::size_t max_width) {
  const std::size_t rows = source.size(), columns = target.size();
  std::vector<Point> chain = HapaxAnchors(source, target);
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
                       Band* widened) {
  std::vector<std::size_t> touched;
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
