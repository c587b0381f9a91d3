// Terminology checks: each source term occurrence needs an expected rendering in its bead.
#include "qa/terms.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/tokenizer.h"

namespace termalign::qa {
namespace {

using glossary::EntityId;
using glossary::Term;
using glossary::TermId;
using glossary::TermStatus;

// One span of a sentence that names one or more terms (homonyms share a span).
struct Hit {
  std::size_t sentence = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::pair<TermId, EntityId>> terms;  // best match first
  bool used = false;
};

// How often one term was rendered by another, and where that was first seen.
struct Usage {
  std::size_t count = 0;
  std::size_t first_bead = 0;
  Mark source_mark;
  Mark target_mark;
};

std::string Quote(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + Quote(item);
  return joined;
}

class TermChecker {
 public:
  TermChecker(glossary::Termbase& termbase, const text::Document& source,
              const text::Document& target, const align::Alignment& alignment)
      : termbase_(termbase), source_(source), target_(target), alignment_(alignment) {}

  text::Result<std::vector<Finding>> Run() {
    for (std::size_t b = 0; b < alignment_.beads.size(); ++b) {
      const align::Bead& bead = alignment_.beads[b];
      if (!bead.matched()) continue;
      text::Status status = CheckBead(b, bead);
      if (!status.ok()) return status;
    }
    AddInconsistencies(source_to_target_, true);
    AddInconsistencies(target_to_source_, false);
    text::Status status = CheckRejected();
    if (!status.ok()) return status;
    std::stable_sort(findings_.begin(), findings_.end(),
                     [](const Finding& a, const Finding& b) { return a.bead < b.bead; });
    return std::move(findings_);
  }

 private:
  // The terms of `entity`, cached: a document names the same entities again and again.
  text::Result<const std::vector<Term>*> TermsOf(EntityId entity) {
    auto it = entity_terms_.find(entity);
    if (it == entity_terms_.end()) {
      text::Result<std::vector<Term>> terms = termbase_.TermsOf(entity);
      if (!terms.ok()) return terms.status();
      it = entity_terms_.emplace(entity, std::move(terms.value())).first;
    }
    return &it->second;
  }

  text::Result<const Term*> GetTerm(TermId id, EntityId entity) {
    text::Result<const std::vector<Term>*> terms = TermsOf(entity);
    if (!terms.ok()) return terms.status();
    for (const Term& term : **terms) {
      if (term.id == id) return &term;
    }
    return text::Status::Error(text::ErrorCode::kInternal,
                               "term " + std::to_string(id) + " not in its entity");
  }

