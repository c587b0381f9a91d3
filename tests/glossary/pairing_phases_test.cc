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

// Links for one aligned pair of `n` content words each side, words and content positions
// alike, no link unless set, every translation probability 1/n.
PairLinks Square(int n) {
  PairLinks links;
  links.columns = n;
  links.links.assign(n * n, WordLink{});
  links.lexical.assign(n * n, 0.0);
  links.translation.assign(n * n, 1.0 / n);
  for (int k = 0; k < n; ++k) {
    links.source_position.push_back(k);
    links.target_position.push_back(k);
  }
  return links;
}

// An alignment point between source a and target b; a lexical channel also sets the lexical
// strength.
void SetLink(PairLinks* links, int a, int b, double strength, LinkChannel channel) {
  links->links[a * links->columns + b] = {strength, channel};
  if (channel != LinkChannel::kAligned) links->lexical[a * links->columns + b] = strength;
  links->points.push_back({static_cast<std::uint16_t>(a), static_cast<std::uint16_t>(b)});
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
  for (std::uint16_t w : index.source_words[0]) BOOST_TEST(bool{source.words[0][w].content});
  const std::uint32_t lyon = IdOf(index.source_ids, "lyon");
  BOOST_TEST_REQUIRE(lyon != UINT32_MAX);
  BOOST_TEST(index.source_frequency[lyon] == 1);  // pair 1 has no target: not indexed
  BOOST_TEST_REQUIRE(index.source_forms[lyon].size() == 1u);
  BOOST_TEST(index.source_forms[lyon][0]->folded == "lyon");
  BOOST_TEST(IdOf(index.target_ids, "lyon") != UINT32_MAX);
}

BOOST_FIXTURE_TEST_CASE(alignment_only_when_asked, TramFixture) {
  BOOST_TEST(AlignContentWords(index, link_table, 0).Links(0).empty());
  const text::WordAlignment alignment = AlignContentWords(index, link_table, 3);
  // "Lyon" is aligned to itself (identity, a prior).
  const std::uint32_t source_lyon = IdOf(index.source_ids, "lyon");
  const std::uint32_t target_lyon = IdOf(index.target_ids, "lyon");
  bool found = false;
  for (const text::AlignmentPoint& point : alignment.Links(0)) {
    found = found || (index.ids[0].source[point.source] == source_lyon &&
                      index.ids[0].target[point.target] == target_lyon);
  }
  BOOST_TEST(found);
  BOOST_TEST(alignment.Links(1).empty());  // no target side
}

BOOST_FIXTURE_TEST_CASE(counts_use_only_usable_pairs, TramFixture) {
  std::vector<std::int64_t> count = CountPairsHolding(source, index);
  BOOST_TEST(count[CandidateIndex(source, "lyon")] == 1);  // seen twice, one usable pair
  BOOST_TEST(count[CandidateIndex(source, "tram")] == 1);
}

BOOST_FIXTURE_TEST_CASE(word_links_of_one_pair, TramFixture) {
  PairLinks links;
  LinkWords(0, source, target, index, link_table, AlignContentWords(index, link_table, 3), &links);
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
        BOOST_TEST(links.lexical[a * links.columns + b] == 1.0);
      }
    }
  }
  BOOST_TEST(found);
  // "We" is no content word.
  BOOST_TEST(links.source_position[0] == -1);
}

BOOST_AUTO_TEST_CASE(a_leftover_link_needs_a_clear_translation) {
  PairLinks links = Square(3);
  // Word 0 was seen once: the same probability with every word beside it. Word 1 prefers
  // target 1 clearly; word 2 prefers target 2, but target 2 is as probable for word 1.
  links.translation = {0.2, 0.2, 0.2,   //
                       0.05, 0.6, 0.3,  //
                       0.0, 0.05, 0.35};
  BOOST_TEST(!ClearlyTranslates(links, 0, 0));  // a tie: only the words' order would decide
  BOOST_TEST(ClearlyTranslates(links, 1, 1));
  BOOST_TEST(!ClearlyTranslates(links, 2, 2));  // 0.35 < 1.5 x 0.3
  links.translation[1 * 3 + 2] = 0.2;
  BOOST_TEST(ClearlyTranslates(links, 2, 2));
  links.translation = std::vector<double>(9, kLeftoverTranslation / 2);
  links.translation[0] = kLeftoverTranslation / 1.5;  // clearly the best, but too improbable
  BOOST_TEST(!ClearlyTranslates(links, 0, 0));
}

