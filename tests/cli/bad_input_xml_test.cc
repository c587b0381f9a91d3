// Hostile and not-well-formed XML, end to end: deep nesting, markup xmllint refuses, and the
// characters XML 1.0 forbids on the way out. Every TMX and TBX reader refuses what xmllint
// refuses, with file:line:col, and never crashes. These cases back rows of the README's
// bad-input table.
#include <sys/wait.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kHeader[] =
    "<header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" "
    "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>";

// A TMX document: `before` ahead of <tmx>, `units` in the body, `after` past </tmx>.
std::string Tmx(const std::string& units, const std::string& before = "",
                const std::string& after = "") {
  return before + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">" + kHeader +
         "<body>\n" + units + "\n</body></tmx>\n" + after;
}

std::string Unit(const std::string& en_segment, const std::string& tu_attributes = "") {
  return "<tu" + tu_attributes + "><tuv xml:lang=\"en\"><seg>" + en_segment +
         "</seg></tuv><tuv xml:lang=\"fr\"><seg>pompe</seg></tuv></tu>";
}

// A TBX v2 document whose English term is `term`; `before`/`after` as for Tmx.
std::string Tbx(const std::string& term, const std::string& before = "",
                const std::string& after = "", const std::string& entry_attributes = "") {
  return before + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\">\n" +
         "<text><body><termEntry" + entry_attributes + "><langSet xml:lang=\"en\"><tig><term>" +
         term + "</term></tig></langSet><langSet xml:lang=\"fr\"><tig><term>pompe</term></tig>" +
         "</langSet></termEntry></body></text></martif>\n" + after;
}

// "line:col" (1-based, column in bytes) of the first `marker` in `text`.
std::string PositionOf(const std::string& text, const std::string& marker,
                       std::size_t from = 0) {
  std::size_t offset = text.find(marker, from);
  BOOST_REQUIRE(offset != std::string::npos);
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// xmllint's verdict on `path` (true: well-formed), or nothing when it is not installed.
std::optional<bool> XmllintAccepts(const fs::path& path) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("skipped the xmllint comparison: xmllint is not installed");
    return std::nullopt;
  }
  int status = std::system(("xmllint --noout '" + path.string() + "' 2>/dev/null").c_str());
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// One kind of not-well-formed document, as TMX and as TBX, and what the readers say. The error
// is reported at the first `marker` after the first `anchor` ("" for the start).
struct Broken {
  std::string name;
  std::string tmx;
  std::string tmx_anchor;
  std::string tmx_marker;
  std::string tbx;
  std::string tbx_anchor;
  std::string tbx_marker;
  std::string why;
};

std::vector<Broken> BrokenDocuments() {
  return {
      {"content after the root", Tmx(Unit("pump"), "", Unit("water")), "</tmx>", "<tu>",
       Tbx("pump", "", "<tig/>"), "</martif>", "<tig/>",
       "after the root element: a document has one root element (not well-formed)"},
      {"junk before the declaration", Tmx(Unit("pump"), "junk"), "", "junk",
       Tbx("pump", "junk"), "", "junk", "text before the root element (not well-formed)"},
      {"declaration mid-document", Tmx(Unit("pump") + "<?xml version=\"1.0\"?>"), "",
       "<?xml version=\"1.0\"?>", Tbx("pump<?xml version=\"1.0\"?>"), "",
       "<?xml version=\"1.0\"?>",
       "an XML declaration is allowed only at the very start of the file (not well-formed)"},
      {"'<' in an attribute value", Tmx(Unit("pump", " tuid=\"a<b\"")), "", "<b\"",
       Tbx("pump", "", "", " id=\"a<b\""), "", "<b\"", "(write '&lt;') (not well-formed)"},
      {"'--' in a comment", Tmx(Unit("pump") + "<!-- a -- b -->"), "", "-- b",
       Tbx("pump<!-- a -- b -->"), "", "-- b", "'--' inside a comment (not well-formed)"},
      {"']]>' in text", Tmx(Unit("pump ]]> water")), "", "]]>", Tbx("pump ]]> water"), "",
       "]]>", "']]>' in text (write ']]&gt;') (not well-formed)"},
      {"a repeated attribute", Tmx(Unit("pump", " tuid=\"1\" tuid=\"2\"")), "",
       "tuid=\"2\"", Tbx("pump", "", "", " id=\"1\" id=\"2\""), "", "id=\"2\"",
       "repeated in <"},
  };
}

