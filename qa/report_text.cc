// The text summary and JSON Lines renderings of a QA report.
#include "qa/report_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "qa/check.h"

namespace termalign::qa {
namespace {

std::string Plural(std::size_t count, std::string_view kind) {
  std::string name(kind);
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  if (count != 1) {
    bool sibilant = name.ends_with("ch") || name.ends_with("sh") || name.ends_with("x");
    if (name.back() != 's') name += sibilant ? "es" : "s";
  }
  return fmt::format("{} {}", count, name);
}

nlohmann::json Indices(std::size_t begin, std::size_t count) {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = begin; i < begin + count; ++i) list.push_back(i);
  return list;
}

// {"part", "paragraph"}: where the first of the sentences is in the original file, when the
// document was read from DOCX, ODT, HTML or PDF.
void AddPlace(const text::Document& document, std::size_t begin, std::size_t count,
              const char* key, nlohmann::json* line) {
  if (count == 0 || begin >= document.sentences.size()) return;
  const std::size_t paragraph = document.sentences[begin].paragraph;
  if (paragraph >= document.places.size()) return;
  (*line)[key] = {{"part", document.places[paragraph].part},
                  {"paragraph", document.places[paragraph].paragraph}};
}

// Ids of PO messages are their source text: the text report shows their start.
constexpr std::size_t kMaxIdShown = 40;

double Round(double percent) { return static_cast<double>(static_cast<long long>(percent * 100 + 0.5)) / 100; }

}  // namespace

std::string SentenceRange(std::size_t begin, std::size_t count) {
  if (count == 0) return "-";
  if (count == 1) return std::to_string(begin);
  return fmt::format("{}-{}", begin, begin + count - 1);
}

std::string RenderTextSummary(const Report& report) {
  const Coverage& c = report.coverage;
  std::string out = fmt::format("{} ({}) -> {} ({})\n", report.source.name, report.source.lang,
                                report.target.name, report.target.lang);
  out += fmt::format("  sentences   {} source, {} target\n", c.source_sentences,
                     c.target_sentences);
  out += fmt::format("  beads       {} ({} matched)\n", c.beads, c.matched_beads);
  out += fmt::format("  coverage    source {:.1f}% of sentences, {:.1f}% of characters\n",
                     c.SourceSentencePercent(), c.SourceCharPercent());
  out += fmt::format("              target {:.1f}% of sentences, {:.1f}% of characters\n",
                     c.TargetSentencePercent(), c.TargetCharPercent());
  std::string counts;
  for (FindingKind kind : AllKinds()) {
    std::size_t n = report.Count(kind);
    if (n == 0) continue;
    counts += (counts.empty() ? "" : ", ") + Plural(n, KindName(kind));
  }
  out += fmt::format("  findings    {}\n", counts.empty() ? "none" : counts);
  if (!report.accepted.empty()) {
    out += fmt::format("  accepted    {} (accepted before: not counted)\n",
                       report.accepted.size());
  }
  std::string skipped;
  for (const CheckInfo& check : Checks()) {
    if (report.Ran(check.name) || (check.needs_units && report.segments.empty())) continue;
    skipped += fmt::format("{}{}{}", skipped.empty() ? "" : ", ", check.name,
                           check.needs_termbase ? " (no glossary given)" : "");
  }
  if (!skipped.empty()) out += fmt::format("  not checked {}\n", skipped);
  return out;
}

std::string RenderText(const Report& report, std::size_t max_findings) {
  std::string out = RenderTextSummary(report);
  if (report.findings.empty() && report.accepted.empty()) return out;
  out += fmt::format("\n(sentence numbers start at 0)\n");
  const auto line = [&](const Finding& finding, std::string_view prefix) {
    std::string place = report.PlaceOf(finding, kMaxIdShown);
    return fmt::format("{}{:<18} {} {:<8} {} {:<8} {}{}\n", prefix, KindName(finding.kind),
                       report.source.lang,
                       SentenceRange(finding.source_begin, finding.source_count),
                       report.target.lang,
                       SentenceRange(finding.target_begin, finding.target_count),
                       place.empty() ? "" : place + ": ", finding.message);
  };
  std::size_t shown = 0;
  for (const Finding& finding : report.findings) {
    if (max_findings != 0 && shown == max_findings) {
      out += fmt::format("... and {} more findings (use --json or --html for all)\n",
                         report.findings.size() - shown);
      break;
    }
    ++shown;
    out += line(finding, "");
  }
  for (const Finding& finding : report.accepted) out += line(finding, "accepted: ");
  return out;
}

std::string RenderJsonLines(const Report& report) {
  std::string out;
  // The findings, then those a person accepted, marked "accepted": true.
  const std::size_t accepted_from = report.findings.size();
  std::vector<const Finding*> listed;
  for (const Finding& finding : report.findings) listed.push_back(&finding);
  for (const Finding& finding : report.accepted) listed.push_back(&finding);
  for (std::size_t k = 0; k < listed.size(); ++k) {
    const Finding& finding = *listed[k];
    nlohmann::json marks = nlohmann::json::array();
    for (const Mark& mark : finding.marks) {
      marks.push_back({{"side", mark.side == Side::kSource ? "source" : "target"},
                       {"sentence", mark.sentence},
                       {"begin", mark.begin},
                       {"end", mark.end}});
    }
    nlohmann::json line = {
        {"type", KindName(finding.kind)},
        {"bead", finding.bead},
        {"source_sentences", Indices(finding.source_begin, finding.source_count)},
        {"target_sentences", Indices(finding.target_begin, finding.target_count)},
        {"source_text", report.SourceText(finding)},
        {"target_text", report.TargetText(finding)},
        {"subject", finding.subject},
        {"expected", finding.expected},
        {"found", finding.found},
        {"message", finding.message},
        {"marks", marks}};
    if (const Segment* segment = report.SegmentOf(finding)) {
      line["unit_id"] = segment->id;
      line["unit_line"] = segment->line;
    }
    if (k >= accepted_from) line["accepted"] = true;
    if (std::string place = report.PlaceOf(finding); !place.empty()) line["place"] = place;
    AddPlace(report.source, finding.source_begin, finding.source_count, "source_place", &line);
    AddPlace(report.target, finding.target_begin, finding.target_count, "target_place", &line);
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  const Coverage& c = report.coverage;
  nlohmann::json counts = nlohmann::json::object();
  for (FindingKind kind : AllKinds()) counts[std::string(KindName(kind))] = report.Count(kind);
  nlohmann::json summary = {
      {"type", "summary"},
      {"source_file", report.source.name},
      {"target_file", report.target.name},
      {"source_lang", report.source.lang},
      {"target_lang", report.target.lang},
      {"source_sentences", c.source_sentences},
      {"target_sentences", c.target_sentences},
      {"beads", c.beads},
      {"matched_beads", c.matched_beads},
      {"source_coverage",
       {{"sentences", Round(c.SourceSentencePercent())}, {"chars", Round(c.SourceCharPercent())}}},
      {"target_coverage",
       {{"sentences", Round(c.TargetSentencePercent())}, {"chars", Round(c.TargetCharPercent())}}},
      {"counts", counts}};
  if (!report.accepted.empty()) summary["accepted"] = report.accepted.size();
  // "terms_checked", "spelling_checked": whether each check that does not always run ran.
  for (const CheckInfo& check : Checks()) {
    if (check.on_by_default && !check.needs_termbase) continue;
    summary[std::string(check.name) + "_checked"] = report.Ran(check.name);
  }
  out += summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += '\n';
  return out;
}

}  // namespace termalign::qa