BOOST_AUTO_TEST_CASE(a_lexical_link_the_corpus_outweighs_is_no_anchor) {
  PairLinks links = Square(3);
  // Source 0 / target 0 is a dictionary link ("pass" / "données" through "donner"); source 1
  // ("data") has no lexical link and three times its probability with target 0.
  links.lexical[0] = 0.9;
  links.translation = {0.2, 0.05, 0.05,  //
                       0.6, 0.1,  0.1,   //
                       0.05, 0.1, 0.5};
  BOOST_TEST(Outweighed(links, 0, 0));
  // The same probability beside a lexical link of its own: the other word is explained there.
  links.lexical[1 * 3 + 2] = 0.9;
  BOOST_TEST(!Outweighed(links, 0, 0));
  links.lexical[1 * 3 + 2] = 0.0;
  // Less than twice the link's probability: the dictionary stands.
  links.translation[1 * 3 + 0] = 0.35;
  BOOST_TEST(!Outweighed(links, 0, 0));
  // The other way: target 2 pulls source 0 away from target 0.
  links.translation[0 * 3 + 2] = 0.45;
  BOOST_TEST(Outweighed(links, 0, 0));
}

BOOST_AUTO_TEST_CASE(occurrences_scored_by_coverage) {
  PairLinks links = Square(2);
  SetLink(&links, 0, 0, 1.0, LinkChannel::kIdentical);
  SetLink(&links, 1, 1, kAlignedStrength, LinkChannel::kAligned);
  auto full = ScoreOccurrences(Words(0, 1), Words(0, 1), 1, 1, links);
  BOOST_TEST_REQUIRE(full.has_value());
  BOOST_TEST(full->local == 1.0);
  BOOST_TEST(ToString(full->channel) == "identical");
  BOOST_TEST(full->confirmed);
  // Both words: one identical, one aligned only; not every word is confirmed.
  auto both = ScoreOccurrences(Words(0, 2), Words(0, 2), 2, 2, links);
  BOOST_TEST_REQUIRE(both.has_value());
  BOOST_TEST(!both->confirmed);
  BOOST_TEST(both->local == (1.0 + kAlignedStrength) / 2.0, boost::test_tools::tolerance(1e-12));
  auto aligned = ScoreOccurrences(Words(1, 2), Words(1, 2), 1, 1, links);
  BOOST_TEST_REQUIRE(aligned.has_value());
  BOOST_TEST(ToString(aligned->channel) == "align");
  // Too different in length to compare.
  BOOST_TEST(!ScoreOccurrences(Words(0, 1), Words(0, 1), 1, 1 + kMaxWordCountDifference + 1, links)
                  .has_value());
}

BOOST_AUTO_TEST_CASE(spans_must_be_consistent_with_the_alignment) {
  // "impartial tribunal" / "tribunal indépendant": tribunal-tribunal linked, impartial aligned
  // to a word outside the French span.
  PairLinks links = Square(3);
  SetLink(&links, 0, 2, kAlignedStrength, LinkChannel::kAligned);
  SetLink(&links, 1, 0, 1.0, LinkChannel::kIdentical);
  BOOST_TEST(!ScoreOccurrences(Words(0, 2), Words(0, 2), 2, 2, links).has_value());
  // Crossing links inside both spans are consistent ("cloud storage" / "stockage cloud").
  BOOST_TEST(ScoreOccurrences(Words(0, 2), Words(0, 3), 2, 3, links).has_value());
  // A word left unaligned inside a span, one on each side, is allowed, and costs coverage
  // ("national cyber defence" / "défense cyber nationale" with "cyber" unaligned).
  PairLinks middle = Square(3);
  SetLink(&middle, 0, 2, 0.9, LinkChannel::kDictionary);
  SetLink(&middle, 2, 0, 0.9, LinkChannel::kDictionary);
  auto partial = ScoreOccurrences(Words(0, 3), Words(0, 3), 3, 3, middle);
  BOOST_TEST_REQUIRE(partial.has_value());
  BOOST_TEST(partial->local < 0.7);
  BOOST_TEST(!partial->confirmed);
  BOOST_TEST(!partial->complete);
  // No link between the spans: no co-occurrence.
  PairLinks one = Square(2);
  SetLink(&one, 1, 1, 1.0, LinkChannel::kDictionary);
  BOOST_TEST(!ScoreOccurrences(Words(0, 1), Words(0, 1), 1, 1, one).has_value());
}

