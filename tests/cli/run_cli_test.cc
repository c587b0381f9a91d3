// End-to-end tests of `termalign run`: a corpus folder in, TMX, glossary and report out.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

// An original three-language mini corpus: the French side drops one sentence.
const char kEnglish[] =
    "The Northgate library reopens\n"
    "The Northgate library reopened on Saturday after two years of renovation.\n"
    "The building now has 120 reading places and a children's wing.\n"
    "The city council paid 4.2 million euros for the work.\n"
    "Librarian Ana Duarte said the new roof finally keeps the rain out.\n"
    "Opening hours are from 9 a.m. to 7 p.m., six days a week.\n";
const char kFrench[] =
    "La bibliothèque de Northgate rouvre\n"
    "La bibliothèque de Northgate a rouvert samedi après deux ans de rénovation.\n"
    "Le bâtiment compte désormais 120 places de lecture et une aile pour les enfants.\n"
    "Le conseil municipal a payé 4,2 millions d'euros pour les travaux.\n"
    "Elle est ouverte de 9 heures à 19 heures, six jours sur sept.\n";
const char kArabic[] =
    "أعادت مكتبة نورثغيت فتح أبوابها يوم السبت بعد عامين من الترميم.\n"
    "وقالت أمينة المكتبة آنا دوارتي إن السقف الجديد يمنع المطر أخيرا.\n";

bool HaveChromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// The page as Chromium lays it out, through --dump-dom; "" when Chromium is missing.
std::string RenderedDom(const fs::path& html, const fs::path& dir) {
  fs::path dom = dir / "dom.html";
  std::string command = "chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://" +
                        html.string() + "' >'" + dom.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return "";
  return ReadFile(dom);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run_cli)

BOOST_AUTO_TEST_CASE(runs_the_whole_job_on_a_small_corpus) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/library.en.txt", kEnglish);
  WriteFile(dir / "corpus/library.fr.txt", kFrench);
  WriteFile(dir / "corpus/library-news.txt", kArabic);  // language guessed
  WriteFile(dir / "corpus/notes.md", "not a document");
  RunResult result = RunCli("run corpus --out out", dir.path());
  BOOST_TEST(result.exit_code == 0);
  // stderr is not a terminal: no progress line; only the file it skipped, and why.
  BOOST_TEST(result.err == "termalign: warning: corpus/notes.md: skipped: not a document termalign "
                           "reads (give .txt, .docx, .odt, .html or .pdf files, or XLIFF and PO "
                           "files)\n");
  const std::string& out = result.out;
  BOOST_TEST(out.find("termalign run: corpus -> out\n") == 0u);
  BOOST_TEST(out.find("documents   3: library.en.txt (en), library.fr.txt (fr), "
                      "library-news.txt (ar, guessed)\n") != std::string::npos);
  BOOST_TEST(out.find("pairs       1\n  library ") != std::string::npos);
  BOOST_TEST(out.find("monolingual 1 library-news.txt\n") != std::string::npos);
  BOOST_TEST(out.find("coverage    en ") != std::string::npos);
  BOOST_TEST(out.find("omission") != std::string::npos);
  BOOST_TEST(out.find("out/tmx/library.en-fr.tmx") != std::string::npos);
  for (const char* file : {"tmx/library.en-fr.tmx", "termalign.tmx", "termalign.db",
                           "glossary.tbx", "report.html", "qa.jsonl"}) {
    BOOST_TEST(fs::exists(dir / "out" / file), file);
  }
  BOOST_TEST(RunCli("tmx validate out/termalign.tmx", dir.path()).exit_code == 0);
  // The omitted sentence is reported, by its text.
  std::string findings = ReadFile(dir / "out/qa.jsonl");
  BOOST_TEST(findings.find("\"type\":\"omission\"") != std::string::npos);
  BOOST_TEST(findings.find("Librarian Ana Duarte said the new roof") != std::string::npos);

  // A second run over the same folder learns nothing new and still succeeds.
  RunResult again = RunCli("run corpus --out out", dir.path());
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err.find("already in the glossary") != std::string::npos);
}

