// Private helpers shared by the bitext and monolingual builders: storing terms and acronyms.
#ifndef TERMALIGN_GLOSSARY_BUILDER_STORE_H_
#define TERMALIGN_GLOSSARY_BUILDER_STORE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/acronym.h"
#include "glossary/extract.h"
#include "glossary/termbase.h"
#include "glossary/word_links.h"

namespace termalign::glossary::internal {

struct StoredTerm {
  TermId term = 0;
  EntityId entity = 0;
  bool created = false;
};

// The existing term of `lang` with the same folded key (then the same stems) as `text`, or a
// new term in a new entity.
Result<StoredTerm> StoreTerm(Termbase& termbase, std::string_view text, std::string_view lang,
                             TermOrigin origin, double score, std::string_view example);

// Records `text`, a string a translation copies unchanged, as a term of `lang` marked with a
// DoNotTranslateNote: the term of that exact text if there is one, else a new term in `entity`
// (a new entity when 0). A text a person rejected is left alone: `term` is 0 then.
Result<StoredTerm> StoreVerbatim(Termbase& termbase, std::string_view text, std::string_view lang,
                                 std::int64_t frequency, std::string_view example, EntityId entity);

// True when `entity` has no term but `term`.
bool Alone(Termbase& termbase, EntityId entity, TermId term);

// True when the terms of `entity` are all in one language, candidates nobody decided on, and
// found in text (extracted, or an acronym and its long form): a one-language entity a build
// made, which a well-supported pair may merge into its translation's.
bool OnlyExtracted(Termbase& termbase, EntityId entity);

// True when a person has ruled out naming `entity` by `term`: the entity holds a rejected term
// of the same language and folded key, or a proposal of `term` towards `entity` was rejected.
// A build never joins or proposes such a pair again.
Result<bool> RuledOut(Termbase& termbase, EntityId entity, const Term& term);

// Records "long_form (short_form)" in `lang`: the long form (in `entity` when non-zero,
// otherwise found or created) and the short form in the same entity. An entity that only held
// the same short form (in any language) is merged in; a short form already naming another
// concept gets a proposal instead.
Status StoreAcronym(Termbase& termbase, std::string_view lang, const AcronymDefinition& definition,
                    std::string_view example, EntityId entity);

// Long forms of `site` found through long forms the termbase knows for the same short form in
// other languages; `linker_for` gives the word linker from this sentence's language to a
// known term's language (null when there is none). Returns the entity and fills `definition`,
// or 0.
EntityId LongFormFromTermbase(Termbase& termbase, std::string_view sentence,
                              const std::vector<Word>& words, const ShortFormSite& site,
                              std::string_view lang,
                              const std::function<WordLinker*(const std::string&)>& linker_for,
                              AcronymDefinition* definition);

}  // namespace termalign::glossary::internal

#endif  // TERMALIGN_GLOSSARY_BUILDER_STORE_H_
