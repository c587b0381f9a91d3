// `termalign qa FILE` on bilingual files the tests write (XLIFF 1.2 and 2.0, PO, TMX): the file
// is told by its content, every finding names its unit, and each check of units finds its fault
// and is quiet on the sound units beside it. Then real TMX files of other tools, when the shared
// reference folder is present: no crash, no flood.
#include <boost/test/unit_test.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

// Each faulty unit's id names the one kind it must give; "ok-" units must give none.
const char* kXliff12 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="kettle.ui" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="ok-bold"><source>Press <g id="1">Start</g> to boil.</source>
        <target>Appuyez sur <g id="1">Démarrer</g> pour bouillir.</target></trans-unit>
      <trans-unit id="tag_mismatch"><source>Press <g id="1">Stop</g><x id="2"/> to cool.</source>
        <target>Appuyez sur Arrêt pour refroidir.</target></trans-unit>
      <trans-unit id="ok-break"><source>Fill<x id="1"/>then boil.</source>
        <target>Remplissez<x id="1"/>puis faites bouillir.</target></trans-unit>
      <trans-unit id="empty_target"><source>Descale the kettle.</source><target></target></trans-unit>
      <trans-unit id="edge_space"><source>Capacity: </source><target>Capacité :</target></trans-unit>
      <trans-unit id="double_space"><source>Keep the lid closed.</source>
        <target>Gardez le  couvercle fermé.</target></trans-unit>
      <trans-unit id="end_punctuation"><source>Water is hot!</source>
        <target>L'eau est chaude!</target></trans-unit>
      <trans-unit id="untranslated"><source>Descaling</source><target>Descaling</target></trans-unit>
      <trans-unit id="ok-code"><source>KX-200</source><target>KX-200</target></trans-unit>
    </body>
  </file>
</xliff>
)";

const char* kXliff2 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr">
  <file id="f1">
    <unit id="ok-pc"><segment><source>See <pc id="1">the manual</pc>.</source>
      <target>Voir <pc id="1">le manuel</pc>.</target></segment></unit>
    <unit id="tag_mismatch"><segment><source>Line one<ph id="1"/>line two.</source>
      <target>Ligne un ligne deux.<ph id="1"/><ph id="2"/></target></segment></unit>
  </file>
</xliff>
)";

const char* kPo = R"(# The kettle's messages.
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "%d cups boiled in %s."
msgstr "%d tasses bouillies en %s."

msgctxt "placeholder_mismatch"
msgid "%d cups boiled in %s."
msgstr "%s pour %d tasses."

msgid "Hello {name}, {count, plural, one {# cup} other {# cups}} left."
msgstr "Bonjour {name}, {count, plural, one {# tasse} other {# tasses}} restantes."

msgctxt "icu"
msgid "Hello {name}, {count, plural, one {# cup} other {# cups}} left."
msgstr "Bonjour {nom}, {count, plural, one {# tasse} other {# tasses}} restantes."

msgctxt "html"
msgid "Read the <a href=\"/faq\">FAQ</a> first."
msgstr "Lisez d'abord la FAQ."
)";

const char* kTmx = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence"
  o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
  <tu tuid="ok-1"><tuv xml:lang="en"><seg>Pour <bpt i="1">&lt;b&gt;</bpt>slowly<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    <tuv xml:lang="fr"><seg>Versez <bpt i="1">&lt;b&gt;</bpt>lentement<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
  <tu tuid="tmx-tags"><tuv xml:lang="en"><seg>Pour <bpt i="1">&lt;b&gt;</bpt>slowly<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    <tuv xml:lang="fr"><seg>Versez lentement.</seg></tuv></tu>
</body></tmx>
)";

std::vector<nlohmann::json> Findings(const std::string& out) {
  std::vector<nlohmann::json> findings;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json parsed = nlohmann::json::parse(line);
    if (parsed["type"] != "summary") findings.push_back(parsed);
  }
  return findings;
}

