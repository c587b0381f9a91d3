// End-to-end tests of `termalign run` on a TSV manifest, and of --jobs.
#include <boost/test/unit_test.hpp>

#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kEnglish[] =
    "The pressure valve opens at four bar.\n"
    "Check the drain pump every month.\n"
    "The water filter is under the sink.\n";
const char kFrench[] =
    "La soupape de pression s'ouvre à quatre bars.\n"
    "Vérifiez la pompe de vidange chaque mois.\n"
    "Le filtre à eau est sous l'évier.\n";

const char kHeader[] = "id\tsource\ttarget\tsource_lang\ttarget_lang\n";

// An archive laid out by language, described by a manifest one folder up from it.
struct Archive {
  Archive() {
    fs::create_directories(dir / "archive/english");
    fs::create_directories(dir / "archive/french");
    WriteFile(dir / "archive/english/valve.txt", kEnglish);
    WriteFile(dir / "archive/french/soupape.txt", kFrench);
    WriteFile(dir / "archive/english/pump.txt", "Check the drain pump every month.\n");
    WriteFile(dir / "archive/french/pompe.txt", "Vérifiez la pompe de vidange chaque mois.\n");
    WriteFile(dir / "archive/english/notes.txt", "The water filter is under the sink.\n");
  }
  TempDir dir;
};

BOOST_AUTO_TEST_SUITE(run_manifest)

BOOST_AUTO_TEST_CASE(rows_pair_files_named_anyhow_from_the_manifest_folder) {
  Archive archive;
  WriteFile(archive.dir / "archive/list.tsv",
            std::string(kHeader) + "# pairs of the archive\n"
                                   "valve\tenglish/valve.txt\tfrench/soupape.txt\ten\tfr\n"
                                   "\n"
                                   "pump\tenglish/pump.txt\tfrench/pompe.txt\t\t\n"
                                   "notes\tenglish/notes.txt\t\ten\t\n");
  RunResult result = RunCli("run archive/list.tsv -o out", archive.dir.path());
  BOOST_TEST(result.exit_code == 0, result.err);
  BOOST_TEST(result.out.find("termalign run: archive/list.tsv -> out\n") == 0u, result.out);
  BOOST_TEST(result.out.find("pairs       2\n") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("monolingual 1 english/notes.txt\n") != std::string::npos,
             result.out);
  // Each pair's TMX is named by its id and names its documents as the manifest does.
  std::string tmx = ReadFile(archive.dir / "out/tmx/valve.en-fr.tmx");
  BOOST_TEST(tmx.find("english/valve.txt") != std::string::npos, tmx);
  BOOST_TEST(tmx.find("soupape de pression") != std::string::npos);
  BOOST_TEST(fs::exists(archive.dir / "out/tmx/pump.en-fr.tmx"));
}

BOOST_AUTO_TEST_CASE(bad_rows_are_reported_by_line_and_the_rest_is_done) {
  Archive archive;
  WriteFile(archive.dir / "list.tsv",
            std::string(kHeader) + "valve\tarchive/english/valve.txt\tarchive/french/soupape.txt\ten\tfr\n"
                                   "short\tarchive/english/pump.txt\n"
                                   "valve\tarchive/english/pump.txt\tarchive/french/pompe.txt\ten\tfr\n"
                                   "gone\tarchive/english/gone.txt\tarchive/french/pompe.txt\ten\tfr\n"
                                   "de\tarchive/english/pump.txt\tarchive/french/pompe.txt\tde\tfr\n"
                                   "a/b\tarchive/english/pump.txt\tarchive/french/pompe.txt\ten\tfr\n"
                                   "none\t\t\ten\tfr\n");
  RunResult result = RunCli("run list.tsv -o out", archive.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: list.tsv:3: 2 fields, expected 5 separated by tabs (id, source, "
             "target, source_lang, target_lang)\n"
             "termalign: error: list.tsv:4: the id 'valve' is already on line 2\n"
             "termalign: error: list.tsv:5: archive/english/gone.txt: no such file\n"
             "termalign: error: list.tsv:6: a de-fr pair, but this run aligns en to fr (see "
             "--src-lang and --tgt-lang)\n"
             "termalign: error: list.tsv:7: the id 'a/b' holds a '/'\n"
             "termalign: error: list.tsv:8: no source and no target file\n");
  BOOST_TEST(result.out.find("pairs       1\n") != std::string::npos, result.out);
  BOOST_TEST(fs::exists(archive.dir / "out/tmx/valve.en-fr.tmx"));
}

BOOST_AUTO_TEST_CASE(a_manifest_without_its_header_is_refused) {
  Archive archive;
  WriteFile(archive.dir / "list.tsv", "valve\tarchive/english/valve.txt\t\ten\t\n");
  RunResult result = RunCli("run list.tsv -o out", archive.dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: list.tsv:1: the first line is not the manifest's header (the "
             "columns id, source, target, source_lang, target_lang, separated by tabs)\n");
}

BOOST_AUTO_TEST_CASE(jobs_write_the_same_bytes_as_one_thread) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  // Pairs of different lengths, so that the threads finish out of order.
  for (int k = 0; k < 9; ++k) {
    std::string english, french;
    for (int line = 0; line <= (k * 7) % 12; ++line) {
      english += "Section " + std::to_string(line + k) + " shows the pressure valve.\n";
      french += "La section " + std::to_string(line + k) + " montre la soupape de pression.\n";
    }
    english += kEnglish;
    french += kFrench;
    WriteFile(dir / ("corpus/doc" + std::to_string(k) + ".en.txt"), english);
    WriteFile(dir / ("corpus/doc" + std::to_string(k) + ".fr.txt"), french);
  }
  WriteFile(dir / "corpus/doc4.fr.txt", "Le filtre \xE0 eau.\n");  // Latin-1: this pair fails
  const std::string env = "SOURCE_DATE_EPOCH=1700000000";
  RunResult one = RunCli("run corpus -o one", dir.path(), "", env);
  RunResult three = RunCli("run corpus -o three --jobs 3", dir.path(), "", env);
  BOOST_TEST(one.exit_code == 2);
  BOOST_TEST(three.exit_code == 2);
  BOOST_TEST(one.err == three.err);
  BOOST_TEST(one.err.find("doc4.fr.txt") != std::string::npos, one.err);
  for (const char* file : {"termalign.tmx", "qa.jsonl", "glossary.tbx", "tmx/doc7.en-fr.tmx"}) {
    std::string bytes = ReadFile(dir / "one" / file);
    BOOST_TEST(!bytes.empty(), file);
    BOOST_TEST((bytes == ReadFile(dir / "three" / file)), file);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
