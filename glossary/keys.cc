// Matching keys: the folded form and the stem combinations of a term or of a span of a sentence.
// Stored terms and queries go through the same functions, so they meet on equal keys.
#include <string>
#include <unordered_map>
#include <vector>

#include "termbase_impl.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/pos.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace termalign::glossary {
namespace {

// True when `word` holds a letter of the Arabic block (U+0600..U+06FF: lead bytes D8..DB).
bool HasArabic(std::string_view word) {
  for (unsigned char c : word) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

// What text::FoldForMatch gives for U+00C0..U+00FF, or nullptr where the fast path defers to
// it (×, ÷). Checked against FoldForMatch by a unit test (keys_fast_fold in lookup_test.cc).
constexpr const char* kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

}  // namespace

// FoldForMatch builds an ICU transliterator on first use, which costs a command-line lookup
// more than the query itself; words in ASCII, Latin-1 letters, œ and the typographic
// apostrophe (nearly all English and French) are folded here to the same result.
bool FastFold(std::string_view word, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                          : static_cast<char>(c));
      continue;
    }
    unsigned char next = i + 1 < word.size() ? static_cast<unsigned char>(word[i + 1]) : 0;
    if (c == 0xC3 && next >= 0x80 && next <= 0xBF && kLatin1Fold[next - 0x80] != nullptr) {
      *out += kLatin1Fold[next - 0x80];
      ++i;
    } else if (c == 0xC5 && (next == 0x92 || next == 0x93)) {
      *out += "oe";
      ++i;
    } else if (c == 0xE2 && word.substr(i, 3) == "\xE2\x80\x99") {
      out->push_back('\'');
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

std::string FoldWord(std::string_view word) {
  std::string folded;
  if (FastFold(word, &folded)) return folded;
  folded = text::FoldForMatch(word);
  if (HasArabic(folded)) folded = text::StripArabicArticle(folded);
  return folded;
}

// Hunspell is slow next to a B-tree probe (tens of microseconds a word), and term lists and
// texts repeat their words: `compute()` for `word` in `lang`, remembered in a per-thread `cache`
// that is emptied when full. The reference holds until the next call on the same cache.
template <typename Value, typename Compute>
const Value& Remembered(std::unordered_map<std::string, Value>& cache, std::string_view word,
                        std::string_view lang, Compute compute) {
  constexpr std::size_t kMaxCached = 200000;
  std::string key;
  key.reserve(lang.size() + 1 + word.size());
  key.append(lang).push_back('\x1f');
  key.append(word);
  auto found = cache.find(key);
  if (found != cache.end()) return found->second;
  if (cache.size() >= kMaxCached) cache.clear();
  return cache.emplace(std::move(key), compute()).first->second;
}

// The stems of a word, as term extraction keys it.
const std::vector<std::string>& CachedStems(std::string_view word, std::string_view lang,
                                            const std::string& folded) {
  thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
  return Remembered(cache, word, lang, [&] {
    std::vector<std::string> stems;
    if (!lang.empty()) {
      // The keys term extraction groups candidates by (extract.cc), so that a stored candidate
      // is found again in the text it came from.
      for (const std::string& stem : text::WordKeys(word, lang)) {
        std::string key_form = HasArabic(stem) ? text::StripArabicArticle(stem) : stem;
        bool seen = false;
        for (const std::string& kept : stems) seen = seen || kept == key_form;
        if (!seen && !key_form.empty()) stems.push_back(std::move(key_form));
      }
    }
    if (stems.empty()) stems.push_back(folded);
    return stems;
  });
}

// text::ProcliticLength asks the dictionary up to three times a word. Languages without
// proclitics answer at once.
std::size_t CachedProcliticLength(std::string_view word, std::string_view lang) {
  if (text::LanguageFor(lang).proclitics.empty()) return 0;
  thread_local std::unordered_map<std::string, std::size_t> cache;
  return Remembered(cache, word, lang, [&] { return text::ProcliticLength(word, lang); });
}

// text::CitationForm; "" for languages without a fused article at once.
const std::string& CachedCitationForm(std::string_view word, std::string_view lang) {
  static const std::string kNone;
  if (!text::LanguageFor(lang).fused_article) return kNone;
  thread_local std::unordered_map<std::string, std::string> cache;
  return Remembered(cache, word, lang, [&] { return text::CitationForm(word, lang); });
}

}  // namespace

std::vector<KeyWord> KeyWords(std::string_view text, std::string_view lang) {
  std::vector<KeyWord> words;
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind == text::TokenKind::kPunct) continue;
    KeyWord key{token.begin, token.end, token.text(text), token.kind == text::TokenKind::kWord};
    // Without a fused conjunction or preposition, as term extraction stores them.
    if (key.is_word && !lang.empty()) {
      std::size_t clitic = CachedProcliticLength(key.word, lang);
      key.word.remove_prefix(clitic);
      key.begin += clitic;
    }
    words.push_back(key);
  }
  return words;
}

void FoldKeyWord(const KeyWord& word, std::string_view lang, bool with_stems, KeyToken* key) {
  key->begin = word.begin;
  key->end = word.end;
  // A noun bound to a pronoun is found as the glossary stores it, as extraction keys it.
  static const std::string kAsWritten;
  const std::string& citation = word.is_word ? CachedCitationForm(word.word, lang) : kAsWritten;
  std::string_view as_stored = citation.empty() ? word.word : std::string_view(citation);
  key->folded = FoldWord(as_stored);
  key->stems.clear();
  if (key->folded.empty() || !with_stems) return;
  if (word.is_word) {
    key->stems = CachedStems(as_stored, lang, key->folded);
  } else {
    key->stems.push_back(key->folded);
  }
}

std::vector<KeyToken> KeyTokens(std::string_view text, std::string_view lang, bool with_stems) {
  std::vector<KeyToken> tokens;
  for (const KeyWord& word : KeyWords(text, lang)) {
    KeyToken key;
    FoldKeyWord(word, lang, with_stems, &key);
    if (!key.folded.empty()) tokens.push_back(std::move(key));
  }
  return tokens;
}

std::string JoinFolded(const std::vector<KeyToken>& tokens, std::size_t first, std::size_t last) {
  std::string key;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) key.push_back(' ');
    key += tokens[i].folded;
  }
  return key;
}

std::vector<std::string> JoinStems(const std::vector<KeyToken>& tokens, std::size_t first,
                                   std::size_t last, std::size_t max_keys) {
  // The cartesian product of each word's stems, word by word, cut at max_keys after every
  // step: the combination of first stems stays first.
  std::vector<std::string> keys = {""};
  for (std::size_t i = first; i < last; ++i) {
    std::vector<std::string> next;
    for (const std::string& prefix : keys) {
      for (const std::string& stem : tokens[i].stems) {
        if (next.size() >= max_keys) break;
        next.push_back(i == first ? stem : prefix + ' ' + stem);
      }
    }
    keys = std::move(next);
  }
  if (first == last) keys.clear();
  return keys;
}

std::string FoldedKey(std::string_view text, std::string_view lang) {
  std::vector<KeyToken> tokens = KeyTokens(text, lang, false);
  return JoinFolded(tokens, 0, tokens.size());
}

std::vector<std::string> StemKeys(std::string_view text, std::string_view lang,
                                  std::size_t max_keys) {
  std::vector<KeyToken> tokens = KeyTokens(text, lang, true);
  return JoinStems(tokens, 0, tokens.size(), max_keys == 0 ? 1 : max_keys);
}

}  // namespace termalign::glossary
