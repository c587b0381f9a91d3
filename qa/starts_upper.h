// StartsUpper: whether a word begins with a capital letter, for telling names from words.
#ifndef TERMALIGN_QA_STARTS_UPPER_H_
#define TERMALIGN_QA_STARTS_UPPER_H_

#include <string_view>

namespace termalign::qa {

// True for ASCII capitals and the two-byte Latin-1 capitals À-Þ (UTF-8 C3 80-9E, less ×):
// enough for names in en and fr. Scripts without case (Arabic) are never upper case.
inline bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && word.size() > 1) {
    unsigned char d = static_cast<unsigned char>(word[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_STARTS_UPPER_H_
