// Linking the candidates of a monolingual document (Arabic, or any language) to the entities a
// termbase already has: identity, same-language variants, consonant skeletons of names across
// scripts, dictionary translations word by word, and ICU's localised region names.
#ifndef TERMALIGN_GLOSSARY_ENTITY_LINK_H_
#define TERMALIGN_GLOSSARY_ENTITY_LINK_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/extract.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::glossary {

// A KnownTerm is a term of an existing entity, as the linker compares against it.
struct KnownTerm {
  std::int64_t entity = 0;
  std::int64_t term = 0;
  std::string text;
  std::string lang;
};

// One proposed link of a candidate to an entity.
struct LinkProposal {
  std::int64_t entity = 0;
  std::int64_t via_term = 0;  // the known term that matched
  double score = 0.0;         // in [0, 1]
  std::string method;         // "identical", "variant", "skeleton", "dictionary", "region"
};

// The consonant-class skeleton of a name, for comparing across scripts: Arabic is normalised,
// loses its article, long vowels (ا و ي ى), ء, ع and a final ة, then goes through
// TransliterateToLatin; Latin text loses "the", vowels, w, y and doubled letters, and maps
// c/k/q -> k, ph/v -> f, p -> b, th -> t, sh/ch -> x, gh -> g, kh -> k.
// "Microsoft" and "مايكروسوفت" -> "mkrsft"; "Gaza" and "غزة" -> "gz". Words are joined.
std::string ConsonantSkeleton(std::string_view text, std::string_view lang);

// 1 - Levenshtein(a, b) / max(|a|, |b|), on bytes; 0 when either is empty.
double SkeletonSimilarity(std::string_view a, std::string_view b);

// An EntityLinker proposes entities for the candidates of one language. Dictionaries map the
// candidate language to the key's language (e.g. "en" for an "ar" linker, ara->eng); borrowed.
class EntityLinker {
 public:
  EntityLinker(std::string lang, std::vector<KnownTerm> known,
               std::map<std::string, const text::BilingualDictionary*> dictionaries);

  // The best proposals for `candidate` (whose words `analyzer` gives), best first, one per
  // entity, at most `limit`, each scoring at least `min_score`. Terms in the linker's own
  // language are compared only as variants (multi-word, word by word cognates), since an
  // exact same-language match is the same term, not a link.
  std::vector<LinkProposal> Propose(const Candidate& candidate, WordAnalyzer& analyzer,
                                    std::size_t limit = 3, double min_score = 0.5) const;

  // The ISO region code a candidate names (text::RegionCodeForName), or "".
  std::string RegionOf(const Candidate& candidate) const;

 private:
  struct Known {
    KnownTerm term;
    std::string folded;    // FoldForMatch of the text
    std::string skeleton;  // ConsonantSkeleton
    std::vector<std::string> words;  // folded words
  };
  std::string lang_;
  std::vector<Known> known_;
  std::map<std::string, const text::BilingualDictionary*> dictionaries_;
};

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_ENTITY_LINK_H_
