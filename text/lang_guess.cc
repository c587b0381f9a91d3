// Language guess by script, then by English and French function words.
#include "text/lang_guess.h"

#include <algorithm>
#include <string>

#include "text/fold.h"
#include "text/stop_words.h"
#include "unicode_util.h"

namespace termalign::text {

std::string GuessLanguage(std::string_view text) {
  constexpr std::size_t kWindow = 64 * 1024;
  if (text.size() > kWindow) {
    // Cut on a character boundary.
    std::size_t cut = kWindow;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::size_t arabic = 0, latin = 0;
  std::size_t english = 0, french = 0;
  std::string word;
  auto count_word = [&] {
    if (word.empty()) return;
    std::string folded = FoldForMatch(word);
    bool en = IsStopWord(folded, "en"), fr = IsStopWord(folded, "fr");
    if (en && !fr) ++english;
    if (fr && !en) ++french;
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    UChar32 c = internal::CodePointAt(text, i, &next);
    if (internal::IsArabicLetter(c)) ++arabic;
    if (internal::IsLetter(c)) {
      if (c < 0x250) ++latin;
      word.append(text.substr(i, next - i));
    } else {
      count_word();
    }
    i = next;
  }
  count_word();
  if (arabic > 0 && arabic >= latin) return "ar";
  if (english + french < 3) return "und";
  if (english >= 2 * french) return "en";
  if (french >= 2 * english) return "fr";
  return english > french ? "en" : "fr";
}

}  // namespace termalign::text
