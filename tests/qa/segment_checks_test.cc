// The checks of bilingual units: each finds its fault and stays quiet on a sound unit.
#include "qa/segment_checks.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "qa/check.h"
#include "qa_test_util.h"

namespace termalign::testing {
namespace {

// One unit per (source, target) pair, codes written "[g1>", "<g1]", "[x2]" in the text.
text::TaggedText Parse(const std::string& written) {
  text::TaggedText tagged;
  for (std::size_t i = 0; i < written.size();) {
    std::size_t end = written.find_first_of("]>", i + 1);
    bool open = written[i] == '[' && end != std::string::npos && written[end] == '>';
    bool close = written[i] == '<' && written.find(']', i) != std::string::npos &&
                 written.compare(i, 2, "<g") == 0;
    bool alone = written[i] == '[' && end != std::string::npos && written[end] == ']';
    if (open || alone || close) {
      end = close ? written.find(']', i) : end;
      text::InlineCode code;
      code.role = open    ? text::CodeRole::kOpen
                  : close ? text::CodeRole::kClose
                          : text::CodeRole::kStandalone;
      code.name = written.substr(i + 1, 1);
      code.id = written.substr(i + 2, end - i - 2);
      code.offset = tagged.text.size();
      tagged.codes.push_back(code);
      i = end + 1;
    } else {
      tagged.text += written[i++];
    }
  }
  return tagged;
}

struct Units {
  std::vector<qa::Segment> segments;
  align::Alignment alignment;

