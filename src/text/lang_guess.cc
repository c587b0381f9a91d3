// Language guess by script, then by English and French function words.
#include "text/lang_guess.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "text/fold.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

// Function words, folded (lower case, no accents). Words shared by both languages ("a", "on",
// "est" is French only) are left out of the counts by appearing in neither list.
const std::unordered_set<std::string_view>& EnglishStopWords() {
  static const std::unordered_set<std::string_view> words = {
      "the",  "of",   "and",  "to",   "in",    "is",   "that",  "for",  "it",   "with",
      "as",   "was",  "on",   "be",   "by",    "this", "are",   "from", "at",   "or",
      "an",   "have", "has",  "had",  "not",   "but",  "which", "they", "were", "been",
      "their", "its", "will", "would", "we",   "he",   "she",   "his",  "her",  "who",
      "what", "when", "there", "than", "also", "after", "into", "about", "can", "more",
      "said", "all",  "other", "some", "a",    "i",    "you",   "our",  "these", "those"};
  return words;
}

const std::unordered_set<std::string_view>& FrenchStopWords() {
  static const std::unordered_set<std::string_view> words = {
      "le",   "la",   "les",  "de",   "des",   "du",   "un",   "une",  "et",   "est",
      "en",   "que",  "qui",  "dans", "pour",  "par",  "sur",  "au",   "aux",  "avec",
      "ne",   "pas",  "plus", "ce",   "cette", "ces",  "il",   "elle", "ils",  "elles",
      "son",  "sa",   "ses",  "leur", "leurs", "mais", "ou",   "ont",  "sont", "ete",
      "a",    "l",    "d",    "qu",   "s",     "n",    "c",    "j",    "se",   "nous",
      "vous", "je",   "aussi", "apres", "selon", "entre", "sans", "tres", "avait", "etait"};
  return words;
}

const std::unordered_set<std::string_view>& ArabicStopWords() {
  // Normalised (NormalizeArabic): alef forms as ا, ى as ي, ة as ه.
  static const std::unordered_set<std::string_view> words = {
      "\u0641\u064A",                      // في
      "\u0645\u0646",                      // من
      "\u0639\u0644\u064A",                // على
      "\u0627\u0644\u064A",                // إلى
      "\u0639\u0646",                      // عن
      "\u0645\u0639",                      // مع
      "\u0627\u0646",                      // أن، إن
      "\u0647\u0630\u0627",                // هذا
      "\u0647\u0630\u0647",                // هذه
      "\u0627\u0644\u062A\u064A",          // التي
      "\u0627\u0644\u0630\u064A",          // الذي
      "\u0648",                            // و
      "\u0627\u0648",                      // أو
      "\u0643\u0627\u0646",                // كان
      "\u0642\u062F",                      // قد
      "\u0644\u0627",                      // لا
      "\u0645\u0627",                      // ما
      "\u0647\u0648",                      // هو
      "\u0647\u064A",                      // هي
      "\u0628\u0639\u062F",                // بعد
      "\u0642\u0628\u0644",                // قبل
      "\u0628\u064A\u0646",                // بين
      "\u0630\u0644\u0643",                // ذلك
      "\u0643\u0645\u0627",                // كما
      "\u0639\u0646\u062F",                // عند
      "\u062D\u062A\u064A",                // حتى
      "\u0627\u0644\u0627",                // إلا
      "\u0644\u0645",                      // لم
      "\u0644\u0646",                      // لن
      "\u062B\u0645"};                     // ثم
  return words;
}

}  // namespace

bool IsStopWord(std::string_view folded_word, std::string_view lang) {
  if (lang == "en") return EnglishStopWords().count(folded_word) > 0;
  if (lang == "fr") return FrenchStopWords().count(folded_word) > 0;
  if (lang == "ar") return ArabicStopWords().count(folded_word) > 0;
  return false;
}

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
    bool en = EnglishStopWords().count(folded) > 0, fr = FrenchStopWords().count(folded) > 0;
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