// The summary's top terms are the extractor's best, not the commonest words: "tram line" (twice)
// before "years" (three times).
BOOST_AUTO_TEST_CASE(top_terms_put_the_best_terms_first) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/tram.en.txt",
            "The tram line opened after three years of work.\n"
            "The tram line runs to the harbour.\n"
            "Fares rose twice in five years.\n"
            "Ten years ago the harbour closed.\n");
  WriteFile(dir / "corpus/tram.fr.txt",
            "La ligne de tramway a ouvert après trois ans de travaux.\n"
            "La ligne de tramway va jusqu’au port.\n"
            "Les tarifs ont augmenté deux fois en cinq ans.\n"
            "Il y a dix ans, le port a fermé.\n");
  RunResult result = RunCli("run corpus --out out", dir.path());
  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  const std::size_t top = result.out.find("top terms   tram line = ligne de tramway (2);");
  BOOST_TEST(top != std::string::npos, result.out);
  const std::size_t years = result.out.find("years = ans (3)");
  BOOST_TEST(years != std::string::npos, result.out);
  BOOST_TEST(top < years);
}

BOOST_AUTO_TEST_CASE(quiet_silences_warnings) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/library.en.txt", kEnglish);
  WriteFile(dir / "corpus/library.fr.txt", kFrench);
  BOOST_TEST(RunCli("run corpus --out out", dir.path()).exit_code == 0);
  RunResult again = RunCli("run -q corpus --out out", dir.path());
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err.empty());
}

BOOST_AUTO_TEST_CASE(a_progress_line_is_shown_only_on_a_terminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("skipped: needs script(1) to give the command a terminal");
    return;
  }
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/library.en.txt", kEnglish);
  WriteFile(dir / "corpus/library.fr.txt", kFrench);
  auto on_terminal = [&](const std::string& flags) {
    std::string command = "cd '" + dir.path().string() + "' && script -qc \"'" +
                          std::string(TERMALIGN_BINARY) + "' run " + flags +
                          " corpus --out out >/dev/null\" /dev/null >'" +
                          (dir / "tty.txt").string() + "' 2>&1";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    return ReadFile(dir / "tty.txt");
  };
  std::string shown = on_terminal("");
  BOOST_TEST(shown.find("\rtermalign: aligning library (1/1)") != std::string::npos);
  BOOST_TEST(on_terminal("--quiet").find("termalign:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_corpus_without_pairs_still_builds_the_glossary) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/library.ar.txt", kArabic);
  RunResult result = RunCli("run corpus --out out", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("pairs       0\n") != std::string::npos);
  BOOST_TEST(result.out.find("monolingual 1 library.ar.txt\n") != std::string::npos);
  BOOST_TEST(result.out.find("out/termalign.tmx") == std::string::npos);
  BOOST_TEST(fs::exists(dir / "out/termalign.db"));
  BOOST_TEST(fs::exists(dir / "out/report.html"));
}

BOOST_AUTO_TEST_CASE(a_missing_or_empty_folder_is_an_error) {
  TempDir dir;
  RunResult result = RunCli("run nowhere --out out", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: reading the folder nowhere: ") == 0u);
  fs::create_directories(dir / "empty");
  result = RunCli("run empty --out out", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "termalign: error: no document in empty (name them NAME.LANG.EXT, e.g. "
             "report.en.txt or manual.fr.docx; .txt, .docx, .odt, .html and .pdf are read)\n");
}

BOOST_AUTO_TEST_CASE(a_bad_document_is_reported_and_the_rest_is_done) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/library.en.txt", kEnglish);
  WriteFile(dir / "corpus/library.fr.txt", kFrench);
  WriteFile(dir / "corpus/broken.en.txt", std::string("Bad \xC3\x28 bytes.\n"));
  WriteFile(dir / "corpus/broken.fr.txt", "Des octets.\n");
  RunResult result = RunCli("run corpus --out out", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("broken.en.txt") != std::string::npos);
  BOOST_TEST(result.err.find("invalid UTF-8") != std::string::npos);
  BOOST_TEST(fs::exists(dir / "out/tmx/library.en-fr.tmx"));
  BOOST_TEST(fs::exists(dir / "out/report.html"));
}

