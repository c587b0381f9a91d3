// Untranslated targets and spelling of the target.
#include "qa/untranslated.h"

#include <string>
#include <string_view>
#include <unordered_set>

#include "text/fold.h"
#include "text/lang_guess.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace termalign::qa {
namespace {

std::string Join(const text::Document& document, std::size_t begin, std::size_t count) {
  std::string joined;
  for (std::size_t i = begin; i < begin + count && i < document.sentences.size(); ++i) {
    if (!joined.empty()) joined += ' ';
    joined += document.sentences[i].text;
  }
  return joined;
}

// The folded words of `text`, in order.
std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind == text::TokenKind::kWord) words.push_back(text::FoldForMatch(token.text(text)));
  }
  return words;
}

bool HasDigit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

bool AllUpper(std::string_view word) {
  bool upper = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return upper;
}

// Whether `text` has a word a translation changes: two letters or more, no digit, not all
// capitals (a code, an acronym, a number stay as they are).
bool HasWordToTranslate(std::string_view text) {
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind != text::TokenKind::kWord) continue;
    std::string_view word = token.text(text);
    if (word.size() >= 2 && !HasDigit(word) && !AllUpper(word)) return true;
  }
  return false;
}

}  // namespace

std::vector<Finding> CheckUntranslated(const text::Document& source, const text::Document& target,
                                       const align::Alignment& alignment, bool units) {
  std::vector<Finding> findings;
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const align::Bead& bead = alignment.beads[b];
    if (!bead.matched()) continue;
    std::string source_text = Join(source, bead.source_begin, bead.source_count);
    std::string target_text = Join(target, bead.target_begin, bead.target_count);
    std::vector<std::string> target_words = FoldedWords(target_text);
    Finding finding = BeadFinding(FindingKind::kUntranslated, b, bead);
    if (units && source_text == target_text && HasWordToTranslate(source_text)) {
      finding.message = "the target is the source, unchanged";
    } else if (target_words.size() >= 3 && FoldedWords(source_text) == target_words) {
      finding.message = "the target repeats the source";
    } else if (target_words.size() >= 6 && source.lang != target.lang) {
      std::string guess = text::GuessLanguage(target_text);
      if (guess != source.lang || guess == "und") continue;
      finding.message = "the target looks like " + guess + ", not " + target.lang;
      finding.found.push_back(guess);
    } else {
      continue;
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

std::vector<Finding> CheckSpelling(const text::Document& source, const text::Document& target,
                                   const align::Alignment& alignment) {
  std::vector<Finding> findings;
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage(target.lang);
  if (!stemmer.has_dictionary()) return findings;
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const align::Bead& bead = alignment.beads[b];
    std::vector<std::string> source_list =
        FoldedWords(Join(source, bead.source_begin, bead.source_count));
    std::unordered_set<std::string> source_words(source_list.begin(), source_list.end());
    for (std::size_t i = bead.target_begin;
         i < bead.target_begin + bead.target_count && i < target.sentences.size(); ++i) {
      const std::string& sentence = target.sentences[i].text;
      Finding finding = BeadFinding(FindingKind::kSpelling, b, bead);
      finding.target_begin = i;
      finding.target_count = 1;
      bool first_word = true;
      for (const text::Token& token : text::Tokenize(sentence)) {
        if (token.kind != text::TokenKind::kWord) continue;
        std::string_view word = token.text(sentence);
        bool sentence_start = first_word;
        first_word = false;
        if (word.size() < 2 || HasDigit(word) || AllUpper(word)) continue;
        if (!sentence_start && text::StartsUpper(word)) continue;
        std::string_view last = word.substr(word.size() - 1);
        if (last == "'" || word.ends_with("\u2019")) continue;
        if (source_words.count(text::FoldForMatch(word)) != 0) continue;
        if (stemmer.Spell(word)) continue;
        finding.found.emplace_back(word);
        finding.marks.push_back({Side::kTarget, i, token.begin, token.end});
      }
      if (finding.found.empty()) continue;
      finding.subject = finding.found.front();
      finding.message = "unknown to the " + target.lang + " dictionary: ";
      for (std::size_t k = 0; k < finding.found.size(); ++k) {
        finding.message += (k ? ", " : "") + finding.found[k];
      }
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace termalign::qa
