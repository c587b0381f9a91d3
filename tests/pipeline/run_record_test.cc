// run.json: a run's output folder seen again segments its documents with the rules the run used,
// so the review page reads and rewrites the beads the run wrote.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/run.h"
#include "pipeline/run_pairs.h"
#include "test_util.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

// Rules that end a sentence only after "!": the built-in rules find twice as many sentences.
const char* kBangRules = R"(<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header segmentsubflows="yes" cascade="yes"/>
<body>
<languagerules>
<languagerule languagerulename="Bang">
<rule break="yes"><beforebreak>!</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
<languagemap languagepattern=".*" languagerulename="Bang"/>
</maprules>
</body>
</srx>
)";

RunOptions Options(const TempDir& dir) {
  RunOptions options;
  options.corpus_dir = (dir / "corpus").string();
  options.out_dir = (dir / "out").string();
  options.build_glossary = false;
  options.use_dictionaries = false;
  return options;
}

void WriteCorpus(const TempDir& dir) {
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/pump.en.txt", "The pump is new. Fill it with water! Open the valve. "
                                        "Switch it on.\n");
  WriteFile(dir / "corpus/pump.fr.txt", "La pompe est neuve. Remplissez-la d'eau ! Ouvrez la "
                                        "vanne. Mettez-la en marche.\n");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run_record)

BOOST_AUTO_TEST_CASE(the_review_reads_and_rewrites_a_pair_with_the_rules_the_run_used) {
  TempDir dir;
  WriteCorpus(dir);
  WriteFile(dir / "rules.srx", kBangRules);
  RunOptions options = Options(dir);
  options.srx_path = (dir / "rules.srx").string();
  text::Result<RunResult> run = RunCorpus(options);
  BOOST_REQUIRE_MESSAGE(run.ok(), run.status().message());
  BOOST_REQUIRE(run->errors.empty());
  BOOST_REQUIRE_EQUAL(run->pairs.size(), 1u);
  BOOST_TEST(run->pairs[0].report.coverage.source_sentences == 2u);

  text::Result<RunOptions> record = ReadRunRecord(options.out_dir);
  BOOST_REQUIRE_MESSAGE(record.ok(), record.status().message());
  BOOST_TEST(record->srx_path == fs::absolute(dir / "rules.srx").lexically_normal().string());
  text::Result<std::vector<RunPair>> pairs = ListRunPairs(*record);
  BOOST_REQUIRE(pairs.ok());
  BOOST_REQUIRE_EQUAL(pairs->size(), 1u);
  text::Result<ReviewedPair> pair = LoadRunPair(pairs->front());
  BOOST_REQUIRE_MESSAGE(pair.ok(), pair.status().message());
  BOOST_TEST(pair->source.document.sentences.size() == 2u);
  BOOST_TEST(pair->corrections.beads.size() == run->pairs[0].report.alignment.beads.size());

  text::Result<RunResult> revised = ReviseRun(options.out_dir);
  BOOST_REQUIRE_MESSAGE(revised.ok(), revised.status().message());
  BOOST_REQUIRE_EQUAL(revised->pairs.size(), 1u);
  BOOST_TEST(revised->pairs[0].report.coverage.source_sentences == 2u);
}

BOOST_AUTO_TEST_CASE(a_run_with_the_built_in_rules_is_revised_with_them) {
  TempDir dir;
  WriteCorpus(dir);
  RunOptions options = Options(dir);
  text::Result<RunResult> run = RunCorpus(options);
  BOOST_REQUIRE_MESSAGE(run.ok(), run.status().message());
  BOOST_REQUIRE_EQUAL(run->pairs.size(), 1u);
  BOOST_TEST(run->pairs[0].report.coverage.source_sentences == 4u);
  // Rules put in the folder after the run are not the ones its beads were made with.
  WriteFile(dir / "corpus/segmentation.srx", kBangRules);
  text::Result<RunOptions> record = ReadRunRecord(options.out_dir);
  BOOST_REQUIRE(record.ok());
  BOOST_TEST(record->srx_path == "");
  text::Result<RunResult> revised = ReviseRun(options.out_dir);
  BOOST_REQUIRE_MESSAGE(revised.ok(), revised.status().message());
  BOOST_TEST(revised->pairs[0].report.coverage.source_sentences == 4u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::pipeline
