// Bilingual files as CAT tools write them, written here by hand in each tool's dialect: XLIFF
// 1.2 with groups, inline codes and notes, SDLXLIFF's segment marks, XLIFF 2.0 units of several
// segments, gettext PO with contexts, fuzzy and plural messages; and the files to refuse.
#include <boost/test/unit_test.hpp>
#include <string>

#include "formats/bilingual.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using formats::Format;

text::Result<formats::BilingualFile> Read(const std::string& bytes, const std::string& name) {
  return formats::ReadBilingual(bytes, formats::DetectFormat(bytes, name), name);
}

const char* kXliff12 = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="pump.txt" source-language="en-US" target-language="fr-FR" datatype="plaintext">
    <header><note>not a unit</note></header>
    <body>
      <group id="g1">
        <trans-unit id="1">
          <source>Clean the <g id="b">filter</g>
            every month.</source>
          <target>Nettoyez le <g id="b">filtre</g> chaque mois.</target>
          <note>Maintenance chapter</note>
        </trans-unit>
        <trans-unit id="2">
          <source>Press <ph id="1">&lt;b&gt;</ph>Start<x id="2"/> now.</source>
          <target>Appuyez sur <ph id="1">&lt;b&gt;</ph>Démarrer<x id="2"/> maintenant.</target>
        </trans-unit>
        <trans-unit id="3"><source>Not translated yet.</source></trans-unit>
        <trans-unit id="4" translate="no"><source>GP-40</source></trans-unit>
      </group>
    </body>
  </file>
</xliff>
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(bilingual)

BOOST_AUTO_TEST_CASE(xliff_1_2_units_without_inline_codes_with_notes) {
  auto file = Read(kXliff12, "pump.xlf");
  BOOST_REQUIRE_MESSAGE(file.ok(), file.status().message());
  BOOST_TEST(file->source_lang == "en-US");
  BOOST_TEST(file->target_lang == "fr-FR");
  BOOST_REQUIRE_EQUAL(file->units.size(), 3u);
  BOOST_TEST(file->units[0].id == "1");
  BOOST_TEST(file->units[0].source == "Clean the filter every month.");
  BOOST_TEST(file->units[0].target == "Nettoyez le filtre chaque mois.");
  BOOST_TEST(file->units[0].note == "Maintenance chapter");
  BOOST_TEST(file->units[0].line == 7u);
  BOOST_TEST(file->units[1].source == "Press Start now.");
  BOOST_TEST(file->units[1].target == "Appuyez sur Démarrer maintenant.");
  BOOST_TEST(file->units[2].target.empty());
}

BOOST_AUTO_TEST_CASE(sdlxliff_segment_marks_are_units) {
  const std::string sdl = R"(<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" sdl:version="1.0">
<file original="manual.docx" source-language="en-GB" target-language="de-DE" datatype="x-sdlfilterframework2">
<body><group><trans-unit id="a1f">
<source>Open the valve. Start the pump.</source>
<seg-source><mrk mtype="seg" mid="1">Open the valve.</mrk> <mrk mtype="seg" mid="2">Start the pump.</mrk></seg-source>
<target><mrk mtype="seg" mid="2">Starten Sie die Pumpe.</mrk> <mrk mtype="seg" mid="1">Öffnen Sie das Ventil.</mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Translated"/></sdl:seg-defs>
</trans-unit></group></body></file></xliff>)";
  auto file = Read(sdl, "manual.docx.sdlxliff");
  BOOST_REQUIRE_MESSAGE(file.ok(), file.status().message());
  BOOST_REQUIRE_EQUAL(file->units.size(), 2u);
  BOOST_TEST(file->units[0].id == "a1f/1");
  BOOST_TEST(file->units[0].source == "Open the valve.");
  BOOST_TEST(file->units[0].target == "Öffnen Sie das Ventil.");
  BOOST_TEST(file->units[1].target == "Starten Sie die Pumpe.");
}

