// Folding for matching with ICU transliterators: case, accents, Arabic letter variants, digits.
#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "fold_internal.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

// Arabic normalisation for matching (ICU has only part of it built in: [:Mn:] Remove keeps
// tatweel, which is Lm). Arabic-Indic and Persian digits become ASCII.
constexpr char16_t kArabicRules[] =
    u":: NFKC;"
    u"[\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640] > ;"
    u"[\\u0622\\u0623\\u0625\\u0671] > \\u0627;"
    u"\\u0629 > \\u0647;"
    u"\\u0649 > \\u064A;"
    u"[\\u0660\\u06F0] > 0; [\\u0661\\u06F1] > 1; [\\u0662\\u06F2] > 2; [\\u0663\\u06F3] > 3;"
    u"[\\u0664\\u06F4] > 4; [\\u0665\\u06F5] > 5; [\\u0666\\u06F6] > 6; [\\u0667\\u06F7] > 7;"
    u"[\\u0668\\u06F8] > 8; [\\u0669\\u06F9] > 9;";

// Case and accent folding for everything but Arabic letters (whose hamza forms NFD would
// split). NFKC first so compatibility forms ("ﬁ", "ℌ") are folded like their letters.
constexpr char16_t kFoldRules[] =
    u":: NFKC;"
    u":: [^[:Arabic:]] NFD;"
    u":: [[:Nonspacing Mark:] - [:Arabic:]] Remove;"
    u":: Lower;"
    u":: Latin-ASCII;"
    u":: Lower;"
    u":: NFC;";

std::unique_ptr<icu::Transliterator> MakeTransliterator(const char16_t* rules,
                                                        const char* name) {
  UErrorCode error = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::Transliterator> result(icu::Transliterator::createFromRules(
      icu::UnicodeString(name), icu::UnicodeString(rules), UTRANS_FORWARD, parse_error, error));
  if (U_FAILURE(error)) result.reset();
  return result;
}

// Transliterators are built once per thread: building costs milliseconds, and an instance is
// not safe to share between threads.
const icu::Transliterator* ArabicTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> instance =
      MakeTransliterator(kArabicRules, "termalign-arabic");
  return instance.get();
}

const icu::Transliterator* FoldTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> instance =
      MakeTransliterator(kFoldRules, "termalign-fold");
  return instance.get();
}

// Pieces longer than this are cut before transliteration: ICU's normalisation steps move the
// rest of the string for every change, which is quadratic on a long text.
constexpr std::size_t kPieceBytes = 1024;

// Where to cut the window [begin, end) of a long text without changing the result: before the
// last ASCII white space in it (no normalisation, casing or transliteration context crosses
// it), else before the last character that starts a normalisation segment in its second half,
// else at the last character boundary. Always > begin, so the pieces make progress.
std::size_t CutPoint(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t i = end; i > begin + 1; --i) {
    char c = text[i - 1];
    if (c == ' ' || c == '\n' || c == '\t') return i - 1 > begin ? i - 1 : i;
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  std::size_t half = begin + (end - begin) / 2;
  std::size_t boundary = end;
  while (boundary > begin + 1 && (static_cast<unsigned char>(text[boundary]) & 0xC0) == 0x80) {
    --boundary;
  }
  for (std::size_t i = boundary; U_SUCCESS(error) && i > half;) {
    std::size_t start;
    internal::CodePointBefore(text, i, &start);
    UChar32 c = internal::CodePointAt(text, i, nullptr);
    if (nfkc->hasBoundaryBefore(c)) return i;
    i = start;
  }
  return boundary;
}

std::string ApplyToPiece(const icu::Transliterator* transliterator, std::string_view text) {
  icu::UnicodeString buffer = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator->transliterate(buffer);
  std::string out;
  buffer.toUTF8String(out);
  return out;
}

std::string Apply(const icu::Transliterator* transliterator, std::string_view text) {
  if (transliterator == nullptr) return std::string(text);
  if (text.size() <= kPieceBytes) return ApplyToPiece(transliterator, text);
  std::string out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = std::min(text.size(), begin + kPieceBytes);
    if (end < text.size()) end = CutPoint(text, begin, end);
    out += ApplyToPiece(transliterator, text.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool HasArabic(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Arabic blocks are U+0600-U+06FF, U+0750-U+077F, U+08A0-U+08FF, U+FB50-U+FDFF, U+FE70-U+FEFF.
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t next;
    UChar32 cp = internal::CodePointAt(text, i, &next);
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF)) {
      return true;
    }
    i = next;
  }
  return false;
}

bool OnlyAsciiAndArabicBlock(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t next;
    UChar32 cp = internal::CodePointAt(text, i, &next);
    if (cp < 0x0600 || cp > 0x06FF) return false;
    i = next;
  }
  return true;
}

