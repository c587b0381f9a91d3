// The per-document jobs: reading once, choosing dictionaries, aligning, learning.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "glossary/termbase.h"
#include "pipeline/dictionaries.h"
#include "pipeline/document.h"
#include "pipeline/jobs.h"
#include "test_util.h"

namespace termalign::pipeline {
namespace {

using testing::TempDir;
using testing::WriteFile;

const char kEnglish[] =
    "The river authority opened the new flood barrier on Monday.\n"
    "The barrier cost 12 million pounds.\n"
    "Engineer Mira Costa said it protects 4,000 homes.\n";
const char kFrench[] =
    "L'autorité fluviale a ouvert lundi la nouvelle barrière anti-crue.\n"
    "La barrière a coûté 12 millions de livres.\n"
    "L'ingénieure Mira Costa a dit qu'elle protège 4 000 logements.\n";

BOOST_AUTO_TEST_SUITE(jobs)

BOOST_AUTO_TEST_CASE(a_document_is_read_with_the_hash_of_its_bytes) {
  TempDir dir;
  WriteFile(dir / "a.en.txt", kEnglish);
  text::Result<LoadedDocument> loaded = LoadDocument((dir / "a.en.txt").string(), "en");
  BOOST_REQUIRE(loaded.ok());
  BOOST_TEST(loaded->document.sentences.size() == 3u);
  BOOST_TEST(loaded->document.lang == "en");
  BOOST_TEST(loaded->document.name == (dir / "a.en.txt").string());
  BOOST_TEST(loaded->content_hash == glossary::ContentHash(kEnglish));

  text::Result<LoadedDocument> lines =
      LoadDocument((dir / "a.en.txt").string(), "en", Segmentation{.presegmented = true});
  BOOST_REQUIRE(lines.ok());
  BOOST_TEST(lines->document.sentences.size() == 3u);
  BOOST_TEST(lines->content_hash == loaded->content_hash);

  text::Result<LoadedDocument> missing = LoadDocument((dir / "none.txt").string(), "en");
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST(missing.status().message().find("none.txt") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_tsv_dictionary_serves_its_direction_and_a_bad_one_is_an_error) {
  TempDir dir;
  WriteFile(dir / "words.tsv", "barrier\tbarrière\n");
  std::vector<std::string> warnings;
  Dictionaries dictionaries(false, [&](std::string_view w) { warnings.emplace_back(w); });
  BOOST_REQUIRE(dictionaries.UseTsv((dir / "words.tsv").string(), "en", "fr").ok());
  const text::BilingualDictionary* forward = dictionaries.Get("en", "fr");
  BOOST_REQUIRE(forward != nullptr);
  BOOST_TEST(forward->Translations("barrier").size() == 1u);
  BOOST_TEST(dictionaries.Get("fr", "en") == nullptr);  // FreeDict off, no file for it
  BOOST_TEST(warnings.empty());

  text::Status bad = dictionaries.UseTsv((dir / "none.tsv").string(), "en", "fr");
  BOOST_REQUIRE(!bad.ok());
  BOOST_TEST(bad.message().find("reading the dictionary") == 0u);
  BOOST_TEST(bad.message().find("none.tsv") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_broken_freedict_dictionary_warns_once_and_a_missing_one_is_silent) {
  TempDir dir;
  WriteFile(dir / "freedict-eng-fra.index", "ship\tA\tZZZZ\n");
  WriteFile(dir / "freedict-eng-fra.dict", "x");
  std::vector<std::string> warnings;
  Dictionaries dictionaries(true, [&](std::string_view w) { warnings.emplace_back(w); },
                            dir.path().string());
  BOOST_TEST(dictionaries.Get("en", "fr") == nullptr);
  BOOST_TEST(dictionaries.Get("en", "fr") == nullptr);
  BOOST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST(warnings[0].find("freedict-eng-fra.index:1:") != std::string::npos);
  BOOST_TEST(warnings[0].find("going on without a en-fr dictionary") != std::string::npos);
  BOOST_TEST(dictionaries.Get("en", "ar") == nullptr);  // not installed: no warning
  BOOST_TEST(warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(align_then_learn_from_the_pair_and_from_a_monolingual_document) {
  TempDir dir;
  WriteFile(dir / "f.en.txt", kEnglish);
  WriteFile(dir / "f.fr.txt", kFrench);
  WriteFile(dir / "g.de.txt", "Die neue Hochwasserbarriere schützt 4000 Häuser.\n");
  text::Result<LoadedDocument> source = LoadDocument((dir / "f.en.txt").string(), "en");
  text::Result<LoadedDocument> target = LoadDocument((dir / "f.fr.txt").string(), "fr");
  BOOST_REQUIRE(source.ok() && target.ok());
  Dictionaries dictionaries(false, {});
  text::Result<align::Alignment> alignment =
      AlignPair(source->document, target->document, dictionaries, AlignJob{});
  BOOST_REQUIRE(alignment.ok());
  BOOST_TEST(alignment->beads.size() == 3u);
  for (std::size_t k = 0; k < alignment->beads.size(); ++k) {
    BOOST_TEST(alignment->beads[k].source_begin == k);
    BOOST_TEST(alignment->beads[k].target_begin == k);
  }

  auto opened = glossary::Termbase::Open((dir / "t.db").string());
  BOOST_REQUIRE(opened.ok());
  glossary::Termbase& termbase = **opened;
  glossary::BuildReport report;
  BOOST_REQUIRE(
      LearnFromPair(termbase, *source, *target, *alignment, dictionaries, &report).ok());
  BOOST_TEST(!report.skipped);
  BOOST_TEST(report.source_candidates > 0);
  glossary::BuildReport again;
  BOOST_REQUIRE(LearnFromPair(termbase, *source, *target, *alignment, dictionaries, &again).ok());
  BOOST_TEST(again.skipped);

  auto langs = TermbaseLanguages(termbase);
  BOOST_REQUIRE(langs.ok());
  BOOST_TEST(*langs == (std::vector<std::string>{"en", "fr"}));

  text::Result<LoadedDocument> german = LoadDocument((dir / "g.de.txt").string(), "de");
  BOOST_REQUIRE(german.ok());
  glossary::BuildReport monolingual;
  BOOST_REQUIRE(LearnFromMonolingual(termbase, std::move(german.value()), *langs, dictionaries,
                                     &monolingual)
                    .ok());
  BOOST_TEST(!monolingual.skipped);
  langs = TermbaseLanguages(termbase);
  BOOST_REQUIRE(langs.ok());
  BOOST_TEST(*langs == (std::vector<std::string>{"de", "en", "fr"}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::pipeline
