// BuildFromBitexts: extraction on both sides of every new bitext together, acronyms, pairing
// over the whole corpus, then the writes, per document where they belong to one.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "builder_store.h"
#include "glossary/acronym.h"
#include "glossary/builder.h"
#include "glossary/extract.h"
#include "glossary/pairing.h"
#include "text/warnings.h"

namespace termalign::glossary {
namespace {

using internal::Alone;
using internal::StoredTerm;
using internal::StoreTerm;

struct Side {
  std::string lang;
  std::vector<std::string> sentences;
  std::vector<std::size_t> sentence_index;  // first sentence of each pair on this side
  std::vector<std::size_t> input;           // the bitext each pair comes from
  std::vector<DocumentId> documents;        // per bitext, this side's document
  std::unique_ptr<WordAnalyzer> analyzer;
  CandidateSet set;
  std::unordered_map<std::uint32_t, StoredTerm> stored;  // candidate -> term
};

// An aligned pair with a side of more words than this is left out of term extraction. Prose
// sentences rarely pass 100 words; a longer "sentence" is text the segmenter found no end in (a
// table, a list, a paragraph without full stops). Its n-grams pair with each other at a cost
// that grows with the product of both sides' counts: one pair of 10,000-word sentences took 90 s
// of CPU and 1.5 GB, and stored some 5,000 junk entities.
constexpr std::size_t kMaxPairWords = 300;

std::size_t CountWords(std::string_view sentence) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : sentence) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// Acronym definitions of one side: letters matched, else a long form that translates one
// defined on the other side of the same pair, else one the termbase knows.
Status RecordAcronyms(Termbase& termbase, Side& side, Side& other, WordLinker& linker,
                      BuildReport* report) {
  for (std::size_t i = 0; i < side.sentences.size(); ++i) {
    const std::string& sentence = side.sentences[i];
    if (sentence.find('(') == std::string::npos && sentence.find('[') == std::string::npos) {
      continue;
    }
    const std::vector<Word>& words = side.set.words[i];
    std::vector<AcronymDefinition> found = FindAcronymDefinitions(sentence, words);
    for (const AcronymDefinition& definition : found) {
      Status status = internal::StoreAcronym(termbase, side.lang, definition, sentence, 0);
      if (!status.ok()) return status;
      ++report->acronyms;
    }
    for (const ShortFormSite& site : FindShortFormSites(sentence, words)) {
      bool defined = false;
      for (const AcronymDefinition& definition : found) {
        defined = defined || definition.short_form == site.short_form;
      }
      if (defined) continue;
      // The same short form defined on the other side of this pair.
      AcronymDefinition definition;
      EntityId entity = 0;
      if (i < other.sentences.size()) {
        for (const AcronymDefinition& theirs :
             FindAcronymDefinitions(other.sentences[i], other.set.words[i])) {
          if (theirs.short_form != site.short_form) continue;
          std::vector<Word> their_words = other.analyzer->Analyze(theirs.long_form);
          int content = 0;
          for (const Word& word : their_words) content += word.content;
          auto matcher = [&](const Word& word) {
            double best = 0.0;
            for (const Word& w : their_words) {
              if (!w.content) continue;
              best = std::max(best, linker.Link(word, w).strength);
            }
            return best >= 0.6 ? best : 0.0;
          };
          if (LongFormByTranslation(sentence, words, site, content, matcher, &definition)) {
            auto stored = StoreTerm(termbase, theirs.long_form, other.lang, TermOrigin::kAcronym,
                                    0.9, other.sentences[i]);
            if (!stored.ok()) return stored.status();
            entity = stored->entity;
          }
        }
      }
      if (entity == 0) {
        auto linker_for = [&](const std::string& lang) -> WordLinker* {
          return lang == other.lang ? &linker : nullptr;
        };
        entity = internal::LongFormFromTermbase(termbase, sentence, words, site, side.lang,
                                                linker_for, &definition);
      }
      if (entity == 0) continue;
      Status status = internal::StoreAcronym(termbase, side.lang, definition, sentence, entity);
      if (!status.ok()) return status;
      ++report->acronyms;
    }
  }
  return Status::Ok();
}

// The entity of the term `text` of `lang` an acronym definition stored, or 0.
Result<EntityId> EntityOfLongForm(Termbase& termbase, const std::string& text,
                                  const std::string& lang) {
  auto found = termbase.FindTerms(text, lang, MatchKind::kExact);
  if (!found.ok()) return found.status();
  return found->empty() ? EntityId{0} : found->front().entity;
}

// An aligned pair whose two sentences each define one acronym ("uninterruptible power supply
// (UPS)" / "alimentation sans interruption (ASI)") names one concept on both sides: the two
// definitions' entities join, when the build made both (OnlyExtracted) and no person ruled
// the pair out. The short forms need not share their letters, as the pairing's acronym links
// do.
Status JoinParallelDefinitions(Termbase& termbase, const Side& source, const Side& target,
                               bool rejections, BuildReport* report) {
  const std::size_t pairs = std::min(source.sentences.size(), target.sentences.size());
  for (std::size_t i = 0; i < pairs; ++i) {
    if (source.sentences[i].find('(') == std::string::npos ||
        target.sentences[i].find('(') == std::string::npos) {
      continue;
    }
    const std::vector<AcronymDefinition> source_definitions =
        FindAcronymDefinitions(source.sentences[i], source.set.words[i]);
    const std::vector<AcronymDefinition> target_definitions =
        FindAcronymDefinitions(target.sentences[i], target.set.words[i]);
    if (source_definitions.size() != 1 || target_definitions.size() != 1) continue;
    auto s_entity = EntityOfLongForm(termbase, source_definitions.front().long_form, source.lang);
    if (!s_entity.ok()) return s_entity.status();
    auto t_entity = EntityOfLongForm(termbase, target_definitions.front().long_form, target.lang);
    if (!t_entity.ok()) return t_entity.status();
    if (*s_entity == 0 || *t_entity == 0 || *s_entity == *t_entity) continue;
    if (!internal::OnlyExtracted(termbase, *s_entity) ||
        !internal::OnlyExtracted(termbase, *t_entity)) {
      continue;
    }
    if (rejections) {
      // A term of either entity that a person ruled out of the other.
      bool ruled_out = false;
      for (auto [entity, other] :
           {std::pair{*s_entity, *t_entity}, std::pair{*t_entity, *s_entity}}) {
        auto terms = termbase.TermsOf(other);
        if (!terms.ok()) return terms.status();
        for (const Term& term : *terms) {
          auto out = internal::RuledOut(termbase, entity, term);
          if (!out.ok()) return out.status();
          ruled_out = ruled_out || *out;
        }
      }
      if (ruled_out) {
        ++report->kept_rejections;
        continue;
      }
    }
    if (Status merged = termbase.Merge(*t_entity, *s_entity); !merged.ok()) return merged;
    ++report->joined;
  }
  return Status::Ok();
}

Result<StoredTerm> StoreCandidate(Termbase& termbase, Side& side, std::uint32_t candidate,
                                  double score, std::string_view example) {
  auto known = side.stored.find(candidate);
  if (known != side.stored.end()) return known->second;
  const Candidate& c = side.set.candidates[candidate];
  auto stored = StoreTerm(termbase, c.text, side.lang, TermOrigin::kExtracted, score, example);
  if (!stored.ok()) return stored.status();
  side.stored.emplace(candidate, *stored);
  return *stored;
}

// After a link folded term `from` into the equal term `to`, the candidates stored as `from`
// are stored as `to`.
void Renumber(Side& side, TermId from, TermId to) {
  if (from == to) return;
  for (auto& [candidate, stored] : side.stored) {
    if (stored.term == from) stored.term = to;
  }
}

// `rejections`: whether the termbase holds anything a person rejected (else no pair can have
// been ruled out).
Status WritePair(Termbase& termbase, Side& source, Side& target, const TermPair& pair,
                 const std::vector<const text::SentencePair*>& pairs, bool rejections,
                 std::set<std::pair<TermId, TermId>>* written, BuildReport* report) {
  const text::SentencePair& example = *pairs[pair.evidence.example];
  auto s = StoreCandidate(termbase, source, pair.source, pair.evidence.score, example.source);
  if (!s.ok()) return s.status();
  auto t = StoreCandidate(termbase, target, pair.target, pair.evidence.score, example.target);
  if (!t.ok()) return t.status();
  // Two candidates can store as one term ("Israel", "Israel’s"): one proposal per term pair,
  // the best (pairs come best first).
  if (!written->insert({s->term, t->term}).second) return Status::Ok();
  // Entities may have moved since the terms were stored: read them again.
  auto s_term = termbase.GetTerm(s->term);
  auto t_term = termbase.GetTerm(t->term);
  if (!s_term.ok()) return s_term.status();
  if (!t_term.ok()) return t_term.status();
  EntityId s_entity = s_term->entity, t_entity = t_term->entity;
  // What a person rejected stays rejected: no join, no new proposal.
  for (auto [entity, term] : {std::pair{s_entity, &*t_term}, std::pair{t_entity, &*s_term}}) {
    if (!rejections) break;
    auto ruled_out = internal::RuledOut(termbase, entity, *term);
    if (!ruled_out.ok()) return ruled_out.status();
    if (*ruled_out) {
      ++report->kept_rejections;
      return Status::Ok();
    }
  }
  TermId s_id = s->term, t_id = t->term;
  // A well-supported pair names one concept: its terms join one entity, single words too.
  if (pair.WellSupported() && s_entity != t_entity) {
    if (Alone(termbase, t_entity, t_id)) {
      auto linked = termbase.Link(t_id, s_entity);
      if (!linked.ok()) return linked.status();
      Renumber(target, t_id, *linked);
      t_id = *linked;
      t_entity = s_entity;
      ++report->joined;
    } else if (Alone(termbase, s_entity, s_id)) {
      auto linked = termbase.Link(s_id, t_entity);
      if (!linked.ok()) return linked.status();
      Renumber(source, s_id, *linked);
      s_id = *linked;
      s_entity = t_entity;
      ++report->joined;
    } else if (internal::OnlyExtracted(termbase, s_entity) &&
               internal::OnlyExtracted(termbase, t_entity)) {
      // An acronym and its long form on each side ("DPO", "data protection officer" / "DPD",
      // "délégué à la protection des données"): one concept, none of it decided by a person.
      Status merged = termbase.Merge(t_entity, s_entity);
      if (!merged.ok()) return merged;
      t_entity = s_entity;
      ++report->joined;
    }
  }
  // The proposal names the side that is not its partner's best as the term to decide on.
  const bool target_is_term = pair.evidence.target_rank == 1 || pair.mutual();
  Proposal proposal;
  proposal.kind = ProposalKind::kPair;
  proposal.term = target_is_term ? t_id : s_id;
  proposal.entity = target_is_term ? s_entity : t_entity;
  proposal.via_term = target_is_term ? s_id : t_id;
  proposal.score = pair.evidence.score;
  proposal.method = pair.evidence.method;
  proposal.cooccurrences = pair.evidence.cooccurrences;
  proposal.term_count = target_is_term ? pair.evidence.target_count : pair.evidence.source_count;
  proposal.other_count = target_is_term ? pair.evidence.source_count : pair.evidence.target_count;
  proposal.example_source = example.source;
  proposal.example_target = example.target;
  auto proposed = termbase.Propose(proposal);
  if (!proposed.ok()) return proposed.status();
  ++report->pairs;
  return Status::Ok();
}

// The occurrences of the stored candidates of both sides, term by term in increasing id order
// (inserts then append to the table's pages). A candidate's sentences are where it occurs, and
// its frequency how many occurrences it has: the occurrence lists are not needed.
Status WriteOccurrences(Termbase& termbase, const Side& source, const Side& target) {
  struct Stored {
    TermId term;
    const Side* side;
    std::uint32_t candidate;
  };
  std::vector<Stored> stored;
  std::int64_t rows = 0;
  for (const Side* side : {&source, &target}) {
    for (const auto& [candidate, term] : side->stored) {
      stored.push_back({term.term, side, candidate});
      rows += side->set.candidates[candidate].frequency;
    }
  }
  std::sort(stored.begin(), stored.end(), [](const Stored& a, const Stored& b) {
    return std::tie(a.term, a.side, a.candidate) < std::tie(b.term, b.side, b.candidate);
  });
  std::size_t k = 0;
  return termbase.AddOccurrencesByTerm(rows, [&](TermId* term, Termbase::TermPlaces* places) {
    if (k == stored.size()) return false;
    *term = stored[k].term;
    places->clear();
    for (; k < stored.size() && stored[k].term == *term; ++k) {
      const Side& side = *stored[k].side;
      for (std::uint32_t s : side.set.candidates[stored[k].candidate].sentences) {
        places->emplace_back(side.documents[side.input[s]],
                             static_cast<std::int64_t>(side.sentence_index[s]));
      }
    }
    return true;
  });
}

// The code spans of both sides (identifiers, options, placeholders, commands) as terms marked
// do not translate, out of the pairing; the same text on both sides names one entity.
Status RecordVerbatim(Termbase& termbase, const Side& source, const Side& target,
                      BuildReport* report) {
  std::unordered_map<std::string, EntityId> entity_of;  // text -> entity, from the source side
  for (const Side* side : {&source, &target}) {
    for (const VerbatimTerm& verbatim : side->set.verbatim) {
      auto partner = entity_of.find(verbatim.text);
      const EntityId entity = side == &target && partner != entity_of.end() ? partner->second : 0;
      auto stored = internal::StoreVerbatim(termbase, verbatim.text, side->lang, verbatim.frequency,
                                            side->sentences[verbatim.sentences.front()], entity);
      if (!stored.ok()) return stored.status();
      if (stored->term == 0) continue;
      if (side == &source) entity_of.emplace(verbatim.text, stored->entity);
      report->verbatim += stored->created ? 1 : 0;
    }
  }
  return Status::Ok();
}

// Which inputs are new: an input whose two documents' hashes the termbase (or an earlier input
// of the same call) already holds changes nothing and is skipped.
Result<std::vector<bool>> NewInputs(Termbase& termbase, const std::vector<BitextInput>& inputs) {
  auto documents = termbase.Documents();
  if (!documents.ok()) return documents.status();
  std::set<std::string> known;
  for (const DocumentRecord& record : *documents) known.insert(record.content_hash);
  std::vector<bool> fresh;
  for (const BitextInput& input : inputs) {
    const bool source_known = known.count(input.source_document.content_hash) > 0;
    const bool target_known = known.count(input.target_document.content_hash) > 0;
    fresh.push_back(!source_known || !target_known);
    known.insert(input.source_document.content_hash);
    known.insert(input.target_document.content_hash);
  }
  return fresh;
}

}  // namespace

