// Document readers: DOCX, ODT and HTML written by another tool (pandoc, when installed) and by
// hand with what real documents carry (hidden text, deleted revisions, field codes, text boxes,
// footnotes, scripts, navigation), and hostile input (damaged packages, deep nesting).
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <ostream>

#include "formats/document_text.h"
#include "formats/office_maker.h"
#include "test_util.h"

namespace termalign::formats {
inline std::ostream& operator<<(std::ostream& out, Format format) { return out << ToString(format); }
}  // namespace termalign::formats

namespace termalign::testing {
namespace {

using formats::Format;

bool Have(const char* program) {
  std::string command = std::string("command -v ") + program + " >/dev/null 2>&1";
  if (std::system(command.c_str()) == 0) return true;
  BOOST_TEST_MESSAGE("skipped: " << program << " is not installed");
  return false;
}

text::Result<formats::ExtractedText> Extract(const fs::path& path) {
  std::string bytes = ReadFile(path);
  return formats::ExtractText(bytes, formats::DetectFormat(bytes, path.string()), path.string());
}

const char* kDocument = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:r><w:t>The depot </w:t></w:r><w:del><w:r><w:delText>never </w:delText></w:r></w:del><w:ins><w:r><w:t>opens</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> at dawn.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden note.</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> is the page.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>)";

const char* kFootnotes = R"(<?xml version="1.0" encoding="UTF-8"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>A note at the foot.</w:t></w:r></w:p></w:footnote>
</w:footnotes>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(document_text)

BOOST_AUTO_TEST_CASE(docx_keeps_what_a_reader_sees_and_nothing_else) {
  if (!Have("python3")) return;
  TempDir dir;
  Zip(dir / "a.docx", {{"[Content_Types].xml", "<Types/>"},
                       {"word/document.xml", kDocument},
                       {"word/footnotes.xml", kFootnotes},
                       {"word/styles.xml",
                        R"(<w:styles xmlns:w="x"><w:docDefaults><w:rPrDefault><w:rPr>)"
                        R"(<w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>)"}});
  auto text = Extract(dir / "a.docx");
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  BOOST_TEST(text->format == Format::kDocx);
  BOOST_TEST(text->text ==
             "The depot opens at dawn.\n"
             "7 is the page.\n"
             "After the box.\n"
             "Boxed text.\n"
             "Cell one\n"
             "Cell two\n"
             "A note at the foot.\n");
  BOOST_TEST(text->lang == "en-GB");
  BOOST_REQUIRE(text->places.size() == 7u);
  BOOST_TEST(text->places[6].part == "word/footnotes.xml");
  BOOST_TEST(text->places[4].paragraph == 5u);
}

BOOST_AUTO_TEST_CASE(odt_notes_spaces_and_tracked_deletions) {
  if (!Have("python3")) return;
  TempDir dir;
  const char* content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="ta"><office:body><office:text>
<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted words.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h>Timetable</text:h>
<text:p>The ferry<text:s text:c="3"/>leaves<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Except on holidays.</text:p></text:note-body></text:note> at noon.<text:hidden-text text:string-value="x">secret</text:hidden-text></text:p>
<text:list><text:list-item><text:p>First stop</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>)";
  Zip(dir / "b.odt", {{"mimetype", "application/vnd.oasis.opendocument.text"},
                      {"content.xml", content},
                      {"meta.xml", R"(<office:document-meta xmlns:office="o" xmlns:dc="d">)"
                                   R"(<office:meta><dc:language>fr-FR</dc:language></office:meta>)"
                                   R"(</office:document-meta>)"}});
  auto text = Extract(dir / "b.odt");
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  BOOST_TEST(text->format == Format::kOdt);
  BOOST_TEST(text->text == "Timetable\nThe ferry leaves at noon.\nExcept on holidays.\nFirst stop\n");
  BOOST_TEST(text->lang == "fr-FR");
}

BOOST_AUTO_TEST_CASE(html_blocks_without_scripts_styles_or_navigation) {
  TempDir dir;
  WriteFile(dir / "c.html",
            "<!DOCTYPE html><html lang=\"fr\"><head><title>Titre</title><style>p{}</style></head>"
            "<body><nav><a href=\"/\">Accueil</a></nav><script>var x = 1;</script>"
            "<h1>Le tram</h1><p>Les lignes   de <b>tram</b> sont fermées.<br>Les bus les "
            "remplacent.</p><ul><li>Ligne 3</li><li>Ligne 4</li></ul></body></html>");
  auto text = Extract(dir / "c.html");
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  BOOST_TEST(text->format == Format::kHtml);
  BOOST_TEST(text->text ==
             "Le tram\nLes lignes de tram sont fermées.\nLes bus les remplacent.\nLigne 3\n"
             "Ligne 4\n");
  BOOST_TEST(text->lang == "fr");
}

