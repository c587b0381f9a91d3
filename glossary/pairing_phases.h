// Private to pairing: the phases of PairCandidates (glossary/pairing.h), one function each, in
// the order it runs them. Exposed here for their unit tests.
#ifndef TERMALIGN_GLOSSARY_PAIRING_PHASES_H_
#define TERMALIGN_GLOSSARY_PAIRING_PHASES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "glossary/extract.h"
#include "glossary/pairing.h"
#include "glossary/word_links.h"
#include "link_table.h"
#include "text/ibm_model1.h"

namespace termalign::glossary::internal {

// A word counts as explained by a link from this strength on; below it, the word is left to
// the position guess. Between the weakest cognate (0.6) and nothing: a Model 1 link needs a
// probability the co-occurrences back, and 0.3 is where the demo and seed pairs stopped
// gaining true links when this was set by hand.
constexpr double kLinked = 0.3;
// An unlinked word whose best link anywhere in its aligned pair reaches this is explained
// elsewhere: it does not count as unlinked (it costs coverage instead). Hand-set, above
// kLinked so that a weak link elsewhere does not hide a position guess.
constexpr double kLinkedElsewhere = 0.5;
// Coverage credited to each word of a position guess: a quarter of an identical word, so a
// guess alone never passes PairingOptions::min_local (0.3) for a one-word candidate.
constexpr double kPositionCredit = 0.25;
// Lexical links seeded into Model 1 from this strength: the weakest cognate WordLinker gives
// (0.6-0.8), so every lexical channel seeds and nothing weaker does.
constexpr double kSeedStrength = 0.6;
// Occurrences whose content-word counts differ by more than this are not compared: "ministry"
// does not translate "Israeli Ministry of Defense". Two allows an article-like modifier on
// each side.
constexpr int kMaxWordCountDifference = 2;
// A content position past this shares the last bit of the 64-bit occurrence masks.
constexpr int kMaskBits = 64;

// Phase 1. The content words of every aligned pair as vocabulary ids, one vocabulary per side
// over the words' stems. Pair i is sentence i of both sets; pairs past the shorter set are
// ignored.
struct ContentIndex {
  std::unordered_map<std::string, std::uint32_t> source_ids, target_ids;  // stem -> id
  // Per aligned pair: the ids of its content words, in sentence order.
  std::vector<text::TokenIdPair> ids;
  // Per aligned pair: the word index (in CandidateSet::words) of each content word.
  std::vector<std::vector<std::uint16_t>> source_words, target_words;
  // Per id: content words with that id over all pairs.
  std::vector<std::int64_t> source_frequency, target_frequency;
  // Per id: its distinct written forms (borrowed from the candidate sets).
  std::vector<std::vector<const Word*>> source_forms, target_forms;

