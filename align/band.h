// The band of the search: for each source position, the range of target positions the path
// may visit. Memory is the number of cells in the band.
#ifndef TERMALIGN_ALIGN_BAND_H_
#define TERMALIGN_ALIGN_BAND_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace termalign::align {
struct Bead;
}

namespace termalign::align::internal {

struct SideFeatures;

// A Band over the grid of positions (i, j), 0 <= i <= rows, 0 <= j <= columns (i source and j
// target sentences consumed). Row i allows columns [lo[i], hi[i]]; lo and hi never decrease,
// lo[0] == 0 and hi[rows] == columns, so a path from (0, 0) to (rows, columns) always exists.
struct Band {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<std::uint32_t> lo;
  std::vector<std::uint32_t> hi;
  std::vector<std::size_t> offset;  // first cell index of each row; offset[rows + 1] = cells

  bool Contains(std::size_t i, std::size_t j) const {
    return i <= rows && j >= lo[i] && j <= hi[i];
  }
  std::size_t Cell(std::size_t i, std::size_t j) const { return offset[i] + (j - lo[i]); }
  std::size_t cells() const { return offset[rows + 1]; }
};

// Makes lo/hi monotone, clamps them, and fills the offsets.
void FinishBand(Band& band);

// Every cell: for small documents.
Band FullBand(std::size_t rows, std::size_t columns);

// A point of the grid: source sentence i, target sentence j.
struct Point {
  std::size_t i;
  std::size_t j;
};

// Sentence pairs sharing a key found in no other sentence of either side, reduced to the
// longest chain increasing on both sides: likely translations, in order. Between consecutive
// anchors the same is done again with keys that are hapax within that stretch (recursively).
// With `windows`, a long stretch with fewer anchors than pages (its passages repeat) also takes
// pairs of keys held once within a window of about a page along its diagonal, so that any text
// gets anchors every few sentences, and noise lines (SideFeatures::noise) anchor nothing. Time and
// memory are linear in the keys.
std::vector<Point> HapaxAnchors(const SideFeatures& source, const SideFeatures& target,
                                bool windows);

// A band through `anchors` (an increasing chain, see HapaxAnchors), `width` wide around the
// boxes between every other anchor (so that one wrong anchor does no harm), at most `max_width`
// columns per row (then a diagonal strip between the anchors).
Band AnchorBand(const std::vector<Point>& anchors, std::size_t rows, std::size_t columns,
                std::size_t width, std::size_t max_width);

// The cells within `width` columns of a path of beads.
Band PathBand(const std::vector<Bead>& path, std::size_t rows, std::size_t columns,
              std::size_t width);

// True when the path runs along an edge of the band that is not an edge of the grid, which
// means the best path may lie outside; `widened` then gets the band grown by `extra` columns
// on both sides of the rows near the touches, and `touched` the rows where the path touches.
bool WidenWhereTouched(const Band& band, const std::vector<Bead>& path, std::size_t extra,
                       Band* widened, std::vector<std::size_t>* touched);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_BAND_H_
