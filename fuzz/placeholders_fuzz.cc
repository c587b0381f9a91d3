// Fuzzes the placeholder and tag search and the checks of units on arbitrary bytes: the input,
// cut at its first NUL byte, is a unit's source and target.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qa/placeholders.h"
#include "qa/segment_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace qa = termalign::qa;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t previous = 0;
  for (const qa::Placeholder& found : qa::FindPlaceholders(bytes)) {
    // Spans inside the input, in order, never empty.
    if (found.begin < previous || found.begin >= found.end || found.end > size) __builtin_trap();
    if (found.key.empty()) __builtin_trap();
    previous = found.begin;
  }
  std::size_t cut = bytes.find('\0');
  std::vector<qa::Segment> segments(1);
  segments[0].source.text = std::string(bytes.substr(0, cut));
  if (cut != std::string_view::npos) segments[0].target.text = std::string(bytes.substr(cut + 1));
  // A code at every '|' of each side, its span the next byte when a '^' follows.
  for (termalign::text::TaggedText* side : {&segments[0].source, &segments[0].target}) {
    for (std::size_t i = 0; i < side->text.size(); ++i) {
      if (side->text[i] != '|') continue;
      // Built whole: assigning the name afterwards trips a false -Wrestrict in GCC 12.
      std::size_t length = i + 1 < side->text.size() && side->text[i + 1] == '^' ? 2 : 0;
      side->codes.push_back({termalign::text::CodeRole::kStandalone, std::string(1, 'x'), {}, i, length});
    }
  }
  termalign::align::Alignment alignment;
  alignment.beads.resize(1);
  for (std::string_view lang : {"fr", "ar", "en"}) {
    qa::UnitsInput in{segments, alignment, "en", lang};
    qa::CheckEmptyTargets(in);
    qa::CheckTags(in);
    qa::CheckPlaceholders(in);
    qa::CheckEdgeSpaces(in);
    qa::CheckDoubleSpaces(in);
    qa::CheckEndPunctuation(in);
  }
  return 0;
}