BOOST_AUTO_TEST_CASE(a_span_with_a_loose_boundary_is_no_cooccurrence) {
  // "Israeli military" / "israélienne": the French span is fully linked, the English one
  // starts with a word nothing links; the pair is "Israeli" / "israélienne".
  PairLinks links = Square(2);
  SetLink(&links, 1, 1, 0.8, LinkChannel::kCognate);
  BOOST_TEST(!ScoreOccurrences(Words(0, 2), Words(1, 2), 2, 1, links).has_value());
  BOOST_TEST(!ScoreOccurrences(Words(1, 2), Words(0, 2), 1, 2, links).has_value());
  BOOST_TEST(ScoreOccurrences(Words(1, 2), Words(1, 2), 1, 1, links).has_value());
  // Unless the aligner gives the loose word and the neighbour nothing: a verb beside the span
  // ("the policy schedule states" / "les conditions particulières indiquent") is no partner
  // of the loose noun.
  links.translation[0 * 2 + 0] = 0.01;
  BOOST_TEST(ScoreOccurrences(Words(0, 2), Words(1, 2), 2, 1, links).has_value());
  BOOST_TEST(ScoreOccurrences(Words(1, 2), Words(0, 2), 1, 2, links).has_value());
}

BOOST_AUTO_TEST_CASE(a_loose_word_without_a_partner_belongs_to_the_pair) {
  // "data subject" / "personne concernée": "subject" is linked to both French words, "data" to
  // nothing, and no unlinked word lies beside the French span: the spans name one thing, and
  // "data" counts as explained.
  PairLinks links = Square(3);
  SetLink(&links, 1, 0, kAlignedStrength, LinkChannel::kAligned);
  SetLink(&links, 1, 1, kAlignedStrength, LinkChannel::kAligned);
  SetLink(&links, 2, 2, 0.9, LinkChannel::kDictionary);
  auto whole = ScoreOccurrences(Words(0, 2), Words(0, 2), 2, 2, links);
  BOOST_TEST_REQUIRE(whole.has_value());
  BOOST_TEST(whole->local == kAlignedStrength, boost::test_tools::tolerance(1e-12));
  // A loose end cutting a phrase: "freedoms of data" / "libertés" in "freedoms of data
  // subjects" / "libertés des personnes concernées".
  PairLinks cut = Square(3);
  SetLink(&cut, 0, 0, 0.9, LinkChannel::kDictionary);
  SetLink(&cut, 2, 1, kAlignedStrength, LinkChannel::kAligned);
  SetLink(&cut, 2, 2, kAlignedStrength, LinkChannel::kAligned);
  BOOST_TEST(!ScoreOccurrences(Words(0, 2), Words(0, 1), 2, 1, cut).has_value());
  cut.source_break = {0, 0, 1};  // punctuation after "data": the phrase ends there
  BOOST_TEST(ScoreOccurrences(Words(0, 2), Words(0, 1), 2, 1, cut).has_value());
  // Punctuation before the French span's unlinked neighbour: not the loose word's partner.
  PairLinks apart = Square(3);
  SetLink(&apart, 1, 1, 0.9, LinkChannel::kDictionary);
  apart.target_position[2] = -1;  // a function word
  apart.target_break = {0, 1, 0};
  BOOST_TEST(ScoreOccurrences(Words(0, 2), Words(1, 2), 2, 1, apart).has_value());
  apart.target_break = {0, 0, 0};
  BOOST_TEST(!ScoreOccurrences(Words(0, 2), Words(1, 2), 2, 1, apart).has_value());
}

