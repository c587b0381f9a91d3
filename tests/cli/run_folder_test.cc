// End-to-end tests of `termalign run` on odd corpus folders: ambiguous tags, long and non-UTF-8
// names, control characters in names, symbolic links and entries that are no files.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kEnglish[] =
    "The harbour reopened on Friday.\n"
    "The new quay is 240 metres long.\n";
const char kFrench[] =
    "Le port a rouvert vendredi.\n"
    "Le nouveau quai mesure 240 mètres.\n";

// A corpus folder with one good pair, "quay".
struct Corpus {
  Corpus() {
    fs::create_directories(dir / "corpus");
    WriteFile(dir / "corpus/quay.en.txt", kEnglish);
    WriteFile(dir / "corpus/quay.fr.txt", kFrench);
  }
  TempDir dir;
};

BOOST_AUTO_TEST_SUITE(run_folder)

BOOST_AUTO_TEST_CASE(the_exact_tag_is_paired_and_the_ambiguity_reported) {
  Corpus corpus;
  WriteFile(corpus.dir / "corpus/quay.en-GB.txt", "The harbour reopened on Friday, at last.\n");
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find("monolingual 1 quay.en-GB.txt\n") != std::string::npos, result.out);
  BOOST_TEST(result.err ==
             "termalign: warning: corpus/quay.en-GB.txt: a second en document named 'quay' "
             "(quay.en.txt, whose tag is exactly 'en', is paired); treated as monolingual\n");
  std::string tmx = ReadFile(corpus.dir / "out/tmx/quay.en-fr.tmx");
  BOOST_TEST(tmx.find("quay.en.txt") != std::string::npos);
  BOOST_TEST(tmx.find("quay.en-GB.txt") == std::string::npos);
}

// English and Arabic versions, no French: run pairs what the names pair, and says so; a
// target language given on the command line is kept.
BOOST_AUTO_TEST_CASE(a_folder_without_the_default_target_pairs_the_language_it_has) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/quay.en.txt", kEnglish);
  WriteFile(dir / "corpus/quay.ar.txt",
            "أعيد فتح الميناء يوم الجمعة.\n"
            "يبلغ طول الرصيف الجديد 240 مترا.\n");
  WriteFile(dir / "corpus/notes.de.txt", "Der Hafen ist wieder offen.\n");
  RunResult result = RunCli("run corpus -o out", dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.err.find("pairing en with ar documents: no fr document") != std::string::npos,
             result.err);
  BOOST_TEST(result.out.find("pairs       1\n") != std::string::npos, result.out);
  BOOST_TEST(fs::exists(dir / "out/tmx/quay.en-ar.tmx"));

  RunResult asked = RunCli("run corpus -o out-fr --tgt-lang fr", dir.path());
  BOOST_TEST(asked.exit_code == 0, asked.err);
  BOOST_TEST(asked.err.find("pairing") == std::string::npos, asked.err);
  BOOST_TEST(asked.out.find("pairs       0\n") != std::string::npos, asked.out);
}

BOOST_AUTO_TEST_CASE(a_long_name_does_not_stop_the_run) {
  Corpus corpus;
  std::string name(240, 'n');  // NAME.en.txt is 247 bytes: a legal file name
  WriteFile(corpus.dir / ("corpus/" + name + ".en.txt"), kEnglish);
  WriteFile(corpus.dir / ("corpus/" + name + ".fr.txt"), kFrench);
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find("termalign run: corpus -> out\n") == 0u, result.err);
  BOOST_TEST(result.out.find("pairs       2\n") != std::string::npos, result.out);
  BOOST_TEST(fs::exists(corpus.dir / "out/tmx/quay.en-fr.tmx"));
  BOOST_TEST(fs::exists(corpus.dir / "out/qa.jsonl"));
  BOOST_TEST(fs::exists(corpus.dir / "out/report.html"));
  // Its TMX name is cut to leave room for the temporary file's suffix and for the corrections
  // beside it (".review.json"), with a hash added.
  std::size_t tmx_files = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(corpus.dir / "out/tmx")) {
    std::string file = entry.path().filename().string();
    BOOST_TEST(file.size() + 32 <= 255u, file);
    if (file.rfind("quay.en-fr.", 0) == 0) continue;
    BOOST_TEST(file.find(std::string(190, 'n')) == 0u, file);
    BOOST_TEST(file.find("n~") != std::string::npos, file);
    if (file.size() > 4 && file.compare(file.size() - 4, 4, ".tmx") == 0) ++tmx_files;
    // The longest of the pair's files is as long as it may be.
    if (file.find(".review.json") != std::string::npos) BOOST_TEST(file.size() + 32 == 255u, file);
  }
  BOOST_TEST(tmx_files == 1u);
}

