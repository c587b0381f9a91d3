// The text, JSON Lines and HTML renderings of a QA report.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "qa/check.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "qa_test_util.h"

namespace termalign::testing {
namespace {

qa::Report SampleReport() {
  text::Document source = MakeDocument(
      "tram.en.txt", "en",
      {"The tram line opened in 2019.", "It carries 40,000 riders a day.",
       "Fares are <free> & \"fair\" for 'all'."});
  text::Document target = MakeDocument(
      "tram.fr.txt", "fr",
      {"La ligne de tram a ouvert en 2019.", "Elle transporte 45 000 voyageurs par jour.",
       "Un paragraphe ajouté."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 1, 0.92), MakeBead(1, 1, 1, 1, 0.55),
                     MakeBead(2, 1, 2, 0), MakeBead(3, 0, 2, 1)};
  text::Result<qa::Report> report = qa::CheckPair(source, target, alignment, {});
  BOOST_REQUIRE(report.ok());
  return std::move(report.value());
}

std::vector<nlohmann::json> ParseLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_report)

BOOST_AUTO_TEST_CASE(check_pair_sorts_findings_by_bead) {
  qa::Report report = SampleReport();
  BOOST_REQUIRE(report.findings.size() == 3u);
  BOOST_TEST(qa::KindName(report.findings[0].kind) == "number_mismatch");
  BOOST_TEST(qa::KindName(report.findings[1].kind) == "omission");
  BOOST_TEST(qa::KindName(report.findings[2].kind) == "addition");
  BOOST_TEST(report.Count(qa::FindingKind::kOmission) == 1u);
}

BOOST_AUTO_TEST_CASE(json_lines_have_one_object_per_finding_then_a_summary) {
  qa::Report report = SampleReport();
  std::vector<nlohmann::json> lines = ParseLines(qa::RenderJsonLines(report));
  BOOST_REQUIRE(lines.size() == 4u);
  BOOST_TEST(lines[0]["type"] == "number_mismatch");
  BOOST_TEST(lines[0]["source_sentences"] == nlohmann::json::array({1}));
  BOOST_TEST(lines[0]["target_sentences"] == nlohmann::json::array({1}));
  BOOST_TEST(lines[0]["source_text"] == "It carries 40,000 riders a day.");
  BOOST_TEST(lines[0]["expected"] == nlohmann::json::array({"40,000"}));
  BOOST_TEST(lines[0]["found"] == nlohmann::json::array({"45 000"}));
  BOOST_TEST(lines[0]["marks"][0]["side"] == "source");
  BOOST_TEST(lines[0]["marks"][0]["begin"] == 11);
  BOOST_TEST(lines[0]["marks"][0]["end"] == 17);
  BOOST_TEST(lines[1]["type"] == "omission");
  BOOST_TEST(lines[1]["target_sentences"] == nlohmann::json::array());
  BOOST_TEST(lines[2]["type"] == "addition");
  BOOST_TEST(lines[2]["target_text"] == "Un paragraphe ajouté.");
  const nlohmann::json& summary = lines[3];
  BOOST_TEST(summary["type"] == "summary");
  BOOST_TEST(summary["source_sentences"] == 3);
  BOOST_TEST(summary["matched_beads"] == 2);
  BOOST_TEST(summary["source_coverage"]["sentences"] == 66.67);
  BOOST_TEST(summary["target_coverage"]["sentences"] == 66.67);
  BOOST_TEST(summary["counts"]["omission"] == 1);
  BOOST_TEST(summary["counts"]["missing_term"] == 0);
  BOOST_TEST(summary["terms_checked"] == false);
}

BOOST_AUTO_TEST_CASE(text_summary_names_files_figures_and_findings) {
  std::string text = qa::RenderText(SampleReport());
  BOOST_TEST(text.find("tram.en.txt (en) -> tram.fr.txt (fr)\n") == 0u);
  BOOST_TEST(text.find("  coverage    source 66.7% of sentences") != std::string::npos);
  BOOST_TEST(text.find("  findings    1 omission, 1 addition, 1 number mismatch\n") !=
             std::string::npos);
  BOOST_TEST(text.find("omission           en 2        fr -        not translated: ") !=
             std::string::npos);
  BOOST_TEST(text.find("40,000 not in the target; 45 000 not in the source") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_report_can_cap_the_finding_lines) {
  std::string text = qa::RenderText(SampleReport(), 1);
  BOOST_TEST(text.find("... and 2 more findings") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_escapes_every_special_character) {
  BOOST_TEST(qa::EscapeHtml("<a href=\"x\">&'</a>") ==
             "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  qa::Report report = SampleReport();
  qa::HtmlOptions options;
  options.title = "Tram <report>";
  std::string html = qa::RenderHtml({&report}, options);
  BOOST_TEST(html.find("Fares are &lt;free&gt; &amp; &quot;fair&quot; for &#39;all&#39;.") !=
             std::string::npos);
  BOOST_TEST(html.find("<free>") == std::string::npos);
  BOOST_TEST(html.find("<title>Tram &lt;report&gt;</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_marks_findings_in_place_and_needs_no_network) {
  qa::Report report = SampleReport();
  std::string html = qa::RenderHtml({&report}, {});
  BOOST_TEST(html.find("It carries <mark class=\"m-number_mismatch\"") != std::string::npos);
  BOOST_TEST(html.find(">40,000</mark> riders") != std::string::npos);
  BOOST_TEST(html.find("class=\"bead b-om\" id=\"p0-b2\"") != std::string::npos);
  BOOST_TEST(html.find("class=\"bead b-ad\" id=\"p0-b3\"") != std::string::npos);
  BOOST_TEST(html.find("class=\"bead b-hi plain\" id=\"p0-b0\"") != std::string::npos);
  BOOST_TEST(html.find("class=\"bead b-mid\" id=\"p0-b1\"") != std::string::npos);
  BOOST_TEST(html.find("http://") == std::string::npos);
  BOOST_TEST(html.find("https://") == std::string::npos);
  BOOST_TEST(html.find("<link") == std::string::npos);
  BOOST_TEST(html.find("src=") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