BOOST_AUTO_TEST_CASE(a_modifier_on_the_other_side_of_the_head_cuts_no_phrase) {
  // "flooded farmland" / "terres agricoles inondées": "farmland" is linked to "terres",
  // "agricoles" to nothing, and the content word after it, "inondées", is "flooded", right
  // before "farmland". "terres agricoles" is a whole phrase: the pair of "farmland".
  PairLinks links = Square(3);
  links.source_position[2] = -1;  // "are", a function word
  SetLink(&links, 0, 2, 0.9, LinkChannel::kDictionary);
  SetLink(&links, 1, 0, kAlignedStrength, LinkChannel::kAligned);
  BOOST_TEST(ScoreOccurrences(Words(1, 2), Words(0, 2), 1, 2, links).has_value());
  // "inondées" linked to a word away from "farmland": "agricoles" may run on into it.
  PairLinks apart = Square(4);
  apart.source_position[3] = -1;
  SetLink(&apart, 0, 2, 0.9, LinkChannel::kDictionary);
  SetLink(&apart, 2, 0, kAlignedStrength, LinkChannel::kAligned);
  apart.source_break = {0, 0, 1, 0};  // "flooded ..., farmland": not beside it
  BOOST_TEST(!ScoreOccurrences(Words(2, 3), Words(0, 2), 1, 2, apart).has_value());
}

BOOST_AUTO_TEST_CASE(aligner_links_alone_are_not_anchored) {
  PairLinks links = Square(2);
  SetLink(&links, 0, 0, kAlignedStrength, LinkChannel::kAligned);
  SetLink(&links, 1, 1, kAlignedStrength, LinkChannel::kAligned);
  auto aligned = ScoreOccurrences(Words(0, 2), Words(0, 2), 2, 2, links);
  BOOST_TEST_REQUIRE(aligned.has_value());
  BOOST_TEST(!aligned->anchored);
  BOOST_TEST(!aligned->complete);
  BOOST_TEST(!aligned->confirmed);
  // One lexical link among them anchors the span, and every word is linked.
  links.links[0] = {0.9, LinkChannel::kDictionary};
  links.lexical[0] = 0.9;
  auto anchored = ScoreOccurrences(Words(0, 2), Words(0, 2), 2, 2, links);
  BOOST_TEST_REQUIRE(anchored.has_value());
  BOOST_TEST(anchored->anchored);
  BOOST_TEST(anchored->complete);
  BOOST_TEST(!anchored->confirmed);  // "1" is linked by the aligner alone
}

