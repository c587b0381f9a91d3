// Splitting unmatched edge sentences out of merged beads, by anchors shared across languages.
#include "qa/refine.h"

#include <string>
#include <vector>

#include "text/fold.h"
#include "text/tokenizer.h"
#include "starts_upper.h"

namespace termalign::qa {
namespace {

// The anchors of a sentence: its numbers (canonical) and capitalised words past the first
// token (folded), three letters or more.
std::vector<std::string> Anchors(const text::Sentence& sentence, const std::string& lang) {
  std::vector<std::string> anchors;
  std::vector<text::Token> tokens = text::Tokenize(sentence.text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view word = tokens[i].text(sentence.text);
    if (tokens[i].kind == text::TokenKind::kNumber) {
      std::string number = text::NormalizeNumber(word, lang);
      if (!number.empty()) anchors.push_back("#" + number);
    } else if (tokens[i].kind == text::TokenKind::kWord && i > 0 && word.size() >= 3 &&
               StartsUpper(word)) {
      anchors.push_back(text::FoldForMatch(word));
    }
  }
  return anchors;
}

// Every word (folded) and number (canonical, "#"-prefixed) of sentences [begin, end).
std::vector<std::string> Vocabulary(const text::Document& document, std::size_t begin,
                                    std::size_t end) {
  std::vector<std::string> words;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& text = document.sentences[i].text;
    for (const text::Token& token : text::Tokenize(text)) {
      std::string_view word = token.text(text);
      if (token.kind == text::TokenKind::kNumber) {
        std::string number = text::NormalizeNumber(word, document.lang);
        if (!number.empty()) words.push_back("#" + number);
      } else if (token.kind == text::TokenKind::kWord) {
        words.push_back(text::FoldForMatch(word));
      }
    }
  }
  return words;
}

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
// nothing with the other side while the rest of the bead shares something.
bool Unmatched(const text::Document& side, std::size_t edge, std::size_t begin, std::size_t end,
               const std::vector<std::string>& other_words) {
  std::vector<std::string> anchors = Anchors(side.sentences[edge], side.lang);
  if (anchors.size() < 2 || SharedCount(anchors, other_words) != 0) return false;
  for (std::size_t i = begin; i < end; ++i) {
    if (i == edge) continue;
    if (SharedCount(Anchors(side.sentences[i], side.lang), other_words) != 0) return true;
  }
  return false;
}

}  // namespace

std::size_t SplitUnmatchedEdges(const text::Document& source, const text::Document& target,
                                align::Alignment* alignment) {
  std::vector<align::Bead> beads;
  beads.reserve(alignment->beads.size());
  std::size_t splits = 0;
  for (const align::Bead& bead : alignment->beads) {
    if (!bead.matched() || (bead.source_count < 2 && bead.target_count < 2) ||
        bead.source_begin + bead.source_count > source.sentences.size() ||
        bead.target_begin + bead.target_count > target.sentences.size()) {
      beads.push_back(bead);
      continue;
    }
    align::Bead rest = bead;
    std::vector<align::Bead> before, after;
    std::size_t source_end = bead.source_begin + bead.source_count;
    std::size_t target_end = bead.target_begin + bead.target_count;
    if (bead.source_count >= 2) {
      std::vector<std::string> other = Vocabulary(target, bead.target_begin, target_end);
      if (Unmatched(source, bead.source_begin, bead.source_begin, source_end, other)) {
        before.push_back({bead.source_begin, 1, bead.target_begin, 0, 0.0});
        ++rest.source_begin;
        --rest.source_count;
      } else if (Unmatched(source, source_end - 1, bead.source_begin, source_end, other)) {
        after.push_back({source_end - 1, 1, target_end, 0, 0.0});
        --rest.source_count;
      }
    }
    if (before.empty() && after.empty() && bead.target_count >= 2) {
      std::vector<std::string> other = Vocabulary(source, bead.source_begin, source_end);
      if (Unmatched(target, bead.target_begin, bead.target_begin, target_end, other)) {
        before.push_back({bead.source_begin, 0, bead.target_begin, 1, 0.0});
        ++rest.target_begin;
        --rest.target_count;
      } else if (Unmatched(target, target_end - 1, bead.target_begin, target_end, other)) {
        after.push_back({source_end, 0, target_end - 1, 1, 0.0});
        --rest.target_count;
      }
    }
    splits += before.size() + after.size();
    beads.insert(beads.end(), before.begin(), before.end());
    beads.push_back(rest);
    beads.insert(beads.end(), after.begin(), after.end());
  }
  alignment->beads = std::move(beads);
  return splits;
}

}  // namespace termalign::qa