Status BuildFromBitexts(Termbase& termbase, const std::vector<BitextInput>& inputs,
                        const BitextOptions& options, BuildReport* report) {
  *report = BuildReport{};
  if (inputs.empty()) {
    report->skipped = true;
    return Status::Ok();
  }
  auto fresh = NewInputs(termbase, inputs);
  if (!fresh.ok()) return fresh.status();
  Side source, target;
  source.lang = inputs.front().source_document.lang;
  target.lang = inputs.front().target_document.lang;
  std::vector<const text::SentencePair*> pairs;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    if (!(*fresh)[k]) {
      report->skipped_inputs.push_back(k);
      continue;
    }
    std::int64_t long_pairs = 0;
    for (const text::SentencePair& pair : inputs[k].pairs) {
      // A pair too long to learn from keeps its place, empty, so that indices stay aligned.
      const bool too_long =
          CountWords(pair.source) > kMaxPairWords || CountWords(pair.target) > kMaxPairWords;
      long_pairs += too_long;
      pairs.push_back(&pair);
      source.sentences.push_back(pair.source_count > 0 && !too_long ? pair.source : std::string());
      target.sentences.push_back(pair.target_count > 0 && !too_long ? pair.target : std::string());
      source.sentence_index.push_back(pair.source_index);
      target.sentence_index.push_back(pair.target_index);
      source.input.push_back(k);
      target.input.push_back(k);
    }
    if (long_pairs > 0) {
      text::ReportWarning(inputs[k].source_document.name + " + " + inputs[k].target_document.name +
                          ": " + std::to_string(long_pairs) +
                          " aligned pair(s) with a sentence of more than " +
                          std::to_string(kMaxPairWords) +
                          " words left out of term extraction (a table or a list without full "
                          "stops?)");
    }
  }
  if (report->skipped_inputs.size() == inputs.size()) {
    report->skipped = true;
    return Status::Ok();
  }
  ExtractOptions extract;
  if (pairs.size() >= options.large_bitext) extract.min_frequency = options.large_min_frequency;
  source.analyzer = std::make_unique<WordAnalyzer>(source.lang);
  target.analyzer = std::make_unique<WordAnalyzer>(target.lang);
  WordAnalyzer::LearnCopiedCommands(*source.analyzer, *target.analyzer, source.sentences,
                                    target.sentences);
  source.set = ExtractCandidates(source.sentences, *source.analyzer, extract);
  target.set = ExtractCandidates(target.sentences, *target.analyzer, extract);
  report->source_candidates = static_cast<std::int64_t>(source.set.candidates.size());
  report->target_candidates = static_cast<std::int64_t>(target.set.candidates.size());

  PairingOptions pairing;
  pairing.forward = options.forward;
  pairing.backward = options.backward;
  pairing.min_score = options.min_score;
  std::vector<TermPair> term_pairs =
      PairCandidates(source.set, target.set, *source.analyzer, *target.analyzer, pairing);
  // Where each candidate occurs in a sentence was for pairing; the writes need its sentences.
  std::vector<std::vector<Occurrence>>().swap(source.set.occurrences);
  std::vector<std::vector<Occurrence>>().swap(target.set.occurrences);

  // All or nothing, and without a savepoint per term, proposal and occurrence list: every
  // failure below ends the build anyway.
  return termbase.InBulkTransaction([&]() -> Status {
    source.documents.assign(inputs.size(), 0);
    target.documents.assign(inputs.size(), 0);
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      if (!(*fresh)[k]) continue;
      bool inserted = false;
      auto source_id = termbase.AddDocument(inputs[k].source_document, &inserted);
      if (!source_id.ok()) return source_id.status();
      auto target_id = termbase.AddDocument(inputs[k].target_document, &inserted);
      if (!target_id.ok()) return target_id.status();
      source.documents[k] = *source_id;
      target.documents[k] = *target_id;
    }

    WordLinker forward(source.analyzer.get(), target.analyzer.get(), options.forward,
                       options.backward);
    WordLinker backward(target.analyzer.get(), source.analyzer.get(), options.backward,
                        options.forward);
    if (Status s = RecordAcronyms(termbase, source, target, forward, report); !s.ok()) return s;
    if (Status s = RecordAcronyms(termbase, target, source, backward, report); !s.ok()) return s;
    // A build rejects nothing: what it finds rejected at its start is all there is.
    auto rejections = termbase.HoldsRejections();
    if (!rejections.ok()) return rejections.status();
    if (Status s = JoinParallelDefinitions(termbase, source, target, *rejections, report);
        !s.ok()) {
      return s;
    }
    std::set<std::pair<TermId, TermId>> written;
    for (const TermPair& pair : term_pairs) {
      if (Status s =
              WritePair(termbase, source, target, pair, pairs, *rejections, &written, report);
          !s.ok()) {
        return s;
      }
    }
    // Names and acronyms nobody paired still name something: each gets its entity.
    for (Side* side : {&source, &target}) {
      for (std::uint32_t c = 0; c < side->set.candidates.size(); ++c) {
        const Candidate& candidate = side->set.candidates[c];
        if (candidate.kind == CandidateKind::kPhrase || side->stored.count(c) > 0) continue;
        std::uint32_t first = candidate.sentences.front();
        auto stored =
            StoreCandidate(termbase, *side, c, Termhood(candidate) * 0.5, side->sentences[first]);
        if (!stored.ok()) return stored.status();
      }
    }
    if (Status s = RecordVerbatim(termbase, source, target, report); !s.ok()) return s;
    // The analysed words are not needed past this point: their memory goes to the writes.
    std::vector<std::vector<Word>>().swap(source.set.words);
    std::vector<std::vector<Word>>().swap(target.set.words);
    return WriteOccurrences(termbase, source, target);
  });
}

Status BuildFromBitext(Termbase& termbase, const BitextInput& input, const BitextOptions& options,
                       BuildReport* report) {
  return BuildFromBitexts(termbase, {input}, options, report);
}

}  // namespace termalign::glossary