BOOST_AUTO_TEST_CASE(html_in_latin1_and_nested_a_hundred_thousand_deep) {
  TempDir dir;
  WriteFile(dir / "d.html",
            "<html><head><meta charset=\"iso-8859-1\"></head><body><p>D\xE9p\xF4t</p></body></html>");
  auto latin = Extract(dir / "d.html");
  BOOST_REQUIRE(latin.ok());
  BOOST_TEST(latin->text == "Dépôt\n");
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div><span>";
  deep += "bottom";
  WriteFile(dir / "e.html", deep);
  auto nested = Extract(dir / "e.html");  // must not overflow the stack
  BOOST_REQUIRE(nested.ok());
}

BOOST_AUTO_TEST_CASE(damaged_and_unread_formats_are_named) {
  TempDir dir;
  WriteFile(dir / "f.docx", std::string("PK\x03\x04", 4) + "not really a zip");
  auto damaged = Extract(dir / "f.docx");
  BOOST_REQUIRE(!damaged.ok());
  BOOST_TEST(damaged.status().message().find("f.docx") != std::string::npos);
  WriteFile(dir / "g.pdf", "%PDF-1.7\n...");
  auto pdf = Extract(dir / "g.pdf");
  BOOST_REQUIRE(!pdf.ok());
  BOOST_TEST(pdf.status().message().find("g.pdf: not a readable PDF") != std::string::npos);
  WriteFile(dir / "h.xlf", "<?xml version=\"1.0\"?><xliff version=\"1.2\"></xliff>");
  auto xliff = Extract(dir / "h.xlf");
  BOOST_REQUIRE(!xliff.ok());
  BOOST_TEST(xliff.status().message().find("bilingual") != std::string::npos);
  BOOST_TEST((formats::DetectFormat("plain words", "x.txt") == Format::kText));
}

BOOST_AUTO_TEST_CASE(password_protected_and_legacy_office_files_are_named) {
  TempDir dir;
  WriteFile(dir / "locked.docx", EncryptedOfficeBytes());
  auto docx = Extract(dir / "locked.docx");
  BOOST_REQUIRE(!docx.ok());
  BOOST_TEST(docx.status().message() ==
             (dir / "locked.docx").string() +
                 ": the document is encrypted with a password; save an unprotected copy and "
                 "give that file");
  WriteEncryptedOdt(dir / "locked.odt");
  auto odt = Extract(dir / "locked.odt");
  BOOST_REQUIRE(!odt.ok());
  BOOST_TEST(odt.status().message().find("locked.odt: the document is encrypted") !=
                 std::string::npos,
             odt.status().message());
  // A compound file without the encryption streams is a legacy binary document.
  std::string legacy = EncryptedOfficeBytes();
  legacy.replace(legacy.find('E'), 1, "X");
  WriteFile(dir / "old.doc", legacy);
  auto doc = Extract(dir / "old.doc");
  BOOST_REQUIRE(!doc.ok());
  BOOST_TEST(doc.status().message().find("old.doc: a legacy binary Office file") !=
                 std::string::npos,
             doc.status().message());
}

BOOST_AUTO_TEST_CASE(files_pandoc_wrote_are_read_and_run_pairs_them_across_formats) {
  if (!Have("pandoc")) return;
  TempDir dir;
  fs::create_directories(dir / "in");
  WriteFile(dir / "en.md", "# Tram network\n\nThe tram lines are closed on Sunday.\n\n"
                           "- Line 3 runs every ten minutes.\n");
  WriteFile(dir / "fr.md", "# Réseau de tram\n\nLes lignes de tram sont fermées le dimanche.\n\n"
                           "- La ligne 3 passe toutes les dix minutes.\n");
  std::string cd = "cd '" + dir.path().string() + "' && ";
  BOOST_REQUIRE(std::system((cd + "pandoc en.md -o in/net.en.docx").c_str()) == 0);
  BOOST_REQUIRE(std::system((cd + "pandoc fr.md -o in/net.fr.odt").c_str()) == 0);
  WriteFile(dir / "in" / "notes.rtf", "{\\rtf1 notes}");
  auto en = Extract(dir / "in" / "net.en.docx");
  BOOST_REQUIRE_MESSAGE(en.ok(), en.status().message());
  BOOST_TEST(en->text == "Tram network\nThe tram lines are closed on Sunday.\n"
                         "Line 3 runs every ten minutes.\n");
  RunResult run = RunCli("run in -o out", dir.path());
  // The RTF file is named with what to do; the rest of the run is done.
  BOOST_TEST(run.exit_code == 2, run.err);
  BOOST_TEST(run.err.find("notes.rtf: RTF is not read; convert it to DOCX") != std::string::npos,
             run.err);
  std::string tmx = ReadFile(dir / "out" / "termalign.tmx");
  BOOST_TEST(tmx.find("Les lignes de tram sont fermées le dimanche.") != std::string::npos, tmx);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
