// End-to-end tests of `termalign tmx` on TMX files other tools wrote (the LISA compliance kit,
// Okapi, OmegaT, translate-toolkit), read from the shared reference folder; each test skips
// with a message when that folder is absent.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "test_util.h"

namespace termalign::testing {
namespace {

// The folder of real TMX files, or "" (with a message).
fs::path InteropOrSkip(const std::string& what) {
  fs::path shared = SharedDirOrSkip(what);
  if (shared.empty() || !fs::exists(shared / "interop" / "tmx")) {
    if (!shared.empty()) BOOST_TEST_MESSAGE("skipped: " << what << " needs interop/tmx");
    return {};
  }
  return shared / "interop" / "tmx";
}

// True when translate-toolkit's Python library is installed (else false, with a message).
bool TranslateToolkitOrSkip(const std::string& what) {
  if (std::system("/usr/bin/python3 -c 'import translate.storage.tmx' >/dev/null 2>&1") == 0) {
    return true;
  }
  BOOST_TEST_MESSAGE("skipped: " << what << " needs translate-toolkit (python3-translate)");
  return false;
}

// translate-toolkit's reading of the TMX file given as its argument, as one JSON object: its
// unit count, its variants by language (lower case, '_' as '-'), and how many variants it
// found no xml:lang on.
constexpr const char* kReferee = R"(import json, sys
from translate.misc.xml_helpers import getXMLlang
from translate.storage import tmx
units = tmx.tmxfile.parsefile(sys.argv[1]).units
langs, unlabelled = {}, 0
for unit in units:
    for node in unit.getlanguageNodes():
        lang = getXMLlang(node)
        if lang is None:
            unlabelled += 1
        else:
            lang = lang.lower().replace("_", "-")
            langs[lang] = langs.get(lang, 0) + 1
print(json.dumps({"units": len(units), "langs": langs, "unlabelled": unlabelled}))
)";

// What translate-toolkit reads in `tmx` (see kReferee), or null when it cannot read the file.
nlohmann::json Referee(const TempDir& dir, const fs::path& tmx) {
  if (!fs::exists(dir / "referee.py")) WriteFile(dir / "referee.py", kReferee);
  fs::path out = dir / "referee.json";
  std::string command = "/usr/bin/python3 " + (dir / "referee.py").string() + " '" + tmx.string() +
                        "' >'" + out.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return nullptr;
  return nlohmann::json::parse(ReadFile(out));
}

// Variants by language, lower case, from `tmx stats --json`'s "languages".
std::map<std::string, std::size_t> StatsLanguages(const nlohmann::json& languages) {
  std::map<std::string, std::size_t> counts;
  for (const nlohmann::json& language : languages) {
    std::string lang = language["lang"];
    for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    counts[lang] += language["segments"].get<std::size_t>();
  }
  return counts;
}

// The files with a genuine error in them; every other one is valid TMX.
bool HasGenuineErrors(const fs::path& file) {
  return file.filename() == "invalid.tmx" || file.filename() == "html_test.tmx";
}

std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// The lines of `text` that contain `needle`.
std::vector<std::string> LinesWith(const std::string& text, const std::string& needle) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(needle) != std::string::npos) lines.push_back(line);
  }
  return lines;
}

// A two-unit English-French memory as termalign writes it, tagged "en" and "fr".
void WriteOurs(const TempDir& dir) {
  WriteFile(dir / "pairs.tsv", "The pump stops.\tLa pompe s'arrete.\nTouch Retry.\tToucher Reprendre.\n");
  RunResult exported =
      RunCli("tmx export --src-lang en --tgt-lang fr --pairs pairs.tsv -o ours.tmx", dir.path());
  BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
}

BOOST_AUTO_TEST_SUITE(tmx_interop_cli)

