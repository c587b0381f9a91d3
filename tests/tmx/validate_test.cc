#include "tmx/validate.h"

#include <boost/test/unit_test.hpp>

#include "test_util.h"
#include "tmx/tmx_test_util.h"
#include "tmx/writer.h"

namespace termalign::tmx {
namespace {

using testing::TempDir;
using testing::WriteFile;

const std::string kGoodHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<tmx version=\"1.4\">\n"
    "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
    "adminlang=\"en\" srclang=\"en-US\" datatype=\"plaintext\"/>\n"
    "<body>\n";

// The findings of `content`, one "line:col: severity: message [rule]" string each.
std::vector<std::string> Problems(const std::string& content) {
  TempDir dir;
  WriteFile(dir / "v.tmx", content);
  text::Result<ValidationReport> report = ValidateTmx((dir / "v.tmx").string());
  BOOST_REQUIRE_MESSAGE(report.ok(), report.status().message());
  std::vector<std::string> out;
  for (const Problem& problem : report->problems) {
    out.push_back(std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
                  std::string(SeverityName(problem.severity)) + ": " + problem.message + " [" +
                  problem.rule + "]");
  }
  return out;
}

BOOST_AUTO_TEST_SUITE(tmx_validate)

BOOST_AUTO_TEST_CASE(written_file_is_valid) {
  TempDir dir;
  TmxHeader header;
  header.src_lang = "en-US";
  header.tgt_lang = "fr-FR";
  text::SentencePair pair;
  pair.source = "Hello & welcome";
  pair.target = "Bonjour et bienvenue";
  BOOST_REQUIRE(WriteTmx((dir / "w.tmx").string(), header, {pair}, nullptr).ok());
  text::Result<ValidationReport> report = ValidateTmx((dir / "w.tmx").string());
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report->problems.empty());
  BOOST_TEST(report->units == 1u);
}

BOOST_AUTO_TEST_CASE(missing_header_attributes) {
  std::vector<std::string> problems = Problems(
      "<tmx version=\"1.4\">\n<header creationtool=\"t\" segtype=\"line\"/>\n"
      "<body/></tmx>");
  std::vector<std::string> expected = {
      "2:1: error: <header> lacks the required attribute 'creationtoolversion' [required-attribute]",
      "2:1: error: <header> lacks the required attribute 'o-tmf' [required-attribute]",
      "2:1: error: <header> lacks the required attribute 'adminlang' [required-attribute]",
      "2:1: error: <header> lacks the required attribute 'srclang' [required-attribute]",
      "2:1: error: <header> lacks the required attribute 'datatype' [required-attribute]",
      "2:1: error: segtype must be block, paragraph, sentence or phrase, not 'line' "
      "[enumeration]"};
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(structure_and_attributes) {
  std::vector<std::string> problems = Problems(
      kGoodHeader +
      "<tu><tuv lang=\"en-US\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg><seg>c</seg>"
      "</tuv></tu>\n"
      "<tu colour=\"red\"><tuv xml:lang=\"en-US\"><seg>x<b>y</b><bpt>z</bpt></seg></tuv>"
      "<prop>p</prop><tuv xml:lang=\"fr\"><seg>X<ept i=\"9\"/></seg></tuv></tu>\n"
      "<tu>stray<tuv xml:lang=\"en-US\"/></tu>\n"
      "</body></tmx>");
  std::vector<std::string> expected = {
      "5:5: error: <tuv> has the deprecated 'lang' but no xml:lang (required in TMX 1.4) "
      "[required-attribute]",
      "5:41: error: <tuv> has more than one <seg> [structure]",
      "6:1: error: <tu> has no attribute 'colour' [attribute]",
      "6:46: error: <b> is not allowed in <seg> [structure]",
      "6:54: error: <bpt> lacks the required attribute 'i' [required-attribute]",
      "6:78: error: <prop> lacks the required attribute 'type' [required-attribute]",
      "6:78: error: <prop> must come before <tuv> [structure]",
      "6:117: error: <ept i=\"9\"> has no <bpt> before it [inline-pairing]",
      "7:5: error: text is not allowed in <tu> [structure]",
      "7:10: error: <tuv> has no <seg> [structure]",
  };
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rules_the_dtd_cannot_express) {
  std::vector<std::string> problems = Problems(
      kGoodHeader +
      "<tu tuid=\"1\" creationdate=\"2024-01-31\"><tuv xml:lang=\"en_US\"><seg>a</seg></tuv>"
      "<tuv xml:lang=\"fr-fr\"><seg>b</seg></tuv></tu>\n"
      "<tu tuid=\"2\"><tuv xml:lang=\"en-US\"><seg>c</seg></tuv><tuv xml:lang=\"fr\"><seg> </seg>"
      "</tuv></tu>\n"
      "<tu tuid=\"2\" srclang=\"fr\"><tuv xml:lang=\"en-US\"><seg>d</seg></tuv><tuv "
      "xml:lang=\"fr\"><seg>e</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en-US\"><seg>d</seg></tuv><tuv xml:lang=\"fr\"><seg>e</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en-US\"><seg><bpt i=\"1\">b</bpt>x</seg></tuv><tuv xml:lang=\"fr\">"
      "<seg>y</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"EN-us\"><seg>d</seg></tuv><tuv xml:lang=\"fr\"><seg>e</seg></tuv></tu>\n"
      "</body></tmx>");
  std::vector<std::string> expected = {
      "5:1: error: creationdate '2024-01-31' is not a TMX date (YYYYMMDDThhmmssZ, e.g. "
      "20240131T140500Z) [date]",
      "5:40: error: xml:lang: 'en_US' is not a BCP 47 language tag: use 'en-US' [lang-tag]",
      "5:80: warning: xml:lang: 'fr-fr' is not in canonical case ('fr-FR') [lang-case]",
      "6:73: warning: empty target segment (fr) [empty-segment]",
      "7:1: warning: tuid '2' is already used at line 6 [repeated-tuid]",
      "8:1: warning: this unit repeats the segments of the unit at line 7 (2 unit(s) in the file "
      "repeat an earlier unit, with other tuids or props) [repeated-unit]",
      "9:32: error: <bpt i=\"1\"> has no matching <ept> in this segment [inline-pairing]",
      "10:5: warning: xml:lang: 'EN-us' is not in canonical case ('en-US') [lang-case]",
  };
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_unit_needs_its_source_language) {
  std::vector<std::string> problems =
      Problems(kGoodHeader +
               "<tu><tuv xml:lang=\"en-GB\"><seg>colour</seg></tuv><tuv xml:lang=\"fr\">"
               "<seg>couleur</seg></tuv></tu>\n"
               "<tu srclang=\"de\"><tuv xml:lang=\"en-US\"><seg>a</seg></tuv><tuv xml:lang=\"fr\">"
               "<seg>b</seg></tuv></tu>\n</body></tmx>");
  std::vector<std::string> expected = {
      "5:1: error: <tu> has no variant in the source language 'en-US' [source-variant]",
      "6:1: error: <tu> has no variant in the source language 'de' [source-variant]"};
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

// TMX 1.4b lets a unit name its own source language (multi-directional memories).
BOOST_AUTO_TEST_CASE(unit_srclang_other_than_the_header_is_allowed) {
  std::vector<std::string> problems =
      Problems(kGoodHeader +
               "<tu srclang=\"fr\"><tuv xml:lang=\"fr\"><seg>chat</seg></tuv><tuv "
               "xml:lang=\"de\"><seg>Katze</seg></tuv></tu>\n</body></tmx>");
  BOOST_TEST(problems.empty(), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(older_version_is_checked_once_as_1_4b_with_lang) {
  std::vector<std::string> problems = Problems(
      "<tmx version=\"1.1\">\n"
      "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
      "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n"
      "<tu><tuv lang=\"en\"><seg>a</seg></tuv><tuv lang=\"be\"><seg>b</seg></tuv></tu>\n"
      "<tu><tuv lang=\"en\"><seg>c</seg></tuv><tuv lang=\"be_BY\"><seg>d</seg></tuv></tu>\n"
      "</body></tmx>");
  std::vector<std::string> expected = {
      "1:1: warning: version 1.1: checked as 1.4b, with 'lang' in place of xml:lang [version]",
      "5:38: error: lang: 'be_BY' is not a BCP 47 language tag: use 'be-BY' [lang-tag]"};
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(not_well_formed_is_an_error_not_a_report) {
  TempDir dir;
  WriteFile(dir / "bad.tmx", kGoodHeader + "<tu>");
  text::Result<ValidationReport> report = ValidateTmx((dir / "bad.tmx").string());
  BOOST_TEST(!report.ok());
  BOOST_TEST(report.status().code() == text::ErrorCode::kParse);
}

BOOST_AUTO_TEST_CASE(format) {
  BOOST_TEST(FormatProblem("a.tmx", {812, 5, Severity::kError, "structure", "<tuv> has no <seg>"}) ==
             "a.tmx:812:5: error: <tuv> has no <seg> [structure]");
  BOOST_TEST(FormatProblem("a.tmx", {3, 1, Severity::kWarning, "lang-case", "x"}) ==
             "a.tmx:3:1: warning: x [lang-case]");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
