// Transliteration of any script into plain Latin letters, for comparing names across scripts.
#ifndef TERMALIGN_TEXT_TRANSLIT_H_
#define TERMALIGN_TEXT_TRANSLIT_H_

#include <string>
#include <string_view>

namespace termalign::text {

// `text` through ICU's "Any-Latin; Latin-ASCII": "مايكروسوفت" -> "maykrwswft",
// "براد سميث" -> "brad smyth", "Défense" -> "Defense". Latin text loses only its accents.
// Invalid UTF-8 is replaced by U+FFFD before transliterating. Thread-safe (one transliterator per
// thread, created on first use). Returns "" if ICU lacks the rules.
std::string TransliterateToLatin(std::string_view text);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_TRANSLIT_H_