  // The spans of terms in sentences [begin, begin + count) of `document`. For the source
  // (`outermost`), nested matches are dropped and overlapping ones resolved longest first: the
  // term to check is the longest. For the target every match counts, so that "Microsoft" is
  // found inside a longer candidate such as "Adpathway Microsoft".
  text::Status FindHits(const text::Document& document, std::size_t begin, std::size_t count,
                        bool outermost, std::vector<Hit>* hits) {
    for (std::size_t i = begin; i < begin + count && i < document.sentences.size(); ++i) {
      text::Result<std::vector<glossary::TextMatch>> matches =
          termbase_.FindInText(document.sentences[i].text, document.lang);
      if (!matches.ok()) return matches.status();
      std::vector<Hit> sentence_hits;
      for (const glossary::TextMatch& match : *matches) {  // longest first
        if (outermost && match.nested) continue;
        auto same = std::find_if(sentence_hits.begin(), sentence_hits.end(), [&](const Hit& h) {
          return h.begin == match.begin && h.end == match.end;
        });
        if (same != sentence_hits.end()) {
          same->terms.emplace_back(match.term, match.entity);
          continue;
        }
        bool overlaps = std::any_of(sentence_hits.begin(), sentence_hits.end(), [&](const Hit& h) {
          return match.begin < h.end && h.begin < match.end;
        });
        if (outermost && overlaps) continue;
        sentence_hits.push_back({i, match.begin, match.end, {{match.term, match.entity}}, false});
      }
      std::sort(sentence_hits.begin(), sentence_hits.end(),
                [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
      hits->insert(hits->end(), sentence_hits.begin(), sentence_hits.end());
    }
    return text::Status::Ok();
  }

  std::string_view SpanText(const text::Document& document, const Hit& hit) const {
    return std::string_view(document.sentences[hit.sentence].text)
        .substr(hit.begin, hit.end - hit.begin);
  }

  text::Status CheckBead(std::size_t index, const align::Bead& bead) {
    std::vector<Hit> source_hits, target_hits;
    text::Status status =
        FindHits(source_, bead.source_begin, bead.source_count, true, &source_hits);
    if (status.ok()) {
      status = FindHits(target_, bead.target_begin, bead.target_count, false, &target_hits);
    }
    if (!status.ok()) return status;
    for (const Hit& hit : source_hits) {
      // The renderings the glossary expects for any entity this span names.
      std::unordered_set<TermId> expected_ids;
      std::vector<std::string> expected_texts;
      std::unordered_set<EntityId> entities;
      for (const auto& [term_id, entity] : hit.terms) {
        entities.insert(entity);
        text::Result<const std::vector<Term>*> terms = TermsOf(entity);
        if (!terms.ok()) return terms.status();
        bool has_approved = false;
        for (const Term& term : **terms) {
          has_approved |= term.lang == target_.lang && term.status == TermStatus::kApproved;
        }
        for (const Term& term : **terms) {
          if (term.lang != target_.lang || term.status == TermStatus::kRejected) continue;
          if (glossary::Forbidden(term.usage)) continue;  // never an expected rendering
          if (has_approved && term.status != TermStatus::kApproved) continue;
          expected_ids.insert(term.id);
          if (std::find(expected_texts.begin(), expected_texts.end(), term.text) ==
              expected_texts.end()) {
            expected_texts.push_back(term.text);
          }
        }
      }
      if (expected_ids.empty()) continue;  // the glossary has no rendering to check against
      // Names and acronyms are often kept as they are ("RTA", "Azure"): the source term written
      // the same way in the target is a rendering, whatever the glossary lists.
      if (KeptAsIs(SpanText(source_, hit), bead)) continue;
      Hit* rendering = FindRendering(hit, target_hits, expected_ids);
      if (rendering != nullptr) {
        rendering->used = true;
        std::pair<TermId, EntityId> target_term = rendering->terms.front();
        for (const auto& term : rendering->terms) {
          if (expected_ids.count(term.first)) {
            target_term = term;
            break;
          }
        }
        text::Result<const Term*> from = GetTerm(hit.terms.front().first, hit.terms.front().second);
        if (!from.ok()) return from.status();
        text::Result<const Term*> to = GetTerm(target_term.first, target_term.second);
        if (!to.ok()) return to.status();
        Mark source_mark{Side::kSource, hit.sentence, hit.begin, hit.end};
        Mark target_mark{Side::kTarget, rendering->sentence, rendering->begin, rendering->end};
        Record(source_to_target_, **from, **to, index, source_mark, target_mark);
        Record(target_to_source_, **to, **from, index, source_mark, target_mark);
        continue;
      }
      Finding finding;
      finding.kind = FindingKind::kMissingTerm;
      finding.bead = index;
      finding.source_begin = bead.source_begin;
      finding.source_count = bead.source_count;
      finding.target_begin = bead.target_begin;
      finding.target_count = bead.target_count;
      finding.subject = std::string(SpanText(source_, hit));
      finding.expected = expected_texts;
      finding.marks.push_back({Side::kSource, hit.sentence, hit.begin, hit.end});
      // The target may name the entity with a term the glossary does not expect.
      for (Hit& other : target_hits) {
        if (other.used) continue;
        bool same_entity = std::any_of(other.terms.begin(), other.terms.end(),
                                       [&](const auto& t) { return entities.count(t.second); });
        if (!same_entity) continue;
        other.used = true;
        finding.found.emplace_back(SpanText(target_, other));
        finding.marks.push_back({Side::kTarget, other.sentence, other.begin, other.end});
        break;
      }
      finding.message = Quote(finding.subject) + " not rendered";
      if (!finding.found.empty()) finding.message += " (the target has " + Quote(finding.found[0]) + ")";
      finding.message += "; expected " + JoinQuoted(expected_texts);
      findings_.push_back(std::move(finding));
    }
    return text::Status::Ok();
  }

  // True when `term` occurs in the bead's target as a whole word sequence, same case.
  bool KeptAsIs(std::string_view term, const align::Bead& bead) const {
    std::size_t end = std::min(bead.target_begin + bead.target_count, target_.sentences.size());
    for (std::size_t i = bead.target_begin; i < end; ++i) {
      std::string_view sentence = target_.sentences[i].text;
      for (std::size_t at = sentence.find(term); at != std::string_view::npos;
           at = sentence.find(term, at + 1)) {
        std::size_t after = at + term.size();
        if (IsWordBoundary(sentence, at) && IsWordBoundary(sentence, after)) return true;
      }
    }
    return false;
  }

  // No ASCII letter or digit on both sides of `at` (enough for names written in Latin script;
  // a UTF-8 letter next to it counts as a boundary, which only makes the check more lenient).
  static bool IsWordBoundary(std::string_view text, std::size_t at) {
    auto word = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    return at == 0 || at >= text.size() || !word(text[at - 1]) || !word(text[at]);
  }

  // An unused target span naming an expected term; the one written like the source first
  // (an acronym kept as it is), then the first in text order.
  Hit* FindRendering(const Hit& source_hit, std::vector<Hit>& target_hits,
                     const std::unordered_set<TermId>& expected_ids) {
    Hit* first = nullptr;
    for (Hit& candidate : target_hits) {
      if (candidate.used) continue;
      bool expected = std::any_of(candidate.terms.begin(), candidate.terms.end(),
                                  [&](const auto& t) { return expected_ids.count(t.first); });
      if (!expected) continue;
      if (SpanText(target_, candidate) == SpanText(source_, source_hit)) return &candidate;
      if (first == nullptr) first = &candidate;
    }
    return first;
  }

  // Renderings by language and folded key: "Dépôt" and "dépôt" are one rendering, and a text that names two
  // entities (homonyms) is one term for the reader.
  using UsageMap = std::map<std::string, std::map<std::string, Usage>>;

  void Record(UsageMap& map, const Term& from, const Term& to, std::size_t bead,
              const Mark& source_mark, const Mark& target_mark) {
    std::string from_key = from.lang + ":" + from.folded_key;
    std::string to_key = to.lang + ":" + to.folded_key;
    display_.emplace(from_key, from.text);
    display_.emplace(to_key, to.text);
    Usage& usage = map[from_key][to_key];
    if (usage.count++ == 0) {
      usage.first_bead = bead;
      usage.source_mark = source_mark;
      usage.target_mark = target_mark;
    }
  }

  std::string TermText(const std::string& key) const {
    auto it = display_.find(key);
    return it == display_.end() ? key : it->second;
  }

  void AddInconsistencies(const UsageMap& map, bool source_side) {
    for (const auto& [from, renderings] : map) {
      if (renderings.size() < 2) continue;
      // Report at the first place a rendering other than the most frequent one is used.
      const Usage* most = nullptr;
      for (const auto& [to, usage] : renderings) {
        if (most == nullptr || usage.count > most->count) most = &usage;
      }
      const Usage* odd = nullptr;
      for (const auto& [to, usage] : renderings) {
        if (&usage != most && (odd == nullptr || usage.first_bead < odd->first_bead)) odd = &usage;
      }
      const align::Bead& bead = alignment_.beads[odd->first_bead];
      Finding finding;
      finding.kind = FindingKind::kInconsistentTerm;
      finding.bead = odd->first_bead;
      finding.source_begin = bead.source_begin;
      finding.source_count = bead.source_count;
      finding.target_begin = bead.target_begin;
      finding.target_count = bead.target_count;
      finding.subject = TermText(from);
      std::string counts;
      for (const auto& [to, usage] : renderings) {
        std::string text = TermText(to);
        finding.found.push_back(text);
        counts += (counts.empty() ? "" : ", ") + Quote(text) + " (" +
                  std::to_string(usage.count) + (usage.count == 1 ? " time)" : " times)");
      }
      finding.marks = {odd->source_mark, odd->target_mark};
      finding.message = source_side
                            ? Quote(finding.subject) + " is rendered in several ways: " + counts
                            : Quote(finding.subject) + " renders several source terms: " + counts;
      findings_.push_back(std::move(finding));
    }
  }

  text::Status CheckRejected() {
    std::unordered_map<std::string, std::pair<std::string, EntityId>> by_folded, by_stem;
    std::size_t max_words = 0;
    text::Status status = termbase_.ForEachEntity(
        [&](const glossary::Entity& entity, const std::vector<Term>& terms) {
          for (const Term& term : terms) {
            // Terms a person rejected, and terms the termbase marks deprecated or superseded.
            if (term.lang != target_.lang ||
                (term.status != TermStatus::kRejected && !glossary::Forbidden(term.usage))) {
              continue;
            }
            by_folded.emplace(term.folded_key, std::make_pair(term.text, entity.id));
            for (const std::string& key : glossary::StemKeys(term.text, term.lang)) {
              by_stem.emplace(key, std::make_pair(term.text, entity.id));
            }
            max_words = std::max<std::size_t>(
                max_words, std::count(term.folded_key.begin(), term.folded_key.end(), ' ') + 1);
          }
          return text::Status::Ok();
        },
        target_.lang);
    if (!status.ok() || by_folded.empty()) return status;
    for (std::size_t b = 0; b < alignment_.beads.size(); ++b) {
      const align::Bead& bead = alignment_.beads[b];
      std::size_t end = std::min(bead.target_begin + bead.target_count, target_.sentences.size());
      for (std::size_t i = bead.target_begin; i < end; ++i) {
        status = ScanRejected(b, bead, i, by_folded, by_stem, max_words);
        if (!status.ok()) return status;
      }
    }
    return text::Status::Ok();
  }

  text::Status ScanRejected(
      std::size_t index, const align::Bead& bead, std::size_t sentence_index,
      const std::unordered_map<std::string, std::pair<std::string, EntityId>>& by_folded,
      const std::unordered_map<std::string, std::pair<std::string, EntityId>>& by_stem,
      std::size_t max_words) {
    const std::string& sentence = target_.sentences[sentence_index].text;
    std::vector<text::Token> words;
    for (const text::Token& token : text::Tokenize(sentence)) {
      if (token.kind == text::TokenKind::kWord || token.kind == text::TokenKind::kNumber) {
        words.push_back(token);
      }
    }
    for (std::size_t first = 0; first < words.size();) {
      std::size_t matched_words = 0;
      for (std::size_t n = std::min(max_words, words.size() - first); n >= 1 && !matched_words;
           --n) {
        std::size_t begin = words[first].begin, end = words[first + n - 1].end;
        std::string_view span = std::string_view(sentence).substr(begin, end - begin);
        const std::pair<std::string, EntityId>* hit = nullptr;
        auto folded = by_folded.find(glossary::FoldedKey(span, target_.lang));
        if (folded != by_folded.end()) {
          hit = &folded->second;
        } else {
          // A shared stem key, as Termbase::FindInText matches ("wagons" -> "wagon").
          for (const std::string& key : glossary::StemKeys(span, target_.lang)) {
            auto stem = by_stem.find(key);
            if (stem == by_stem.end()) continue;
            hit = &stem->second;
            break;
          }
        }
        if (hit == nullptr) continue;
        matched_words = n;
        text::Status status =
            AddRejected(index, bead, sentence_index, begin, end, span, hit->first, hit->second);
        if (!status.ok()) return status;
      }
      first += matched_words ? matched_words : 1;
    }
    return text::Status::Ok();
  }

  text::Status AddRejected(std::size_t index, const align::Bead& bead, std::size_t sentence,
                           std::size_t begin, std::size_t end, std::string_view span,
                           const std::string& term_text, EntityId entity) {
    Finding finding;
    finding.kind = FindingKind::kRejectedTerm;
    finding.bead = index;
    finding.source_begin = bead.source_begin;
    finding.source_count = bead.source_count;
    finding.target_begin = bead.target_begin;
    finding.target_count = bead.target_count;
    finding.subject = std::string(span);
    finding.found.push_back(term_text);
    text::Result<const std::vector<Term>*> terms = TermsOf(entity);
    if (!terms.ok()) return terms.status();
    std::string_view why = "rejected";
    for (const Term& term : **terms) {
      if (term.lang != target_.lang) continue;
      if (term.text == term_text && glossary::Forbidden(term.usage)) {
        why = glossary::ToString(term.usage);
      } else if (term.status == TermStatus::kApproved && !glossary::Forbidden(term.usage)) {
        finding.expected.push_back(term.text);
      }
    }
    finding.marks.push_back({Side::kTarget, sentence, begin, end});
    finding.message = Quote(span) + " is a " + std::string(why) + " term";
    if (!finding.expected.empty()) finding.message += "; use " + JoinQuoted(finding.expected);
    findings_.push_back(std::move(finding));
    return text::Status::Ok();
  }

  glossary::Termbase& termbase_;
  const text::Document& source_;
  const text::Document& target_;
  const align::Alignment& alignment_;
  std::unordered_map<EntityId, std::vector<Term>> entity_terms_;
  std::map<std::string, std::string> display_;  // "fr:depot" -> a term text as written
  UsageMap source_to_target_;
  UsageMap target_to_source_;
  std::vector<Finding> findings_;
};

}  // namespace

text::Result<std::vector<Finding>> CheckTerms(glossary::Termbase& termbase,
                                              const text::Document& source,
                                              const text::Document& target,
                                              const align::Alignment& alignment) {
  std::vector<Finding> findings;
  // One snapshot for the whole pair: the term lookups check once, not per sentence, that the
  // termbase has not changed under them.
  text::Status status = termbase.InReadTransaction([&]() -> text::Status {
    text::Result<std::vector<Finding>> found =
        TermChecker(termbase, source, target, alignment).Run();
    if (!found.ok()) return found.status();
    findings = std::move(*found);
    return text::Status::Ok();
  });
  if (!status.ok()) return status;
  return findings;
}

}  // namespace termalign::qa
