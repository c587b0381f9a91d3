// Written TMX files as real tools see them: xmllint with the TMX 1.4 DTD, translate-toolkit, and
// OmegaT (through ../shared/tools/omegat-check). Each test skips with a message when its tool
// or the reference folder is absent.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "test_util.h"
#include "tmx/reader.h"
#include "tmx/tmx_test_util.h"
#include "tmx/writer.h"
#include "tmx_random_text.h"

namespace termalign::tmx {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::TempDir;

bool HaveCommand(const std::string& probe) {
  return std::system((probe + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs a shell command, returning its exit code; output goes to `log`.
int Run(const std::string& command, const fs::path& log) {
  int status = std::system((command + " >'" + log.string() + "' 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::vector<text::SentencePair> SamplePairs() {
  std::ifstream in(fs::path(TERMALIGN_TEST_DATA) / "tmx" / "sample_en_fr.tsv");
  std::vector<text::SentencePair> pairs;
  std::string line;
  while (std::getline(in, line)) {
    text::SentencePair pair;
    std::size_t tab = line.find('\t');
    pair.source = line.substr(0, tab);
    pair.target = line.substr(tab + 1);
    pair.score = 0.9;
    pairs.push_back(pair);
  }
  return pairs;
}

std::vector<text::SentencePair> RandomPairs(unsigned seed, bool plain) {
  std::mt19937 rng(seed);
  std::vector<text::SentencePair> pairs;
  for (int i = 0; i < 100; ++i) {
    text::SentencePair pair;
    pair.source = testing::MakeRandomSegment(rng, true, plain).written;
    pair.target = testing::MakeRandomSegment(rng, true, plain).written;
    pairs.push_back(pair);
  }
  return pairs;
}

TmxHeader Header() {
  TmxHeader header;
  header.src_lang = "en-US";
  header.tgt_lang = "fr-FR";
  header.source_doc = "lease.en.txt";
  header.target_doc = "bail.fr.txt";
  return header;
}

BOOST_AUTO_TEST_SUITE(tmx_external_tools)

BOOST_AUTO_TEST_CASE(xmllint_validates_written_tmx_against_the_dtd) {
  fs::path shared = testing::SharedDirOrSkip("DTD validation of written TMX");
  if (shared.empty()) return;
  if (!HaveCommand("xmllint --version")) {
    BOOST_TEST_MESSAGE("skipped: xmllint is not installed (Debian package libxml2-utils)");
    return;
  }
  TempDir dir;
  unsigned seed = testing::TmxTestSeed();
  BOOST_TEST_MESSAGE("xmllint test seed " << seed);
  std::vector<std::pair<std::string, std::vector<text::SentencePair>>> files = {
      {"sample.tmx", SamplePairs()}, {"random.tmx", RandomPairs(seed, false)}};
  for (const auto& [name, pairs] : files) {
    TmxHeader header = Header();
    header.include_unmatched = true;
    BOOST_REQUIRE(WriteTmx((dir / name).string(), header, pairs, nullptr).ok());
    int code = Run("xmllint --noout --dtdvalid '" + (shared / "formats" / "tmx14.dtd").string() +
                       "' '" + (dir / name).string() + "'",
                   dir / "xmllint.log");
    BOOST_TEST(code == 0, name << ": " << ReadFile(dir / "xmllint.log"));
  }
  // Units read from another tool's file, inline codes included, then written again (tmx merge).
  testing::WriteFile(
      dir / "tagged.tmx",
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"x\" "
      "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" "
      "srclang=\"en-US\" datatype=\"html\"/><body><tu><tuv lang=\"fr-FR\"><seg>Du "
      "<bpt i=\"1\">&lt;b&gt;</bpt>gras<ept i=\"1\">&lt;/b&gt;</ept><ph/></seg></tuv>"
      "<tuv xml:lang=\"en-US\"><seg>Some <hi>bold <it pos=\"end\">x</it></hi> "
      "<ut>&lt;u&gt;</ut></seg></tuv></tu></body></tmx>");
  TmxReader reader;
  BOOST_REQUIRE(reader.Open((dir / "tagged.tmx").string()).ok());
  TmxWriter writer;
  BOOST_REQUIRE(writer.Open((dir / "rewritten.tmx").string(), Header()).ok());
  TranslationUnit unit;
  while (reader.Next(&unit)) BOOST_REQUIRE(writer.Write(unit).ok());
  BOOST_REQUIRE(writer.Close().ok());
  int code = Run("xmllint --noout --dtdvalid '" + (shared / "formats" / "tmx14.dtd").string() +
                     "' '" + (dir / "rewritten.tmx").string() + "'",
                 dir / "xmllint.log");
  BOOST_TEST(code == 0, "rewritten.tmx: " << ReadFile(dir / "xmllint.log"));
}

BOOST_AUTO_TEST_CASE(translate_toolkit_reads_the_same_pairs) {
  const std::string python = "/usr/bin/python3";
  if (!HaveCommand(python + " -c 'from translate.storage import tmx'")) {
    BOOST_TEST_MESSAGE("skipped: translate-toolkit is not installed (Debian python3-translate)");
    return;
  }
  TempDir dir;
  unsigned seed = testing::TmxTestSeed() + 100;
  BOOST_TEST_MESSAGE("translate-toolkit test seed " << seed);
  std::vector<text::SentencePair> pairs = SamplePairs();
  for (const text::SentencePair& pair : RandomPairs(seed, false)) pairs.push_back(pair);
  WriteStats stats;
  BOOST_REQUIRE(WriteTmx((dir / "t.tmx").string(), Header(), pairs, &stats).ok());
  testing::WriteFile(dir / "read.py",
                     "import json, sys\n"
                     "from translate.storage import tmx\n"
                     "store = tmx.tmxfile.parsefile(sys.argv[1])\n"
                     "json.dump([[u.source, u.target] for u in store.units], "
                     "open(sys.argv[2], 'w', encoding='utf-8'))\n");
  int code = Run(python + " '" + (dir / "read.py").string() + "' '" + (dir / "t.tmx").string() +
                     "' '" + (dir / "pairs.json").string() + "'",
                 dir / "python.log");
  BOOST_REQUIRE_MESSAGE(code == 0, ReadFile(dir / "python.log"));
  nlohmann::json read = nlohmann::json::parse(ReadFile(dir / "pairs.json"));
  BOOST_REQUIRE(read.size() == pairs.size());
  // The random part has forbidden characters mixed in; the writer removed them, so compare with
  // what a reader must see: the same text without them.
  std::mt19937 rng(seed);
  std::vector<std::string> expected;
  for (const text::SentencePair& pair : SamplePairs()) {
    expected.push_back(pair.source);
    expected.push_back(pair.target);
  }
  for (int i = 0; i < 100; ++i) {
    expected.push_back(testing::MakeRandomSegment(rng, true, false).expected);
    expected.push_back(testing::MakeRandomSegment(rng, true, false).expected);
  }
  for (std::size_t i = 0; i < read.size(); ++i) {
    BOOST_TEST_CONTEXT("unit " << i + 1) {
      BOOST_TEST(read[i][0].get<std::string>() == expected[2 * i]);
      BOOST_TEST(read[i][1].get<std::string>() == expected[2 * i + 1]);
    }
  }
}

BOOST_AUTO_TEST_CASE(omegat_applies_every_exact_match) {
  fs::path shared = testing::SharedDirOrSkip("the OmegaT acceptance check");
  if (shared.empty()) return;
  fs::path script = shared / "tools" / "omegat-check";
  if (!fs::exists(script) || !HaveCommand("command -v omegat") ||
      !HaveCommand("command -v xmllint")) {
    BOOST_TEST_MESSAGE(
        "skipped: OmegaT or xmllint is not installed (Debian packages omegat, "
        "libxml2-utils)");
    return;
  }
  TempDir dir;
  BOOST_REQUIRE(WriteTmx((dir / "lease.tmx").string(), Header(), SamplePairs(), nullptr).ok());
  int code = Run("SRC_LANG=en-US TGT_LANG=fr-FR WORK='" + (dir / "work").string() + "' '" +
                     script.string() + "' '" + (dir / "lease.tmx").string() + "'",
                 dir / "omegat.log");
  std::string log = ReadFile(dir / "omegat.log");
  BOOST_TEST(code == 0, log);
  BOOST_TEST(log.find("RESULT: PASS") != std::string::npos);
  BOOST_TEST(log.find("target/doc.txt == expected (12 segments") != std::string::npos, log);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
