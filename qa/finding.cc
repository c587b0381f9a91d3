// Finding kinds, coverage percentages and report helpers.
#include "qa/finding.h"

#include <algorithm>
#include <utility>

#include "qa/check.h"

namespace termalign::qa {
namespace {

// Every kind with its name, in report (enum) order, from the table of checks.
const std::vector<std::pair<FindingKind, std::string_view>>& Kinds() {
  static const std::vector<std::pair<FindingKind, std::string_view>> kinds = [] {
    std::vector<std::pair<FindingKind, std::string_view>> all;
    for (const CheckInfo& check : Checks()) all.insert(all.end(), check.kinds.begin(), check.kinds.end());
    std::sort(all.begin(), all.end());
    return all;
  }();
  return kinds;
}

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

// "page 3, paragraph 2", "paragraph 12".
std::string PlaceName(const text::Place& place) {
  return (place.part.empty() ? "" : place.part + ", ") + "paragraph " +
         std::to_string(place.paragraph);
}

}  // namespace

std::string ParagraphPlace(const text::Document& document, std::size_t begin, std::size_t count) {
  if (count == 0 || begin + count > document.sentences.size()) return "";
  const std::size_t first = document.sentences[begin].paragraph;
  const std::size_t last = document.sentences[begin + count - 1].paragraph;
  if (last >= document.places.size()) return "";
  const text::Place& from = document.places[first];
  const text::Place& to = document.places[last];
  if (first == last) return PlaceName(from);
  if (from.part != to.part) return PlaceName(from) + " to " + PlaceName(to);
  return (from.part.empty() ? "" : from.part + ", ") + "paragraphs " +
         std::to_string(from.paragraph) + "-" + std::to_string(to.paragraph);
}

std::string_view KindName(FindingKind kind) {
  for (const auto& [k, name] : Kinds()) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<FindingKind> ParseKind(std::string_view name) {
  for (const auto& [kind, k_name] : Kinds()) {
    if (k_name == name) return kind;
  }
  return std::nullopt;
}

const std::vector<FindingKind>& AllKinds() {
  static const std::vector<FindingKind> kinds = [] {
    std::vector<FindingKind> all;
    for (const auto& entry : Kinds()) all.push_back(entry.first);
    return all;
  }();
  return kinds;
}

std::string KindNames() {
  std::string names;
  for (const auto& entry : Kinds()) {
    if (!names.empty()) names += ", ";
    names += entry.second;
  }
  return names;
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

bool Report::Ran(std::string_view check) const {
  return std::find(checks_run.begin(), checks_run.end(), check) != checks_run.end();
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

const Segment* Report::SegmentOf(const Finding& finding) const {
  return finding.bead < segments.size() ? &segments[finding.bead] : nullptr;
}

std::string Report::UnitPlace(const Finding& finding, std::size_t max_id) const {
  const Segment* segment = SegmentOf(finding);
  if (segment == nullptr) return "";
  std::string id = segment->id;
  if (max_id != 0) {
    // Cut after `max_id` code points, never inside a UTF-8 sequence.
    std::size_t points = 0;
    for (std::size_t i = 0; i < id.size(); ++i) {
      if ((static_cast<unsigned char>(id[i]) & 0xC0) == 0x80) continue;
      if (points++ == max_id) {
        id = id.substr(0, i) + "…";
        break;
      }
    }
  }
  std::string place = id.empty() ? "" : "\"" + id + "\"";
  if (segment->line != 0) place += (place.empty() ? "line " : " line ") + std::to_string(segment->line);
  return place.empty() ? "unit " + std::to_string(finding.bead + 1) : place;
}

std::string Report::DocumentPlace(const Finding& finding) const {
  const bool target_side = finding.target_count != 0;
  const text::Document& document = target_side ? target : source;
  std::string place =
      target_side ? ParagraphPlace(target, finding.target_begin, finding.target_count)
                  : ParagraphPlace(source, finding.source_begin, finding.source_count);
  return place.empty() ? "" : document.name + ": " + place;
}

std::string Report::PlaceOf(const Finding& finding, std::size_t max_id) const {
  std::string place = UnitPlace(finding, max_id);
  return place.empty() ? DocumentPlace(finding) : place;
}

Finding BeadFinding(FindingKind kind, std::size_t index, const align::Bead& bead) {
  Finding finding;
  finding.kind = kind;
  finding.bead = index;
  finding.source_begin = bead.source_begin;
  finding.source_count = bead.source_count;
  finding.target_begin = bead.target_begin;
  finding.target_count = bead.target_count;
  return finding;
}

}  // namespace termalign::qa
