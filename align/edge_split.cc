// Splitting unmatched edge sentences out of merged beads, by anchors shared across languages.
#include "edge_split.h"

#include <algorithm>
#include <optional>
#include <string>

#include "text/fold.h"
#include "text/language.h"
#include "text/tokenizer.h"

namespace termalign::align::internal {
namespace {

// One side of a bead: its sentences' texts and the language they are written in.
struct Side {
  const std::vector<std::string_view>& sentences;
  std::string_view lang;
  bool is_source;
};

// The anchors of a sentence: its numbers (canonical) and capitalised words past the first
// token (folded), three letters or more, where a capital tells a name (not in German, whose
// nouns all have one: a German sentence's anchors are its numbers).
std::vector<std::string> Anchors(std::string_view sentence, std::string_view lang) {
  const bool names = !text::LanguageFor(lang).capitalised_nouns;
  std::vector<std::string> anchors;
  std::vector<text::Token> tokens = text::Tokenize(sentence);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view word = tokens[i].text(sentence);
    if (tokens[i].kind == text::TokenKind::kNumber) {
      std::string number = text::NormalizeNumber(word, lang);
      if (!number.empty()) anchors.push_back("#" + number);
    } else if (names && tokens[i].kind == text::TokenKind::kWord && i > 0 && word.size() >= 3 &&
               text::StartsUpper(word)) {
      anchors.push_back(text::FoldForMatch(word));
    }
  }
  return anchors;
}

// Every word (folded) and number (canonical, "#"-prefixed) of sentences [begin, end).
std::vector<std::string> Vocabulary(const Side& side, std::size_t begin, std::size_t end) {
  std::vector<std::string> words;
  for (std::size_t i = begin; i < end; ++i) {
    std::string_view sentence = side.sentences[i];
    for (const text::Token& token : text::Tokenize(sentence)) {
      std::string_view word = token.text(sentence);
      if (token.kind == text::TokenKind::kNumber) {
        std::string number = text::NormalizeNumber(word, side.lang);
        if (!number.empty()) words.push_back("#" + number);
      } else if (token.kind == text::TokenKind::kWord) {
        words.push_back(text::FoldForMatch(word));
      }
    }
  }
  return words;
}

// The vocabulary of sentences [begin, end) of a side, folded on first use: most merged beads
// have no edge sentence with two anchors, and folding is the phase's main cost.
class LazyVocabulary {
 public:
  LazyVocabulary(const Side& side, std::size_t begin, std::size_t end)
      : side_(side), begin_(begin), end_(end) {}
  const std::vector<std::string>& Get() {
    if (!words_) words_ = Vocabulary(side_, begin_, end_);
    return *words_;
  }

 private:
  const Side& side_;
  std::size_t begin_, end_;
  std::optional<std::vector<std::string>> words_;
};

// Same number, or same word up to its first four letters (bytes of the folded form).
bool Shared(const std::string& anchor, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (anchor[0] == '#' || word[0] == '#') {
      if (anchor == word) return true;
      continue;
    }
    std::size_t prefix = std::min<std::size_t>(4, std::min(anchor.size(), word.size()));
    if (anchor == word || (prefix == 4 && anchor.compare(0, 4, word, 0, 4) == 0)) return true;
  }
  return false;
}

// How many of `anchors` the other side shares.
std::size_t SharedCount(const std::vector<std::string>& anchors,
                        const std::vector<std::string>& other) {
  std::size_t count = 0;
  for (const std::string& anchor : anchors) count += Shared(anchor, other);
  return count;
}

// Whether sentence `edge` of `side` (one edge of the bead's [begin, end) on that side) shares
// nothing with the other side's [other_begin, other_end) while the rest of the bead shares
// something.
bool Unmatched(const Side& side, std::size_t edge, std::size_t begin, std::size_t end,
               std::size_t other_begin, std::size_t other_end,
               LazyVocabulary& other_words, const SharesKey& shares_key) {
  std::vector<std::string> anchors = Anchors(side.sentences[edge], side.lang);
  if (anchors.size() < 2) return false;
  if (shares_key && shares_key(side.is_source, edge, other_begin, other_end - other_begin)) {
    return false;
  }
  if (SharedCount(anchors, other_words.Get()) != 0) return false;
  for (std::size_t i = begin; i < end; ++i) {
    if (i == edge) continue;
    if (SharedCount(Anchors(side.sentences[i], side.lang), other_words.Get()) != 0) return true;
  }
  return false;
}

}  // namespace

std::size_t SplitUnmatchedEdges(const std::vector<std::string_view>& source_sentences,
                                std::string_view source_lang,
                                const std::vector<std::string_view>& target_sentences,
                                std::string_view target_lang, const SharesKey& shares_key,
                                std::vector<Bead>* beads) {
  const Side source{source_sentences, source_lang, true};
  const Side target{target_sentences, target_lang, false};
  std::vector<Bead> split;
  split.reserve(beads->size());
  std::size_t splits = 0;
  for (const Bead& bead : *beads) {
    if (!bead.matched() || (bead.source_count < 2 && bead.target_count < 2)) {
      split.push_back(bead);
      continue;
    }
    Bead rest = bead;
    std::vector<Bead> before, after;
    const std::size_t source_end = bead.source_begin + bead.source_count;
    const std::size_t target_end = bead.target_begin + bead.target_count;
    if (bead.source_count >= 2) {
      LazyVocabulary other(target, bead.target_begin, target_end);
      auto unmatched = [&](std::size_t edge) {
        return Unmatched(source, edge, bead.source_begin, source_end, bead.target_begin,
                         target_end, other, shares_key);
      };
      if (unmatched(bead.source_begin)) {
        before.push_back({bead.source_begin, 1, bead.target_begin, 0, 0.0});
        ++rest.source_begin;
        --rest.source_count;
      } else if (unmatched(source_end - 1)) {
        after.push_back({source_end - 1, 1, target_end, 0, 0.0});
        --rest.source_count;
      }
    }
    if (before.empty() && after.empty() && bead.target_count >= 2) {
      LazyVocabulary other(source, bead.source_begin, source_end);
      auto unmatched = [&](std::size_t edge) {
        return Unmatched(target, edge, bead.target_begin, target_end, bead.source_begin,
                         source_end, other, shares_key);
      };
      if (unmatched(bead.target_begin)) {
        before.push_back({bead.source_begin, 0, bead.target_begin, 1, 0.0});
        ++rest.target_begin;
        --rest.target_count;
      } else if (unmatched(target_end - 1)) {
        after.push_back({source_end, 0, target_end - 1, 1, 0.0});
        --rest.target_count;
      }
    }
    splits += before.size() + after.size();
    split.insert(split.end(), before.begin(), before.end());
    split.push_back(rest);
    split.insert(split.end(), after.begin(), after.end());
  }
  *beads = std::move(split);
  return splits;
}

}  // namespace termalign::align::internal
