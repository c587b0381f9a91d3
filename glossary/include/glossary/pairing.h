// Pairing term candidates across two languages over aligned sentence pairs.
#ifndef TERMALIGN_GLOSSARY_PAIRING_H_
#define TERMALIGN_GLOSSARY_PAIRING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "glossary/extract.h"
#include "text/types.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::glossary {

// The evidence behind one proposed pair of candidates.
struct PairEvidence {
  double score = 0.0;        // the ranking score in [0, 1]: coverage x association x termhood
  double coverage = 0.0;     // mean share of both sides' words explained by word links
  double dice = 0.0;         // 2 f(s,t) / (f(s) + f(t)) over aligned pairs
  double log_dice = 0.0;     // 14 + log2(dice)
  std::int64_t cooccurrences = 0;  // aligned pairs holding both, with linked words
  std::int64_t source_count = 0;   // aligned pairs holding the source candidate
  std::int64_t target_count = 0;   // aligned pairs holding the target candidate
  std::uint32_t example = 0;       // index of one aligned pair holding both
  std::string method;              // the strongest word-link channel: "identical", "dictionary",
                                   // "cognate", "acronym", "ibm1", "position"
  int source_rank = 0;  // 1 when the target is the source's best partner
  int target_rank = 0;  // 1 when the source is the target's best partner
};

// A TermPair says candidate `source` (of the source CandidateSet) and `target` translate
// each other.
struct TermPair {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  PairEvidence evidence;
  // Some words of one side were paired with words of the other only by position, in a single
  // aligned pair.
  bool guessed = false;
  bool mutual() const { return evidence.source_rank == 1 && evidence.target_rank == 1; }
};

struct PairingOptions {
  // Word dictionaries source->target and target->source; either may be null. Borrowed.
  const text::BilingualDictionary* forward = nullptr;
  const text::BilingualDictionary* backward = nullptr;
  int model_iterations = 5;     // IBM Model 1 EM iterations per direction; 0 turns it off
  double min_local = 0.3;       // co-occurrences explained less than this do not count
  double min_score = 0.15;      // pairs scoring less are not proposed
};

// Pairs the candidates of `source` and `target`, whose sentence i is the source and target
// side of aligned pair i (extract both sides from the same pairs, empty strings for unmatched
// sides). For each co-occurrence in an aligned pair it measures how much of both candidates'
// words link to each other (identity, dictionary, cognates, acronym letters, IBM Model 1 in
// both directions, symmetrised, and unlinked words left facing each other), then scores pairs
// by mean coverage, Dice association and termhood. Returns every pair that is the best partner
// of its source or of its target and scores at least `min_score`, best first. Kept, but ranked
// lower: a pair nested in a longer pair with the same co-occurrences, a pair of single common
// words nested in a longer pair, a pair only one side prefers whose other side is in a mutual
// pair with an overlapping candidate, a pair that needed a position guess in its only
// co-occurrence, and single common words in general.
std::vector<TermPair> PairCandidates(const CandidateSet& source, const CandidateSet& target,
                                     WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
                                     const PairingOptions& options = {});

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_PAIRING_H_
