// glossary build and add-doc end to end: a tiny bitext, accumulation, a repeated document,
// the TMX path, an Arabic document, and usage errors.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char* kEnglish =
    "The river authority closed the flood barriers.\n"
    "The flood barriers protect the old town of Toulon.\n"
    "Engineers from the river authority inspect the flood barriers every spring.\n";
const char* kFrench =
    "L’autorité fluviale a fermé les barrières anti-crue.\n"
    "Les barrières anti-crue protègent la vieille ville de Toulon.\n"
    "Des ingénieurs de l’autorité fluviale inspectent les barrières anti-crue chaque printemps.\n";

BOOST_AUTO_TEST_SUITE(glossary_build_cli)

BOOST_AUTO_TEST_CASE(build_then_lookup_and_repeat) {
  TempDir dir;
  WriteFile(dir / "en.txt", kEnglish);
  WriteFile(dir / "fr.txt", kFrench);
  RunResult build = RunCli("glossary build --db t.db en.txt fr.txt", dir.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  BOOST_TEST(build.out.empty());  // the summary goes to stderr
  BOOST_TEST(build.err.find("pairs proposed") != std::string::npos);
  RunResult lookup = RunCli("lookup --db t.db Toulon", dir.path());
  BOOST_TEST(lookup.exit_code == 0);
  BOOST_TEST(lookup.out.find("en") != std::string::npos);
  BOOST_TEST(lookup.out.find("fr") != std::string::npos);

  // The same documents again change nothing.
  RunResult again = RunCli("glossary build --db t.db en.txt fr.txt", dir.path());
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err.find("nothing changed") != std::string::npos);
}

// The example sentence lookup prints is in the language of the term asked about.
BOOST_AUTO_TEST_CASE(lookup_shows_an_example_in_the_language_asked_about) {
  TempDir dir;
  WriteFile(dir / "en.txt", kEnglish);
  WriteFile(dir / "fr.txt", kFrench);
  RunResult build = RunCli("glossary build -q --db t.db en.txt fr.txt", dir.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  // The example line of a lookup's output.
  auto example = [](const std::string& out) {
    std::size_t at = out.find("  example: ");
    return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
  };
  RunResult french = RunCli("lookup --db t.db \"barrières anti-crue\"", dir.path());
  BOOST_TEST_REQUIRE(french.exit_code == 0, french.err);
  BOOST_TEST(french.out.find("en  flood barriers") != std::string::npos, french.out);
  BOOST_TEST(example(french.out).find("barrières anti-crue") != std::string::npos, french.out);
  RunResult english = RunCli("lookup --db t.db \"flood barriers\"", dir.path());
  BOOST_TEST_REQUIRE(english.exit_code == 0, english.err);
  BOOST_TEST(example(english.out).find("flood barriers") != std::string::npos, english.out);
}

// Identifiers, options and command lines go to the do-not-translate list: shown by lookup,
// exported with TBX's translationNote, never ranked as term proposals.
BOOST_AUTO_TEST_CASE(identifiers_are_do_not_translate_terms) {
  TempDir dir;
  WriteFile(dir / "en.txt",
            "The key POOL_LIMIT sets the size of the storage pool.\n"
            "Run vaultctl pool grow --force to enlarge the storage pool.\n"
            "The storage pool keeps the backup copies.\n");
  WriteFile(dir / "fr.txt",
            "La clé POOL_LIMIT fixe la taille du pool de stockage.\n"
            "Exécutez vaultctl pool grow --force pour agrandir le pool de stockage.\n"
            "Le pool de stockage garde les copies de sauvegarde.\n");
  RunResult build = RunCli("glossary build -q --db t.db en.txt fr.txt", dir.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);

  RunResult lookup = RunCli("lookup --db t.db POOL_LIMIT", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("en  POOL_LIMIT  [candidate, extracted, do not translate]") !=
                 std::string::npos,
             lookup.out);
  BOOST_TEST(lookup.out.find("fr  POOL_LIMIT  [candidate, extracted, do not translate]") !=
                 std::string::npos,
             lookup.out);
  RunResult command = RunCli("lookup --db t.db --json 'vaultctl pool grow --force'", dir.path());
  BOOST_TEST(command.exit_code == 0, command.err);
  BOOST_TEST(command.out.find("\"translate\":false") != std::string::npos, command.out);

  // The proposals' terms, not their example sentences.
  RunResult suggest =
      RunCli("glossary suggest --db t.db --status pending,accepted --limit 0 --json", dir.path());
  BOOST_TEST_REQUIRE(suggest.exit_code == 0, suggest.err);
  std::string terms;
  std::istringstream lines(suggest.out);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json proposal = nlohmann::json::parse(line);
    terms += proposal.value("term", "") + " / " + proposal.value("via", "") + "\n";
  }
  BOOST_TEST(terms.find("storage pool") != std::string::npos, terms);
  for (const char* code : {"POOL_LIMIT", "vaultctl", "force"}) {
    BOOST_TEST(terms.find(code) == std::string::npos, code << " in\n" << terms);
  }

  RunResult exported = RunCli("glossary export --db t.db -o t.tbx", dir.path());
  BOOST_TEST_REQUIRE(exported.exit_code == 0, exported.err);
  RunResult imported = RunCli("glossary import --db back.db t.tbx", dir.path());
  BOOST_TEST_REQUIRE(imported.exit_code == 0, imported.err);
  RunResult again = RunCli("lookup --db back.db POOL_LIMIT", dir.path());
  BOOST_TEST(
      again.out.find("POOL_LIMIT  [candidate, imported, do not translate]") != std::string::npos,
      again.out);
}

