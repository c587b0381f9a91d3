// Storing terms and acronym definitions through the Termbase API.
#include "builder_store.h"

#include <algorithm>

namespace termalign::glossary::internal {

Result<StoredTerm> StoreTerm(Termbase& termbase, std::string_view text, std::string_view lang,
                             TermOrigin origin, double score, std::string_view example) {
  TermInput input;
  input.text = std::string(text);
  input.lang = std::string(lang);
  input.origin = origin;
  input.score = score;
  input.example = std::string(example);
  auto stored = termbase.FindOrCreateSimilarTerm(input);
  if (!stored.ok()) return stored.status();
  return StoredTerm{stored->term, stored->entity, stored->created};
}

Result<StoredTerm> StoreVerbatim(Termbase& termbase, std::string_view text, std::string_view lang,
                                 std::int64_t frequency, std::string_view example,
                                 EntityId entity) {
  auto found = termbase.FindTerms(text, lang, MatchKind::kExact);
  if (!found.ok()) return found.status();
  StoredTerm stored;
  for (const Term& term : *found) {
    if (term.text != text) continue;
    if (term.status == TermStatus::kRejected) return StoredTerm{};
    stored = {term.id, term.entity, false};
    break;
  }
  if (stored.term == 0) {
    TermInput input;
    input.text = std::string(text);
    input.lang = std::string(lang);
    input.origin = TermOrigin::kExtracted;
    input.frequency = frequency;
    input.example = std::string(example);
    if (entity == 0) {
      auto added = termbase.AddEntity(std::string_view("", 0));
      if (!added.ok()) return added.status();
      entity = *added;
    }
    auto term = termbase.AddTerm(entity, input);
    if (!term.ok()) return term.status();
    stored = {*term, entity, true};
  }
  auto categories = termbase.DataCategoriesOf(stored.entity);
  if (!categories.ok()) return categories.status();
  if (!IsDoNotTranslate(*categories, stored.term)) {
    auto added = termbase.AddDataCategory(DoNotTranslateNote(stored.entity, stored.term));
    if (!added.ok()) return added.status();
  }
  return stored;
}

bool Alone(Termbase& termbase, EntityId entity, TermId term) {
  auto terms = termbase.TermsOf(entity);
  return terms.ok() && terms->size() == 1 && terms->front().id == term;
}

bool OnlyExtracted(Termbase& termbase, EntityId entity) {
  auto terms = termbase.TermsOf(entity);
  if (!terms.ok() || terms->empty()) return false;
  const std::string& lang = terms->front().lang;
  return std::all_of(terms->begin(), terms->end(), [&](const Term& term) {
    return term.lang == lang && term.status == TermStatus::kCandidate &&
           (term.origin == TermOrigin::kExtracted || term.origin == TermOrigin::kAcronym);
  });
}

Result<bool> RuledOut(Termbase& termbase, EntityId entity, const Term& term) {
  auto terms = termbase.TermsOf(entity);
  if (!terms.ok()) return terms.status();
  for (const Term& other : *terms) {
    if (other.id != term.id && other.status == TermStatus::kRejected &&
        other.lang == term.lang && other.folded_key == term.folded_key) {
      return true;
    }
  }
  ProposalFilter filter;
  filter.status = ProposalStatus::kRejected;
  filter.term = term.id;
  filter.entity = entity;
  filter.limit = 1;
  auto rejected = termbase.Proposals(filter);
  if (!rejected.ok()) return rejected.status();
  return !rejected->empty();
}

Status StoreAcronym(Termbase& termbase, std::string_view lang, const AcronymDefinition& definition,
                    std::string_view example, EntityId entity) {
  TermId long_term = 0;
  if (entity != 0) {
    TermInput input;
    input.text = definition.long_form;
    input.lang = std::string(lang);
    input.origin = TermOrigin::kAcronym;
    input.score = 0.9;
    input.example = std::string(example);
    auto added = termbase.AddTerm(entity, input);
    if (!added.ok()) return added.status();
    long_term = *added;
  } else {
    auto stored = StoreTerm(termbase, definition.long_form, lang, TermOrigin::kAcronym, 0.9, example);
    if (!stored.ok()) return stored.status();
    entity = stored->entity;
    long_term = stored->term;
  }
  auto existing = termbase.FindTerms(definition.short_form, lang, MatchKind::kExact);
  if (!existing.ok()) return existing.status();
  for (const Term& term : *existing) {
    if (term.entity == entity) return Status::Ok();
  }
  const std::string short_key = FoldedKey(definition.short_form, lang);
  for (const Term& term : *existing) {
    auto others = termbase.TermsOf(term.entity);
    if (!others.ok()) return others.status();
    const bool only_short_form =
        std::all_of(others->begin(), others->end(),
                    [&](const Term& other) { return other.folded_key == short_key; });
    if (only_short_form) return termbase.Merge(term.entity, entity);
    Proposal proposal;
    proposal.kind = ProposalKind::kLink;
    proposal.term = term.id;
    proposal.entity = entity;
    proposal.via_term = long_term;
    proposal.score = 0.8;
    proposal.method = "acronym";
    proposal.example_source = std::string(example);
    auto proposed = termbase.Propose(proposal);
    return proposed.ok() ? Status::Ok() : proposed.status();
  }
  TermInput input;
  input.text = definition.short_form;
  input.lang = std::string(lang);
  input.origin = TermOrigin::kAcronym;
  input.score = 0.9;
  input.example = std::string(example);
  auto added = termbase.AddTerm(entity, input);
  return added.ok() ? Status::Ok() : added.status();
}

EntityId LongFormFromTermbase(Termbase& termbase, std::string_view sentence,
                              const std::vector<Word>& words, const ShortFormSite& site,
                              std::string_view lang,
                              const std::function<WordLinker*(const std::string&)>& linker_for,
                              AcronymDefinition* definition) {
  LookupOptions options;
  options.limit = 5;
  auto matches = termbase.Lookup(site.short_form, options);
  if (!matches.ok()) return 0;
  for (const EntityMatch& match : *matches) {
    const bool names_short_form =
        std::any_of(match.terms.begin(), match.terms.end(),
                    [&](const Term& term) { return term.text == site.short_form; });
    if (!names_short_form) continue;
    for (const Term& known : match.terms) {
      if (known.lang == lang || known.text == site.short_form) continue;
      WordLinker* linker = linker_for(known.lang);
      if (linker == nullptr) continue;
      WordAnalyzer known_analyzer(known.lang);
      std::vector<Word> known_words = known_analyzer.Analyze(known.text);
      int known_content = 0;
      for (const Word& word : known_words) known_content += word.content;
      if (known_content < 2) continue;
      auto matcher = [&](const Word& word) {
        double best = 0.0;
        for (const Word& other : known_words) {
          if (other.content) best = std::max(best, linker->Link(word, other).strength);
        }
        return best >= 0.6 ? best : 0.0;
      };
      if (LongFormByTranslation(sentence, words, site, known_content, matcher, definition)) {
        return match.entity.id;
      }
    }
  }
  return 0;
}

}  // namespace termalign::glossary::internal
