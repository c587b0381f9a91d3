// Bilingual files (XLIFF, PO) through the commands that read TMX: `qa --tmx` checks them,
// `glossary build --tmx` learns from them, `tmx import` prints their pairs; languages the file
// does not hold are refused by name.
#include <boost/test/unit_test.hpp>
#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char* kXliff = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="pump.txt" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="clean">
        <source>Clean the <g id="1">filter</g> every month.</source>
        <target>Nettoyez le <g id="1">filtre</g> chaque mois.</target>
      </trans-unit>
      <trans-unit id="cycles">
        <source>Press Start to run 3 cycles.</source>
        <target>Appuyez sur Démarrer pour lancer 4 cycles.</target>
      </trans-unit>
      <trans-unit id="todo"><source>Store the pump in a dry room.</source></trans-unit>
    </body>
  </file>
</xliff>
)";

const char* kPo = R"(msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Check the water pump before the season."
msgstr "Vérifiez la pompe à eau avant la saison."

msgid "The water pump needs a new filter."
msgstr "La pompe à eau a besoin d'un nouveau filtre."

msgid "Drain the water pump in winter."
msgstr "Videz la pompe à eau en hiver."
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(bilingual_cli)

BOOST_AUTO_TEST_CASE(qa_checks_an_xliff_file_unit_by_unit) {
  TempDir dir;
  WriteFile(dir / "pump.xlf", kXliff);
  RunResult qa = RunCli("qa --json --tmx pump.xlf", dir.path());
  BOOST_TEST(qa.exit_code == 1, qa.err);  // findings reported
  BOOST_TEST(qa.out.find("\"type\":\"empty_target\"") != std::string::npos, qa.out);
  BOOST_TEST(qa.out.find("Store the pump in a dry room.") != std::string::npos, qa.out);
  BOOST_TEST(qa.out.find("\"type\":\"number_mismatch\"") != std::string::npos, qa.out);
}

BOOST_AUTO_TEST_CASE(tmx_import_prints_xliff_and_po_pairs_with_their_ids) {
  TempDir dir;
  WriteFile(dir / "pump.xlf", kXliff);
  WriteFile(dir / "fr.po", kPo);
  RunResult xliff = RunCli("tmx import --format json pump.xlf", dir.path());
  BOOST_TEST(xliff.exit_code == 0, xliff.err);
  BOOST_TEST(xliff.out.find("\"source\":\"Clean the filter every month.\"") != std::string::npos,
             xliff.out);
  BOOST_TEST(xliff.out.find("\"tuid\":\"cycles\"") != std::string::npos, xliff.out);
  BOOST_TEST(xliff.err.find("1 of 3 unit(s) skipped") != std::string::npos, xliff.err);
  RunResult po = RunCli("tmx import fr.po", dir.path());
  BOOST_TEST(po.exit_code == 0, po.err);
  BOOST_TEST(po.out.find("Drain the water pump in winter.\tVidez la pompe à eau en hiver.\n") !=
             std::string::npos, po.out);
  // The XLIFF says en to fr: another target language is refused, not read as that language.
  RunResult wrong = RunCli("tmx import --tgt-lang de pump.xlf", dir.path());
  BOOST_TEST(wrong.exit_code == 2);
  BOOST_TEST(wrong.err.find("pump.xlf: the file's target language is fr, not de") !=
             std::string::npos, wrong.err);
}

BOOST_AUTO_TEST_CASE(glossary_build_learns_from_a_po_file) {
  TempDir dir;
  WriteFile(dir / "fr.po", kPo);
  RunResult build = RunCli("glossary build --db t.db --tmx fr.po", dir.path());
  BOOST_REQUIRE_MESSAGE(build.exit_code == 0, build.err);
  RunResult lookup = RunCli("lookup --db t.db 'water pump'", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("fr  pompe à eau") != std::string::npos, lookup.out);
  // A PO with broken plural forms is refused by name, and nothing is learnt from it.
  WriteFile(dir / "bad.po", std::string(kPo) +
                                "\nmsgid \"%d pump\"\nmsgid_plural \"%d pumps\"\n"
                                "msgstr[0] \"%d pompe\"\n");
  RunResult bad = RunCli("glossary build --db t2.db --tmx bad.po", dir.path());
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err.find("bad.po: the message '%d pump' has plural forms, but the header gives "
                          "no valid Plural-Forms") != std::string::npos,
             bad.err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
