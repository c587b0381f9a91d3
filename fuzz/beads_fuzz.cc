// Fuzzes the bead line reader (alignment output and gold files): both parsers, the coverage
// check, and the round trip through FormatBeads.
#include <cstdint>
#include <string_view>
#include <vector>

#include "align/beads.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace align = termalign::align;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  termalign::text::Result<std::vector<align::BeadIndices>> lists =
      align::ParseBeadIndices(bytes, "fuzz.beads");
  termalign::text::Result<std::vector<align::Bead>> beads = align::ParseBeads(bytes, "fuzz.beads");
  // Consecutive beads are a subset of index lists: what the strict reader takes, the loose one
  // takes too.
  if (beads.ok() && !lists.ok()) __builtin_trap();
  if (!beads.ok()) return 0;

  (void)align::CheckCoverage(*beads);
  (void)align::CheckCoverage(*beads, beads->size(), beads->size());
  for (const align::Bead& bead : *beads) align::ToIndices(bead);

  // Writing the beads and reading them back gives the same beads.
  termalign::text::Result<std::vector<align::Bead>> again =
      align::ParseBeads(align::FormatBeads(*beads), "fuzz.beads");
  if (!again.ok() || again->size() != beads->size()) __builtin_trap();
  for (std::size_t i = 0; i < beads->size(); ++i) {
    const align::Bead& a = (*beads)[i];
    const align::Bead& b = (*again)[i];
    if (a.source_count != b.source_count || a.target_count != b.target_count ||
        (a.source_count > 0 && a.source_begin != b.source_begin) ||
        (a.target_count > 0 && a.target_begin != b.target_begin)) {
      __builtin_trap();
    }
  }
  return 0;
}
