// The phases of PairCandidates one at a time, on tiny hand-written sentences and hand-made
// candidate sets.
#include "pairing_phases.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "glossary/extract.h"
#include "glossary/word_links.h"

namespace termalign::glossary::internal {
namespace {

std::uint32_t CandidateIndex(const CandidateSet& set, const std::string& key) {
  for (std::uint32_t c = 0; c < set.candidates.size(); ++c) {
    if (set.candidates[c].key == key) return c;
  }
  BOOST_FAIL("no candidate " << key);
  return 0;
}

// The vocabulary id of `stem`, or UINT32_MAX.
std::uint32_t IdOf(const std::unordered_map<std::string, std::uint32_t>& ids,
                   const std::string& stem) {
  auto found = ids.find(stem);
  return found == ids.end() ? UINT32_MAX : found->second;
}

// "We saw the tram." twice on the source side; the second target sentence is empty, so only
// the first aligned pair is usable. The third source sentence has no partner.
struct TramFixture {
  WordAnalyzer en{"en"}, fr{"fr"};
  CandidateSet source = ExtractCandidates(
      {"We saw the tram near Lyon.", "The tram waits near Lyon.", "Nothing pairs with this."}, en);
  CandidateSet target = ExtractCandidates({"Nous avons vu le tram près de Lyon.", ""}, fr);
  ContentIndex index = IndexContentWords(source, target);
  WordLinker linker{&en, &fr, nullptr, nullptr};
  LinkTable link_table{index.source_forms, index.target_forms, linker, en, fr, nullptr, nullptr};
};

CandidateSet HandMadeSet(const std::string& lang,
                         const std::vector<std::pair<std::string, int>>& keys_and_words,
                         CandidateKind kind = CandidateKind::kPhrase) {
  CandidateSet set;
  set.lang = lang;
  for (const auto& [key, words] : keys_and_words) {
    Candidate candidate;
    candidate.text = key;
    candidate.key = key;
    candidate.content_words = words;
    candidate.kind = kind;
    candidate.frequency = 2;
    set.candidates.push_back(candidate);
  }
  return set;
}

TermPair MakePair(std::uint32_t source, std::uint32_t target, double score, int source_rank = 1,
                  int target_rank = 1) {
  TermPair pair;
  pair.source = source;
  pair.target = target;
  pair.evidence.score = score;
  pair.evidence.source_rank = source_rank;
  pair.evidence.target_rank = target_rank;
  pair.evidence.source_count = pair.evidence.target_count = pair.evidence.cooccurrences = 3;
  return pair;
}

// Links for one aligned pair of two content words each side, words and content positions
// alike, no link unless set.
PairLinks TwoByTwo() {
  PairLinks links;
  links.columns = 2;
  links.links.assign(4, WordLink{});
  links.row_max.assign(2, 0.0);
  links.column_max.assign(2, 0.0);
  links.source_position = {0, 1};
  links.target_position = {0, 1};
  return links;
}

void SetLink(PairLinks* links, int a, int b, double strength, LinkChannel channel) {
  links->links[a * links->columns + b] = {strength, channel};
  links->row_max[a] = std::max(links->row_max[a], strength);
  links->column_max[b] = std::max(links->column_max[b], strength);
}

Occurrence Words(std::uint16_t first, std::uint16_t last) { return {0, first, last}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(pairing_phases)

BOOST_FIXTURE_TEST_CASE(content_index_covers_the_pairs_of_both_sides, TramFixture) {
  BOOST_TEST(index.pairs() == 2u);  // the unpartnered third source sentence is left out
  BOOST_TEST(index.Usable(0));
  BOOST_TEST(!index.Usable(1));
  BOOST_TEST(index.ids[1].source.empty());
  BOOST_TEST(index.ids[0].source.size() == index.source_words[0].size());
  for (std::uint16_t w : index.source_words[0]) BOOST_TEST(source.words[0][w].content);
  const std::uint32_t lyon = IdOf(index.source_ids, "lyon");
  BOOST_TEST_REQUIRE(lyon != UINT32_MAX);
  BOOST_TEST(index.source_frequency[lyon] == 1);  // pair 1 has no target: not indexed
  BOOST_TEST_REQUIRE(index.source_forms[lyon].size() == 1u);
  BOOST_TEST(index.source_forms[lyon][0]->folded == "lyon");
  BOOST_TEST(IdOf(index.target_ids, "lyon") != UINT32_MAX);
}

BOOST_FIXTURE_TEST_CASE(models_train_only_when_asked, TramFixture) {
  BOOST_TEST(!TrainWordModels(index, link_table, nullptr, 0).trained);
  WordModels models = TrainWordModels(index, link_table, nullptr, 3);
  BOOST_TEST_REQUIRE(models.trained);
  // "Lyon" links to itself (identity, seeded): Model 1 gives it a translation probability.
  const std::uint32_t source_lyon = IdOf(index.source_ids, "lyon");
  const std::uint32_t target_lyon = IdOf(index.target_ids, "lyon");
  double p = 0.0;
  for (const auto& entry : models.forward.Translations(source_lyon)) {
    if (entry.target == target_lyon) p = entry.probability;
  }
  BOOST_TEST(p > 0.0);
}

BOOST_FIXTURE_TEST_CASE(counts_use_only_usable_pairs, TramFixture) {
  std::vector<std::int64_t> count = CountPairsHolding(source, index);
  BOOST_TEST(count[CandidateIndex(source, "lyon")] == 1);  // seen twice, one usable pair
  BOOST_TEST(count[CandidateIndex(source, "tram")] == 1);
}

BOOST_FIXTURE_TEST_CASE(word_links_of_one_pair, TramFixture) {
  PairLinks links;
  LinkWords(0, source, target, index, link_table, WordModels{}, &links);
  BOOST_TEST(links.columns == index.target_words[0].size());
  BOOST_TEST(links.source_position.size() == source.words[0].size());
  bool found = false;
  for (std::size_t a = 0; a < index.source_words[0].size(); ++a) {
    BOOST_TEST(links.source_position[index.source_words[0][a]] == static_cast<int>(a));
    for (std::size_t b = 0; b < links.columns; ++b) {
      const std::uint16_t sw = index.source_words[0][a], tw = index.target_words[0][b];
      if (source.words[0][sw].folded == "lyon" && target.words[0][tw].folded == "lyon") {
        found = true;
        BOOST_TEST(links.links[a * links.columns + b].strength == 1.0);
        BOOST_TEST(ToString(links.links[a * links.columns + b].channel) == "identical");
        BOOST_TEST(links.row_max[a] == 1.0);
      }
    }
  }
  BOOST_TEST(found);
  // "We" is no content word.
  BOOST_TEST(links.source_position[0] == -1);
}

BOOST_AUTO_TEST_CASE(occurrences_scored_by_coverage) {
  PairLinks links = TwoByTwo();
  SetLink(&links, 0, 0, 1.0, LinkChannel::kIdentical);
  auto full = ScoreOccurrences(Words(0, 1), Words(0, 1), 1, 1, links);
  BOOST_TEST_REQUIRE(full.has_value());
  BOOST_TEST(full->local == 1.0);
  BOOST_TEST(ToString(full->channel) == "identical");
  BOOST_TEST(!full->guessed);
  // Both words of each side: one linked, one left facing the other (a position guess).
  auto guess = ScoreOccurrences(Words(0, 2), Words(0, 2), 2, 2, links);
  BOOST_TEST_REQUIRE(guess.has_value());
  BOOST_TEST(guess->guessed);
  BOOST_TEST(guess->local == (1.0 + kPositionCredit) / 2.0, boost::test_tools::tolerance(1e-12));
  // Too different in length to compare.
  BOOST_TEST(!ScoreOccurrences(Words(0, 1), Words(0, 1), 1, 1 + kMaxWordCountDifference + 1, links)
                  .has_value());
}

BOOST_AUTO_TEST_CASE(a_word_linked_elsewhere_is_no_guess) {
  PairLinks links = TwoByTwo();
  SetLink(&links, 1, 0, kLinkedElsewhere, LinkChannel::kCognate);  // source word 1 -> target 0
  auto score = ScoreOccurrences(Words(1, 2), Words(1, 2), 1, 1, links);
  BOOST_TEST_REQUIRE(score.has_value());
  BOOST_TEST(!score->guessed);
  BOOST_TEST(score->local == 0.0);
}

BOOST_AUTO_TEST_CASE(each_aligned_pair_counts_once_with_its_best_score) {
  Accumulator acc;
  Accumulate(3, {0.5, LinkChannel::kCognate, false}, &acc);
  Accumulate(3, {0.8, LinkChannel::kIdentical, false}, &acc);
  Accumulate(4, {0.4, LinkChannel::kModel, true}, &acc);
  BOOST_TEST(acc.joint == 2);
  BOOST_TEST(acc.sum == 1.2, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(acc.best == 0.8);
  BOOST_TEST(acc.example == 3u);
  BOOST_TEST(ToString(acc.channel) == "identical");
  BOOST_TEST(!acc.guessed);
}

BOOST_FIXTURE_TEST_CASE(evidence_is_gathered_per_candidate_pair, TramFixture) {
  Accumulators accumulators =
      GatherEvidence(source, target, index, link_table, WordModels{}, linker, 0.3);
  const std::uint64_t key =
      (std::uint64_t{CandidateIndex(source, "lyon")} << 32) | CandidateIndex(target, "lyon");
  BOOST_TEST_REQUIRE(accumulators.count(key) == 1u);
  BOOST_TEST(accumulators.at(key).joint == 1);
  BOOST_TEST(accumulators.at(key).best == 1.0);
  for (const auto& [pair_key, acc] : accumulators) BOOST_TEST(acc.best >= 0.3);
}

BOOST_AUTO_TEST_CASE(scores_from_evidence) {
  CandidateSet source = HandMadeSet("en", {{"microsoft", 1}}, CandidateKind::kName);
  CandidateSet target = HandMadeSet("fr", {{"microsoft", 1}}, CandidateKind::kName);
  Accumulators accumulators;
  Accumulator& acc = accumulators[0];
  acc.joint = 2;
  acc.sum = 2.0;
  acc.channel = LinkChannel::kIdentical;
  std::vector<TermPair> pairs = ScorePairs(accumulators, source, target, {2}, {4});
  BOOST_TEST_REQUIRE(pairs.size() == 1u);
  const PairEvidence& e = pairs[0].evidence;
  BOOST_TEST(e.coverage == 1.0);
  BOOST_TEST(e.dice == 2.0 * 2 / (2 + 4), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(e.log_dice == 14.0 + std::log2(e.dice), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(e.method == "identical");
  BOOST_TEST(e.score >= 0.7);  // the same name on both sides
  BOOST_TEST(e.source_rank == 0);
}

BOOST_AUTO_TEST_CASE(ranks_keep_and_mutual_partners) {
  std::vector<TermPair> pairs = {MakePair(0, 0, 0.9), MakePair(0, 1, 0.5), MakePair(1, 1, 0.6),
                                 MakePair(2, 2, 0.1)};
  RankPairs(&pairs);
  BOOST_TEST(pairs[0].evidence.source_rank == 1);
  BOOST_TEST(pairs[1].evidence.source_rank == 2);
  BOOST_TEST(pairs[1].evidence.target_rank == 2);
  BOOST_TEST(pairs[2].evidence.target_rank == 1);
  MutualPartners partners = FindMutualPartners(pairs);
  BOOST_TEST(partners.source_of.at(1) == 1u);
  BOOST_TEST(partners.target_of.at(0) == 0u);
  std::vector<TermPair> kept = KeepBestPairs(pairs, 0.15);
  BOOST_TEST_REQUIRE(kept.size() == 2u);  // (0,1) ranks second twice, (2,2) scores too low
  BOOST_TEST(kept[0].target == 0u);
  BOOST_TEST(kept[1].source == 1u);
}

BOOST_AUTO_TEST_CASE(a_fragment_never_seen_apart_is_demoted) {
  CandidateSet source =
      HandMadeSet("en", {{"israeli ministry", 2}, {"israeli ministry defense", 3}});
  CandidateSet target =
      HandMadeSet("fr", {{"ministere israelien", 2}, {"ministere israelien de la defense", 3}});
  std::vector<TermPair> kept = {MakePair(0, 0, 0.6), MakePair(1, 1, 0.8)};
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{true, false}));
  // Seen more often than the longer pair: the longer one only adds a modifier.
  kept[0].evidence.source_count = kept[0].evidence.target_count = 5;
  kept[0].evidence.cooccurrences = 5;
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{false, true}));
}

BOOST_AUTO_TEST_CASE(worse_boundaries_of_a_mutual_pair_are_demoted) {
  CandidateSet source =
      HandMadeSet("en", {{"cloud computing", 2}, {"cloud computing service", 3}, {"the", 1}});
  CandidateSet target = HandMadeSet("fr", {{"informatique nuage", 2}});
  MutualPartners partners;
  partners.source_of[0] = 0;
  std::vector<TermPair> kept = {MakePair(1, 0, 0.5, 1, 2), MakePair(2, 0, 0.5, 1, 3)};
  std::vector<bool> demote(kept.size(), false);
  FindWorseBoundaries(kept, partners, source, target, &demote);
  // "the" shares only a stop word with "cloud computing".
  BOOST_TEST((demote == std::vector<bool>{true, false}));
}

BOOST_AUTO_TEST_CASE(discounts_then_best_first) {
  CandidateSet source = HandMadeSet("en", {{"flood barrier", 2}, {"river", 1}, {"dam", 1}});
  CandidateSet target = HandMadeSet("fr", {{"barriere anti crue", 3}, {"riviere", 1}, {"x", 2}});
  std::vector<TermPair> kept = {MakePair(0, 0, 0.8), MakePair(1, 1, 0.9),
                                MakePair(2, 2, 0.9, 1, 2)};
  kept[0].guessed = true;
  DiscountAndSort(source, target, {false, false, true}, &kept);
  BOOST_TEST(kept[0].source == 1u);  // 0.9 x common word
  BOOST_TEST(kept[0].evidence.score == 0.9 * 0.7, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(kept[1].evidence.score == 0.8 * 0.6, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(kept[2].evidence.score == 0.9 * 0.5 * 0.75, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::glossary::internal
