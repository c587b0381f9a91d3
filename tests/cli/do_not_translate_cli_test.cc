// End to end: do-not-translate terms through import, export, add-doc and the QA check.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

std::vector<nlohmann::json> OfType(const std::string& out, const std::string& type) {
  std::vector<nlohmann::json> found;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json json = nlohmann::json::parse(line);
    if (json["type"] == type) found.push_back(json);
  }
  return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(do_not_translate_cli)

BOOST_AUTO_TEST_CASE(an_option_renamed_in_the_translation_is_a_finding) {
  TempDir dir;
  WriteFile(dir / "terms.csv",
            "entity,lang,term,status,translate\n"
            "1,en,--dry-run,approved,no\n"
            "2,en,backup,approved,\n"
            "2,fr,sauvegarde,approved,\n");
  RunResult imported = RunCli("glossary import --db g.db -q terms.csv", dir.path());
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  // The mark goes out again with the terms (the option guarded against spreadsheet formulas).
  RunResult exported =
      RunCli("glossary export --db g.db --format tsv --layout entity -o -", dir.path());
  BOOST_TEST(exported.exit_code == 0);
  BOOST_TEST(exported.out.find("\ten\t'--dry-run\tapproved\timported\t\t\tno\n") !=
             std::string::npos);

  WriteFile(dir / "a.en.txt", "Start the backup with --dry-run first.\nThe backup ends at noon.\n");
  WriteFile(dir / "a.fr.txt",
            "Lancez la sauvegarde avec --essai d’abord.\nLa sauvegarde finit à midi.\n");
  WriteFile(dir / "a.beads", "[0]:[0]\n[1]:[1]\n");
  const std::string qa = "qa --db g.db --src-lang en --tgt-lang fr --presegmented --beads a.beads "
                         "a.en.txt a.fr.txt ";
  RunResult result = RunCli(qa + "--json --html report.html", dir.path());
  BOOST_TEST(result.exit_code == 1);
  std::vector<nlohmann::json> found = OfType(result.out, "do_not_translate");
  BOOST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0]["subject"] == "--dry-run");
  BOOST_TEST(found[0]["expected"] == nlohmann::json::array({"--dry-run"}));
  BOOST_TEST(found[0]["source_sentences"] == nlohmann::json::array({0}));
  BOOST_TEST(OfType(result.out, "missing_term").empty());  // "backup" is rendered
  std::string html = ReadFile(dir / "report.html");
  BOOST_TEST(html.find("k-do_not_translate") != std::string::npos);
  BOOST_TEST(html.find("--dry-run") != std::string::npos);
  // The kind is a word of --fail-on; the copy kept unchanged passes.
  BOOST_TEST(RunCli(qa + "--fail-on missing_term", dir.path()).exit_code == 0);
  BOOST_TEST(RunCli(qa + "--fail-on do_not_translate", dir.path()).exit_code == 1);
  WriteFile(dir / "a.fr.txt",
            "Lancez la sauvegarde avec --dry-run d’abord.\nLa sauvegarde finit à midi.\n");
  BOOST_TEST(RunCli(qa + "--fail-on do_not_translate", dir.path()).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(add_doc_records_the_code_of_a_document_as_do_not_translate) {
  TempDir dir;
  WriteFile(dir / "manual.txt",
            "To check the plan, run ksctl backup start --dry-run before the night.\n"
            "The setting MAX_RETRIES limits the attempts.\n");
  RunResult added = RunCli("glossary add-doc --db g.db -q --lang en manual.txt", dir.path());
  BOOST_REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  RunResult exported =
      RunCli("glossary export --db g.db --format tsv --layout entity -o -", dir.path());
  BOOST_TEST(exported.exit_code == 0);
  BOOST_TEST(exported.out.find("\ttranslate\n") != std::string::npos);
  BOOST_TEST(exported.out.find("\ten\tMAX_RETRIES\t") != std::string::npos);
  std::istringstream rows(exported.out);
  for (std::string row; std::getline(rows, row);) {
    if (row.find("\tMAX_RETRIES\t") == std::string::npos) continue;
    BOOST_TEST(row.substr(row.size() - 3) == "\tno");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
