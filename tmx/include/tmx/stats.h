// Counting what a TMX file holds: units, languages, words, duplicates.
#ifndef TERMALIGN_TMX_STATS_H_
#define TERMALIGN_TMX_STATS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::tmx {

// Segments and words of one language. Words are runs of characters between white space.
struct LanguageStats {
  std::string lang;
  std::size_t segments = 0;
  std::size_t words = 0;
};

struct TmxStats {
  std::string srclang;
  std::string encoding;
  std::size_t units = 0;
  std::vector<LanguageStats> languages;  // in order of first appearance
  std::size_t duplicate_units = 0;       // units whose every variant equals an earlier unit's
  std::size_t repeated_sources = 0;      // units whose source segment (in the unit's own
                                         // srclang, else the header's) an earlier unit has
  std::vector<std::string> warnings;     // from reading
};

// Reads `path` and counts. Fails with kIo/kParse as TmxReader::Open.
text::Result<TmxStats> ComputeStats(const std::string& path);

// The number of white-space separated words of UTF-8 `text` (ASCII white space, U+00A0 and the
// other Unicode space separators count as white space).
std::size_t CountWords(std::string_view text);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_STATS_H_