std::string Where(const std::string& document, const std::string& anchor,
                  const std::string& marker) {
  return PositionOf(document, marker, anchor.empty() ? 0 : document.find(anchor));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_with_its_place_not_a_crash) {
  TempDir dir;
  // 50,000 nested <hi> overflowed the stack of the recursive segment walk (exit 139).
  const int kLevels = 50'000;
  std::string deep = Repeat("<hi>", kLevels) + "x" + Repeat("</hi>", kLevels);
  std::string tmx = Tmx(Unit(deep));
  WriteFile(dir / "deep.tmx", tmx);
  // tmx, body, tu, tuv, seg: the 257th level is the 252nd <hi>.
  std::size_t first_hi = tmx.find("<hi>");
  std::string where = PositionOf(tmx, "<hi>", first_hi + 251 * 4);
  const std::string why = "elements nested deeper than 256 levels; termalign (like xmllint) "
                          "refuses them\n";
  RunResult import = RunCli("tmx import deep.tmx", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.out == "");
  BOOST_TEST(import.err == "termalign: error: importing deep.tmx: deep.tmx:" + where + ": " + why);
  RunResult validate = RunCli("tmx validate deep.tmx", dir.path());
  BOOST_TEST(validate.exit_code == 2);
  BOOST_TEST(validate.err == "termalign: error: deep.tmx:" + where + ": " + why);

  std::string tbx = Tbx(deep);
  WriteFile(dir / "deep.tbx", tbx);
  RunResult glossary = RunCli("glossary import deep.tbx --db t.db", dir.path());
  BOOST_TEST(glossary.exit_code == 2);
  std::string tbx_where = PositionOf(tbx, "<hi>", tbx.find("<hi>") + 249 * 4);
  BOOST_TEST(glossary.err == "deep.tbx:" + tbx_where + ": error: " + why);

  // 256 levels, as xmllint accepts, are read.
  const int kAccepted = 256 - 5;
  WriteFile(dir / "ok.tmx",
            Tmx(Unit(Repeat("<hi>", kAccepted) + "pump" + Repeat("</hi>", kAccepted))));
  RunResult ok = RunCli("tmx import ok.tmx", dir.path());
  BOOST_TEST(ok.exit_code == 0);
  BOOST_TEST(ok.out == "pump\tpompe\n");
  if (std::optional<bool> accepted = XmllintAccepts(dir / "ok.tmx")) BOOST_TEST(*accepted);
  if (std::optional<bool> accepted = XmllintAccepts(dir / "deep.tmx")) BOOST_TEST(!*accepted);
}