// The Latin letters of Latin-1 Supplement, Latin Extended-A and Latin Extended-B: their fold
// each, as the transliterator folds them (internal::FoldWithTransliterator; the fold tests check
// every entry against it), written out because building the transliterator costs tens of
// milliseconds, and folding a word through it microseconds, where a QA pass folds every word of
// a book several times (a French or German text has an accented letter in one word of three or
// four).
constexpr UChar32 kLatinFirst = 0x00C0;
constexpr UChar32 kLatinLast = 0x024F;
constexpr std::array<std::string_view, kLatinLast - kLatinFirst + 1> kLatinFolds = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", "*", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a",
    "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "/",
    "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c",
    "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g",
    "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "ij", "ij", "j", "j", "k", "k", "q", "l", "l", "l", "l", "l", "l", "l\xC2\xB7",
    "l\xC2\xB7", "l", "l", "n", "n", "n", "n", "n", "n", "'n", "n", "n", "o", "o", "o", "o", "o",
    "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t",
    "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w",
    "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", "b", "b", "b", "b", "\xC6\x85", "\xC6\x85",
    "\xC9\x94", "c", "c", "d", "d", "d", "d", "\xC6\x8D", "\xC7\x9D", "\xC9\x99", "e", "f", "f",
    "g", "\xC9\xA3", "hv", "\xC9\xA9", "i", "k", "k", "l", "\xC6\x9B", "\xC9\xAF", "n", "n",
    "\xC9\xB5", "o", "o", "oi", "oi", "p", "p", "r", "\xC6\xA8", "\xC6\xA8", "\xCA\x83",
    "\xC6\xAA", "t", "t", "t", "t", "u", "u", "\xCA\x8A", "v", "y", "y", "z", "z", "\xCA\x92",
    "\xC6\xB9", "\xC6\xB9", "\xC6\xBA", "\xC6\xBB", "\xC6\xBD", "\xC6\xBD", "\xC6\xBE", "\xC6\xBF",
    "\xC7\x80", "\xC7\x81", "\xC7\x82", "\xC7\x83", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj",
    "nj", "a", "a", "i", "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "\xC7\x9D", "a", "a", "a", "a", "ae", "ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o",
    "\xCA\x92", "\xCA\x92", "j", "dz", "dz", "dz", "g", "g", "hv", "\xC6\xBF", "n", "n", "a", "a",
    "ae", "ae", "o", "o", "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o",
    "o", "o", "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "\xC8\x9D", "\xC8\x9D",
    "h", "h", "n", "d", "\xC8\xA3", "\xC8\xA3", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o",
    "o", "o", "o", "o", "y", "y", "l", "n", "t", "j", "db", "qp", "a", "c", "c", "l", "t", "s",
    "z", "\xC9\x82", "\xC9\x82", "b", "u", "\xCA\x8C", "e", "e", "j", "j", "\xC9\x8B", "\xC9\x8B",
    "r", "r", "y", "y"};

class LatinFolds {
 public:
  // The fold of `text` when it holds only ASCII and the letters of the table (none of which
  // composes with, or changes the fold of, a neighbour: each folds to letters with no combining
  // mark); nullopt otherwise.
  std::optional<std::string> Fold(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        ++i;
        continue;
      }
      // Two-byte sequences only: U+0080..U+07FF.
      if (i + 1 >= text.size() || (c & 0xE0) != 0xC0) return std::nullopt;
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      const UChar32 code = ((c & 0x1F) << 6) | (next & 0x3F);
      if (code < kLatinFirst || code > kLatinLast) return std::nullopt;
      out += kLatinFolds[static_cast<std::size_t>(code - kLatinFirst)];
      i += 2;
    }
    return out;
  }
};

const LatinFolds& Latin() {
  static const LatinFolds table;
  return table;
}

}  // namespace

namespace internal {

std::string FoldWithTransliterator(std::string_view text) {
  std::string arabic = NormalizeArabic(text);
  if (OnlyAsciiAndArabicBlock(arabic)) {
    // The fold changes nothing in the Arabic block (checked for every code point in the tests):
    // only ASCII letters need lowering.
    for (char& c : arabic) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return arabic;
  }
  std::string folded = Apply(FoldTransliterator(), arabic);
  // NFKC inside the fold may reveal Arabic presentation forms; normalise those too.
  return NormalizeArabic(folded);
}

}  // namespace internal

std::string NormalizeArabic(std::string_view text) {
  if (!HasArabic(text)) return std::string(text);
  return Apply(ArabicTransliterator(), text);
}

std::string FoldForMatch(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  if (std::optional<std::string> latin = Latin().Fold(text)) return std::move(*latin);
  return internal::FoldWithTransliterator(text);
}

std::string StripArabicArticle(std::string_view word) {
  // ال with the one-letter conjunctions and prepositions that fuse before it; لل is ل + ال.
  static constexpr std::string_view kPrefixes[] = {"\u0648\u0627\u0644", "\u0641\u0627\u0644",
                                                   "\u0628\u0627\u0644", "\u0643\u0627\u0644",
                                                   "\u0627\u0644", "\u0644\u0644"};
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size(); internal::CodePointAt(word, i, &i)) ++letters;
  if (letters <= 3) return std::string(word);
  for (std::string_view prefix : kPrefixes) {
    if (word.substr(0, prefix.size()) != prefix) continue;
    std::size_t prefix_letters = prefix.size() / 2;  // two bytes per Arabic letter
    if (letters - prefix_letters < 2) break;
    return std::string(word.substr(prefix.size()));
  }
  return std::string(word);
}

bool HasArabicArticle(std::string_view word) {
  return StripArabicArticle(word).size() != word.size();
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  auto c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && word.size() > 1) {  // U+00C0-U+00DE, less U+00D7 (the multiplication sign)
    auto d = static_cast<unsigned char>(word[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

}  // namespace termalign::text
