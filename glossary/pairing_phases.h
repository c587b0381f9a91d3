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
#include "text/key_index.h"
#include "text/word_align.h"

namespace termalign::glossary::internal {

// A lexical link counts from this strength on (below it the word is explained, if at all, by
// the aligner alone). Between the weakest cognate (0.6) and nothing.
constexpr double kLinked = 0.3;
// Lexical links seed the word aligner from this strength, and confirm a word of a pair seen
// once: the weakest cognate WordLinker gives (0.6-0.8), so every lexical channel counts and
// nothing weaker does.
constexpr double kSeedStrength = 0.6;
// Pseudo-counts a lexical link of strength s adds to the aligner's expected counts:
// kPriorCount x s. Two is a pair seen together twice more: enough to win against the diagonal
// prior for a crossing pair seen once, not enough to hold against the corpus' statistics.
constexpr double kPriorCount = 2.0;
// Coverage a word aligned by the aligner alone contributes: below an identical word or a
// dictionary entry, above the weakest cognate, so that a pair the aligner alone explains
// scores below one the dictionary confirms.
constexpr double kAlignedStrength = 0.75;
// The diagonal tension the word aligner decodes with (it trains without one). Half fast_align's
// starting value of 4: inside a term English and French order their words the other way round
// ("firmware update" / "mise à jour du micrologiciel"), and at 4 the diagonal pulled "firmware"
// onto "mise" in 6 of its 9 sentences. Measured with bench/glossary_quality.sh, lookup recall
// at 4 / 3 / 2: manual 50 / 51 / 52 of 60, legal 51 / 52 / 52 of 60, seeds 19 of 25 each.
constexpr double kDecodeTension = 2.0;
// Add-n smoothing of the word aligner's tables (text::WordAlignOptions::smoothing). Every word
// pair seen together gets it, so a word seen beside 150 others gets 150 n pseudo-counts against
// its few real ones: at 0.2 that flattened "military" / "armée" (together 6 times) below
// kLeftoverTranslation. 0.01 still spreads a word seen once over its neighbours, and leaves a
// word seen a few times its partner (the seed and domain glossaries gained 1-2 pairs each).
constexpr double kAlignSmoothing = 0.01;
// A content word the alignment leaves unlinked in an aligned pair is linked to an unlinked
// word of the other side from this translation probability (text::WordAlignment::Translation,
// both directions' geometric mean). Hand-set: 0.2 is a word sharing its mass with four others
// each way; a pair seen together once beside frequent words stays far below.
constexpr double kLeftoverTranslation = 0.1;
// A leftover link also needs that probability to be clearly the best of both words in the
// aligned pair: at least this many times every other pairing of either word there. Words seen once share their
// probability equally with every word beside them, and the aligner's choice between equals is
// the diagonal's, a position guess. Hand-set: 1.5 leaves a word seen a few times its partner
// ("military" / "armée") and no word seen once any.
constexpr double kClearTranslation = 1.5;
// A lexical link is no anchor when another word of the aligned pair, itself without a lexical
// link there, has this many times its translation probability with one of the two words, and
// at least kOutweighingFloor (Outweighed). The aligner was seeded with the link and still
// prefers the other word. Hand-set: 2 is a clear preference, as kClearTranslation for the
// aligner's own links; the floor keeps words seen once, which share their probability with
// every word beside them, from outweighing anything.
constexpr double kOutweighing = 2.0;
constexpr double kOutweighingFloor = 0.3;
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

// Phase 3. The word alignment of every aligned pair's content words (text/word_align.h), the
// lexical links from kSeedStrength as priors. Empty (no links) when `iterations` is 0.
text::WordAlignment AlignContentWords(const ContentIndex& index, const LinkTable& link_table,
                                      int iterations);

// Phase 4. For each candidate of `set` (either side), the number of usable aligned pairs
// holding it.
std::vector<std::int64_t> CountPairsHolding(const CandidateSet& set, const ContentIndex& index);

// Phase 5a. The word links of one aligned pair: lexical anchors (a lexical link from
// kSeedStrength that is the strongest of both its words here), the alignment's points between
// words without an anchor whose translation probability reaches kLeftoverTranslation, and
// links between words still without one where the aligner's probabilities clearly prefer the
// pair (ClearlyTranslates), never by position. Each link has the lexical link of its words
// when there is one from kLinked, else kAlignedStrength and kAligned; and every word pair's
// lexical strength and translation probability.
struct PairLinks {
  std::size_t columns = 0;                 // target content words
  std::vector<text::AlignmentPoint> points;  // in content positions
  std::vector<WordLink> links;             // [a * columns + b]: set only at alignment points
  std::vector<double> lexical;             // [a * columns + b]: the lexical link strength
  std::vector<int> source_position, target_position;  // word index -> content index, or -1
  // Word index -> 1 when punctuation or the sentence start lies before the word. Empty: none
  // does.
  std::vector<char> source_break, target_break;
  std::vector<double> translation;  // [a * columns + b]: the aligner's translation probability
  // Kept from one aligned pair to the next, which meet the same word pairs again: whether some
  // spellings of source id s and target id t are SpeltAlike, at spelt_alike[spelt_index of
  // (s << 32 | t)].
  text::KeyIndex spelt_index{0};
  std::vector<char> spelt_alike;
};

// True when the aligner's probabilities, not the words' positions, pair source content word
// `a` with target content word `b` of the aligned pair that `links.translation` holds:
// kLeftoverTranslation at least, and kClearTranslation times every other pairing of either.
bool ClearlyTranslates(const PairLinks& links, std::size_t a, std::size_t b);

// True when the corpus' statistics clearly give source content word `a` or target content word
// `b` of the aligned pair `links` holds another partner there, one with no lexical link of its
// own in the pair: kOutweighing times the probability of `a` with `b`, and kOutweighingFloor at
// least. The lexical link between them is then a homograph's or a lemma's accident ("pass" /
// "données" through the verb "donner", beside "data" / "données"), and no anchor.
bool Outweighed(const PairLinks& links, std::size_t a, std::size_t b);

void LinkWords(std::size_t pair, const CandidateSet& source, const CandidateSet& target,
               const ContentIndex& index, const LinkTable& link_table,
               const text::WordAlignment& alignment, PairLinks* out);

// Phase 5b. Whether source occurrence `os` and target occurrence `ot` of one aligned pair are
// consistent with the alignment (no word inside either linked to a word outside the other, and
// at least one link between them; the phrase-extraction criterion of Och and Ney 2004), and if
// so how well they explain each other: the links' coverage of each side, the strongest link's
// channel, and whether lexical links confirm every content word. nullopt when inconsistent or
// when the word counts differ by more than kMaxWordCountDifference.
struct LocalScore {
  double local = 0.0;
  LinkChannel channel = LinkChannel::kNone;
  bool confirmed = false;
  bool anchored = false;  // one link at least is lexical
  bool complete = false;  // anchored, and every content word of both spans is linked
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
  bool confirmed = false;  // some co-occurrence had every content word lexically confirmed
  bool anchored = false;   // some co-occurrence had a lexical link
  bool complete = false;   // some co-occurrence was complete (LocalScore::complete)
};
// Adds one local score in aligned pair `pair`: each aligned pair counts once, with its best
// local score.
void Accumulate(std::uint32_t pair, const LocalScore& score, Accumulator* acc);

// Phase 5. Every co-occurrence of a source and a target candidate in an aligned pair consistent
// with the alignment, scored by ScoreOccurrences (a whole-phrase dictionary entry scores 1.0,
// confirmed, consistent or not), and accumulated per candidate pair (key: source << 32 |
// target) from `min_local` on.
using Accumulators = std::unordered_map<std::uint64_t, Accumulator>;
Accumulators GatherEvidence(const CandidateSet& source, const CandidateSet& target,
                            const ContentIndex& index, const LinkTable& link_table,
                            const text::WordAlignment& alignment, const WordLinker& linker,
                            double min_local);

// Phase 6. One TermPair per accumulated candidate pair (in the accumulators' order), with its
// evidence and score; ranks are not set. A pair seen in one aligned pair only, unconfirmed, is
// left out: one co-occurrence the lexicon does not back is as likely chance as translation.
std::vector<TermPair> ScorePairs(const Accumulators& accumulators, const CandidateSet& source,
                                 const CandidateSet& target,
                                 const std::vector<std::int64_t>& source_count,
                                 const std::vector<std::int64_t>& target_count);

// Phase 7. Sets each pair's source_rank (1 for the best-scored target of its source) and
// target_rank.
void RankPairs(std::vector<TermPair>* pairs);

// Phase 8. The pairs ranked first on either side and scoring at least `min_score`, in order;
// not those seen once that only one side prefers when the other side's candidate is in a mutual
// pair seen twice or more.
std::vector<TermPair> KeepBestPairs(std::vector<TermPair> ranked, double min_score);

// Phase 9a. Which kept pairs nested in another kept pair (source key words inside its source
// key, target key inside its target key) rank lower: a fragment never seen apart from the
// longer pair, a longer pair that only adds a modifier to a pair seen more often, and a single
// common word on both sides inside a paired phrase. The fragments are also marked in
// `fragments` when it is given, and in `headless` those lacking the longer pair's head word on
// both sides ("limited emergency" / "urgence limité" in "limited emergency support" / "soutien
// d'urgence limité").
std::vector<bool> FindNestedPairs(const std::vector<TermPair>& kept, const CandidateSet& source,
                                  const CandidateSet& target,
                                  std::vector<bool>* fragments = nullptr,
                                  std::vector<bool>* headless = nullptr);

// Phase 7b, after RankPairs. Removes from `ranked` the pairs KeepBestPairs would keep that
// FindNestedPairs finds to be fragments, seen twice or more or lacking the head, and neither an
// acronym nor a name,
// and ranks the rest again: a part of a longer pair never seen apart from it is no term of its
// own, and must not keep the longer pair from ranking first ("video" / "vidéosurveillance"
// beside "video surveillance", six times each).
void DropFragments(const CandidateSet& source, const CandidateSet& target, double min_score,
                   std::vector<TermPair>* ranked);

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

// Phase 10. Applies the discounts (demoted, not mutual, common word), marks the demoted pairs,
// and sorts best first.
void DiscountAndSort(const CandidateSet& source, const CandidateSet& target,
                     const std::vector<bool>& demote, std::vector<TermPair>* kept);

}  // namespace termalign::glossary::internal

#endif  // TERMALIGN_GLOSSARY_PAIRING_PHASES_H_
