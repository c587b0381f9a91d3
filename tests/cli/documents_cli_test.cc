// Documents end to end: a manual and its translation given as DOCX, ODT, HTML or PDF align to the
// same beads as the same manual given as text, `run` pairs documents across formats, and a
// document it cannot read is named while the others go through.
#include <boost/test/unit_test.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "formats/office_maker.h"
#include "formats/pdf_maker.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

// A short garden pump manual, one paragraph per entry; "" marks a heading's end.
const std::vector<std::string> kEnglish = {
    "1. Before you start",
    "Read this manual before you use the pump for the first time. Keep it near the pump so that "
    "every user can find it. The pump is meant for clean water only.",
    "2. Installing the pump",
    "Place the pump on a flat and dry surface, at least two metres from the pond. Connect the "
    "suction hose to the inlet and tighten the nut by hand. Do not use tools on the plastic "
    "thread. Fill the pump housing with water through the filling plug.",
    "3. Starting the pump",
    "Open the valve on the pressure side before you switch the pump on. The pump primes itself "
    "within three minutes. If no water comes out after five minutes, switch the pump off and "
    "check that the suction hose is tight.",
    "4. Maintenance",
    "Clean the filter every month during the season. Drain the pump before the first frost, "
    "because ice damages the housing. Store the pump in a dry room over the winter.",
    "5. Faults",
    "If the motor stops suddenly, the thermal switch has cut the power. Let the motor cool down "
    "for twenty minutes before you start it again. Call the service centre if the fault comes "
    "back."};

const std::vector<std::string> kFrench = {
    "1. Avant de commencer",
    "Lisez ce manuel avant d'utiliser la pompe pour la première fois. Conservez-le près de la "
    "pompe afin que chaque utilisateur puisse le trouver. La pompe est destinée à l'eau propre "
    "uniquement.",
    "2. Installation de la pompe",
    "Placez la pompe sur une surface plane et sèche, à au moins deux mètres du bassin. Raccordez "
    "le tuyau d'aspiration à l'entrée et serrez l'écrou à la main. N'utilisez pas d'outils sur "
    "le filetage en plastique. Remplissez le corps de pompe d'eau par le bouchon de remplissage.",
    "3. Mise en marche de la pompe",
    "Ouvrez la vanne côté refoulement avant de mettre la pompe en marche. La pompe s'amorce "
    "d'elle-même en trois minutes. Si l'eau ne sort pas au bout de cinq minutes, arrêtez la "
    "pompe et vérifiez l'étanchéité du tuyau d'aspiration.",
    "4. Entretien",
    "Nettoyez le filtre chaque mois pendant la saison. Videz la pompe avant les premières "
    "gelées, car la glace endommage le corps de pompe. Rangez la pompe dans un local sec pendant "
    "l'hiver.",
    "5. Pannes",
    "Si le moteur s'arrête brusquement, le disjoncteur thermique a coupé le courant. Laissez le "
    "moteur refroidir vingt minutes avant de le remettre en marche. Appelez le service après-"
    "vente si la panne se reproduit."};

std::string AsText(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& paragraph : paragraphs) text += paragraph + "\n\n";
  return text;
}

