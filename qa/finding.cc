// Finding kinds, coverage percentages and report helpers.
#include "qa/finding.h"

#include <array>

namespace termalign::qa {
namespace {

constexpr std::array<std::string_view, kFindingKindCount> kNames = {
    "omission",      "addition",        "weak_pair",    "missing_term", "inconsistent_term",
    "rejected_term", "number_mismatch", "untranslated", "spelling"};

double Percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return 100.0;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

std::string JoinSentences(const text::Document& document, std::size_t begin, std::size_t count) {
  std::string joined;
  for (std::size_t i = begin; i < begin + count && i < document.sentences.size(); ++i) {
    if (!joined.empty()) joined += ' ';
    joined += document.sentences[i].text;
  }
  return joined;
}

}  // namespace

std::string_view KindName(FindingKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<FindingKind> ParseKind(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<FindingKind>(i);
  }
  return std::nullopt;
}

const std::vector<FindingKind>& AllKinds() {
  static const std::vector<FindingKind> kinds = [] {
    std::vector<FindingKind> all;
    for (std::size_t i = 0; i < kFindingKindCount; ++i) all.push_back(static_cast<FindingKind>(i));
    return all;
  }();
  return kinds;
}

double Coverage::SourceSentencePercent() const {
  return Percent(source_matched, source_sentences);
}
double Coverage::TargetSentencePercent() const {
  return Percent(target_matched, target_sentences);
}
double Coverage::SourceCharPercent() const { return Percent(source_matched_chars, source_chars); }
double Coverage::TargetCharPercent() const { return Percent(target_matched_chars, target_chars); }

void Coverage::Add(const Coverage& other) {
  beads += other.beads;
  matched_beads += other.matched_beads;
  source_sentences += other.source_sentences;
  target_sentences += other.target_sentences;
  source_matched += other.source_matched;
  target_matched += other.target_matched;
  source_chars += other.source_chars;
  target_chars += other.target_chars;
  source_matched_chars += other.source_matched_chars;
  target_matched_chars += other.target_matched_chars;
}

std::size_t Report::Count(FindingKind kind) const {
  std::size_t count = 0;
  for (const Finding& finding : findings) count += finding.kind == kind;
  return count;
}

std::string Report::SourceText(const Finding& finding) const {
  return JoinSentences(source, finding.source_begin, finding.source_count);
}

std::string Report::TargetText(const Finding& finding) const {
  return JoinSentences(target, finding.target_begin, finding.target_count);
}

}  // namespace termalign::qa