BOOST_AUTO_TEST_CASE(names_that_are_not_utf8_are_escaped_not_fatal) {
  Corpus corpus;
  WriteFile(corpus.dir / "corpus/caf\xE9.en.txt", kEnglish);
  WriteFile(corpus.dir / "corpus/caf\xE9.fr.txt", kFrench);
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find("caf\\xE9.en.txt (en)") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("caf\xE9") == std::string::npos);
  BOOST_TEST(result.out.find("pairs       2\n") != std::string::npos);
  std::string merged = ReadFile(corpus.dir / "out/termalign.tmx");
  BOOST_TEST(merged.find("caf\\xE9.en.txt") != std::string::npos);
  BOOST_TEST(RunCli("tmx validate out/termalign.tmx", corpus.dir.path()).exit_code == 0);
  BOOST_TEST(fs::exists(corpus.dir / "out/tmx/caf\xE9.en-fr.tmx"));
}

BOOST_AUTO_TEST_CASE(control_characters_in_names_are_escaped_in_the_summary_and_report) {
  Corpus corpus;
  for (const char* lang : {"en", "fr"}) {
    WriteFile(corpus.dir / (std::string("corpus/red\x1B[31m.") + lang + ".txt"),
              lang == std::string("en") ? kEnglish : kFrench);
    WriteFile(corpus.dir / (std::string("corpus/two\nlines.") + lang + ".txt"),
              lang == std::string("en") ? kEnglish : kFrench);
  }
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find('\x1B') == std::string::npos);
  BOOST_TEST(result.out.find("red\\x1B[31m.en.txt") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("two\\nlines.en.txt") != std::string::npos, result.out);
  for (const char* file : {"report.html", "qa.jsonl", "termalign.tmx"}) {
    std::string text = ReadFile(corpus.dir / "out" / file);
    BOOST_TEST(text.find('\x1B') == std::string::npos, file);
    BOOST_TEST(text.find("two\nlines") == std::string::npos, file);
  }
}

BOOST_AUTO_TEST_CASE(symlinks_out_of_the_corpus_are_followed_only_when_asked) {
  Corpus corpus;
  fs::create_directories(corpus.dir / "outside");
  WriteFile(corpus.dir / "outside/secret.txt", "The vault code is 8812.\n");
  WriteFile(corpus.dir / "corpus/vault.fr.txt", "Le code du coffre est 8812.\n");
  fs::create_symlink("../outside/secret.txt", corpus.dir / "corpus/vault.en.txt");
  fs::create_symlink("quay.en.txt", corpus.dir / "corpus/inside.en.txt");  // stays inside
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.err.find("corpus/vault.en.txt: skipped: a symbolic link leading out of the "
                             "corpus folder (to ") != std::string::npos,
             result.err);
  BOOST_TEST(result.err.find("give --follow-symlinks to read it") != std::string::npos);
  BOOST_TEST(result.out.find("inside.en.txt (en)") != std::string::npos, result.out);
  BOOST_TEST(ReadFile(corpus.dir / "out/termalign.tmx").find("vault code") == std::string::npos);
  BOOST_TEST(ReadFile(corpus.dir / "out/report.html").find("vault code") == std::string::npos);

  RunResult followed = RunCli("run corpus -o out2 --follow-symlinks", corpus.dir.path());
  BOOST_TEST(followed.exit_code == 0, followed.err);
  BOOST_TEST(ReadFile(corpus.dir / "out2/termalign.tmx").find("vault code") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(entries_that_are_not_files_are_reported) {
  Corpus corpus;
  fs::create_symlink("nowhere.txt", corpus.dir / "corpus/dangling.en.txt");
  BOOST_REQUIRE(::mkfifo((corpus.dir / "corpus/pipe.en.txt").c_str(), 0600) == 0);
  fs::create_directories(corpus.dir / "corpus/folder.en.txt");
  fs::create_symlink("/dev/null", corpus.dir / "corpus/device.en.txt");
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 2);
  for (const char* expected : {"corpus/dangling.en.txt: skipped: a dangling symbolic link",
                               "corpus/pipe.en.txt: skipped: a FIFO",
                               "corpus/folder.en.txt: skipped: a directory",
                               "corpus/device.en.txt: skipped: a device"}) {
    BOOST_TEST(result.err.find(std::string("termalign: error: ") + expected +
                               ", not a text file\n") != std::string::npos,
               expected << " in " << result.err);
  }
  BOOST_TEST(fs::exists(corpus.dir / "out/tmx/quay.en-fr.tmx"));
}

BOOST_AUTO_TEST_CASE(a_pair_whose_side_failed_is_not_counted_and_its_partner_not_read) {
  Corpus corpus;
  WriteFile(corpus.dir / "corpus/broken.en.txt", "Bad \xC3\x28 bytes.\n");
  WriteFile(corpus.dir / "corpus/broken.fr.txt", "Mauvais \xC3\x28 octets.\n");
  RunResult result = RunCli("run corpus -o out", corpus.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out.find("pairs       1 (1 more left out: see the warnings and "
                             "errors)\n  quay ") != std::string::npos,
             result.out);
  BOOST_TEST(result.err.find("broken.en.txt") != std::string::npos, result.err);
  BOOST_TEST(result.err.find("broken.fr.txt") == std::string::npos, result.err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
