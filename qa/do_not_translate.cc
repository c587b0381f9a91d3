// The do-not-translate check: each such string of a source segment, unchanged in its target.
#include "qa/do_not_translate.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace termalign::qa {
namespace {

// ASCII letters, digits and '_'. A byte of a UTF-8 sequence is not one: a no-break space or a
// guillemet beside the string is a boundary (the check is lenient with a letter there).
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The offsets of `needle` in `text` that are whole occurrences (see CheckDoNotTranslate).
std::vector<std::size_t> Occurrences(std::string_view text, std::string_view needle) {
  std::vector<std::size_t> found;
  const bool word_start = IsWordByte(needle.front());
  const bool word_end = IsWordByte(needle.back());
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    const std::size_t after = at + needle.size();
    if (word_start && at > 0 && IsWordByte(text[at - 1])) continue;
    if (word_end && after < text.size() && IsWordByte(text[after])) continue;
    found.push_back(at);
  }
  return found;
}

std::size_t CountIn(const text::Document& document, std::size_t begin, std::size_t count,
                    std::string_view needle) {
  std::size_t total = 0;
  const std::size_t end = std::min(begin + count, document.sentences.size());
  for (std::size_t i = begin; i < end; ++i) {
    total += Occurrences(document.sentences[i].text, needle).size();
  }
  return total;
}

Finding MakeFinding(std::size_t index, const align::Bead& bead, const std::string& text,
                    const Mark& mark, std::size_t in_source, std::size_t in_target) {
  Finding finding;
  finding.kind = FindingKind::kDoNotTranslate;
  finding.bead = index;
  finding.source_begin = bead.source_begin;
  finding.source_count = bead.source_count;
  finding.target_begin = bead.target_begin;
  finding.target_count = bead.target_count;
  finding.subject = text;
  finding.expected.push_back(text);
  finding.marks.push_back(mark);
  finding.message = "'" + text + "' is to be copied unchanged (do not translate) but the target ";
  if (in_target == 0) {
    finding.message += "does not have it";
  } else {
    finding.message += "has it " + std::to_string(in_target) + " of " +
                       std::to_string(in_source) + " times";
  }
  return finding;
}

}  // namespace

text::Result<std::vector<Finding>> CheckDoNotTranslate(glossary::Termbase& termbase,
                                                       const text::Document& source,
                                                       const text::Document& target,
                                                       const align::Alignment& alignment) {
  text::Result<std::vector<glossary::Term>> terms = termbase.DoNotTranslateTerms(source.lang);
  if (!terms.ok()) return terms.status();
  std::vector<std::string> strings;
  for (const glossary::Term& term : *terms) {
    if (term.status == glossary::TermStatus::kRejected || term.text.empty()) continue;
    if (std::find(strings.begin(), strings.end(), term.text) == strings.end()) {
      strings.push_back(term.text);
    }
  }
  std::vector<Finding> findings;
  if (strings.empty()) return findings;
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const align::Bead& bead = alignment.beads[b];
    if (!bead.matched()) continue;
    const std::size_t end = std::min(bead.source_begin + bead.source_count, source.sentences.size());
    for (const std::string& text : strings) {
      std::size_t in_source = 0;
      Mark first;
      for (std::size_t i = bead.source_begin; i < end; ++i) {
        std::vector<std::size_t> at = Occurrences(source.sentences[i].text, text);
        if (in_source == 0 && !at.empty()) {
          first = {Side::kSource, i, at.front(), at.front() + text.size()};
        }
        in_source += at.size();
      }
      if (in_source == 0) continue;
      std::size_t in_target = CountIn(target, bead.target_begin, bead.target_count, text);
      if (in_target >= in_source) continue;
      findings.push_back(MakeFinding(b, bead, text, first, in_source, in_target));
    }
  }
  return findings;
}

}  // namespace termalign::qa