BOOST_AUTO_TEST_CASE(xml_that_xmllint_refuses_is_refused_by_every_reader) {
  for (const Broken& broken : BrokenDocuments()) {
    BOOST_TEST_CONTEXT(broken.name) {
      TempDir dir;
      WriteFile(dir / "f.tmx", broken.tmx);
      WriteFile(dir / "f.tbx", broken.tbx);
      if (std::optional<bool> accepted = XmllintAccepts(dir / "f.tmx")) BOOST_TEST(!*accepted);
      if (std::optional<bool> accepted = XmllintAccepts(dir / "f.tbx")) BOOST_TEST(!*accepted);

      RunResult import = RunCli("tmx import f.tmx", dir.path());
      BOOST_TEST(import.exit_code == 2);
      BOOST_TEST(import.out == "");
      std::string prefix = "termalign: error: importing f.tmx: f.tmx:" +
                           Where(broken.tmx, broken.tmx_anchor, broken.tmx_marker) + ": ";
      BOOST_TEST(import.err.substr(0, prefix.size()) == prefix);
      BOOST_TEST(import.err.find(broken.why) != std::string::npos, import.err);
      RunResult validate = RunCli("tmx validate f.tmx", dir.path());
      BOOST_TEST(validate.exit_code == 2);
      BOOST_TEST(validate.err.find(broken.why) != std::string::npos, validate.err);

      RunResult glossary = RunCli("glossary import f.tbx --db t.db", dir.path());
      BOOST_TEST(glossary.exit_code == 2);
      prefix = "f.tbx:" + Where(broken.tbx, broken.tbx_anchor, broken.tbx_marker) + ": error: ";
      BOOST_TEST(glossary.err.substr(0, prefix.size()) == prefix);
      BOOST_TEST(glossary.err.find(broken.why) != std::string::npos, glossary.err);
      BOOST_TEST(RunCli("lookup pompe --db t.db", dir.path()).exit_code != 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(well_formed_corners_are_still_read) {
  TempDir dir;
  // What the checks must let through: a comment and an instruction after the root, single
  // quotes, '>' and spaces around '=' in attributes, CDATA holding markup, "]]" without '>'.
  std::string tmx = Tmx("<!-- units -->" + Unit("pump ]] <![CDATA[<&>]]> a>b", " tuid = 'x>y'"),
                        "", "<!-- end --><?done?>\n");
  WriteFile(dir / "ok.tmx", tmx);
  if (std::optional<bool> accepted = XmllintAccepts(dir / "ok.tmx")) BOOST_TEST(*accepted);
  RunResult import = RunCli("tmx import ok.tmx --format json", dir.path());
  BOOST_TEST(import.exit_code == 0, import.err);
  BOOST_TEST(import.out.find("\"source\":\"pump ]] <&> a>b\"") != std::string::npos, import.out);
  BOOST_TEST(import.out.find("\"tuid\":\"x>y\"") != std::string::npos, import.out);
}

BOOST_AUTO_TEST_CASE(tbx_export_strips_and_counts_what_xml_forbids) {
  TempDir dir;
  // U+FFFE and U+FFFF are valid UTF-8 but not XML characters: the export used to write them.
  RunResult add = RunCli(
      "glossary add \"$(printf 'pump\\357\\277\\277')\" --lang en "
      "--note \"$(printf 'a note\\357\\277\\276')\" --db t.db",
      dir.path());
  BOOST_REQUIRE_EQUAL(add.exit_code, 0);
  RunResult exported = RunCli("glossary export --db t.db -o g.tbx", dir.path());
  BOOST_TEST(exported.exit_code == 0);
  BOOST_TEST(exported.err.find("termalign: warning: removed 2 character(s) that XML 1.0 forbids "
                               "(control characters, U+FFFE, U+FFFF) from terms, notes and "
                               "examples\n") != std::string::npos,
             exported.err);
  std::string tbx = ReadFile(dir / "g.tbx");
  BOOST_TEST(tbx.find("<term>pump</term>") != std::string::npos);
  BOOST_TEST(tbx.find("<note>a note</note>") != std::string::npos);
  if (std::optional<bool> accepted = XmllintAccepts(dir / "g.tbx")) BOOST_TEST(*accepted);
  RunResult again = RunCli("glossary import g.tbx --db u.db", dir.path());
  BOOST_TEST(again.exit_code == 0, again.err);
  BOOST_TEST(RunCli("lookup pump --db u.db", dir.path()).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(run_writes_a_well_formed_tbx_from_documents_holding_uffff) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  // U+FFFF is valid UTF-8: the documents are read, and the example sentences the glossary keeps
  // (every sentence holds one) carry it to the TBX unless the writer drops it.
  WriteFile(dir / "corpus/t.en.txt",
            "The pump station\xEF\xBF\xBF opened in May.\n"
            "The pump station moves water\xEF\xBF\xBF to the town.\n");
  WriteFile(dir / "corpus/t.fr.txt",
            "La station de pompage\xEF\xBF\xBF a ouvert en mai.\n"
            "La station de pompage am\xC3\xA8ne l'eau\xEF\xBF\xBF \xC3\xA0 la ville.\n");
  RunResult run = RunCli("run corpus --out out", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(run.err.find("termalign: warning: glossary.tbx: removed ") != std::string::npos,
             run.err);
  std::string tbx = ReadFile(dir / "out/glossary.tbx");
  BOOST_TEST(!tbx.empty());
  BOOST_TEST(tbx.find("\xEF\xBF\xBF") == std::string::npos);
  if (std::optional<bool> accepted = XmllintAccepts(dir / "out/glossary.tbx")) {
    BOOST_TEST(*accepted);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