  std::size_t pairs() const { return ids.size(); }
  // True when aligned pair i has content words on both sides.
  bool Usable(std::size_t i) const { return !source_words[i].empty() && !target_words[i].empty(); }
};
ContentIndex IndexContentWords(const CandidateSet& source, const CandidateSet& target);

// Phase 2 is the LinkTable (link_table.h) over the index's forms.

// Phase 3. IBM Model 1 both ways over the aligned pairs' content words, seeded with the
// dictionary's pairs and with the co-occurring word pairs the lexical links join from
// kSeedStrength, each as a one-word sentence pair. Untrained (empty tables) when
// `iterations` is 0 or there is no pair.
struct WordModels {
  text::TranslationTable forward, backward;
  bool trained = false;
};
WordModels TrainWordModels(const ContentIndex& index, const LinkTable& link_table,
                           const text::BilingualDictionary* forward, int iterations);

// Phase 4. For each candidate of `set` (either side), the number of usable aligned pairs
// holding it.
std::vector<std::int64_t> CountPairsHolding(const CandidateSet& set, const ContentIndex& index);

// Phase 5a. The word links of one aligned pair: lexical links, replaced by the Model 1 link
// where that is stronger; Model 1 links are symmetrised by intersection (a word pair counts
// only when each is the other's most probable partner in the pair).
struct PairLinks {
  std::size_t columns = 0;      // target content words
  std::vector<WordLink> links;  // [a * columns + b] for source content a, target content b
  std::vector<double> row_max, column_max;            // strongest link of each content word
  std::vector<int> source_position, target_position;  // word index -> content index, or -1
  // Scratch reused between pairs.
  std::vector<double> model;
  std::vector<std::span<const text::TranslationTable::Entry>> backward_rows;
};
void LinkWords(std::size_t pair, const CandidateSet& source, const CandidateSet& target,
               const ContentIndex& index, const LinkTable& link_table, const WordModels& models,
               PairLinks* out);

// Phase 5b. How well source occurrence `os` and target occurrence `ot` of one aligned pair
// explain each other through `links`: the coverage of each side, the strongest link's channel,
// and whether unlinked words were credited for facing each other. nullopt when the word
// counts differ by more than kMaxWordCountDifference.
struct LocalScore {
  double local = 0.0;
  LinkChannel channel = LinkChannel::kNone;
  bool guessed = false;
};
std::optional<LocalScore> ScoreOccurrences(const Occurrence& os, const Occurrence& ot,
                                           int source_words, int target_words,
                                           const PairLinks& links);

// The evidence for one candidate pair gathered over the aligned pairs.
struct Accumulator {
  std::int64_t joint = 0;
  double sum = 0.0;
  double current = 0.0;  // best local score within the aligned pair `last_pair`
  double best = -1.0;
  std::uint32_t last_pair = UINT32_MAX;
  std::uint32_t example = 0;
  LinkChannel channel = LinkChannel::kNone;
  bool guessed = false;  // the best local score needed words credited only for their position
};
// Adds one local score in aligned pair `pair`: each aligned pair counts once, with its best
// local score.
void Accumulate(std::uint32_t pair, const LocalScore& score, Accumulator* acc);

// Phase 5. Every co-occurrence of a source and a target candidate in an aligned pair with a
// linked word between them, scored by ScoreOccurrences (a whole-phrase dictionary entry scores
// 1.0), and accumulated per candidate pair (key: source << 32 | target) from `min_local` on.
using Accumulators = std::unordered_map<std::uint64_t, Accumulator>;
Accumulators GatherEvidence(const CandidateSet& source, const CandidateSet& target,
                            const ContentIndex& index, const LinkTable& link_table,
                            const WordModels& models, const WordLinker& linker, double min_local);

// Phase 6. One TermPair per accumulated candidate pair (in the accumulators' order), with its
// evidence and score; ranks are not set.
std::vector<TermPair> ScorePairs(const Accumulators& accumulators, const CandidateSet& source,
                                 const CandidateSet& target,
                                 const std::vector<std::int64_t>& source_count,
                                 const std::vector<std::int64_t>& target_count);

// Phase 7. Sets each pair's source_rank (1 for the best-scored target of its source) and
// target_rank.
void RankPairs(std::vector<TermPair>* pairs);

// Phase 8. The pairs ranked first on either side and scoring at least `min_score`, in order.
std::vector<TermPair> KeepBestPairs(std::vector<TermPair> ranked, double min_score);

// Phase 9a. Which kept pairs nested in another kept pair (source key words inside its source
// key, target key inside its target key) rank lower: a fragment never seen apart from the
// longer pair, a longer pair that only adds a modifier to a pair seen more often, and a single
// common word on both sides inside a paired phrase.
std::vector<bool> FindNestedPairs(const std::vector<TermPair>& kept, const CandidateSet& source,
                                  const CandidateSet& target);

// Phase 9b. Each candidate's partner in a mutual pair (ranked first on both sides), among
// every ranked pair.
struct MutualPartners {
  std::unordered_map<std::uint32_t, std::uint32_t> source_of;  // target -> its source
  std::unordered_map<std::uint32_t, std::uint32_t> target_of;  // source -> its target
};
MutualPartners FindMutualPartners(const std::vector<TermPair>& ranked);

// Phase 9c. Marks in `demote` the kept pairs only one side prefers whose other side is in a
// mutual pair with a candidate sharing a content word: the same correspondence with worse
// boundaries ("cloud computing services" / "cloud computing", beside the mutual "cloud
// computing" / "cloud computing").
void FindWorseBoundaries(const std::vector<TermPair>& kept, const MutualPartners& partners,
                         const CandidateSet& source, const CandidateSet& target,
                         std::vector<bool>* demote);

// Phase 10. Applies the discounts (demoted, not mutual, unconfirmed guess, common word) and
// sorts best first.
void DiscountAndSort(const CandidateSet& source, const CandidateSet& target,
                     const std::vector<bool>& demote, std::vector<TermPair>* kept);

}  // namespace termalign::glossary::internal

#endif  // TERMALIGN_GLOSSARY_PAIRING_PHASES_H_