// An acronym defined on each side ("data protection officer (DPO)" / "délégué à la protection
// des données (DPD)") makes a one-language entity per side; the well-supported pair of the
// acronyms joins the two. An entity holding a term a person added is never merged behind their
// back: the pair then stays a proposal.
BOOST_AUTO_TEST_CASE(acronym_entities_of_both_sides_join) {
  TempDir dir;
  WriteFile(dir / "en.txt",
            "The Agency appoints a data protection officer (DPO).\n"
            "The DPO answers questions from staff.\n"
            "Complaints reach the DPO in writing.\n"
            "The DPO reports to the board every year.\n");
  WriteFile(dir / "fr.txt",
            "L’Agence désigne un délégué à la protection des données (DPD).\n"
            "Le DPD répond aux questions du personnel.\n"
            "Les plaintes parviennent au DPD par écrit.\n"
            "Le DPD rend compte au conseil chaque année.\n");
  RunResult build = RunCli("glossary build -q --db t.db en.txt fr.txt", dir.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  RunResult lookup = RunCli("lookup --db t.db DPO", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("\n  fr  DPD  [") != std::string::npos, lookup.out);
  BOOST_TEST(lookup.out.find("\n  fr  délégué à la protection des données  [") != std::string::npos,
             lookup.out);
  BOOST_TEST(lookup.out.find("proposed") == std::string::npos, lookup.out);

  RunResult add = RunCli("glossary add -q --db kept.db --lang fr DPD", dir.path());
  BOOST_TEST_REQUIRE(add.exit_code == 0, add.err);
  build = RunCli("glossary build -q --db kept.db en.txt fr.txt", dir.path());
  BOOST_TEST_REQUIRE(build.exit_code == 0, build.err);
  lookup = RunCli("lookup --db kept.db DPO", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("\n  fr  DPD  [") == std::string::npos, lookup.out);
  BOOST_TEST(lookup.out.find("proposed  fr  DPD") != std::string::npos, lookup.out);
}

BOOST_AUTO_TEST_CASE(add_doc_links_an_arabic_name) {
  TempDir dir;
  WriteFile(dir / "en.txt", kEnglish);
  WriteFile(dir / "fr.txt", kFrench);
  WriteFile(dir / "ar.txt", "زار المهندسون مدينة تولون القديمة.\n");
  BOOST_REQUIRE(RunCli("glossary build -q --db t.db en.txt fr.txt", dir.path()).exit_code == 0);
  RunResult add = RunCli("glossary add-doc --db t.db --lang ar ar.txt", dir.path());
  BOOST_TEST_REQUIRE(add.exit_code == 0, add.err);
  RunResult suggest = RunCli("glossary suggest --db t.db --lang ar", dir.path());
  BOOST_TEST(suggest.out.find("تولون") != std::string::npos);
  BOOST_TEST(suggest.out.find("Toulon") != std::string::npos);
  RunResult again = RunCli("glossary add-doc --db t.db --lang ar ar.txt", dir.path());
  BOOST_TEST(again.err.find("nothing changed") != std::string::npos);
}

// Two bitexts learnt in one call give one summary; a bitext already learnt is skipped by name
// while the new one beside it is learnt.
BOOST_AUTO_TEST_CASE(several_bitexts_are_learnt_together) {
  TempDir dir;
  WriteFile(dir / "a.en.txt",
            "The engineers repaired the old bridge on Monday.\nThe bridge reopened at night.\n");
  WriteFile(dir / "a.fr.txt",
            "Les ingénieurs ont réparé le vieux pont lundi.\nLe pont a rouvert la nuit.\n");
  WriteFile(dir / "b.en.txt",
            "The engineers praised the new tramway.\nThe tramway runs every day.\n");
  WriteFile(dir / "b.fr.txt",
            "Les ingénieurs ont salué le nouveau tramway.\nLe tramway circule chaque jour.\n");
  const std::string files = " a.en.txt a.fr.txt b.en.txt b.fr.txt";
  RunResult together = RunCli("glossary build --no-dictionary --db together.db" + files, dir.path());
  BOOST_TEST_REQUIRE(together.exit_code == 0, together.err);
  BOOST_TEST(together.err.find("a.en.txt + a.fr.txt, b.en.txt + b.fr.txt:") != std::string::npos,
             together.err);
  RunResult found = RunCli("lookup --db together.db engineers", dir.path());
  BOOST_TEST(found.exit_code == 0, found.err);

  // A pair already learnt is skipped by name; the new one is learnt.
  WriteFile(dir / "c.en.txt", "The engineers left.\n");
  WriteFile(dir / "c.fr.txt", "Les ingénieurs sont partis.\n");
  RunResult again = RunCli(
      "glossary build --no-dictionary --db together.db a.en.txt a.fr.txt c.en.txt c.fr.txt",
      dir.path());
  BOOST_TEST_REQUIRE(again.exit_code == 0, again.err);
  BOOST_TEST(again.err.find("a.en.txt + a.fr.txt: already in the termbase; nothing changed") !=
                 std::string::npos,
             again.err);
  BOOST_TEST(again.err.find("pairs proposed") != std::string::npos, again.err);
}

BOOST_AUTO_TEST_CASE(usage_errors) {
  TempDir dir;
  WriteFile(dir / "en.txt", kEnglish);
  RunResult one = RunCli("glossary build --db t.db en.txt", dir.path());
  BOOST_TEST(one.exit_code == 2);
  BOOST_TEST(one.err == "termalign: error: glossary build: give either SRC and TGT files or "
                        "--tmx FILE\n");
  RunResult three = RunCli("glossary build --db t.db en.txt en.txt en.txt", dir.path());
  BOOST_TEST(three.exit_code == 2);
  BOOST_TEST(three.err == one.err);
  RunResult missing = RunCli("glossary build --db t.db en.txt nowhere.txt", dir.path());
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err.find("nowhere.txt") != std::string::npos);
  RunResult flag = RunCli("glossary build --db t.db --bogus en.txt en.txt", dir.path());
  BOOST_TEST(flag.exit_code == 2);
  RunResult no_lang = RunCli("glossary add-doc --db t.db en.txt", dir.path());
  BOOST_TEST(no_lang.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