// unit id -> the kinds found in it, joined by ",".
std::map<std::string, std::string> KindsByUnit(const std::string& out) {
  std::map<std::string, std::string> kinds;
  for (const nlohmann::json& finding : Findings(out)) {
    std::string& joined = kinds[finding["unit_id"].get<std::string>()];
    joined += (joined.empty() ? "" : ",") + finding["type"].get<std::string>();
  }
  return kinds;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bilingual_qa_cli)

BOOST_AUTO_TEST_CASE(each_check_of_units_finds_its_fault_in_an_xliff_file) {
  TempDir dir;
  WriteFile(dir / "kettle.xlf", kXliff12);
  RunResult qa = RunCli("qa --json kettle.xlf", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);
  std::map<std::string, std::string> kinds = KindsByUnit(qa.out);
  for (const char* kind : {"tag_mismatch", "empty_target", "edge_space", "double_space",
                           "end_punctuation", "untranslated"}) {
    BOOST_TEST(kinds[kind] == kind, qa.out);
  }
  for (const auto& [unit, found] : kinds) {
    BOOST_TEST(unit.rfind("ok-", 0) != 0, unit << ": " << found);
  }
  // The same file given by --tmx, and under a name that does not say XLIFF, reads the same.
  WriteFile(dir / "kettle.txt", kXliff12);
  RunResult renamed = RunCli("qa --json kettle.txt", dir.path());
  RunResult option = RunCli("qa --json --tmx kettle.xlf", dir.path());
  BOOST_TEST(KindsByUnit(renamed.out) == kinds);
  BOOST_TEST(KindsByUnit(option.out) == kinds);
}

BOOST_AUTO_TEST_CASE(text_and_html_reports_name_the_units) {
  TempDir dir;
  WriteFile(dir / "kettle.xlf", kXliff12);
  RunResult qa = RunCli("qa --html report.html kettle.xlf", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);
  BOOST_TEST(qa.out.find("empty_target       en 3        fr -        \"empty_target\" line 11: "
                         "no translation\n") != std::string::npos,
             qa.out);
  BOOST_TEST(
      qa.out.find("\"double_space\" line 13: a double space in the target") != std::string::npos,
      qa.out);
  std::string html = ReadFile(dir / "report.html");
  BOOST_TEST(html.find("<span class=\"unit\">&quot;edge_space&quot; line 12</span>the source "
                       "ends with white space, the target does not") != std::string::npos);
  // The checks of units are no part of a report on two documents.
  WriteFile(dir / "a.en.txt", "Keep the lid closed.\n");
  WriteFile(dir / "a.fr.txt", "Gardez le  couvercle fermé\n");
  RunResult documents = RunCli("qa --json --no-dict a.en.txt a.fr.txt", dir.path());
  BOOST_TEST(documents.out.find("unit_id") == std::string::npos, documents.out);
  BOOST_TEST(documents.out.find("end_punctuation\":0") != std::string::npos, documents.out);
}

BOOST_AUTO_TEST_CASE(xliff_2_codes_are_compared) {
  TempDir dir;
  WriteFile(dir / "kettle.xliff", kXliff2);
  RunResult qa = RunCli("qa --json kettle.xliff", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);
  std::vector<nlohmann::json> findings = Findings(qa.out);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST(findings[0]["unit_id"] == "tag_mismatch");
  BOOST_TEST(findings[0]["message"] == "not in the source: <ph id=\"2\"/>");
}

