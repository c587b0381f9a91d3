// End-to-end tests of `termalign lookup` and the `glossary` editing and exchange subcommands:
// each runs the binary in a fresh folder and checks stdout, stderr and the exit code.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

// A termbase in `dir` (termalign.db) with one entity named in three languages and another one.
void MakeTermbase(const fs::path& dir) {
  for (const std::string& args :
       {std::string("glossary add --lang en IMOD"),
        std::string("glossary add --lang en 'Israel Ministry of Defence' --to IMOD"),
        std::string("glossary add --lang fr 'ministère israélien de la Défense' --to imod"),
        std::string("glossary add --lang en Gaza --status candidate")}) {
    RunResult result = RunCli(args, dir);
    BOOST_REQUIRE_MESSAGE(result.exit_code == 0, args << ": " << result.err);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(glossary_cli)

BOOST_AUTO_TEST_CASE(lookup_prints_the_entity_with_every_term) {
  TempDir dir;
  MakeTermbase(dir.path());
  RunResult result = RunCli("lookup 'ministere israelien de la defense'", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out ==
             "entity 1 (folded match)\n"
             "  en  IMOD  [approved, manual]\n"
             "  en  Israel Ministry of Defence  [approved, manual]\n"
             "  fr  ministère israélien de la Défense  [approved, manual]\n");
  BOOST_TEST(result.err.empty());
}

BOOST_AUTO_TEST_CASE(lookup_json_is_one_object_per_entity) {
  TempDir dir;
  MakeTermbase(dir.path());
  RunResult result = RunCli("lookup --json IMOD", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_REQUIRE(!result.out.empty() && result.out.back() == '\n');
  nlohmann::json line = nlohmann::json::parse(result.out);
  BOOST_TEST(line["entity"] == 1);
  BOOST_REQUIRE(line["terms"].size() == 3u);
  BOOST_TEST(line["terms"][2]["lang"] == "fr");
  BOOST_TEST(line["terms"][2]["text"] == "ministère israélien de la Défense");
  BOOST_TEST(line["terms"][2]["status"] == "approved");
}

BOOST_AUTO_TEST_CASE(lookup_finds_nothing_with_exit_1) {
  TempDir dir;
  MakeTermbase(dir.path());
  RunResult result = RunCli("lookup 'West Bank'", dir.path());
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out.empty());
  BOOST_TEST(result.err == "termalign: no term matches 'West Bank' in termalign.db\n");
  result = RunCli("lookup \"'; DROP TABLE terms; --\"", dir.path());
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(RunCli("lookup IMOD", dir.path()).exit_code == 0);
  // A word inside terms: still no match, but the terms that hold it are named.
  result = RunCli("lookup ministry", dir.path());
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out.empty());
  BOOST_TEST(result.err ==
             "termalign: no term matches 'ministry' in termalign.db; terms that contain it:\n"
             "  en  Israel Ministry of Defence  (entity 1)\n");
  // Typed after an article, a term is found.
  result = RunCli("lookup 'the Israel Ministry of Defence'", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("IMOD") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(lookup_text_lists_terms_longest_first) {
  TempDir dir;
  MakeTermbase(dir.path());
  RunResult result =
      RunCli("lookup --text 'Le ministère israélien de la Défense (IMOD) et Gaza.'", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out ==
             "3-39\tministère israélien de la Défense\tentity 1: en IMOD; en Israel Ministry of "
             "Defence; fr ministère israélien de la Défense\n"
             "41-45\tIMOD\tentity 1: en IMOD; en Israel Ministry of Defence; fr ministère "
             "israélien de la Défense\n"
             "50-54\tGaza\tentity 2: en Gaza\n");
  BOOST_TEST(RunCli("lookup --text 'nothing here'", dir.path()).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(link_an_arabic_name_shows_all_three_languages) {
  TempDir dir;
  MakeTermbase(dir.path());
  RunResult link = RunCli(
      "glossary link 'وزارة الحرب الإسرائيلية' --to 'Israel Ministry of "
      "Defence'",
      dir.path());
  BOOST_TEST(link.exit_code == 0, link.err);
  for (const char* name : {"IMOD", "'وزارة الحرب الإسرائيلية'", "'وزاره حرب اسرائيليه'"}) {
    RunResult result = RunCli(std::string("lookup --json ") + name, dir.path());
    BOOST_TEST(result.exit_code == 0);
    nlohmann::json line = nlohmann::json::parse(result.out);
    BOOST_TEST(line["terms"].size() == 4u, name);
  }
}

BOOST_AUTO_TEST_CASE(merge_approve_reject) {
  TempDir dir;
  MakeTermbase(dir.path());
  BOOST_TEST(RunCli("glossary add --lang fr Gaza --status candidate", dir.path()).exit_code == 0);
  RunResult merge = RunCli("glossary merge 3 --into 2", dir.path());
  BOOST_TEST(merge.exit_code == 0, merge.err);
  BOOST_TEST(RunCli("glossary approve Gaza --lang fr", dir.path()).exit_code == 0);
  BOOST_TEST(RunCli("glossary reject Gaza --lang en", dir.path()).exit_code == 0);
  RunResult result = RunCli("lookup --json Gaza", dir.path());
  nlohmann::json line = nlohmann::json::parse(result.out);
  BOOST_REQUIRE(line["terms"].size() == 1u);
  BOOST_TEST(line["terms"][0]["lang"] == "fr");
  BOOST_TEST(line["terms"][0]["status"] == "approved");
  RunResult missing = RunCli("glossary approve Atlantis", dir.path());
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err == "termalign: error: no term 'Atlantis' in termalign.db\n");
}

BOOST_AUTO_TEST_CASE(database_from_flag_or_environment) {
  TempDir dir;
  BOOST_TEST(RunCli("glossary add --db a.db --lang en quay", dir.path()).exit_code == 0);
  BOOST_TEST(fs::exists(dir / "a.db"));
  BOOST_TEST(!fs::exists(dir / "termalign.db"));
  ::setenv("TERMALIGN_DB", "a.db", 1);
  RunResult result = RunCli("lookup quay", dir.path());
  ::unsetenv("TERMALIGN_DB");
  BOOST_TEST(result.exit_code == 0);
  RunResult missing = RunCli("lookup quay", dir.path());
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err ==
             "termalign: error: opening termalign.db: no termbase there (build one with "
             "'termalign glossary build' or 'glossary add', or give --db)\n");
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_termbase_is_named) {
  TempDir dir;
  WriteFile(dir / "notes.db", std::string(4096, 'z'));
  RunResult result = RunCli("lookup --db notes.db x", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: opening: notes.db: not a termbase (the file is not an SQLite "
             "database)\n");
}

BOOST_AUTO_TEST_CASE(export_then_import_into_a_new_termbase) {
  TempDir dir;
  MakeTermbase(dir.path());
  // TSV carries one pair a line: the acronym and the long form come back as two concepts.
  for (auto [file, terms] : {std::pair{"g.tbx", 3u}, std::pair{"g.csv", 3u}}) {
    RunResult out = RunCli(std::string("glossary export -o ") + file, dir.path());
    BOOST_TEST(out.exit_code == 0, out.err);
    const std::string copy = std::string(file) + ".db";
    RunResult in = RunCli("glossary import --db " + copy + " " + file, dir.path());
    BOOST_TEST(in.exit_code == 0, in.err);
    RunResult result =
        RunCli("lookup --db " + copy + " --json 'Israel Ministry of Defence'", dir.path());
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(nlohmann::json::parse(result.out)["terms"].size() == terms, file);
  }
  // A second file naming the same terms is other concepts unless asked to join them.
  RunResult out = RunCli("glossary export -o glossary.txt", dir.path());
  BOOST_TEST(out.exit_code == 0, out.err);
  RunResult joined = RunCli("glossary import --db g.tbx.db --merge-by-term glossary.txt", dir.path());
  BOOST_TEST(joined.exit_code == 0, joined.err);
  BOOST_TEST(joined.err.find("joined by term") != std::string::npos, joined.err);
  RunResult result = RunCli("lookup --db g.tbx.db --json 'Israel Ministry of Defence'", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(nlohmann::json::parse(result.out)["terms"].size() == 3u);
  RunResult bad = RunCli("glossary export -o g.xlsx", dir.path());
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err ==
             "termalign: error: cannot tell the format of 'g.xlsx' from its name; give --format\n");
}

BOOST_AUTO_TEST_CASE(unknown_nested_option_suggests_the_closest) {
  TempDir dir;
  RunResult result = RunCli("glossary add --lang en x --stat approved", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: unknown option '--stat'; did you mean "
                             "'--status'?") == 0u);
  BOOST_TEST(!fs::exists(dir / "termalign.db"));
}

// Termbases other tools wrote, imported and exported again for a CAT tool: OmegaT reads every
// concept of the bilingual export, and no entry has an empty target.
BOOST_AUTO_TEST_CASE(omegat_reads_reexported_interop_termbases) {
  fs::path shared = SharedDirOrSkip("the OmegaT check of re-exported termbases");
  if (shared.empty()) return;
  struct Case {
    const char* file;
    const char* target_lang;
    const char* target_sentence;
  };
  for (const Case& c : {Case{"sdl_tbx.tbx", "de", "Die Pumpe läuft."},
                        Case{"ibm_tbx.tbx", "fr", "La pompe tourne."}}) {
    BOOST_TEST_CONTEXT(c.file) {
      TempDir dir;
      RunResult imported = RunCli(
          "glossary import --db t.db '" + (shared / "interop/tbx" / c.file).string() + "'",
          dir.path());
      BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
      RunResult exported = RunCli(std::string("glossary export --db t.db -o g.tbx --src-lang en ") +
                                      "--tgt-lang " + c.target_lang + " --bilingual-only",
                                  dir.path());
      BOOST_REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
      int concepts = 0;
      BOOST_REQUIRE(std::sscanf(exported.err.c_str(), "wrote %d entries", &concepts) == 1);
      BOOST_TEST(concepts > 0);
      // OmegaT needs a memory to open the project; one unit of our own in the same languages.
      WriteFile(dir / "one.tmx",
                std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n") +
                    "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" "
                    "o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n"
                    "<body><tu><tuv xml:lang=\"en\"><seg>The pump is running.</seg></tuv><tuv "
                    "xml:lang=\"" + c.target_lang + "\"><seg>" + c.target_sentence +
                    "</seg></tuv></tu></body>\n</tmx>\n");
      auto omegat = RunOmegatCheck(dir.path(), dir / "one.tmx", {dir / "g.tbx"}, "en",
                                   c.target_lang);
      if (!omegat) return;
      BOOST_TEST(omegat->exit_code == 0, omegat->log);
      std::vector<std::string> entries = OmegatGlossaryEntries(omegat->log, "g.tbx");
      // One entry per target term: at least one per exported concept.
      BOOST_TEST(entries.size() >= static_cast<std::size_t>(concepts), omegat->log);
      BOOST_TEST(std::count_if(entries.begin(), entries.end(), HasEmptyTarget) == 0, omegat->log);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
