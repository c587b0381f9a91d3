// The aligner on the seed articles of the reference data (skipped when it is absent): strict F1
// over beads at least 0.90, and the French-only stretch and the advertisement left unmatched.
#include <set>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "align/aligner.h"
#include "align/beads.h"
#include "test_util.h"
#include "text/dictionary.h"
#include "text/reader.h"

namespace termalign::align {
namespace {

using Key = std::pair<std::vector<std::size_t>, std::vector<std::size_t>>;

Key KeyOf(const Bead& bead) {
  Key key;
  for (std::size_t k = 0; k < bead.source_count; ++k) key.first.push_back(bead.source_begin + k);
  for (std::size_t k = 0; k < bead.target_count; ++k) key.second.push_back(bead.target_begin + k);
  return key;
}

// Strict F1 as defined in the reference data's README: precision over every predicted bead,
// recall over the gold beads with sentences on both sides.
double StrictF1(const std::vector<Bead>& gold, const std::vector<Bead>& test) {
  std::set<Key> gold_keys, test_keys;
  for (const Bead& b : gold) gold_keys.insert(KeyOf(b));
  for (const Bead& b : test) test_keys.insert(KeyOf(b));
  double hits = 0, matched_gold = 0, matched_hits = 0;
  for (const Key& k : test_keys) hits += gold_keys.count(k);
  for (const Key& k : gold_keys) {
    if (k.first.empty() || k.second.empty()) continue;
    ++matched_gold;
    matched_hits += test_keys.count(k);
  }
  double precision = test_keys.empty() ? 0.0 : hits / test_keys.size();
  double recall = matched_gold == 0 ? 0.0 : matched_hits / matched_gold;
  return precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

BOOST_AUTO_TEST_CASE(seeds_floor_and_french_only_text_unmatched) {
  std::filesystem::path shared = testing::SharedDirOrSkip("the seeds alignment floor");
  if (shared.empty()) return;
  std::filesystem::path dir = shared / "gold" / "seeds-000-002";
  text::Result<text::Document> english = text::ReadPresegmented((dir / "en.txt").string(), "en");
  text::Result<text::Document> french = text::ReadPresegmented((dir / "fr.txt").string(), "fr");
  BOOST_REQUIRE(english.ok());
  BOOST_REQUIRE(french.ok());
  text::Result<std::vector<Bead>> gold = ReadBeadFile((dir / "gold.txt").string());
  BOOST_REQUIRE(gold.ok());

  text::Result<text::BilingualDictionary> dictionary =
      text::BilingualDictionary::LoadFreeDict("en", "fr");
  AlignOptions options;
  options.dictionary = dictionary.ok() ? &dictionary.value() : nullptr;
  text::Result<Alignment> alignment = Align(*english, *french, options);
  BOOST_REQUIRE(alignment.ok());

  double f1 = StrictF1(*gold, alignment->beads);
  BOOST_TEST_MESSAGE("seeds strict F1 " << f1);
  BOOST_TEST(f1 >= 0.90);
  std::set<std::size_t> matched_targets;
  for (const Bead& bead : alignment->beads) {
    if (!bead.matched()) continue;
    for (std::size_t k = 0; k < bead.target_count; ++k) matched_targets.insert(bead.target_begin + k);
  }
  BOOST_TEST(matched_targets.count(0) == 0u);
  for (std::size_t j = 18; j <= 67; ++j) BOOST_TEST(matched_targets.count(j) == 0u, "fr " << j);
}

}  // namespace
}  // namespace termalign::align