BOOST_AUTO_TEST_CASE(xliff_2_segments_and_notes) {
  const std::string xliff2 = R"(<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
 <file id="f1">
  <unit id="u1">
   <notes><note>Safety text</note></notes>
   <segment id="s1"><source>Unplug the pump.</source><target>Desenchufe la bomba.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment id="s2"><source>Wait <pc id="1">ten</pc> minutes.<ph id="2"/></source>
     <target>Espere <pc id="1">diez</pc> minutos.<ph id="2"/></target></segment>
  </unit>
  <group id="g"><unit id="u2"><segment><source>Done.</source></segment></unit></group>
 </file>
</xliff>)";
  auto file = Read(xliff2, "a.xlf");
  BOOST_REQUIRE_MESSAGE(file.ok(), file.status().message());
  BOOST_TEST(file->source_lang == "en");
  BOOST_TEST(file->target_lang == "es");
  BOOST_REQUIRE_EQUAL(file->units.size(), 3u);
  BOOST_TEST(file->units[0].id == "u1/s1");
  BOOST_TEST(file->units[0].note == "Safety text");
  BOOST_TEST(file->units[1].source == "Wait ten minutes.");
  BOOST_TEST(file->units[1].target == "Espere diez minutos.");
  BOOST_TEST(file->units[2].id == "u2");
  BOOST_TEST(file->units[2].target.empty());
}

BOOST_AUTO_TEST_CASE(po_contexts_fuzzy_and_plural_messages) {
  const std::string po = R"(msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#. Button label
# Checked by the reviewer
#: src/main.c:12
msgid "Clean the filter."
msgstr "Nettoyez le filtre."

msgctxt "menu"
msgid "Open"
msgstr "Ouvrir"

#, fuzzy
msgid "Drain the pump."
msgstr "Videz la pompe."

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fichier"
msgstr[1] "%d fichiers"

#~ msgid "Old text"
#~ msgstr "Ancien texte"
)";
  auto file = Read(po, "fr.po");
  BOOST_REQUIRE_MESSAGE(file.ok(), file.status().message());
  BOOST_TEST(file->source_lang.empty());
  BOOST_TEST(file->target_lang == "fr");
  BOOST_REQUIRE_EQUAL(file->units.size(), 5u);
  BOOST_TEST(file->units[0].note == "Button label | Checked by the reviewer");
  BOOST_TEST(file->units[1].id == "menu|Open");
  BOOST_TEST(file->units[2].source == "Drain the pump.");
  BOOST_TEST(file->units[2].target.empty());  // fuzzy: not a translation to trust
  BOOST_TEST(file->units[3].target == "%d fichier");
  BOOST_TEST(file->units[4].id == "%d file[1]");
  BOOST_TEST(file->units[4].source == "%d files");
  BOOST_TEST(file->units[4].target == "%d fichiers");
  BOOST_REQUIRE_EQUAL(file->warnings.size(), 1u);
  BOOST_TEST(file->warnings[0] == "fr.po: 1 fuzzy translation(s) read as not translated");
}

BOOST_AUTO_TEST_CASE(bad_bilingual_files_are_refused_with_their_place) {
  // An entity declaration (the way to external entities) is never read.
  auto entity = Read(R"(<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>&secret;</source></trans-unit></body></file></xliff>)",
                     "x.xlf");
  BOOST_REQUIRE(!entity.ok());
  BOOST_TEST(entity.status().message().find("x.xlf:2:") == 0u, entity.status().message());

  auto empty = Read("<xliff version=\"1.2\"><file source-language=\"en\"/></xliff>", "e.xlf");
  BOOST_REQUIRE(!empty.ok());
  BOOST_TEST(empty.status().message() == "e.xlf: no translation unit with source text in this "
                                         "XLIFF 1.2 file");

  auto plural = Read("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=3; plural=n%10;\\n\"\n\n"
                     "msgid \"a file\"\nmsgid_plural \"files\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n",
                     "p.po");
  BOOST_REQUIRE(!plural.ok());
  BOOST_TEST(plural.status().message() ==
             "p.po: the message 'a file' has 2 plural translation(s); the header's Plural-Forms "
             "says nplurals=3");

  auto broken = Read("msgid \"x\"\nmsgstr \"y\n", "b.po");
  BOOST_REQUIRE(!broken.ok());
  // gettext's own message, with the line where it found the fault.
  BOOST_TEST(broken.status().message().find("b.po:3: end-of-line within string") == 0u,
             broken.status().message());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
