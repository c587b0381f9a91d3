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

// The problems of `content`, one "line:col: message" string each.
std::vector<std::string> Problems(const std::string& content) {
  TempDir dir;
  WriteFile(dir / "v.tmx", content);
  text::Result<ValidationReport> report = ValidateTmx((dir / "v.tmx").string());
  BOOST_REQUIRE_MESSAGE(report.ok(), report.status().message());
  std::vector<std::string> out;
  for (const Problem& problem : report->problems) {
    out.push_back(std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
                  problem.message);
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
      "2:1: <header> lacks the required attribute 'creationtoolversion'",
      "2:1: <header> lacks the required attribute 'o-tmf'",
      "2:1: <header> lacks the required attribute 'adminlang'",
      "2:1: <header> lacks the required attribute 'srclang'",
      "2:1: <header> lacks the required attribute 'datatype'",
      "2:1: segtype must be block, paragraph, sentence or phrase, not 'line'"};
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
      "5:5: <tuv> has the deprecated 'lang' but no xml:lang (required in TMX 1.4)",
      "5:41: <tuv> has more than one <seg>",
      "6:1: <tu> has no attribute 'colour'",
      "6:46: <b> is not allowed in <seg>",
      "6:54: <bpt> lacks the required attribute 'i'",
      "6:78: <prop> lacks the required attribute 'type'",
      "6:78: <prop> must come before <tuv>",
      "6:117: <ept i=\"9\"> has no <bpt> before it",
      "7:5: text is not allowed in <tu>",
      "7:10: <tuv> has no <seg>",
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
      "</body></tmx>");
  std::vector<std::string> expected = {
      "5:1: creationdate '2024-01-31' is not a TMX date (YYYYMMDDThhmmssZ, e.g. 20240131T140500Z)",
      "5:40: xml:lang: 'en_US' is not a BCP 47 language tag: use 'en-US'",
      "5:80: xml:lang: 'fr-fr' is not in canonical case: use 'fr-FR'",
      "6:73: empty target segment (fr)",
      "7:1: srclang 'fr' differs from the header's 'en-US'",
      "7:1: tuid '2' is already used at line 6",
      "8:1: duplicate of the unit at line 7",
      "9:32: <bpt i=\"1\"> has no matching <ept> in this segment",
  };
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_unit_needs_the_source_language) {
  std::vector<std::string> problems =
      Problems(kGoodHeader +
               "<tu><tuv xml:lang=\"en-GB\"><seg>colour</seg></tuv><tuv xml:lang=\"fr\">"
               "<seg>couleur</seg></tuv></tu>\n</body></tmx>");
  std::vector<std::string> expected = {"5:1: <tu> has no variant in the source language 'en-US'"};
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
  BOOST_TEST(FormatProblem("a.tmx", {812, 5, "<tuv> has no <seg>"}) ==
             "a.tmx:812:5: error: <tuv> has no <seg>");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