BOOST_AUTO_TEST_CASE(po_placeholders_and_html_tags) {
  TempDir dir;
  WriteFile(dir / "kettle.po", kPo);
  RunResult qa = RunCli("qa --json --src-lang en kettle.po", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);
  std::map<std::string, std::string> kinds;
  std::map<std::string, std::string> messages;
  for (const nlohmann::json& finding : Findings(qa.out)) {
    std::string unit = finding["unit_id"].get<std::string>();
    kinds[unit.substr(0, unit.find('|'))] += finding["type"].get<std::string>() + " ";
    messages[unit.substr(0, unit.find('|'))] += finding["message"].get<std::string>() + " ";
  }
  BOOST_TEST(kinds.size() == 3u, qa.out);
  BOOST_TEST(kinds["placeholder_mismatch"] == "placeholder_mismatch ");
  BOOST_TEST(kinds["icu"] == "placeholder_mismatch ");
  BOOST_TEST(messages["icu"] == "missing in the target: {name}; not in the source: {nom} ");
  BOOST_TEST(kinds["html"] == "tag_mismatch ");
  // A PO file is told by its content too.
  WriteFile(dir / "messages", kPo);
  RunResult unnamed = RunCli("qa --json --src-lang en messages", dir.path());
  BOOST_TEST(Findings(unnamed.out).size() == Findings(qa.out).size(), unnamed.err);
}

BOOST_AUTO_TEST_CASE(tmx_inline_codes_are_compared_once) {
  TempDir dir;
  WriteFile(dir / "kettle.tmx", kTmx);
  RunResult qa = RunCli("qa --json kettle.tmx", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);
  std::vector<nlohmann::json> findings = Findings(qa.out);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST(findings[0]["unit_id"] == "tmx-tags");
  // The codes' native text ("<b>") is not counted again as HTML in the text.
  BOOST_TEST(findings[0]["message"] == "missing in the target: <bpt id=\"1\"/> <ept id=\"1\"/>");
}

BOOST_AUTO_TEST_CASE(a_document_alone_is_refused_by_its_format) {
  TempDir dir;
  WriteFile(dir / "notes.xlf", "Just some notes.\n");
  RunResult qa = RunCli("qa notes.xlf", dir.path());
  BOOST_TEST(qa.exit_code == 2);
  BOOST_TEST(qa.err ==
             "termalign: error: notes.xlf: a text document, not a bilingual file "
             "(XLIFF, PO or TMX); give SOURCE and TARGET\n");
  RunResult missing = RunCli("qa nowhere.xlf", dir.path());
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err.find("nowhere.xlf") != std::string::npos, missing.err);
}

// Real TMX files from other tools: every one is read or refused cleanly, and the checks of
// units give at most one finding of a kind per unit.
BOOST_AUTO_TEST_CASE(interop_tmx_files_give_no_crash_and_no_flood) {
  fs::path shared = SharedDirOrSkip("QA of other tools' TMX files");
  if (shared.empty()) return;
  fs::path folder = shared / "interop" / "tmx";
  if (!fs::exists(folder)) {
    BOOST_TEST_MESSAGE("skipped: QA of other tools' TMX files needs interop/tmx");
    return;
  }
  TempDir dir;
  std::size_t checked = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".tmx") continue;
    RunResult qa = RunCli("qa --json --fail-on none '" + entry.path().string() + "'", dir.path());
    BOOST_TEST((qa.exit_code == 0 || qa.exit_code == 2), entry.path() << ": " << qa.err);
    if (qa.exit_code != 0) {
      BOOST_TEST(qa.err.find(entry.path().filename().string()) != std::string::npos, qa.err);
      continue;
    }
    ++checked;
    std::map<std::pair<std::size_t, std::string>, int> per_unit;
    std::size_t units = 0;
    std::istringstream lines(qa.out);
    for (std::string line; std::getline(lines, line);) {
      nlohmann::json parsed = nlohmann::json::parse(line);
      if (parsed["type"] == "summary") {
        units = parsed["beads"].get<std::size_t>();
        continue;
      }
      int count =
          ++per_unit[{parsed["bead"].get<std::size_t>(), parsed["type"].get<std::string>()}];
      if (parsed["type"] != "number_mismatch") BOOST_TEST(count == 1, line);
    }
    BOOST_TEST(per_unit.size() <= 6 * units, entry.path());
  }
  BOOST_TEST(checked >= 8u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
