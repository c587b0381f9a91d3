// Private helpers over ICU for the text library: code points at byte offsets, character classes.
// Not a public header: ICU types stay inside text/.
#ifndef TERMALIGN_TEXT_UNICODE_UTIL_H_
#define TERMALIGN_TEXT_UNICODE_UTIL_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace termalign::text::internal {

// The code point starting at byte `pos` (valid UTF-8 assumed; a bad byte gives U+FFFD), and
// the offset of the next one in `*next`. `pos` must be < s.size().
inline UChar32 CodePointAt(std::string_view s, std::size_t pos, std::size_t* next) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), i,
                  static_cast<int32_t>(s.size()), c);
  if (next != nullptr) *next = static_cast<std::size_t>(i);
  return c;
}

// The code point ending just before byte `pos` (pos > 0), its start in `*start`.
inline UChar32 CodePointBefore(std::string_view s, std::size_t pos, std::size_t* start) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  if (start != nullptr) *start = static_cast<std::size_t>(i);
  return c;
}

inline bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }
inline bool IsUpper(UChar32 c) { return u_isUUppercase(c) || u_istitle(c); }
inline bool IsLower(UChar32 c) { return u_isULowercase(c); }
inline bool IsLetter(UChar32 c) { return u_isUAlphabetic(c) && !u_isdigit(c); }
inline bool IsArabicLetter(UChar32 c) {
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
         (c >= 0x06FA && c <= 0x06FC) || (c >= 0x0750 && c <= 0x077F);
}

// Appends the UTF-8 encoding of `c`.
inline void AppendUtf8(std::string* out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buffer), length, c);
  out->append(buffer, static_cast<std::size_t>(length));
}

// Byte offset of the first non-space character at or after `pos`, up to `end`.
inline std::size_t SkipSpaces(std::string_view s, std::size_t pos, std::size_t end) {
  while (pos < end) {
    std::size_t next;
    if (!IsSpace(CodePointAt(s, pos, &next))) break;
    pos = next;
  }
  return pos;
}

// Byte offset just after the last non-space character before `pos`, down to `begin`.
inline std::size_t TrimSpacesBack(std::string_view s, std::size_t begin, std::size_t pos) {
  while (pos > begin) {
    std::size_t start;
    if (!IsSpace(CodePointBefore(s, pos, &start))) break;
    pos = start;
  }
  return pos;
}

}  // namespace termalign::text::internal

#endif  // TERMALIGN_TEXT_UNICODE_UTIL_H_
