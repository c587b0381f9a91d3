// Matching keys: the folded form and the stem combinations of a term or of a span of a sentence.
// Stored terms and queries go through the same functions, so they meet on equal keys.
#include <string>
#include <unordered_map>
#include <vector>

#include "termbase_impl.h"
#include "text/fold.h"
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

std::string FoldWord(std::string_view word) {
  std::string folded = text::FoldForMatch(word);
  if (HasArabic(folded)) folded = text::StripArabicArticle(folded);
  return folded;
}

// Hunspell is slow next to a B-tree probe (tens of microseconds a word), and term lists and
// texts repeat their words: remember the stems of recent words, per thread and language.
const std::vector<std::string>& CachedStems(std::string_view word, std::string_view lang,
                                            const std::string& folded) {
  thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
  constexpr std::size_t kMaxCached = 200000;
  std::string key;
  key.reserve(lang.size() + 1 + word.size());
  key.append(lang).push_back('\x1f');
  key.append(word);
  auto found = cache.find(key);
  if (found != cache.end()) return found->second;
  if (cache.size() >= kMaxCached) cache.clear();
  std::vector<std::string> stems;
  if (!lang.empty()) {
    for (const std::string& stem : text::Stemmer::ForLanguage(lang).Stems(word)) {
      std::string key_form = HasArabic(stem) ? text::StripArabicArticle(stem) : stem;
      bool seen = false;
      for (const std::string& kept : stems) seen = seen || kept == key_form;
      if (!seen && !key_form.empty()) stems.push_back(std::move(key_form));
    }
  }
  if (stems.empty()) stems.push_back(folded);
  return cache.emplace(std::move(key), std::move(stems)).first->second;
}

}  // namespace

std::vector<KeyToken> KeyTokens(std::string_view text, std::string_view lang, bool with_stems) {
  std::vector<KeyToken> tokens;
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind == text::TokenKind::kPunct) continue;
    KeyToken key;
    key.begin = token.begin;
    key.end = token.end;
    std::string_view word = token.text(text);
    key.folded = FoldWord(word);
    if (key.folded.empty()) continue;
    if (with_stems) {
      if (token.kind == text::TokenKind::kWord) {
        key.stems = CachedStems(word, lang, key.folded);
      } else {
        key.stems.push_back(key.folded);
      }
    }
    tokens.push_back(std::move(key));
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