BOOST_AUTO_TEST_CASE(each_aligned_pair_counts_once_with_its_best_score) {
  Accumulator acc;
  Accumulate(3, {0.5, LinkChannel::kCognate, false}, &acc);
  Accumulate(3, {0.8, LinkChannel::kIdentical, false}, &acc);
  BOOST_TEST(!acc.confirmed);
  Accumulate(4, {0.4, LinkChannel::kAligned, true}, &acc);
  BOOST_TEST(acc.joint == 2);
  BOOST_TEST(acc.sum == 1.2, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(acc.best == 0.8);
  BOOST_TEST(acc.example == 3u);
  BOOST_TEST(ToString(acc.channel) == "identical");
  BOOST_TEST(acc.confirmed);
}

BOOST_FIXTURE_TEST_CASE(evidence_is_gathered_per_candidate_pair, TramFixture) {
  Accumulators accumulators = GatherEvidence(
      source, target, index, link_table, AlignContentWords(index, link_table, 3), linker, 0.3);
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
  // ... unless it is mostly translated otherwise: "AI" once as in English in a French product
  // name, six times "IA".
  acc.joint = 1;
  acc.sum = 1.0;
  acc.confirmed = true;
  pairs = ScorePairs(accumulators, source, target, {6}, {1});
  BOOST_TEST_REQUIRE(pairs.size() == 1u);
  BOOST_TEST(pairs[0].evidence.score < 0.7);
}

// An acronym pair is one of two acronyms, the plural ("ATMs", read as a name) included.
BOOST_AUTO_TEST_CASE(acronym_pairs) {
  CandidateSet source = HandMadeSet("en", {{"ATMs", 1}, {"Rail", 1}, {"ATM", 1}});
  source.candidates[0].kind = source.candidates[1].kind = CandidateKind::kName;
  source.candidates[2].kind = CandidateKind::kAcronym;
  CandidateSet target = HandMadeSet("fr", {{"DAB", 1}}, CandidateKind::kAcronym);
  Accumulators accumulators;
  for (std::uint64_t s = 0; s < 3; ++s) {
    Accumulator& acc = accumulators[s << 32];
    acc.joint = 2;
    acc.sum = 1.5;
    acc.channel = LinkChannel::kAligned;
  }
  std::vector<TermPair> pairs = ScorePairs(accumulators, source, target, {2, 2, 2}, {2});
  BOOST_TEST_REQUIRE(pairs.size() == 3u);
  for (const TermPair& pair : pairs) BOOST_TEST(pair.acronyms == (pair.source != 1u));
}

BOOST_AUTO_TEST_CASE(one_unconfirmed_cooccurrence_is_not_enough) {
  CandidateSet source = HandMadeSet("en", {{"cost living", 2}, {"tariff", 1}});
  CandidateSet target = HandMadeSet("fr", {{"cout vie", 2}, {"tarif", 1}});
  Accumulators accumulators;
  accumulators[0] = Accumulator{};
  accumulators[0].joint = 1;
  accumulators[0].sum = 0.8;
  accumulators[(std::uint64_t{1} << 32) | 1] = accumulators[0];
  accumulators[(std::uint64_t{1} << 32) | 1].confirmed = true;
  std::vector<TermPair> pairs = ScorePairs(accumulators, source, target, {1, 1}, {1, 1});
  BOOST_TEST_REQUIRE(pairs.size() == 1u);
  BOOST_TEST(pairs[0].source == 1u);
  BOOST_TEST(pairs[0].confirmed);
  // Every word linked, one of them lexically, a single co-occurrence is kept, but as a
  // tentative pair (a proposal that never joins).
  accumulators[0].complete = true;
  pairs = ScorePairs(accumulators, source, target, {1, 1}, {1, 1});
  BOOST_TEST_REQUIRE(pairs.size() == 2u);
  for (const TermPair& pair : pairs) BOOST_TEST(pair.tentative == (pair.source == 0u));
  accumulators[0].complete = false;
  accumulators[0].joint = 2;
  pairs = ScorePairs(accumulators, source, target, {2, 1}, {2, 1});
  BOOST_TEST_REQUIRE(pairs.size() == 2u);
  for (const TermPair& pair : pairs) BOOST_TEST(!pair.tentative);
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

BOOST_AUTO_TEST_CASE(a_one_off_beside_a_settled_translation_is_left_out) {
  // "AI" / "IA" six times (mutual); "AI" / "AI" once, which only the French "AI" prefers.
  std::vector<TermPair> pairs = {MakePair(0, 0, 0.6), MakePair(0, 1, 0.3)};
  pairs[0].evidence.cooccurrences = 6;
  pairs[1].evidence.cooccurrences = 1;
  RankPairs(&pairs);
  BOOST_TEST(pairs[1].evidence.source_rank == 2);
  BOOST_TEST(pairs[1].evidence.target_rank == 1);
  std::vector<TermPair> kept = KeepBestPairs(pairs, 0.1);
  BOOST_TEST_REQUIRE(kept.size() == 1u);
  BOOST_TEST(kept[0].target == 0u);
  // Seen twice, the variant is proposed.
  pairs[1].evidence.cooccurrences = 2;
  BOOST_TEST(KeepBestPairs(pairs, 0.1).size() == 2u);
  // Beside a mutual pair seen once itself, nothing is settled: "outside firm" / "firme
  // externe" once, beside "external firm" / "firme externe" once.
  pairs[0].evidence.cooccurrences = 1;
  pairs[1].evidence.cooccurrences = 1;
  BOOST_TEST(KeepBestPairs(pairs, 0.1).size() == 2u);
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

BOOST_AUTO_TEST_CASE(a_new_head_on_both_sides_names_another_thing) {
  // "civil protection" three times; "civil protection mechanism" / "mécanisme de protection
  // civile" once: a head of its own on both sides, another concept, not demoted.
  CandidateSet source =
      HandMadeSet("en", {{"civil protection", 2}, {"civil protection mechanism", 3}});
  CandidateSet target =
      HandMadeSet("fr", {{"protection civil", 2}, {"mecanisme de protection civil", 3}});
  std::vector<TermPair> kept = {MakePair(0, 0, 0.7), MakePair(1, 1, 0.5)};
  kept[1].evidence.source_count = kept[1].evidence.target_count = 1;
  kept[1].evidence.cooccurrences = 1;
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{false, false}));
  // A modifier before the pair keeps its head on one side: the longer pair only adds it
  // ("advanced civil protection" / "protection civile avancée").
  CandidateSet modified =
      HandMadeSet("en", {{"civil protection", 2}, {"advanced civil protection", 3}});
  CandidateSet modified_target =
      HandMadeSet("fr", {{"protection civil", 2}, {"protection civil avance", 3}});
  BOOST_TEST((FindNestedPairs(kept, modified, modified_target) == std::vector<bool>{false, true}));
}

BOOST_AUTO_TEST_CASE(a_single_word_inside_a_paired_phrase_is_demoted) {
  CandidateSet source = HandMadeSet("en", {{"service", 1}, {"professional service", 2}});
  CandidateSet target = HandMadeSet("fr", {{"service", 1}, {"service professionnel", 2}});
  std::vector<TermPair> kept = {MakePair(0, 0, 0.4), MakePair(1, 1, 0.6)};
  kept[0].evidence.source_count = kept[0].evidence.target_count = 5;
  kept[0].evidence.cooccurrences = 5;
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{true, false}));
  // Not inside a phrase seen together once, unconfirmed: that says nothing of the word yet.
  kept[1].tentative = true;
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{false, false}));
}