// The manual laid out as a word processor prints it: lines of at most 60 characters, a gap
// between paragraphs, 14 lines to a page, a running header and a page number on every page.
std::string AsPdf(const std::vector<std::string>& paragraphs, const std::string& header) {
  std::vector<std::vector<std::string>> pages(1);
  auto add_line = [&](std::string line) {
    if (pages.back().size() >= 14) pages.emplace_back();
    pages.back().push_back(std::move(line));
  };
  for (const std::string& paragraph : paragraphs) {
    std::istringstream words(paragraph);
    std::string line;
    for (std::string word; words >> word;) {
      if (!line.empty() && line.size() + 1 + word.size() > 60) {
        add_line(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    add_line(line);
    add_line("");
  }
  std::vector<PdfPage> pdf_pages;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    PdfPage page = TextLines(pages[i]);
    page.push_back(PdfLine{72, 805, 9, header});
    page.push_back(PdfLine{290, 40, 9, std::to_string(i + 1)});
    pdf_pages.push_back(std::move(page));
  }
  return MakePdf(pdf_pages);
}

// The matched pairs of an alignment, "source<TAB>target" (the score left out).
std::set<std::string> Pairs(const std::string& tsv) {
  std::set<std::string> pairs;
  std::istringstream lines(tsv);
  for (std::string line; std::getline(lines, line);) {
    std::size_t score = line.rfind('\t');
    if (score != std::string::npos) pairs.insert(line.substr(0, score));
  }
  return pairs;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents_cli)

BOOST_AUTO_TEST_CASE(a_pdf_pair_aligns_like_the_same_text) {
  TempDir dir;
  WriteFile(dir / "pump.en.txt", AsText(kEnglish));
  WriteFile(dir / "pump.fr.txt", AsText(kFrench));
  WriteFile(dir / "pump.en.pdf", AsPdf(kEnglish, "Garden pump GP-40: user manual"));
  WriteFile(dir / "pump.fr.pdf", AsPdf(kFrench, "Pompe de jardin GP-40 : manuel"));
  RunResult text = RunCli("align --no-dict pump.en.txt pump.fr.txt", dir.path());
  BOOST_REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  RunResult pdf = RunCli("align --no-dict pump.en.pdf pump.fr.pdf", dir.path());
  BOOST_REQUIRE_MESSAGE(pdf.exit_code == 0, pdf.err);
  std::set<std::string> from_text = Pairs(text.out), from_pdf = Pairs(pdf.out);
  BOOST_REQUIRE_GE(from_text.size(), 20u);
  std::size_t same = 0;
  for (const std::string& pair : from_text) same += from_pdf.count(pair);
  BOOST_TEST(same * 100 >= from_text.size() * 95, same << " of " << from_text.size() << "\n"
                                                        << pdf.out);
  // Nothing of the page furniture reaches a sentence.
  BOOST_TEST(pdf.out.find("GP-40") == std::string::npos, pdf.out);
  BOOST_TEST(pdf.out.find("service après-vente") != std::string::npos, pdf.out);
}

BOOST_AUTO_TEST_CASE(docx_odt_and_html_align_to_the_beads_of_the_same_text) {
  TempDir dir;
  WriteFile(dir / "pump.en.txt", AsText(kEnglish));
  WriteFile(dir / "pump.fr.txt", AsText(kFrench));
  WriteDocx(dir / "pump.en.docx", kEnglish, "en-GB");
  WriteDocx(dir / "pump.fr.docx", kFrench, "fr-FR");
  WriteOdt(dir / "pump.en.odt", kEnglish);
  WriteOdt(dir / "pump.fr.odt", kFrench);
  WriteHtml(dir / "pump.en.html", kEnglish, "en");
  WriteHtml(dir / "pump.fr.html", kFrench, "fr");
  RunResult text = RunCli("align --no-dict pump.en.txt pump.fr.txt", dir.path());
  BOOST_REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  const std::set<std::string> expected = Pairs(text.out);
  BOOST_REQUIRE_GE(expected.size(), 20u);
  for (const char* ext : {"docx", "odt", "html"}) {
    std::string source = std::string("pump.en.") + ext, target = std::string("pump.fr.") + ext;
    RunResult document = RunCli("align --no-dict " + source + " " + target, dir.path());
    BOOST_REQUIRE_MESSAGE(document.exit_code == 0, ext << ": " << document.err);
    BOOST_TEST((Pairs(document.out) == expected), ext << ":\n" << document.out);
    // The page's furniture is not text: no sentence of the navigation bar or the script.
    BOOST_TEST(document.out.find("Home") == std::string::npos, ext << ":\n" << document.out);
  }
  // Across formats: the English DOCX against the French HTML page.
  RunResult mixed = RunCli("align --no-dict pump.en.docx pump.fr.html", dir.path());
  BOOST_REQUIRE_MESSAGE(mixed.exit_code == 0, mixed.err);
  BOOST_TEST((Pairs(mixed.out) == expected), mixed.out);
}

BOOST_AUTO_TEST_CASE(run_pairs_documents_across_formats_and_names_a_locked_one) {
  TempDir dir;
  fs::create_directories(dir / "in");
  WriteDocx(dir / "in/pump.en.docx", kEnglish, "en-GB");
  WriteFile(dir / "in/pump.fr.pdf", AsPdf(kFrench, "Pompe de jardin GP-40 : manuel"));
  WriteFile(dir / "in/locked.en.docx", EncryptedOfficeBytes());
  WriteOdt(dir / "in/locked.fr.odt", kFrench);
  RunResult run = RunCli("run in -o out --no-dict", dir.path());
  BOOST_TEST(run.exit_code == 2, run.err);
  BOOST_TEST(run.err.find("locked.en.docx: the document is encrypted with a password") !=
                 std::string::npos,
             run.err);
  std::string tmx = ReadFile(dir / "out/termalign.tmx");
  BOOST_TEST(tmx.find("<seg>Drain the pump before the first frost, because ice damages the "
                      "housing.</seg>") != std::string::npos,
             tmx);
  BOOST_TEST(tmx.find("<seg>Videz la pompe avant les premières gelées, car la glace endommage "
                      "le corps de pompe.</seg>") != std::string::npos,
             tmx);
}

// The bundled example: a DOCX written by pandoc and its translation printed to PDF by Chromium.
BOOST_AUTO_TEST_CASE(run_aligns_the_bundled_docx_and_pdf_example) {
  TempDir dir;
  const fs::path examples = fs::path(TERMALIGN_SOURCE_DIR) / "examples" / "documents";
  RunResult run = RunCli("run '" + examples.string() + "' -o out --no-dict", dir.path());
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  std::string tmx = ReadFile(dir / "out/termalign.tmx");
  for (const char* seg : {"<seg>1. Before you start</seg>", "<seg>1. Avant de commencer</seg>",
                          "<seg>Keep your receipt as proof of purchase.</seg>",
                          "<seg>Conservez votre ticket de caisse comme preuve d’achat.</seg>"}) {
    BOOST_TEST(tmx.find(seg) != std::string::npos, seg << "\n" << tmx);
  }
}

BOOST_AUTO_TEST_CASE(run_pairs_a_pdf_with_a_text_translation_and_names_a_bad_pdf) {
  TempDir dir;
  fs::create_directories(dir / "in");
  WriteFile(dir / "in/pump.en.pdf", AsPdf(kEnglish, "Garden pump GP-40: user manual"));
  WriteFile(dir / "in/pump.fr.txt", AsText(kFrench));
  WriteFile(dir / "in/broken.en.pdf", "%PDF-1.4\n1 0 obj\n<< /Type");
  WriteFile(dir / "in/broken.fr.txt", AsText(kFrench));
  RunResult run = RunCli("run in -o out --no-dict", dir.path());
  // One bad document is reported by name and the others still go through.
  BOOST_TEST(run.exit_code != 0);
  BOOST_TEST(run.err.find("broken.en.pdf: not a readable PDF") != std::string::npos, run.err);
  std::string tmx = ReadFile(dir / "out/termalign.tmx");
  BOOST_TEST(tmx.find("<seg>Clean the filter every month during the season.</seg>") !=
                 std::string::npos,
             tmx);
  BOOST_TEST(tmx.find("<seg>Nettoyez le filtre chaque mois pendant la saison.</seg>") !=
                 std::string::npos,
             tmx);
}

BOOST_AUTO_TEST_CASE(an_rtf_document_is_named_with_what_to_do_and_the_rest_goes_through) {
  TempDir dir;
  fs::create_directories(dir / "in");
  WriteDocx(dir / "in/pump.en.docx", kEnglish, "en-GB");
  WriteDocx(dir / "in/pump.fr.docx", kFrench, "fr-FR");
  const std::string rtf = "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard "
                          "Clean the filter every month.\\par}\n";
  WriteFile(dir / "in/filter.en.rtf", rtf);
  WriteFile(dir / "in/filter.fr.txt", "Nettoyez le filtre chaque mois.\n");
  WriteFile(dir / "in/notes.rtf", rtf);       // no language in its name
  WriteFile(dir / "in/memo.en.txt", rtf);     // told by its content, not its name
  WriteFile(dir / "in/memo.fr.txt", "Nettoyez le filtre.\n");
  RunResult run = RunCli("run in -o out --no-dict", dir.path());
  BOOST_TEST(run.exit_code == 2, run.err);
  for (const char* name : {"in/filter.en.rtf", "in/notes.rtf", "in/memo.en.txt"}) {
    BOOST_TEST(run.err.find(std::string("termalign: error: ") + name +
                            ": RTF is not read; convert it to DOCX") != std::string::npos,
               name << "\n" << run.err);
  }
  std::string tmx = ReadFile(dir / "out/termalign.tmx");
  BOOST_TEST(tmx.find("<seg>Nettoyez le filtre chaque mois pendant la saison.</seg>") !=
                 std::string::npos,
             tmx);
  // The partners of the RTF files are left out with them, not read as documents alone.
  BOOST_TEST(tmx.find("Nettoyez le filtre chaque mois.</seg>") == std::string::npos, tmx);
  BOOST_TEST(ReadFile(dir / "out/report.html").find("memo.fr.txt") == std::string::npos);

  // One document: the same message, exit 2.
  RunResult align = RunCli("align in/filter.en.rtf in/filter.fr.txt", dir.path());
  BOOST_TEST(align.exit_code == 2);
  BOOST_TEST(align.err.find("in/filter.en.rtf: RTF is not read; convert it to DOCX") !=
                 std::string::npos,
             align.err);
}

// The manual with one change: `paragraph` (from 0) of it has `from` replaced by `to`.
std::vector<std::string> Changed(std::vector<std::string> paragraphs, std::size_t paragraph,
                                 const std::string& from, const std::string& to) {
  std::size_t at = paragraphs[paragraph].find(from);
  BOOST_REQUIRE(at != std::string::npos);
  paragraphs[paragraph].replace(at, from.size(), to);
  return paragraphs;
}

BOOST_AUTO_TEST_CASE(qa_findings_in_documents_name_their_paragraph_and_page) {
  TempDir dir;
  fs::create_directories(dir / "in");
  // A number the translation changed (paragraph 10) and a sentence it left out (paragraph 8).
  const std::vector<std::string> english = Changed(kEnglish, 9, "twenty", "20");
  const std::vector<std::string> french = Changed(
      Changed(kFrench, 9, "vingt", "30"), 7,
      "Videz la pompe avant les premières gelées, car la glace endommage le corps de pompe. ",
      "");
  WriteDocx(dir / "in/pump.en.docx", english, "en-GB");
  WriteDocx(dir / "in/pump.fr.docx", french, "fr-FR");
  RunResult qa = RunCli("qa --no-dict in/pump.en.docx in/pump.fr.docx", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);
  BOOST_TEST(qa.out.find("in/pump.fr.docx: paragraph 10: ") != std::string::npos, qa.out);
  BOOST_TEST(qa.out.find("in/pump.en.docx: paragraph 8: ") != std::string::npos, qa.out);

  RunResult json = RunCli("qa --no-dict --json in/pump.en.docx in/pump.fr.docx", dir.path());
  BOOST_TEST(json.out.find("\"type\":\"number_mismatch\"") != std::string::npos, json.out);
  BOOST_TEST(json.out.find("\"place\":\"in/pump.fr.docx: paragraph 10\"") != std::string::npos,
             json.out);
  BOOST_TEST(json.out.find("\"target_place\":{\"paragraph\":10,\"part\":\"\"}") !=
                 std::string::npos,
             json.out);

  // Through run, the French side printed to PDF: its place is a page and a paragraph on it.
  fs::remove(dir / "in/pump.fr.docx");
  WriteFile(dir / "in/pump.fr.pdf", AsPdf(french, "Pompe de jardin GP-40 : manuel"));
  RunResult run = RunCli("run in -o out --no-dict", dir.path());
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::string jsonl = ReadFile(dir / "out/qa.jsonl");
  BOOST_TEST(jsonl.find("\"place\":\"pump.en.docx: paragraph 8\"") != std::string::npos, jsonl);
  const std::size_t number = jsonl.find("\"type\":\"number_mismatch\"");
  BOOST_REQUIRE(number != std::string::npos);
  const std::size_t start = jsonl.rfind('\n', number) + 1;  // npos + 1: the first line
  const std::string line = jsonl.substr(start, jsonl.find('\n', number) - start);
  BOOST_TEST(line.find("\"place\":\"pump.fr.pdf: page ") != std::string::npos, line);
  BOOST_TEST(line.find("\"target_place\":{\"paragraph\":") != std::string::npos, line);
  const std::string html = ReadFile(dir / "out/report.html");
  BOOST_TEST(html.find("<span class=\"unit\">pump.en.docx: paragraph 8</span>") !=
                 std::string::npos,
             html);
  BOOST_TEST(html.find("<i title=\"paragraph 8\">") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