  Units(const std::vector<std::pair<std::string, std::string>>& pairs) {
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      qa::Segment segment;
      segment.id = "u" + std::to_string(i + 1);
      segment.source = Parse(pairs[i].first);
      segment.target = Parse(pairs[i].second);
      segments.push_back(segment);
      alignment.beads.push_back(MakeBead(i, 1, i, 1));
    }
  }
  qa::UnitsInput In(std::string_view target_lang = "fr") const {
    return {segments, alignment, "en", target_lang};
  }
};

std::vector<std::string> Messages(const std::vector<qa::Finding>& findings) {
  std::vector<std::string> messages;
  for (const qa::Finding& finding : findings) {
    messages.push_back("u" + std::to_string(finding.bead + 1) + ": " + finding.message);
  }
  return messages;
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(segment_checks)

BOOST_AUTO_TEST_CASE(the_test_notation_reads_codes) {
  text::TaggedText tagged = Parse("Click [g1>here<g1] now[x2]");
  BOOST_TEST(tagged.text == "Click here now");
  BOOST_REQUIRE_EQUAL(tagged.codes.size(), 3u);
  BOOST_TEST(qa::CodeKey(tagged.codes[0]) == "<g id=\"1\">");
  BOOST_TEST(qa::CodeKey(tagged.codes[1]) == "</g id=\"1\">");
  BOOST_TEST(qa::CodeKey(tagged.codes[2]) == "<x id=\"2\"/>");
  BOOST_TEST(qa::CodeView(tagged) == "Click \xEF\xBF\xBChere\xEF\xBF\xBC now\xEF\xBF\xBC");
}

BOOST_AUTO_TEST_CASE(empty_targets) {
  Units units({{"Save the file.", ""}, {"Open it.", "  \n"}, {"Close it.", "Fermez-le."}});
  BOOST_TEST(Messages(qa::CheckEmptyTargets(units.In())) ==
                 (Lines{"u1: no translation", "u2: no translation"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(codes_and_html_tags_missing_added_or_moved) {
  Units units({{"Click [g1>here<g1].", "Cliquez [g1>ici<g1]."},
               {"Click [g1>here<g1].", "Cliquez ici."},
               {"Press [x1] then [x2].", "Appuyez sur [x2] puis [x1]."},
               {"A <b>bold</b> word.", "Un mot <b>gras</b>."},
               {"A <b>bold</b> word.", "Un mot <i>gras</i>.<br/>"},
               {"The [g1>black<g1] [g2>cat<g2].", "Le [g2>chat<g2] [g1>noir<g1]."},
               {"The [g1>black [g2>cat<g2]<g1].", "Le [g1>chat<g2] noir[g2><g1]."},
               {"<b>Bold <i>and</i></b> more", "<b>Gras <i>et</b></i> plus"}});
  BOOST_TEST(Messages(qa::CheckTags(units.In())) ==
                 (Lines{"u2: missing in the target: <g id=\"1\"> </g id=\"1\">",
                        "u5: missing in the target: <b> </b>; not in the source: <i> </i> <br/>",
                        "u7: the target's tags do not nest: </g id=\"2\"> comes before its "
                        "opening tag",
                        "u8: the target's tags do not nest: </b> closes inside <i>"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(placeholders_missing_added_or_moved) {
  Units units({{"%d files in %s", "%d fichiers dans %s"},
               {"%d files in %s", "%s contient %d fichiers"},
               {"%1$d files in %2$s", "%2$s contient %1$d fichiers"},
               {"Hello {name}, {count, plural, one {# message} other {# messages}}",
                "Bonjour {name}, {count, plural, one {# message} many {# messages} other {# "
                "messages}}"},
               {"Hello {name}", "Bonjour {nom}"},
               {"Hello %(user)s", "Bonjour"}});
  BOOST_TEST(Messages(qa::CheckPlaceholders(units.In())) ==
                 (Lines{"u2: printf directives in another order: %d %s in the source, %s %d in "
                        "the target (number them, as %1$s, to reorder)",
                        "u5: missing in the target: {name}; not in the source: {nom}",
                        "u6: missing in the target: %(user)s"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(white_space_at_the_ends) {
  Units units({{" Name: ", " Nom : "}, {"Name: ", "Nom :"}, {"Name", "\tNom"}});
  BOOST_TEST(Messages(qa::CheckEdgeSpaces(units.In())) ==
                 (Lines{"u2: the source ends with white space, the target does not",
                        "u3: the target starts with white space, the source does not"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(double_spaces_inside_the_target) {
  Units units({{"One two.", "Un  deux."},
               {"One  two.", "Un  deux."},
               {"One two.", "Un deux.  "},
               {"One\n  two.", "Un\n  deux."},
               {"One [x1] two.", "Un [x1] deux."},
               {"One two three.", "Un  deux  trois."}});
  BOOST_TEST(Messages(qa::CheckDoubleSpaces(units.In())) ==
                 (Lines{"u1: a double space in the target", "u6: 2 double spaces in the target"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(end_punctuation_and_french_spacing) {
  Units units({{"Saved.", "Enregistré."},
               {"Saved.", "Enregistré"},
               {"Saved!", "Enregistré\xC2\xA0!"},
               {"Saved!", "Enregistré!"},
               {"Wait...", "Attendez\xE2\x80\xA6"},
               {"Really?\"", "Vraiment ?\xC2\xBB"},
               {"Name:", "Nom :[x1]"},
               {"Name:", "Nom,"}});
  BOOST_TEST(Messages(qa::CheckEndPunctuation(units.In("fr"))) ==
                 (Lines{"u2: the source ends with '.', the target with no punctuation",
                        "u4: French puts a (no-break) space before the final '!'",
                        "u8: the source ends with ':', the target with ','"}),
             boost::test_tools::per_element());
  // Arabic marks read as Latin ones; a language without the French rule takes no space there.
  Units arabic(
      {{"Ready?",
        "\xD9\x87\xD9\x84 \xD8\xA3\xD9\x86\xD8\xAA \xD8\xAC\xD8\xA7\xD9\x87\xD8\xB2\xD8\x9F"},
       {"Ready?", "\xD8\xAC\xD8\xA7\xD9\x87\xD8\xB2 \xD8\x9F"},
       {"One, two", "\xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF\xD8\x8C"}});
  BOOST_TEST(Messages(qa::CheckEndPunctuation(arabic.In("ar"))) ==
                 (Lines{"u2: white space before the final '?'",
                        "u3: the source ends with no punctuation, the target with ','"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_report_of_units_has_empty_targets_not_omissions) {
  text::Document source = MakeDocument("ui.po", "en", {"Save the file.", "Open"});
  text::Document target = MakeDocument("ui.po", "fr", {"Open"});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 0), MakeBead(1, 1, 0, 1)};
  std::vector<qa::Segment> segments(2);
  segments[0].id = "save";
  segments[0].source.text = "Save the file.";
  segments[1].id = "open";
  segments[1].source.text = "Open";
  segments[1].target.text = "Open";
  auto report = qa::CheckPair(source, target, alignment, {}, segments);
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report->Count(qa::FindingKind::kOmission) == 0u);
  BOOST_TEST(report->Count(qa::FindingKind::kEmptyTarget) == 1u);
  // One word copied unchanged is reported in a unit; a document's sentence needs three.
  BOOST_TEST(report->Count(qa::FindingKind::kUntranslated) == 1u);
  BOOST_TEST(report->UnitPlace(report->findings.back()) == "\"open\"");
  auto documents = qa::CheckPair(source, target, alignment, {});
  BOOST_REQUIRE(documents.ok());
  BOOST_TEST(documents->Count(qa::FindingKind::kOmission) == 1u);
  BOOST_TEST(documents->Count(qa::FindingKind::kUntranslated) == 0u);
  BOOST_TEST(documents->Count(qa::FindingKind::kEmptyTarget) == 0u);
  // Units and beads must match one for one.
  segments.pop_back();
  BOOST_TEST(!qa::CheckPair(source, target, alignment, {}, segments).ok());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