BOOST_AUTO_TEST_CASE(a_compound_seen_once_after_a_noun_and_a_connector_is_the_term) {
  CandidateSet source = HandMadeSet("en", {{"hip fracture", 2}, {"risk of hip fracture", 3}});
  CandidateSet target = HandMadeSet(
      "fr", {{"fracture de le hanche", 2}, {"risque de fracture de le hanche", 3}});
  std::vector<TermPair> kept = {MakePair(0, 0, 0.5), MakePair(1, 1, 0.6)};
  for (TermPair& pair : kept) {
    pair.evidence.cooccurrences = pair.evidence.source_count = pair.evidence.target_count = 1;
  }
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{false, true}));
  // Seen together twice, the longer pair is what the text says: the compound is its fragment.
  for (TermPair& pair : kept) {
    pair.evidence.cooccurrences = pair.evidence.source_count = pair.evidence.target_count = 2;
  }
  BOOST_TEST((FindNestedPairs(kept, source, target) == std::vector<bool>{true, false}));
  // Words before the compound without a connector are a modifier, not a phrase built on it.
  CandidateSet modified = HandMadeSet("en", {{"hip fracture", 2}, {"severe hip fracture", 3}});
  for (TermPair& pair : kept) {
    pair.evidence.cooccurrences = pair.evidence.source_count = pair.evidence.target_count = 1;
  }
  BOOST_TEST((FindNestedPairs(kept, modified, target) == std::vector<bool>{true, false}));
}

