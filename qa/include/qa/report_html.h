// The HTML report: one self-contained page, the two texts side by side bead by bead.
#ifndef TERMALIGN_QA_REPORT_HTML_H_
#define TERMALIGN_QA_REPORT_HTML_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qa/finding.h"
#include "text/status.h"

namespace termalign::qa {

struct HtmlOptions {
  std::string title = "termalign QA report";
  // Extra rows for the table at the top ("merged TMX", "out/merged.tmx"), in order.
  std::vector<std::pair<std::string, std::string>> facts;
  // Matched beads scoring at least this are shown as confident; below, as uncertain (weak
  // pairs, reported as findings, are shown as weak whatever their score).
  double high_score = 0.7;
  // At most this many findings listed per pair above the texts (0: all); every finding is
  // still marked in place in the texts.
  std::size_t max_listed = 2000;
};

// Escapes text for HTML content and attribute values (& < > " ').
std::string EscapeHtml(std::string_view text);

// Renders one page for `reports` (one section per document pair), with a summary table of the
// figures at the top, the findings listed with links to their beads, then each pair's two texts
// side by side bead by bead: coloured by confidence, omissions and additions marked, findings
// highlighted in place at their byte offsets. Self-contained: inline CSS and a few lines of
// inline script (a filter), no network. Linear in the size of the texts.
std::string RenderHtml(const std::vector<const Report*>& reports, const HtmlOptions& options);

// RenderHtml written to `path` through text::AtomicFile. Errors name the file.
text::Status WriteHtml(const std::string& path, const std::vector<const Report*>& reports,
                       const HtmlOptions& options);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_REPORT_HTML_H_
