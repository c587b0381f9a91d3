// Corpus folders: names, tags, display names and pairing.
#include <boost/test/unit_test.hpp>

#include <string>

#include "pipeline/corpus.h"
#include "test_util.h"

namespace termalign::pipeline {
namespace {

using testing::TempDir;
using testing::WriteFile;

BOOST_AUTO_TEST_SUITE(corpus)

BOOST_AUTO_TEST_CASE(display_names_escape_control_characters_and_bytes_that_are_not_utf8) {
  BOOST_TEST(DisplayName("tram.en.txt") == "tram.en.txt");
  BOOST_TEST(DisplayName("ترام.ar.txt") == "ترام.ar.txt");
  BOOST_TEST(DisplayName("caf\xE9.en.txt") == "caf\\xE9.en.txt");
  BOOST_TEST(DisplayName("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  BOOST_TEST(DisplayName("red\x1B[31m") == "red\\x1B[31m");
  BOOST_TEST(DisplayName("c1\xC2\x9B") == "c1\\xC2\\x9B");     // U+009B, a C1 control
  BOOST_TEST(DisplayName("over\xC0\xAF") == "over\\xC0\\xAF");  // an overlong '/'
  BOOST_TEST(DisplayName("cut\xE2\x82") == "cut\\xE2\\x82");
  BOOST_TEST(DisplayName("back\\slash") == "back\\\\slash");
}

BOOST_AUTO_TEST_CASE(document_names_give_name_language_and_tag) {
  std::string name, lang, tag;
  BOOST_TEST(ParseDocumentName("tram.en-GB.txt", &name, &lang, &tag));
  BOOST_TEST(name == "tram");
  BOOST_TEST(lang == "en");
  BOOST_TEST(tag == "en-gb");
  BOOST_TEST(ParseDocumentName("tram.FR.txt", &name, &lang, &tag));
  BOOST_TEST(tag == "fr");
  BOOST_TEST(!ParseDocumentName("notes.txt", &name, &lang, &tag));
}

BOOST_AUTO_TEST_CASE(document_name_tags_are_read_as_bcp_47) {
  std::string name, lang, tag;
  BOOST_TEST(ParseDocumentName("guide.zh-Hant-TW.txt", &name, &lang, &tag));
  BOOST_TEST(name == "guide");
  BOOST_TEST(lang == "zh");
  BOOST_TEST(tag == "zh-hant-tw");
  BOOST_TEST(ParseDocumentName("guide.de-CH-1996.txt", &name, &lang, &tag));
  BOOST_TEST(tag == "de-ch-1996");
  BOOST_TEST(ParseDocumentName("guide.pt_BR.txt", &name, &lang, &tag));
  BOOST_TEST(lang == "pt");
  BOOST_TEST(tag == "pt-br");
  // Not well-formed tags, or no two- or three-letter language: no language in the name.
  for (const char* bad : {"guide.en-12.txt", "guide.en-GB-.txt", "guide.fr-a.txt",
                          "guide.draft.txt", "guide.x-klingon.txt", "guide.e1.txt"}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!ParseDocumentName(bad, &name, &lang, &tag)); }
  }
}

BOOST_AUTO_TEST_CASE(the_exact_tag_is_paired_whatever_the_file_order) {
  TempDir dir;
  WriteFile(dir / "t.en-AU.txt", "Hello there.\n");
  WriteFile(dir / "t.en.txt", "Hello.\n");
  WriteFile(dir / "t.en-GB.txt", "Hello, mate.\n");
  WriteFile(dir / "t.fr.txt", "Bonjour.\n");
  text::Result<Corpus> corpus = ScanCorpus(dir.path().string(), "en", "fr");
  BOOST_REQUIRE(corpus.ok());
  BOOST_REQUIRE(corpus->pairs.size() == 1u);
  BOOST_TEST(corpus->documents[corpus->pairs[0].source].file_name == "t.en.txt");
  BOOST_TEST(corpus->monolingual.size() == 2u);
  BOOST_TEST(corpus->warnings.size() == 2u);
  for (const std::string& warning : corpus->warnings) {
    BOOST_TEST(warning.find("(t.en.txt, whose tag is exactly 'en', is paired)") !=
               std::string::npos, warning);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::pipeline
