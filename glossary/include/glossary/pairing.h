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
  std::int64_t cooccurrences = 0;  // aligned pairs holding both as spans consistent with the
                                   // word alignment
  std::int64_t source_count = 0;   // aligned pairs holding the source candidate
  std::int64_t target_count = 0;   // aligned pairs holding the target candidate
  std::uint32_t example = 0;       // index of one aligned pair holding both
  std::string method;              // the strongest word-link channel: "identical", "dictionary",
                                   // "cognate", "acronym", "align"
  int source_rank = 0;  // 1 when the target is the source's best partner
  int target_rank = 0;  // 1 when the source is the target's best partner
};

// A TermPair says candidate `source` (of the source CandidateSet) and `target` translate
// each other.
struct TermPair {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  PairEvidence evidence;
  // In one of its co-occurrences every content word of both sides had a lexical link
  // (dictionary, identity, cognate, acronym letters) into the other side.
  bool confirmed = false;
  // Seen in one aligned pair only, not confirmed: a proposal that never joins.
  bool tentative = false;
  // A co-occurrence linked every content word of both sides, one link at least lexically.
  bool complete = false;
  // A co-occurrence had a lexical link, not only the aligner's.
  bool anchored = false;
  // Ranked lower as a fragment, a modifier variant or a worse boundary of another kept pair.
  bool demoted = false;
  // One common word each side ("river" / "rivière"), not of a special field (a single word of
  // a special field, "dosage" / "posologie", is not one): one co-occurrence does not make it a
  // term pair, however confirmed.
  bool common_words = false;
  // An acronym on each side ("ATM" / "DAB").
  bool acronyms = false;
  bool mutual() const { return evidence.source_rank == 1 && evidence.target_rank == 1; }
  // Both sides prefer each other, the pair is no fragment or variant of another, and its
  // co-occurrences explain both sides well: the two terms name one concept.
  bool WellSupported() const;
};

struct PairingOptions {
  // Word dictionaries source->target and target->source; either may be null. Borrowed.
  const text::BilingualDictionary* forward = nullptr;
  const text::BilingualDictionary* backward = nullptr;
  int align_iterations = 5;     // word aligner EM iterations per direction; 0 turns it off
  double min_local = 0.3;       // co-occurrences explained less than this do not count
  double min_score = 0.15;      // pairs scoring less are not proposed
};

// Pairs the candidates of `source` and `target`, whose sentence i is the source and target
// side of aligned pair i (extract both sides from the same pairs, empty strings for unmatched
// sides). The content words of all aligned pairs are word-aligned at once (text/word_align.h,
// seeded with the lexical links: identity, dictionary, cognates, acronym letters). A
// co-occurrence of a source and a target candidate counts when their spans are consistent with
// that alignment (no word of one linked outside the other, at least one link), scored by how
// much of both spans the links cover; a pair seen in one aligned pair only counts when the
// lexical links confirm every content word. Pairs are scored by coverage, Dice association and
// termhood. Returns every pair that is the best partner of its source or of its target and
// scores at least `min_score`, best first. Kept, but ranked lower (and `demoted`): a pair
// nested in a longer pair with the same co-occurrences, a pair of single common words nested
// in a longer pair, a pair only one side prefers whose other side is in a mutual pair with an
// overlapping candidate; and single common words in general.
std::vector<TermPair> PairCandidates(const CandidateSet& source, const CandidateSet& target,
                                     WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
                                     const PairingOptions& options = {});

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_PAIRING_H_
