// Property: what the writer writes, the reader gives back (minus the characters XML forbids).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"
#include "tmx/import.h"
#include "tmx/reader.h"
#include "tmx/tmx_test_util.h"
#include "tmx/writer.h"
#include "tmx_random_text.h"

namespace termalign::tmx {
namespace {

namespace data = boost::unit_test::data;
using testing::TempDir;

BOOST_AUTO_TEST_SUITE(tmx_roundtrip)

BOOST_DATA_TEST_CASE(write_then_read_gives_the_same_pairs, data::xrange(8), run) {
  const unsigned seed = testing::TmxTestSeed() + static_cast<unsigned>(run);
  BOOST_TEST_MESSAGE("tmx round trip seed " << seed << " (set TERMALIGN_SEED to replay)");
  std::mt19937 rng(seed);
  std::vector<text::SentencePair> pairs;
  std::vector<std::pair<std::string, std::string>> expected;
  std::size_t forbidden = 0;
  for (int i = 0; i < 200; ++i) {
    testing::RandomSegment source = testing::MakeRandomSegment(rng, /*allow_forbidden=*/true);
    testing::RandomSegment target = testing::MakeRandomSegment(rng, true);
    text::SentencePair pair;
    pair.source = source.written;
    pair.target = target.written;
    pair.score = std::uniform_real_distribution<double>(0, 1)(rng);
    pairs.push_back(pair);
    expected.emplace_back(source.expected, target.expected);
    forbidden += source.forbidden + target.forbidden;
  }
  TempDir dir;
  std::string path = (dir / "rt.tmx").string();
  TmxHeader header;
  header.src_lang = "en-US";
  header.tgt_lang = "ar";
  WriteStats stats;
  text::Status written = WriteTmx(path, header, pairs, &stats);
  BOOST_REQUIRE_MESSAGE(written.ok(), written.message());
  BOOST_TEST(stats.removed_chars == forbidden);
  BOOST_TEST(stats.units == pairs.size());

  std::vector<ImportedPair> read;
  ImportSummary summary;
  text::Status status = ImportTmx(
      path, {}, [&](const ImportedPair& p) { read.push_back(p); }, &summary);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  BOOST_TEST(summary.warnings.empty());
  BOOST_REQUIRE(read.size() == expected.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    BOOST_TEST_CONTEXT("unit " << i + 1 << ", seed " << seed) {
      BOOST_TEST(read[i].source == expected[i].first);
      BOOST_TEST(read[i].target == expected[i].second);
      BOOST_TEST(std::abs(read[i].score - pairs[i].score) <= 0.00005);
      BOOST_TEST(read[i].tuid == std::to_string(i + 1));
    }
  }
}

BOOST_AUTO_TEST_CASE(units_with_inline_markup_survive_a_rewrite) {
  TempDir dir;
  testing::WriteFile(dir / "in.tmx",
                     "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"x\" "
                     "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" "
                     "srclang=\"en\" datatype=\"html\"/><body><tu><tuv xml:lang=\"en\"><seg>A "
                     "<bpt i=\"1\">&lt;b&gt;</bpt>bold<ept i=\"1\">&lt;/b&gt;</ept> &amp; "
                     "<ph/></seg></tuv><tuv xml:lang=\"fr\"><seg>Du <hi>gras</hi></seg></tuv>"
                     "</tu></body></tmx>");
  TmxReader reader;
  BOOST_REQUIRE(reader.Open((dir / "in.tmx").string()).ok());
  TranslationUnit unit;
  BOOST_REQUIRE(reader.Next(&unit));
  TmxWriter writer;
  TmxHeader header;
  header.src_lang = "en";
  BOOST_REQUIRE(writer.Open((dir / "out.tmx").string(), header).ok());
  BOOST_REQUIRE(writer.Write(unit).ok());
  BOOST_REQUIRE(writer.Close().ok());
  TmxReader again;
  BOOST_REQUIRE(again.Open((dir / "out.tmx").string()).ok());
  TranslationUnit copy;
  BOOST_REQUIRE(again.Next(&copy));
  BOOST_REQUIRE(copy.variants.size() == 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    BOOST_TEST(copy.variants[i].text == unit.variants[i].text);
    BOOST_TEST(copy.variants[i].markup == unit.variants[i].markup);
  }
  BOOST_TEST(copy.variants[0].text == "A <b>bold</b> & {ph}");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