BOOST_AUTO_TEST_CASE(a_fragment_never_seen_apart_is_dropped_and_the_ranks_follow) {
  // "video" is never seen apart from "video surveillance"; its pair with "vidéosurveillance"
  // scores higher, and took the French word's first rank.
  CandidateSet source = HandMadeSet("en", {{"video", 1}, {"video surveillance", 2}});
  CandidateSet target = HandMadeSet("fr", {{"videosurveillance", 1}});
  std::vector<TermPair> ranked = {MakePair(0, 0, 0.24), MakePair(1, 0, 0.22)};
  RankPairs(&ranked);
  BOOST_TEST(!ranked[1].mutual());
  DropFragments(source, target, 0.15, &ranked);
  BOOST_TEST_REQUIRE(ranked.size() == 1u);
  BOOST_TEST(ranked[0].source == 1u);
  BOOST_TEST(ranked[0].mutual());
  // Seen once, a fragment stays: one co-occurrence does not tell which boundary is the term's.
  std::vector<TermPair> once = {MakePair(0, 0, 0.24), MakePair(1, 0, 0.22)};
  once[0].evidence.cooccurrences = 1;
  RankPairs(&once);
  DropFragments(source, target, 0.15, &once);
  BOOST_TEST(once.size() == 2u);
  // An acronym stays, ranked lower later: it names something on its own ("IP" of "IP address").
  CandidateSet acronyms = HandMadeSet("en", {{"ip", 1}}, CandidateKind::kAcronym);
  acronyms.candidates.push_back(source.candidates[1]);
  acronyms.candidates[1].key = "ip address";
  CandidateSet french = HandMadeSet("fr", {{"ip", 1}, {"adresse ip", 2}});
  std::vector<TermPair> named = {MakePair(0, 0, 0.5), MakePair(1, 1, 0.6)};
  RankPairs(&named);
  DropFragments(acronyms, french, 0.15, &named);
  BOOST_TEST(named.size() == 2u);
  // Unless the other language writes it only inside a longer term that the same acronym pairs
  // with: "PIN" / "PIN" is the worse boundary of "PIN" / "code PIN".
  CandidateSet pin = HandMadeSet("en", {{"pin", 1}}, CandidateKind::kAcronym);
  CandidateSet code_pin = HandMadeSet("fr", {{"pin", 1}, {"code pin", 2}});
  std::vector<TermPair> boundaries = {MakePair(0, 0, 0.7), MakePair(0, 1, 0.55)};
  RankPairs(&boundaries);
  BOOST_TEST(!boundaries[1].mutual());
  DropFragments(pin, code_pin, 0.15, &boundaries);
  BOOST_TEST_REQUIRE(boundaries.size() == 1u);
  BOOST_TEST(boundaries[0].target == 1u);
  BOOST_TEST(boundaries[0].mutual());
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
  DiscountAndSort(source, target, {false, false, true}, &kept);
  BOOST_TEST(kept[0].source == 0u);
  BOOST_TEST(kept[0].evidence.score == 0.8, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(!kept[0].demoted);
  BOOST_TEST(kept[1].evidence.score == 0.9 * 0.7, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(kept[1].common_words);
  BOOST_TEST(kept[2].evidence.score == 0.9 * 0.5 * 0.75, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(kept[2].demoted);
}

BOOST_AUTO_TEST_CASE(single_words_of_a_special_field_seen_once_are_no_common_words) {
  CandidateSet source =
      HandMadeSet("en", {{"diarrhoea", 1}, {"decision", 1}, {"dam", 1}, {"year", 1}});
  CandidateSet target =
      HandMadeSet("fr", {{"diarrhee", 1}, {"decision", 1}, {"barrage", 1}, {"annee", 1}});
  source.candidates[0].general_use = 9;    // a word of a special field
  source.candidates[1].general_use = 38;   // a common word
  source.candidates[3].general_use = 450;  // a word of everyday language
  // "dam": the language has no general-use counts (-1), as before they existed.
  std::vector<TermPair> kept = {MakePair(0, 0, 0.9), MakePair(1, 1, 0.9), MakePair(2, 2, 0.9),
                                MakePair(3, 3, 0.9)};
  for (TermPair& pair : kept) pair.evidence.cooccurrences = 1;  // seen once, confirmed
  DiscountAndSort(source, target, {false, false, false, false}, &kept);
  BOOST_TEST(kept[0].source == 0u);
  BOOST_TEST(!kept[0].common_words);
  // Still ranked as a single word is, but not as one seen once.
  BOOST_TEST(kept[0].evidence.score == 0.9 * 0.7, boost::test_tools::tolerance(1e-12));
  for (std::size_t k : {1u, 2u}) {
    BOOST_TEST(kept[k].common_words);
    BOOST_TEST(kept[k].evidence.score == 0.9 * 0.7 * 0.3, boost::test_tools::tolerance(1e-12));
  }
  // Everyday language ranks after the other single words.
  BOOST_TEST(kept[3].source == 3u);
  BOOST_TEST(kept[3].evidence.score == 0.9 * 0.7 * 0.3 * 0.5, boost::test_tools::tolerance(1e-12));
  // A fragment of a longer pair ("fracture" of "hip fracture") is no exception.
  std::vector<TermPair> fragment = {MakePair(0, 0, 0.9)};
  fragment[0].evidence.cooccurrences = 1;
  DiscountAndSort(source, target, {true}, &fragment);
  BOOST_TEST(fragment[0].common_words);
}

BOOST_AUTO_TEST_CASE(tentative_pairs_rank_lower) {
  CandidateSet source = HandMadeSet("en", {{"internal review", 2}, {"external firm", 2}});
  CandidateSet target = HandMadeSet("fr", {{"examen interne", 2}, {"firme externe", 2}});
  std::vector<TermPair> kept = {MakePair(0, 0, 0.5), MakePair(1, 1, 0.4)};
  kept[0].tentative = true;  // seen once, every word linked, one lexically
  DiscountAndSort(source, target, {false, false}, &kept);
  BOOST_TEST(kept[0].source == 1u);
  BOOST_TEST(kept[0].evidence.score == 0.4, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(kept[1].evidence.score == 0.5 * 0.6, boost::test_tools::tolerance(1e-12));
}

// The joining rule: only a mutual pair whose co-occurrences explain both sides, associated
// strongly enough, seen twice (three times when only the aligner links it) or confirmed word
// for word by the lexicon joins one entity.
BOOST_AUTO_TEST_CASE(well_supported_pairs) {
  auto base = [] {
    TermPair pair = MakePair(0, 0, 0.5);  // mutual, three co-occurrences of three
    pair.evidence.coverage = 0.9;
    pair.evidence.dice = 1.0;
    pair.anchored = true;
    return pair;
  };
  BOOST_TEST(base().WellSupported());
  TermPair pair = base();
  pair.evidence.target_rank = 2;  // one side prefers another partner
  BOOST_TEST(!pair.WellSupported());
  pair = base();
  pair.evidence.coverage = 0.4;  // most words of the sides unexplained
  pair.evidence.dice = 0.9;
  BOOST_TEST(!pair.WellSupported());
  // ... unless the sides never occur apart, seen together three times at least: the aligner
  // links a non-compositional pair only in part ("bank statement" / "relevé de compte").
  pair.evidence.dice = 1.0;
  BOOST_TEST(pair.WellSupported());
  pair.evidence.cooccurrences = 2;
  BOOST_TEST(!pair.WellSupported());
  pair.evidence.cooccurrences = 3;
  pair.evidence.coverage = 0.2;  // hardly any word explained
  BOOST_TEST(!pair.WellSupported());
  pair.evidence.coverage = 0.4;
  pair.demoted = true;  // a fragment of another pair
  BOOST_TEST(!pair.WellSupported());
  pair = base();
  pair.tentative = true;  // one co-occurrence, not confirmed
  BOOST_TEST(!pair.WellSupported());
  pair = base();
  pair.evidence.dice = 0.3;  // one side mostly translated otherwise
  BOOST_TEST(!pair.WellSupported());

  // Two co-occurrences do with a lexical link; the aligner alone needs three, and a stronger
  // association.
  pair = base();
  pair.evidence.cooccurrences = 2;
  BOOST_TEST(pair.WellSupported());
  pair.anchored = false;
  pair.evidence.dice = 0.8;
  BOOST_TEST(!pair.WellSupported());
  pair.evidence.cooccurrences = 3;
  BOOST_TEST(pair.WellSupported());
  pair.evidence.dice = 0.5;
  BOOST_TEST(!pair.WellSupported());
  // ... except when the two sides never occur apart, and the pair is no fragment of another.
  pair.evidence.cooccurrences = 2;
  pair.evidence.dice = 1.0;
  BOOST_TEST(pair.WellSupported());
  pair.demoted = true;
  BOOST_TEST(!pair.WellSupported());
  // Two acronyms do with two co-occurrences the aligner alone links ("ATM" / "DAB").
  pair.demoted = false;
  pair.evidence.dice = 0.8;
  BOOST_TEST(!pair.WellSupported());
  pair.acronyms = true;
  BOOST_TEST(pair.WellSupported());

  // Seen once: only when the lexicon confirms every word, and not for one common word each
  // side, nor for a fragment or variant of another pair.
  pair = base();
  pair.evidence.cooccurrences = 1;
  BOOST_TEST(!pair.WellSupported());
  pair.confirmed = true;
  BOOST_TEST(pair.WellSupported());
  pair.common_words = true;
  BOOST_TEST(!pair.WellSupported());
  pair.common_words = false;
  pair.demoted = true;
  BOOST_TEST(!pair.WellSupported());
  pair.evidence.cooccurrences = 3;  // a demoted pair seen often enough still names a concept
  BOOST_TEST(pair.WellSupported());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::glossary::internal
