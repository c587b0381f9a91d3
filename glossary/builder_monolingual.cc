// AddMonolingualDocument: candidates of one document linked to the entities already known.
#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "builder_store.h"
#include "glossary/acronym.h"
#include "glossary/builder.h"
#include "glossary/entity_link.h"
#include "glossary/extract.h"
#include "text/dictionary.h"
#include "text/regions.h"
#include "text/stemmer.h"

namespace termalign::glossary {
namespace {

using internal::StoreTerm;

// An Arabic candidate that is probably a foreign name: no dictionary knows its words.
bool UnknownWords(const Candidate& candidate, WordAnalyzer& analyzer,
                  const MonolingualOptions& options) {
  if (candidate.content_words > 2) return false;
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage(analyzer.lang());
  for (const Word& word : analyzer.Analyze(candidate.text)) {
    if (!word.content) continue;
    if (stemmer.has_dictionary() && stemmer.Spell(word.folded)) return false;
    for (const auto& [lang, dictionary] : options.dictionaries) {
      if (dictionary != nullptr && !dictionary->Translations(word.folded).empty()) return false;
    }
  }
  return true;
}

Status AddRegionNames(Termbase& termbase, EntityId entity, const std::string& region) {
  for (const char* lang : {"en", "fr"}) {
    std::string name = text::RegionDisplayName(region, lang);
    if (name.empty()) continue;
    TermInput input;
    input.text = name;
    input.lang = lang;
    input.origin = TermOrigin::kLinked;
    input.score = 0.9;
    auto added = termbase.AddTerm(entity, input);
    if (!added.ok()) return added.status();
  }
  return Status::Ok();
}

// `links` without those towards entities merged away since the linker indexed them and those
// a person ruled out (see RuledOut); the ruled-out ones are counted in `report`.
Result<std::vector<LinkProposal>> UsableLinks(Termbase& termbase, TermId term_id,
                                              std::vector<LinkProposal> links,
                                              BuildReport* report) {
  auto term = termbase.GetTerm(term_id);
  if (!term.ok()) return term.status();
  std::vector<LinkProposal> usable;
  for (LinkProposal& link : links) {
    if (Status s = termbase.GetEntity(link.entity).status(); !s.ok()) {
      if (s.code() == text::ErrorCode::kNotFound) continue;
      return s;
    }
    auto ruled_out = internal::RuledOut(termbase, link.entity, *term);
    if (!ruled_out.ok()) return ruled_out.status();
    if (*ruled_out) {
      ++report->kept_rejections;
      continue;
    }
    usable.push_back(std::move(link));
  }
  return usable;
}

}  // namespace

Status AddMonolingualDocument(Termbase& termbase, const MonolingualInput& input,
                              const MonolingualOptions& options, BuildReport* report) {
  *report = BuildReport{};
  const std::string& lang = input.document.lang;
  WordAnalyzer analyzer(lang);
  CandidateSet set = ExtractCandidates(input.sentences, analyzer);
  report->source_candidates = static_cast<std::int64_t>(set.candidates.size());

  return termbase.InTransaction([&]() -> Status {
    bool inserted = false;
    auto document = termbase.AddDocument(input.document, &inserted);
    if (!document.ok()) return document.status();
    if (!inserted) {
      report->skipped = true;
      return Status::Ok();
    }
    std::vector<KnownTerm> known;
    Status listed =
        termbase.ForEachEntity([&](const Entity& entity, const std::vector<Term>& terms) {
          for (const Term& term : terms) {
            if (term.status != TermStatus::kRejected) {
              known.push_back(KnownTerm{entity.id, term.id, term.text, term.lang});
            }
          }
          return Status::Ok();
        });
    if (!listed.ok()) return listed;
    EntityLinker linker(lang, std::move(known), options.dictionaries);

    std::map<std::string, std::unique_ptr<WordAnalyzer>> analyzers;
    std::map<std::string, std::unique_ptr<WordLinker>> word_linkers;
    auto linker_for = [&](const std::string& other) -> WordLinker* {
      auto found = word_linkers.find(other);
      if (found != word_linkers.end()) return found->second.get();
      auto dictionary = options.dictionaries.find(other);
      analyzers[other] = std::make_unique<WordAnalyzer>(other);
      auto made = std::make_unique<WordLinker>(
          &analyzer, analyzers[other].get(),
          dictionary == options.dictionaries.end() ? nullptr : dictionary->second, nullptr);
      return (word_linkers[other] = std::move(made)).get();
    };

    // Acronym definitions: a long form that is a variant of a known term joins its entity.
    for (std::size_t i = 0; i < input.sentences.size(); ++i) {
      const std::string& sentence = input.sentences[i];
      if (sentence.find('(') == std::string::npos && sentence.find('[') == std::string::npos) {
        continue;
      }
      std::vector<AcronymDefinition> found = FindAcronymDefinitions(sentence, set.words[i]);
      for (const AcronymDefinition& definition : found) {
        Candidate long_form;
        long_form.text = definition.long_form;
        EntityId entity = 0;
        for (const LinkProposal& proposal : linker.Propose(long_form, analyzer, 1, 0.8)) {
          if (proposal.method == "variant" || proposal.method == "identical") {
            entity = proposal.entity;
          }
        }
        if (Status s = internal::StoreAcronym(termbase, lang, definition, sentence, entity);
            !s.ok()) {
          return s;
        }
        ++report->acronyms;
      }
      for (const ShortFormSite& site : FindShortFormSites(sentence, set.words[i])) {
        bool defined = false;
        for (const AcronymDefinition& definition : found) {
          defined = defined || definition.short_form == site.short_form;
        }
        if (defined) continue;
        AcronymDefinition definition;
        EntityId entity = internal::LongFormFromTermbase(termbase, sentence, set.words[i], site,
                                                         lang, linker_for, &definition);
        if (entity == 0) continue;
        if (Status s = internal::StoreAcronym(termbase, lang, definition, sentence, entity);
            !s.ok()) {
          return s;
        }
        ++report->acronyms;
      }
    }

    std::unordered_map<std::uint32_t, TermId> stored;
    for (std::uint32_t c = 0; c < set.candidates.size(); ++c) {
      const Candidate& candidate = set.candidates[c];
      const std::string& example = input.sentences[candidate.sentences.front()];
      bool same_term = false;
      for (MatchKind how : {MatchKind::kFolded, MatchKind::kStem}) {
        auto found = termbase.FindTerms(candidate.text, lang, how);
        if (!found.ok()) return found.status();
        for (const Term& term : *found) {
          if (term.status == TermStatus::kRejected || same_term) continue;
          stored[c] = term.id;
          same_term = true;
        }
        if (same_term) break;
      }
      if (same_term) continue;
      std::vector<LinkProposal> proposals =
          linker.Propose(candidate, analyzer, options.proposals_per_term, options.min_score);
      const std::string region = linker.RegionOf(candidate);
      const bool name = candidate.kind != CandidateKind::kPhrase ||
                        (!analyzer.profile().has_capitals() &&
                         UnknownWords(candidate, analyzer, options));
      // A region name nobody has yet starts an entity with its names from ICU; weaker
      // proposals for it are dropped.
      const bool region_known =
          std::any_of(proposals.begin(), proposals.end(),
                      [](const LinkProposal& p) { return p.method == "region"; });
      if (!region.empty() && !region_known) proposals.clear();
      if (proposals.empty() && region.empty() && !name) continue;
      auto term = StoreTerm(termbase, candidate.text, lang, TermOrigin::kExtracted,
                            Termhood(candidate), example);
      if (!term.ok()) return term.status();
      stored[c] = term->term;
      // Entities merged away since the linker indexed them, and links a person rejected,
      // are not proposed again.
      auto usable = UsableLinks(termbase, term->term, std::move(proposals), report);
      if (!usable.ok()) return usable.status();
      proposals = std::move(*usable);
      if (proposals.empty()) {
        ++report->new_entities;
        if (!region.empty()) {
          if (Status s = AddRegionNames(termbase, term->entity, region); !s.ok()) return s;
        }
        continue;
      }
      // The same name written the same way, or a spelling variant in this language, is the
      // same concept; other evidence waits for a person.
      TermId term_id = term->term;
      const LinkProposal& top = proposals.front();
      if ((top.method == "identical" &&
           (candidate.kind != CandidateKind::kPhrase || candidate.content_words >= 2)) ||
          top.method == "variant") {
        auto linked = termbase.Link(term_id, top.entity);
        if (!linked.ok()) return linked.status();
        // A fold into an equal term renames every candidate stored as this term.
        for (auto& [other, id] : stored) {
          if (id == term_id) id = *linked;
        }
        term_id = *linked;
        ++report->joined;
      }
      for (const LinkProposal& link : proposals) {
        Proposal proposal;
        proposal.kind = ProposalKind::kLink;
        proposal.term = term_id;
        proposal.entity = link.entity;
        proposal.via_term = link.via_term;
        proposal.score = link.score;
        proposal.method = link.method;
        proposal.term_count = candidate.frequency;
        proposal.example_source = example;
        auto proposed = termbase.Propose(proposal);
        if (!proposed.ok()) return proposed.status();
        ++report->links;
      }
    }
    // Term by term: one savepoint and one frequency update each.
    std::map<TermId, std::vector<std::int64_t>> sentences_of;
    for (std::size_t i = 0; i < set.occurrences.size(); ++i) {
      for (const Occurrence& occurrence : set.occurrences[i]) {
        auto term = stored.find(occurrence.candidate);
        if (term != stored.end())
          sentences_of[term->second].push_back(static_cast<std::int64_t>(i));
      }
    }
    for (const auto& [term, sentences] : sentences_of) {
      if (Status s = termbase.AddOccurrences(term, *document, sentences); !s.ok()) return s;
    }
    // The code spans (identifiers, options, placeholders, commands), kept out of the candidates,
    // become terms marked do not translate, as a bitext build records them.
    for (const VerbatimTerm& verbatim : set.verbatim) {
      auto recorded = internal::StoreVerbatim(termbase, verbatim.text, lang, verbatim.frequency,
                                              input.sentences[verbatim.sentences.front()], 0);
      if (!recorded.ok()) return recorded.status();
      report->verbatim += recorded->created ? 1 : 0;
    }
    return Status::Ok();
  });
}

}  // namespace termalign::glossary