BOOST_AUTO_TEST_CASE(files_of_other_tools_validate_without_errors) {
  fs::path interop = InteropOrSkip("validating other tools' TMX files");
  if (interop.empty()) return;
  TempDir dir;
  std::size_t checked = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(interop)) {
    if (entry.path().extension() != ".tmx" || HasGenuineErrors(entry.path())) continue;
    ++checked;
    RunResult result = RunCli("tmx validate " + Quoted(entry.path()), dir.path());
    BOOST_TEST_CONTEXT(entry.path().filename().string() << "\n" << result.out << result.err) {
      BOOST_TEST(result.exit_code == 0);
      BOOST_TEST(LinesWith(result.out, ": error: ").empty());
    }
  }
  BOOST_TEST(checked >= 10u);
}

BOOST_AUTO_TEST_CASE(case_of_tags_and_repeated_units_are_warnings) {
  fs::path interop = InteropOrSkip("warnings on other tools' TMX files");
  if (interop.empty()) return;
  TempDir dir;
  RunResult mytm = RunCli("tmx validate " + Quoted(interop / "mytm.tmx"), dir.path());
  BOOST_TEST(mytm.exit_code == 0);
  // One warning a tag, with the count: Okapi writes every tag in upper case.
  std::vector<std::string> expected = {
      (interop / "mytm.tmx").string() +
          ":16:7: warning: xml:lang: 'EN-US' is not in canonical case ('en-US') and 26 more "
          "time(s) [lang-case]",
      (interop / "mytm.tmx").string() +
          ":19:7: warning: xml:lang: 'FR-FR' is not in canonical case ('fr-FR') and 24 more "
          "time(s) [lang-case]"};
  BOOST_TEST(LinesWith(mytm.out, ": warning: ") == expected, boost::test_tools::per_element());
  // --strict makes the same warnings count.
  RunResult strict = RunCli("tmx validate --strict " + Quoted(interop / "mytm.tmx"), dir.path());
  BOOST_TEST(strict.exit_code == 1);
  BOOST_TEST(LinesWith(strict.out, ": warning: ").empty());
  BOOST_TEST(!LinesWith(strict.out, ": error: ").empty());

  RunResult sample = RunCli("tmx validate " + Quoted(interop / "sample14b.tmx"), dir.path());
  BOOST_TEST(sample.exit_code == 0);
  std::vector<std::string> repeated = LinesWith(sample.out, "[repeated-unit]");
  BOOST_TEST_REQUIRE(repeated.size() == 1u, sample.out);
  BOOST_TEST(std::regex_search(repeated[0],
                               std::regex(": warning: this unit repeats the segments of the unit "
                                          "at line [0-9]+ \\([1-9][0-9]* unit\\(s\\) in the file")));

  RunResult old = RunCli("tmx validate " + Quoted(interop / "test-SMP.tmx"), dir.path());
  BOOST_TEST(old.exit_code == 0);
  BOOST_TEST(LinesWith(old.out, "[version]") ==
                 std::vector<std::string>{(interop / "test-SMP.tmx").string() +
                                          ":3:1: warning: version 1.1: checked as 1.4b, with "
                                          "'lang' in place of xml:lang [version]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(genuine_errors_are_reported_exactly) {
  fs::path interop = InteropOrSkip("errors in other tools' TMX files");
  if (interop.empty()) return;
  TempDir dir;
  RunResult invalid = RunCli("tmx validate invalid.tmx", interop);
  BOOST_TEST(invalid.exit_code == 1);
  // Each of the two segments: an <ept> first, then two <bpt> with one i, neither closed.
  std::vector<std::string> expected_invalid;
  for (int line : {12, 20}) {
    auto at = [&](int offset) { return "invalid.tmx:" + std::to_string(line + offset) + ":6: error: "; };
    expected_invalid.push_back(at(0) + "<ept i=\"1\"> has no <bpt> before it [inline-pairing]");
    expected_invalid.push_back(at(2) + "<bpt i=\"1\"> has no matching <ept> in this segment "
                                       "[inline-pairing]");
    expected_invalid.push_back(at(3) + "<bpt i=\"1\"> repeats an i already used in this segment "
                                       "[inline-pairing]");
    expected_invalid.push_back(at(3) + "<bpt i=\"1\"> has no matching <ept> in this segment "
                                       "[inline-pairing]");
  }
  BOOST_TEST(LinesWith(invalid.out, ": error: ") == expected_invalid,
             boost::test_tools::per_element());

  RunResult html = RunCli("tmx validate html_test.tmx", interop);
  BOOST_TEST(html.exit_code == 1);
  std::vector<std::string> expected_html = {
      "html_test.tmx:14:1: error: <prop> has no attribute 'type2' [attribute]",
      "html_test.tmx:14:1: error: <prop> lacks the required attribute 'type' "
      "[required-attribute]"};
  BOOST_TEST(LinesWith(html.out, ": error: ") == expected_html, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validate_json_gives_one_finding_a_line) {
  fs::path interop = InteropOrSkip("validate --json");
  if (interop.empty()) return;
  TempDir dir;
  RunResult result = RunCli("tmx validate --json html_test.tmx", interop);
  BOOST_TEST(result.exit_code == 1);
  std::vector<std::string> lines = LinesWith(result.out, "\"rule\":\"attribute\"");
  BOOST_TEST(lines == std::vector<std::string>{"{\"column\":1,\"file\":\"html_test.tmx\","
                                               "\"line\":14,\"message\":\"<prop> has no "
                                               "attribute 'type2'\",\"rule\":\"attribute\","
                                               "\"severity\":\"error\"}"},
             boost::test_tools::per_element());
  for (const std::string& line : LinesWith(result.out, "")) {
    BOOST_TEST(line.front() == '{');
  }
}

BOOST_AUTO_TEST_CASE(merge_matches_languages_as_import_does) {
  fs::path interop = InteropOrSkip("merging with an Okapi memory");
  if (interop.empty()) return;
  TempDir dir;
  WriteOurs(dir);
  for (const std::string& order : {"ours.tmx " + Quoted(interop / "mytm.tmx"),
                                   Quoted(interop / "mytm.tmx") + " ours.tmx"}) {
    BOOST_TEST_CONTEXT(order) {
      RunResult merged = RunCli("tmx merge " + order + " -o m.tmx", dir.path());
      BOOST_TEST(merged.exit_code == 0, merged.err);
      BOOST_TEST(merged.err.find("merged 27 unit(s) into m.tmx") != std::string::npos,
                 merged.err);
      RunResult valid = RunCli("tmx validate m.tmx", dir.path());
      BOOST_TEST(valid.exit_code == 0, valid.out + valid.err);
      RunResult imported = RunCli("tmx import m.tmx", dir.path());
      BOOST_TEST(imported.exit_code == 0, imported.err);
      BOOST_TEST(LinesWith(imported.out, "\t").size() == 27u);
    }
  }
}

BOOST_AUTO_TEST_CASE(merge_reports_a_unit_it_cannot_place) {
  TempDir dir;
  WriteOurs(dir);
  WriteFile(dir / "de.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" "
            "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
            "srclang=\"de\" datatype=\"plaintext\"/><body>\n"
            "<tu><tuv xml:lang=\"de\"><seg>Ja</seg></tuv><tuv xml:lang=\"fr\"><seg>Oui</seg>"
            "</tuv></tu>\n<tu><tuv xml:lang=\"EN\"><seg>No</seg></tuv><tuv xml:lang=\"de\">"
            "<seg>Nein</seg></tuv></tu>\n</body></tmx>\n");
  RunResult merged = RunCli("tmx merge ours.tmx de.tmx -o m.tmx", dir.path());
  BOOST_TEST(merged.exit_code == 2);
  BOOST_TEST(merged.err ==
             "termalign: error: de.tmx: 1 unit(s) with no variant in en (nor another tag of its "
             "language) not merged; first at line 3 (languages: de, fr)\n"
             "merged 3 unit(s) into m.tmx: 0 exact duplicate(s) dropped, 0 conflict(s) (same "
             "source, other translation) kept, 1 unit(s) NOT merged\n");
}

BOOST_AUTO_TEST_CASE(import_takes_regional_variants_and_unit_srclang) {
  fs::path interop = InteropOrSkip("importing compliance kit files");
  if (interop.empty()) return;
  TempDir dir;
  RunResult regional = RunCli("tmx import " + Quoted(interop / "ImportTest1E.tmx"), dir.path());
  BOOST_TEST(regional.exit_code == 0, regional.err);
  BOOST_TEST(LinesWith(regional.out, "\t").size() == 3u);
  BOOST_TEST(regional.err.empty());

  RunResult many = RunCli("tmx import ImportTest1J_many.tmx", interop);
  BOOST_TEST(many.exit_code == 0, many.err);
  BOOST_TEST(many.out ==
             "First entry in US English\tFirst entry in UK English\n"
             "Second entry in US English\tSecond entry in UK English\n");
  BOOST_TEST(many.err.find("termalign: warning: ImportTest1J_many.tmx: several language pairs: "
                           "en-US to en-GB (2 unit(s)), es-ES to en-US (1 unit(s)); importing "
                           "en-US to en-GB") != std::string::npos,
             many.err);

  RunResult four = RunCli("tmx import en-US_en-GB_fr_sr.tmx", interop);
  BOOST_TEST(four.exit_code == 2);
  BOOST_TEST(four.err ==
             "termalign: error: importing en-US_en-GB_fr_sr.tmx: en-US_en-GB_fr_sr.tmx: several "
             "language pairs: en-US to en-GB (1 unit(s)), en-US to fr (1 unit(s)), en-US to sr (1 "
             "unit(s)): choose with --src-lang and --tgt-lang\n");
}

// translate-toolkit reads every unit without choosing languages: termalign must read as many
// (imported or reported as skipped) from each file both can read.
BOOST_AUTO_TEST_CASE(import_reads_as_many_units_as_translate_toolkit) {
  fs::path interop = InteropOrSkip("the translate-toolkit comparison");
  if (interop.empty() || !TranslateToolkitOrSkip("the translate-toolkit comparison")) return;
  TempDir dir;
  std::size_t compared = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(interop)) {
    if (entry.path().extension() != ".tmx") continue;
    fs::path counted = dir / "count.txt";
    std::string script =
        "/usr/bin/python3 -c 'import sys; from translate.storage import tmx; "
        "print(len(tmx.tmxfile.parsefile(sys.argv[1]).units))' " +
        Quoted(entry.path()) + " >" + Quoted(counted) + " 2>/dev/null";
    if (std::system(script.c_str()) != 0) continue;
    std::size_t expected = std::stoul(ReadFile(counted));
    // Files with several pairs of equal weight need the pair named.
    std::string langs =
        entry.path().filename() == "en-US_en-GB_fr_sr.tmx" ? " --src-lang en-US --tgt-lang fr" : "";
    RunResult imported = RunCli("tmx import" + langs + " " + Quoted(entry.path()), dir.path());
    BOOST_TEST_CONTEXT(entry.path().filename().string() << "\n" << imported.err) {
      BOOST_TEST(imported.exit_code == 0);
      std::size_t pairs = LinesWith(imported.out, "\t").size();
      std::smatch skipped;
      std::size_t read = std::regex_search(imported.err, skipped,
                                           std::regex("([0-9]+) of ([0-9]+) unit\\(s\\) skipped"))
                             ? std::stoul(skipped[2])
                             : pairs;
      BOOST_TEST(read == expected);
      ++compared;
    }
  }
  BOOST_TEST(compared >= 10u);
}

// `tmx stats` counts the units and each language's variants as translate-toolkit reads them,
// one language whatever the case of its tags ("en-us", "En-uS" in one file).
BOOST_AUTO_TEST_CASE(stats_count_as_translate_toolkit_reads) {
  fs::path interop = InteropOrSkip("stats against translate-toolkit");
  if (interop.empty() || !TranslateToolkitOrSkip("stats against translate-toolkit")) return;
  TempDir dir;
  std::size_t compared = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(interop)) {
    if (entry.path().extension() != ".tmx") continue;
    nlohmann::json expected = Referee(dir, entry.path());
    if (expected.is_null()) continue;
    RunResult stats = RunCli("tmx stats --json " + Quoted(entry.path()), dir.path());
    BOOST_TEST_CONTEXT(entry.path().filename().string() << "\n" << stats.err) {
      BOOST_TEST(stats.exit_code == 0);
      nlohmann::json got = nlohmann::json::parse(stats.out);
      BOOST_TEST(got["units"] == expected["units"]);
      // translate-toolkit reads no language from TMX 1.1's 'lang' attribute; termalign does.
      if (expected["unlabelled"] == 0) {
        std::map<std::string, std::size_t> langs = StatsLanguages(got["languages"]);
        BOOST_TEST((langs == expected["langs"].get<std::map<std::string, std::size_t>>()));
        BOOST_TEST(got["languages"].size() == langs.size());
      }
      ++compared;
    }
  }
  BOOST_TEST(compared >= 10u);
}

// `tmx merge`'s output, read by translate-toolkit, holds the inputs' units less the duplicates
// the merge reported: each file merged with itself (every unit a duplicate of its twin), and
// all the files in en-US merged in one.
BOOST_AUTO_TEST_CASE(merge_output_holds_the_units_less_duplicates_for_translate_toolkit) {
  fs::path interop = InteropOrSkip("merge against translate-toolkit");
  if (interop.empty() || !TranslateToolkitOrSkip("merge against translate-toolkit")) return;
  TempDir dir;
  std::vector<std::vector<fs::path>> merges;
  std::vector<fs::path> en_us;
  for (const fs::directory_entry& entry : fs::directory_iterator(interop)) {
    if (entry.path().extension() != ".tmx" || Referee(dir, entry.path()).is_null()) continue;
    merges.push_back({entry.path(), entry.path()});
    RunResult stats = RunCli("tmx stats --json " + Quoted(entry.path()), dir.path());
    if (nlohmann::json::parse(stats.out)["srclang"] == "en-US") en_us.push_back(entry.path());
  }
  BOOST_TEST(merges.size() >= 10u);
  BOOST_TEST(en_us.size() >= 5u);
  merges.push_back(en_us);
  for (const std::vector<fs::path>& inputs : merges) {
    std::string args;
    std::size_t units = 0;
    std::set<std::string> langs;
    for (const fs::path& input : inputs) {
      args += " " + Quoted(input);
      nlohmann::json read = Referee(dir, input);
      units += read["units"].get<std::size_t>();
      for (const auto& [lang, count] : read["langs"].items()) langs.insert(lang);
    }
    RunResult merged = RunCli("tmx merge" + args + " -o m.tmx", dir.path());
    BOOST_TEST_CONTEXT(args << "\n" << merged.err) {
      BOOST_TEST(merged.exit_code == 0);
      std::smatch summary;
      BOOST_REQUIRE(std::regex_search(
          merged.err, summary,
          std::regex("merged ([0-9]+) unit\\(s\\) into m.tmx: ([0-9]+) exact duplicate")));
      std::size_t written = std::stoul(summary[1]);
      std::size_t duplicates = std::stoul(summary[2]);
      nlohmann::json read = Referee(dir, dir / "m.tmx");
      BOOST_REQUIRE(!read.is_null());
      BOOST_TEST(read["units"] == written);
      BOOST_TEST(written == units - duplicates);
      BOOST_TEST(read["unlabelled"] == 0);
      std::set<std::string> merged_langs;
      for (const auto& [lang, count] : read["langs"].items()) merged_langs.insert(lang);
      // Every language translate-toolkit found in the inputs is in the output.
      for (const std::string& lang : langs) BOOST_TEST(merged_langs.count(lang) == 1u, lang);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
