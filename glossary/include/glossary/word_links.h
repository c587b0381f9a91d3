// How strongly two words of two languages look like translations of each other, from a
// bilingual dictionary, identity, cognates and acronym letters.
#ifndef TERMALIGN_GLOSSARY_WORD_LINKS_H_
#define TERMALIGN_GLOSSARY_WORD_LINKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glossary/extract.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::glossary {

// Which evidence linked two words, strongest first when several did.
// kAligned: the corpus word aligner (text/word_align.h) linked them, and nothing lexical did.
enum class LinkChannel : std::uint8_t { kNone, kIdentical, kDictionary, kCognate, kAcronym, kAligned };
std::string_view ToString(LinkChannel channel);

struct WordLink {
  double strength = 0.0;  // in [0, 1]
  LinkChannel channel = LinkChannel::kNone;
};

// Cognate strength of two folded words: 0.8 when they share a prefix of at least 5 letters
// ("israel"/"israelienne", "defence"/"defense"), 0.6 when the shorter one (4 letters or more)
// is a prefix of the other ("tech"/"technologiques"), else 0. Counts code points.
double CognateStrength(std::string_view a, std::string_view b);

// True when two folded words of at least 5 letters each are spelt alike throughout, not only at
// the start: their longest common subsequence of code points covers at least 70% of the longer
// one ("storage"/"stockage", "government"/"gouvernement", "hostages"/"otages"; not
// "review"/"revue"). Some unrelated words pass too ("information"/"formation"), so it only
// confirms two words an alignment already put together; it never proposes a partner.
bool SpeltAlike(std::string_view a, std::string_view b);

// True when two acronyms use the same letters in another order ("AI"/"IA", "NATO"/"OTAN").
bool SameAcronymLetters(std::string_view a, std::string_view b);

// The parts of a hyphenated compound ("half-barriers": "half", "barriers"); a word without a
// hyphen is its only part. Empty pieces (a leading, trailing or doubled hyphen) are skipped.
std::vector<std::string_view> CompoundParts(std::string_view word);

// A WordLinker scores word pairs between a source and a target language. The dictionaries
// (source->target and target->source; either may be null) are borrowed and must outlive it.
// Results are cached per (source stem, target stem); not thread-safe.
class WordLinker {
 public:
  WordLinker(WordAnalyzer* source, WordAnalyzer* target,
             const text::BilingualDictionary* forward, const text::BilingualDictionary* backward);

  // The lexical link between two content words: identical folded forms 1.0, a dictionary
  // translation between any of their stems 0.9, same acronym letters 0.7, cognates 0.6-0.8.
  WordLink Link(const Word& source, const Word& target);
  // Two words of which one at least is a hyphenated compound ("half-barrier" /
  // "demi-barrière", "non-compliance" / "non-conformité"): linked when every part of each is
  // linked to a part of the other, as strongly as the weakest of those links.
  WordLink LinkCompounds(std::string_view source, std::string_view target) const;

  // True when a dictionary lists the whole folded phrase `target` for the phrase `source`.
  bool PhraseInDictionary(std::string_view source_folded, std::string_view target_folded) const;

 private:
  bool Translates(const text::BilingualDictionary* dictionary, const std::vector<std::string>& from,
                  const std::vector<std::string>& to) const;
  // True when either dictionary translates a stem of folded `source` into one of `target`.
  bool InDictionary(const std::string& source, const std::string& target) const;

  WordAnalyzer* source_;
  WordAnalyzer* target_;
  const text::BilingualDictionary* forward_;
  const text::BilingualDictionary* backward_;
  std::unordered_map<std::string, WordLink> cache_;
};

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_WORD_LINKS_H_
