// Levenshtein edit distance.
#ifndef TERMALIGN_TEXT_EDIT_DISTANCE_H_
#define TERMALIGN_TEXT_EDIT_DISTANCE_H_

#include <cstddef>
#include <string_view>

namespace termalign::text {

// The least number of single-byte insertions, deletions and substitutions that turn `a` into
// `b`. Counts bytes: meant for ASCII strings (command names, Latin consonant skeletons); a
// non-ASCII character counts as its UTF-8 bytes. O(|a| * |b|) time, O(|b|) memory.
std::size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_EDIT_DISTANCE_H_
