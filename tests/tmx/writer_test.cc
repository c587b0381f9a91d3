#include "tmx/writer.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>

#include "test_util.h"
#include "tmx/tmx_test_util.h"

namespace termalign::tmx {
namespace {

using testing::ReadFile;
using testing::TempDir;

TmxHeader FixedHeader() {
  TmxHeader header;
  header.src_lang = "en-US";
  header.tgt_lang = "fr-FR";
  header.creation_date = "20240131T140500Z";
  header.tool_version = "9.9";
  return header;
}

text::SentencePair Pair(std::string source, std::string target, double score = 0.5) {
  text::SentencePair pair;
  pair.source = std::move(source);
  pair.target = std::move(target);
  pair.score = score;
  return pair;
}

BOOST_AUTO_TEST_SUITE(tmx_writer)

BOOST_AUTO_TEST_CASE(matches_golden_file) {
  TempDir dir;
  TmxHeader header = FixedHeader();
  header.source_doc = "contract.en.txt";
  header.target_doc = "contrat.fr.txt";
  text::SentencePair two = Pair("Payment is due. Interest accrues.", "Le paiement est dû.", 0.75);
  two.target_count = 1;
  two.source_count = 2;
  std::vector<text::SentencePair> pairs = {
      Pair("The contract is signed.", "Le contrat est signé.", 0.9), two,
      Pair("Fees & \"costs\" <apply>.", "Frais & « coûts ».")};
  WriteStats stats;
  BOOST_REQUIRE(WriteTmx((dir / "out.tmx").string(), header, pairs, &stats).ok());
  BOOST_TEST(stats.units == 3u);
  std::filesystem::path golden =
      std::filesystem::path(TERMALIGN_TEST_DATA) / "tmx" / "golden_small.tmx";
  std::string written = ReadFile(dir / "out.tmx");
  if (std::getenv("UPDATE_GOLDEN") != nullptr) testing::WriteFile(golden, written);
  BOOST_TEST(written == ReadFile(golden));
}

BOOST_AUTO_TEST_CASE(escapes_and_removes_forbidden_characters) {
  TempDir dir;
  std::vector<text::SentencePair> pairs = {
      Pair("a & b < c > d \"e\" 'f'", "x"),
      Pair("bell\x07 null-free\x1F end\xEF\xBF\xBE!", "tab\tnew\nline\r\ncr"),
  };
  WriteStats stats;
  BOOST_REQUIRE(WriteTmx((dir / "o.tmx").string(), FixedHeader(), pairs, &stats).ok());
  std::string out = ReadFile(dir / "o.tmx");
  BOOST_TEST(out.find("<seg>a &amp; b &lt; c &gt; d \"e\" 'f'</seg>") != std::string::npos);
  BOOST_TEST(out.find("<seg>bell null-free end!</seg>") != std::string::npos);
  BOOST_TEST(out.find("<seg>tab\tnew\nline&#13;\ncr</seg>") != std::string::npos);
  BOOST_TEST(stats.removed_chars == 3u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_fails_and_leaves_no_file) {
  TempDir dir;
  std::vector<text::SentencePair> pairs = {Pair("good", "bon"), Pair("bad \xC3\x28", "mauvais")};
  text::Status status = WriteTmx((dir / "o.tmx").string(), FixedHeader(), pairs, nullptr);
  BOOST_TEST(status.code() == text::ErrorCode::kParse);
  BOOST_TEST(status.message() ==
             "writing " + (dir / "o.tmx").string() + ": unit 2 en-US: invalid UTF-8 at byte 4");
  BOOST_TEST(std::filesystem::is_empty(dir.path()));
}

BOOST_AUTO_TEST_CASE(refuses_underscore_language_tag) {
  TempDir dir;
  TmxHeader header = FixedHeader();
  header.src_lang = "en_US";
  text::Status status = WriteTmx((dir / "o.tmx").string(), header, {}, nullptr);
  BOOST_TEST(status.message() == "writing " + (dir / "o.tmx").string() +
                                     ": source language: 'en_US' is not a BCP 47 language tag: "
                                     "use 'en-US'");
}

BOOST_AUTO_TEST_CASE(canonicalises_tags_and_checks_date) {
  TempDir dir;
  TmxHeader header = FixedHeader();
  header.src_lang = "en-us";
  header.tgt_lang = "FR-fr";
  BOOST_REQUIRE(WriteTmx((dir / "o.tmx").string(), header, {Pair("a", "b")}, nullptr).ok());
  std::string out = ReadFile(dir / "o.tmx");
  BOOST_TEST(out.find("srclang=\"en-US\"") != std::string::npos);
  BOOST_TEST(out.find("<tuv xml:lang=\"fr-FR\">") != std::string::npos);
  header.creation_date = "2024-01-31";
  BOOST_TEST(WriteTmx((dir / "p.tmx").string(), header, {}, nullptr).message() ==
             "writing " + (dir / "p.tmx").string() +
                 ": creation date '2024-01-31' is not in the TMX form YYYYMMDDThhmmssZ");
}

BOOST_AUTO_TEST_CASE(unmatched_pairs_only_on_request) {
  TempDir dir;
  text::SentencePair omitted = Pair("Only in English.", "");
  omitted.target_count = 0;
  std::vector<text::SentencePair> pairs = {Pair("a", "b"), omitted};
  WriteStats stats;
  BOOST_REQUIRE(WriteTmx((dir / "o.tmx").string(), FixedHeader(), pairs, &stats).ok());
  BOOST_TEST(stats.units == 1u);
  BOOST_TEST(stats.skipped_unmatched == 1u);
  TmxHeader header = FixedHeader();
  header.include_unmatched = true;
  BOOST_REQUIRE(WriteTmx((dir / "p.tmx").string(), header, pairs, &stats).ok());
  BOOST_TEST(stats.units == 2u);
  BOOST_TEST(ReadFile(dir / "p.tmx").find("<prop type=\"x-termalign-bead\">1-0</prop>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(source_variant_written_first) {
  TempDir dir;
  TmxWriter writer;
  BOOST_REQUIRE(writer.Open((dir / "o.tmx").string(), FixedHeader()).ok());
  TranslationUnit unit;
  unit.tuid = "u-7";
  unit.variants = {{"fr-FR", "Bonjour", "", {}}, {"en-US", "Hello", "", {}}};
  BOOST_REQUIRE(writer.Write(unit).ok());
  BOOST_REQUIRE(writer.Close().ok());
  std::string out = ReadFile(dir / "o.tmx");
  BOOST_TEST(out.find("en-US\"><seg>Hello") < out.find("fr-FR\"><seg>Bonjour"));
  BOOST_TEST(out.find("<tu tuid=\"u-7\" creationdate=\"20240131T140500Z\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(document_names_per_pair) {
  TempDir dir;
  TmxWriter writer;
  BOOST_REQUIRE(writer.Open((dir / "o.tmx").string(), FixedHeader()).ok());
  BOOST_REQUIRE(writer.Write(Pair("a", "b"), "one.en.txt", "one.fr.txt").ok());
  BOOST_REQUIRE(writer.Write(Pair("c", "d"), "two.en.txt", "").ok());
  BOOST_REQUIRE(writer.Close().ok());
  std::string out = ReadFile(dir / "o.tmx");
  BOOST_TEST(out.find("<prop type=\"x-termalign-source-doc\">one.en.txt</prop>\n      <prop "
                      "type=\"x-termalign-target-doc\">one.fr.txt</prop>") != std::string::npos);
  BOOST_TEST(out.find("two.en.txt") != std::string::npos);
  BOOST_TEST(out.find("x-termalign-target-doc") == out.rfind("x-termalign-target-doc"));
}

BOOST_AUTO_TEST_CASE(dates) {
  BOOST_TEST(IsTmxDate("20240131T140500Z"));
  BOOST_TEST(!IsTmxDate("20241331T140500Z"));
  BOOST_TEST(!IsTmxDate("20240131T140500"));
  BOOST_TEST(!IsTmxDate("2024-01-31T14:05:00Z"));
  BOOST_TEST(IsTmxDate(TmxNow()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
