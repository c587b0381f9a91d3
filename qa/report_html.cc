// The HTML report. Built as one string: a 500-page book makes a page of a few megabytes.
#include "qa/report_html.h"

#include <fmt/format.h>

#include <algorithm>

#include "qa/report_text.h"
#include "text/atomic_file.h"

namespace termalign::qa {
namespace {

// Inline style: no web fonts, no external sheet. Beads are grid rows with content-visibility,
// so a long book lays out only what is on screen.
constexpr std::string_view kStyle = R"css(
:root{--hi:#2e7d32;--mid:#f9a825;--low:#c62828;--om:#fdecea;--ad:#fff3e0;--line:#e0e0e0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#212121;background:#f5f5f5}
header{background:#263238;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:21px;font-weight:600}
header p{margin:2px 0 0;color:#b0bec5;font-size:13px}
main{padding:8px 24px 48px;max-width:1400px}
h2{font-size:18px;margin:24px 0 8px}
table.figures{border-collapse:collapse;background:#fff;margin:6px 0 12px}
table.figures th,table.figures td{border:1px solid #cfd8dc;padding:4px 10px;text-align:left;vertical-align:top}
table.figures th{background:#eceff1;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.bad{color:var(--low);font-weight:600}
.k{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;color:#fff;background:#607d8b;white-space:nowrap}
.k-omission{background:#c62828}.k-addition{background:#ef6c00}.k-weak_pair{background:#8d6e63}
.k-missing_term{background:#6a1b9a}.k-inconsistent_term{background:#1565c0}.k-rejected_term{background:#ad1457}
.k-do_not_translate{background:#4527a0}
.k-number_mismatch{background:#00838f}.k-untranslated{background:#558b2f}.k-spelling{background:#5d4037}
.k-empty_target{background:#b71c1c}.k-tag_mismatch{background:#283593}
.k-placeholder_mismatch{background:#00695c}.k-edge_space,.k-double_space{background:#757575}
.k-end_punctuation{background:#9e9d24}
.unit{font-size:12px;color:#455a64;margin-right:6px}
ol.findings{background:#fff;border:1px solid #cfd8dc;margin:6px 0;padding:6px 10px 6px 44px;max-height:22em;overflow:auto}
ol.findings li{margin:2px 0}
ol.findings a{color:#37474f;font-size:13px;margin-right:6px}
.controls{margin:10px 0;font-size:14px}
.legend span{margin-right:14px}
.sw{display:inline-block;width:12px;height:12px;vertical-align:-1px;margin-right:4px;border-radius:2px;border:1px solid #90a4ae}
.bitext{background:#fff;border:1px solid #cfd8dc}
.bead{display:grid;grid-template-columns:8.5em 1fr 1fr;border-top:1px solid var(--line);content-visibility:auto;contain-intrinsic-size:auto 3.2em}
.bead.head{position:sticky;top:0;z-index:1;background:#eceff1;font-weight:600;content-visibility:visible;border-top:0}
.bead>div{padding:5px 10px;overflow-wrap:anywhere}
.bead .n{font-size:12px;color:#546e7a;border-left:6px solid #b0bec5}
.b-hi .n{border-left-color:var(--hi)}.b-mid .n{border-left-color:var(--mid)}.b-low .n{border-left-color:var(--low)}
.b-low{background:#fff8f7}
.b-om .n,.b-ad .n{border-left-color:#78909c}
.b-om .src{background:var(--om)}.b-ad .tgt{background:var(--ad)}
.gap{color:#9e9e9e;font-style:italic;font-size:13px}
.s i{font-style:normal;font-size:11px;color:#90a4ae;margin-right:3px;vertical-align:1px}
mark{border-radius:2px;padding:0 1px;background:#fff59d}
mark.m-missing_term{background:#e1bee7;outline:1px solid #6a1b9a}
mark.m-inconsistent_term{background:#bbdefb;outline:1px solid #1565c0}
mark.m-rejected_term{background:#f8bbd0;outline:1px solid #ad1457}
mark.m-do_not_translate{background:#d1c4e9;outline:1px solid #4527a0}
mark.m-number_mismatch{background:#b2ebf2;outline:1px solid #00838f}
mark.m-spelling{background:none;text-decoration:underline wavy #c62828}
.bead .n .k{margin-top:2px;font-size:10px;padding:0 4px}
body.only .bead.plain{display:none}
:target{outline:3px solid #1565c0}
)css";

constexpr std::string_view kScript = R"js(
document.querySelectorAll('input.only').forEach(function(box){
  box.addEventListener('change',function(){document.body.classList.toggle('only',box.checked);
    document.querySelectorAll('input.only').forEach(function(o){o.checked=box.checked;});});});
)js";

// A mark to draw inside one sentence.
struct Highlight {
  std::size_t begin;
  std::size_t end;
  const Finding* finding;
};

std::string Percent(double value) { return fmt::format("{:.1f}%", value); }

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

class PageWriter {
 public:
  PageWriter(const std::vector<const Report*>& reports, const HtmlOptions& options)
      : reports_(reports), options_(options) {}

  std::string Render() {
    std::size_t bytes = 16384;
    for (const Report* report : reports_) {
      bytes += 2 * (report->coverage.source_chars + report->coverage.target_chars) +
               160 * report->alignment.beads.size() + 200 * report->findings.size();
    }
    out_.reserve(bytes);
    out_ += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    out_ += "<title>";
    AppendEscaped(out_, options_.title);
    out_ += "</title><style>";
    out_ += kStyle;
    out_ += "</style></head>\n<body>\n<header><h1>";
    AppendEscaped(out_, options_.title);
    out_ += "</h1><p>termalign: translation coverage, terminology and numbers</p></header>\n";
    out_ += "<main>\n";
    Summary();
    for (std::size_t i = 0; i < reports_.size(); ++i) Pair(i, *reports_[i]);
    out_ += "</main>\n<script>";
    out_ += kScript;
    out_ += "</script>\n</body></html>\n";
    return std::move(out_);
  }

 private:
  void Summary() {
    out_ += "<section id=\"summary\"><h2>Summary</h2>\n";
    if (!options_.facts.empty()) {
      out_ += "<table class=\"figures facts\">";
      for (const auto& [name, value] : options_.facts) {
        out_ += "<tr><th>";
        AppendEscaped(out_, name);
        out_ += "</th><td>";
        AppendEscaped(out_, value);
        out_ += "</td></tr>";
      }
      out_ += "</table>\n";
    }
    std::vector<FindingKind> kinds;
    for (FindingKind kind : AllKinds()) {
      for (const Report* report : reports_) {
        if (report->Count(kind) != 0) {
          kinds.push_back(kind);
          break;
        }
      }
    }
    out_ += "<table class=\"figures pairs\"><tr><th>pair</th><th>sentences</th><th>beads</th>"
            "<th>source coverage<br>(sentences / characters)</th>"
            "<th>target coverage<br>(sentences / characters)</th>";
    for (FindingKind kind : kinds) {
      out_ += "<th><span class=\"k k-";
      out_ += KindName(kind);
      out_ += "\">";
      out_ += KindName(kind);
      out_ += "</span></th>";
    }
    out_ += "</tr>\n";
    for (std::size_t i = 0; i < reports_.size(); ++i) {
      const Report& report = *reports_[i];
      const Coverage& c = report.coverage;
      out_ += fmt::format("<tr><td><a href=\"#p{}\">", i);
      AppendEscaped(out_, report.source.name + " → " + report.target.name);
      out_ += fmt::format(
          "</a></td><td class=\"num\">{} / {}</td><td class=\"num\">{} ({} matched)</td>"
          "<td class=\"num\">{} / {}</td><td class=\"num\">{} / {}</td>",
          c.source_sentences, c.target_sentences, c.beads, c.matched_beads,
          Percent(c.SourceSentencePercent()), Percent(c.SourceCharPercent()),
          Percent(c.TargetSentencePercent()), Percent(c.TargetCharPercent()));
      for (FindingKind kind : kinds) {
        std::size_t n = report.Count(kind);
        out_ += fmt::format("<td class=\"num{}\">{}</td>", n ? " bad" : "", n);
      }
      out_ += "</tr>\n";
    }
    out_ += "</table>\n";
    out_ += "<p class=\"legend\"><span><i class=\"sw\" style=\"background:var(--hi)\"></i>"
            "confident pair</span><span><i class=\"sw\" style=\"background:var(--mid)\"></i>"
            "less sure</span><span><i class=\"sw\" style=\"background:var(--low)\"></i>weak "
            "pair</span><span><i class=\"sw\" style=\"background:var(--om)\"></i>omission "
            "(source with no translation)</span><span><i class=\"sw\" "
            "style=\"background:var(--ad)\"></i>addition (target with no source)</span></p>\n";
    out_ += "</section>\n";
  }

  void Pair(std::size_t index, const Report& report) {
    out_ += fmt::format("<section class=\"pair\" id=\"p{}\"><h2>", index);
    AppendEscaped(out_, report.source.name + " (" + report.source.lang + ") → " +
                            report.target.name + " (" + report.target.lang + ")");
    out_ += "</h2>\n";
    FindingList(index, report);
    out_ += "<div class=\"controls\"><label><input type=\"checkbox\" class=\"only\"> show only "
            "beads with findings</label></div>\n";
    Bitext(index, report);
    out_ += "</section>\n";
  }

  void FindingList(std::size_t index, const Report& report) {
    out_ += fmt::format("<details open><summary>{} finding{}</summary>\n",
                        report.findings.size(), report.findings.size() == 1 ? "" : "s");
    if (report.findings.empty()) {
      out_ += "</details>\n";
      return;
    }
    out_ += "<ol class=\"findings\">\n";
    std::size_t listed = 0;
    for (const Finding& finding : report.findings) {
      if (options_.max_listed != 0 && listed == options_.max_listed) break;
      ++listed;
      out_ += fmt::format("<li><a href=\"#p{}-b{}\">{} {} · {} {}</a><span class=\"k k-{}\">{}</span> ",
                          index, finding.bead, report.source.lang,
                          SentenceRange(finding.source_begin, finding.source_count),
                          report.target.lang,
                          SentenceRange(finding.target_begin, finding.target_count),
                          KindName(finding.kind), KindName(finding.kind));
      FindingPlace(report, finding);
      AppendEscaped(out_, finding.message);
      out_ += "</li>\n";
    }
    out_ += "</ol>\n";
    if (listed < report.findings.size()) {
      out_ += fmt::format("<p>{} more findings are marked in the texts below.</p>\n",
                          report.findings.size() - listed);
    }
    out_ += "</details>\n";
  }

  // Where a finding is (its unit, or its paragraph in the original file), before its message.
  void FindingPlace(const Report& report, const Finding& finding) {
    std::string place = report.PlaceOf(finding);
    if (place.empty()) return;
    out_ += "<span class=\"unit\">";
    AppendEscaped(out_, place);
    out_ += "</span>";
  }

  void Bitext(std::size_t index, const Report& report) {
    // Highlights by sentence, and the findings of each bead.
    std::vector<std::vector<Highlight>> source_marks(report.source.sentences.size());
    std::vector<std::vector<Highlight>> target_marks(report.target.sentences.size());
    std::vector<std::vector<const Finding*>> by_bead(report.alignment.beads.size());
    for (const Finding& finding : report.findings) {
      if (finding.bead < by_bead.size()) by_bead[finding.bead].push_back(&finding);
      for (const Mark& mark : finding.marks) {
        auto& marks = mark.side == Side::kSource ? source_marks : target_marks;
        if (mark.sentence < marks.size()) marks[mark.sentence].push_back({mark.begin, mark.end, &finding});
      }
    }
    out_ += "<div class=\"bitext\">\n<div class=\"bead head\"><div>bead</div><div>";
    AppendEscaped(out_, report.source.name);
    out_ += "</div><div>";
    AppendEscaped(out_, report.target.name);
    out_ += "</div></div>\n";
    for (std::size_t b = 0; b < report.alignment.beads.size(); ++b) {
      const align::Bead& bead = report.alignment.beads[b];
      const std::vector<const Finding*>& findings = by_bead[b];
      bool weak = std::any_of(findings.begin(), findings.end(), [](const Finding* f) {
        return f->kind == FindingKind::kWeakPair;
      });
      std::string_view shade = bead.source_count == 0   ? "b-ad"
                               : bead.target_count == 0 ? "b-om"
                               : weak                   ? "b-low"
                               : bead.score >= options_.high_score ? "b-hi"
                                                                   : "b-mid";
      out_ += fmt::format("<div class=\"bead {}{}\" id=\"p{}-b{}\"><div class=\"n\">{}", shade,
                          findings.empty() ? " plain" : "", index, b, b);
      if (b < report.segments.size() && !report.segments[b].id.empty()) {
        out_ += "<br><span class=\"unit\" title=\"unit id\">";
        AppendEscaped(out_, report.segments[b].id);
        out_ += "</span>";
      }
      if (bead.matched()) out_ += fmt::format(" <small>{:.2f}</small>", bead.score);
      std::vector<FindingKind> shown;
      for (const Finding* finding : findings) {
        if (std::find(shown.begin(), shown.end(), finding->kind) != shown.end()) continue;
        shown.push_back(finding->kind);
        out_ += "<br><span class=\"k k-";
        out_ += KindName(finding->kind);
        out_ += "\" title=\"";
        AppendEscaped(out_, finding->message);
        out_ += "\">";
        out_ += KindName(finding->kind);
        out_ += "</span>";
      }
      out_ += "</div>";
      Cell(report.source, bead.source_begin, bead.source_count, source_marks, "src",
           "no source");
      Cell(report.target, bead.target_begin, bead.target_count, target_marks, "tgt",
           "no translation");
      out_ += "</div>\n";
    }
    out_ += "</div>\n";
  }

  void Cell(const text::Document& document, std::size_t begin, std::size_t count,
            std::vector<std::vector<Highlight>>& marks, std::string_view css,
            std::string_view gap) {
    out_ += "<div class=\"";
    out_ += css;
    out_ += "\" lang=\"";
    AppendEscaped(out_, document.lang);
    out_ += "\" dir=\"auto\">";
    if (count == 0) {
      out_ += "<span class=\"gap\">";
      out_ += gap;
      out_ += "</span>";
    }
    for (std::size_t i = begin; i < begin + count && i < document.sentences.size(); ++i) {
      // The sentence number, with its paragraph in the original file on hover.
      std::string place = ParagraphPlace(document, i, 1);
      out_ += "<span class=\"s\"><i";
      if (!place.empty()) {
        out_ += " title=\"";
        AppendEscaped(out_, place);
        out_ += "\"";
      }
      out_ += fmt::format(">{}</i>", i);
      Sentence(document.sentences[i].text, marks[i]);
      out_ += "</span> ";
    }
    out_ += "</div>";
  }

  // The sentence with its highlights; overlapping ones after the first are left out.
  void Sentence(std::string_view text, std::vector<Highlight>& highlights) {
    std::sort(highlights.begin(), highlights.end(), [](const Highlight& a, const Highlight& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::size_t at = 0;
    for (const Highlight& h : highlights) {
      if (h.begin < at || h.end > text.size() || h.begin >= h.end) continue;
      AppendEscaped(out_, text.substr(at, h.begin - at));
      out_ += "<mark class=\"m-";
      out_ += KindName(h.finding->kind);
      out_ += "\" title=\"";
      AppendEscaped(out_, h.finding->message);
      out_ += "\">";
      AppendEscaped(out_, text.substr(h.begin, h.end - h.begin));
      out_ += "</mark>";
      at = h.end;
    }
    AppendEscaped(out_, text.substr(at));
  }

  const std::vector<const Report*>& reports_;
  const HtmlOptions& options_;
  std::string out_;
};

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(out, text);
  return out;
}

std::string RenderHtml(const std::vector<const Report*>& reports, const HtmlOptions& options) {
  return PageWriter(reports, options).Render();
}

text::Status WriteHtml(const std::string& path, const std::vector<const Report*>& reports,
                       const HtmlOptions& options) {
  text::AtomicFile file;
  text::Status status = file.Open(path);
  if (!status.ok()) return status.WithContext("writing the HTML report");
  file.Write(RenderHtml(reports, options));
  return file.Commit().WithContext("writing the HTML report");
}

}  // namespace termalign::qa