BOOST_AUTO_TEST_CASE(the_report_renders_in_a_browser_with_summary_and_findings) {
  if (!HaveChromium()) {
    BOOST_TEST_MESSAGE("skipped: chromium is not installed (scripts/install-deps.sh --ci)");
    return;
  }
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/library.en.txt", kEnglish);
  WriteFile(dir / "corpus/library.fr.txt", kFrench);
  BOOST_REQUIRE(RunCli("run corpus --out out", dir.path()).exit_code == 0);
  std::string dom = RenderedDom(dir / "out/report.html", dir.path());
  BOOST_REQUIRE(!dom.empty());
  BOOST_TEST(dom.find("<h2>Summary</h2>") != std::string::npos);
  BOOST_TEST(dom.find("source coverage") != std::string::npos);
  BOOST_TEST(dom.find("class=\"k k-omission\"") != std::string::npos);
  BOOST_TEST(dom.find("class=\"bead b-om") != std::string::npos);
  BOOST_TEST(dom.find("Librarian Ana Duarte said the new roof finally keeps the rain out.") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(seeds_give_valid_tmx_a_glossary_and_a_report) {
  fs::path shared = SharedDirOrSkip("run over the five seeds");
  if (shared.empty()) return;
  TempDir dir;
  fs::create_directories(dir / "corpus");
  const std::vector<std::pair<std::string, std::string>> names = {
      {"000_", "microsoft.en.txt"}, {"002_", "microsoft.fr.txt"}, {"001_", "statement.en.txt"},
      {"004_", "statement.fr.txt"}, {"003_", "later.ar.txt"}};
  for (const auto& entry : fs::directory_iterator(shared / "seeds")) {
    std::string file = entry.path().filename().string();
    for (const auto& [prefix, name] : names) {
      if (file.rfind(prefix, 0) == 0) fs::copy_file(entry.path(), dir / "corpus" / name);
    }
  }
  RunResult result = RunCli("run corpus --out out", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST_MESSAGE(result.out);
  BOOST_TEST(result.out.find("pairs       2\n") != std::string::npos);
  BOOST_TEST(result.out.find("monolingual 1 later.ar.txt\n") != std::string::npos);

  RunResult lookup = RunCli("lookup --db out/termalign.db IMOD", dir.path());
  BOOST_TEST(lookup.exit_code == 0);
  BOOST_TEST(lookup.out.find("ministère israélien de la Défense") != std::string::npos);

  std::string html = ReadFile(dir / "out/report.html");
  BOOST_TEST(html.find("microsoft.en.txt → microsoft.fr.txt") != std::string::npos);
  BOOST_TEST(html.find("k-omission") != std::string::npos);

  // The TMX and the CAT-tool glossary `run` wrote, read by OmegaT: the glossary pane gets
  // bilingual entries only, never a term with an empty target.
  auto omegat = RunOmegatCheck(dir.path(), dir / "out/termalign.tmx", {dir / "out/glossary.tbx"});
  if (!omegat) return;
  BOOST_TEST(omegat->exit_code == 0, omegat->log);
  std::vector<std::string> entries = OmegatGlossaryEntries(omegat->log, "glossary.tbx");
  BOOST_TEST(!entries.empty(), omegat->log);
  BOOST_TEST(std::count(entries.begin(), entries.end(),
                        "IMOD => ministère israélien de la Défense") == 1, omegat->log);
  BOOST_TEST(std::count_if(entries.begin(), entries.end(), HasEmptyTarget) == 0, omegat->log);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
