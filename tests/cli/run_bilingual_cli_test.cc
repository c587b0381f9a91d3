// `termalign run` on a folder holding XLIFF and PO files beside documents: each bilingual file
// is a pair of its own (TMX, glossary, QA unit by unit), and every file left out is named with
// the reason.
#include <boost/test/unit_test.hpp>

#include <string>

#include "test_util.h"

namespace termalign::testing {
namespace {

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

msgid "Save %s to the disk."
msgstr "Enregistrer sur le disque."
)";

const char* kXliff = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="help" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="clean"><source>Clean the <g id="1">water pump</g> every month.</source>
        <target>Nettoyez la pompe à eau chaque mois.</target></trans-unit>
      <trans-unit id="store"><source>Store the water pump in a dry room.</source>
        <target>Rangez la pompe à eau dans une pièce sèche.</target></trans-unit>
    </body>
  </file>
</xliff>
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(run_bilingual_cli)

BOOST_AUTO_TEST_CASE(xliff_and_po_files_go_to_tmx_glossary_and_qa) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/pump.po", kPo);
  WriteFile(dir / "corpus/help.txt", kXliff);  // XLIFF by its content, whatever its name
  std::string german = kPo;
  german.replace(german.find("Language: fr"), 12, "Language: de");
  WriteFile(dir / "corpus/pump.de.po", german);
  WriteFile(dir / "corpus/broken.xlf", "<xliff version=\"1.2\"><file>");
  WriteFile(dir / "corpus/notes.xlf", "Just notes.\n");
  WriteFile(dir / "corpus/memory.xlf",
            "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header/><body/></tmx>");
  RunResult result = RunCli("run --no-dict corpus --out out", dir.path());
  // The broken file is an error: the run does the rest and exits 2.
  BOOST_TEST(result.exit_code == 2, result.err);
  for (const char* reason :
       {"corpus/pump.de.po: the file's target language is de, not fr (give --tgt-lang de); "
        "skipped",
        "corpus/notes.xlf: skipped: named like XLIFF or PO, but its content is text",
        "corpus/memory.xlf: skipped: a TMX file; run reads documents, XLIFF and PO",
        "termalign: error: corpus/broken.xlf"}) {
    BOOST_TEST(result.err.find(reason) != std::string::npos, reason << "\n" << result.err);
  }
  BOOST_TEST(result.out.find("bilingual   4: broken.xlf, help.txt, pump.de.po, pump.po\n") !=
                 std::string::npos,
             result.out);
  BOOST_TEST(result.out.find("pairs       2 (2 more left out") != std::string::npos, result.out);
  // TMX of each file, merged.
  std::string po_tmx = ReadFile(dir / "out/tmx/pump.po.en-fr.tmx");
  BOOST_TEST(po_tmx.find("<seg>Videz la pompe à eau en hiver.</seg>") != std::string::npos,
             po_tmx);
  std::string merged = ReadFile(dir / "out/termalign.tmx");
  BOOST_TEST(merged.find("Rangez la pompe à eau dans une pièce sèche.") != std::string::npos);
  // QA unit by unit, findings named by unit.
  std::string qa = ReadFile(dir / "out/qa.jsonl");
  BOOST_TEST(qa.find("\"type\":\"tag_mismatch\"") != std::string::npos, qa);
  BOOST_TEST(qa.find("\"unit_id\":\"clean\"") != std::string::npos, qa);
  BOOST_TEST(qa.find("\"type\":\"placeholder_mismatch\"") != std::string::npos, qa);
  BOOST_TEST(qa.find("\"unit_id\":\"Save %s to the disk.\"") != std::string::npos, qa);
  // The glossary learnt from the units.
  RunResult lookup = RunCli("lookup --db out/termalign.db 'water pump'", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("pompe à eau") != std::string::npos, lookup.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
