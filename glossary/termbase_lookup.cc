// Termbase lookup: a query against every term (exact, folded, stems), the known terms inside a
// sentence, and entity references given by id or by name.
#include <algorithm>
#include <cctype>
#include <map>

#include "glossary/termbase.h"
#include "termbase_impl.h"
#include "text/fold.h"
#include "text/lang_guess.h"
#include "text/lang_tag.h"
#include "text/language.h"
#include "text/stop_words.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

bool HasArabicScript(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

// The languages whose stemmers a query is tried with: the one asked for, else those of the
// termbase's terms written in the query's script.
Result<std::vector<std::string>> StemLanguages(Termbase::Impl& impl, std::string_view query,
                                               std::string_view lang) {
  if (!lang.empty()) return std::vector<std::string>{std::string(lang)};
  if (Status status = impl.ValidateCaches(); !status.ok()) return status;
  if (!impl.term_langs_read) {
    Status status;
    Stmt stmt = impl.Prepare("SELECT DISTINCT lang FROM terms", &status);
    if (!status.ok()) return status;
    int rc;
    while ((rc = stmt.Step()) == SQLITE_ROW) impl.term_langs.push_back(stmt.Text(0));
    if (rc != SQLITE_DONE) return impl.Error("looking up terms", rc);
    impl.term_langs_read = true;
  }
  std::vector<std::string> langs;
  const bool arabic = HasArabicScript(query);
  for (const std::string& tag : impl.term_langs) {
    const text::LanguageProfile* profile = text::FindLanguage(tag);
    if (profile == nullptr) continue;  // no stemmer: the folded key already did all it can
    if ((profile->script == text::Script::kArabic) == arabic) langs.push_back(tag);
  }
  return langs;
}

// A query as Lookup and TermsContaining read it: without white space around it.
std::string TrimmedQuery(std::string_view query) {
  std::string trimmed(query);
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) {
    trimmed.pop_back();
  }
  trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
  return trimmed;
}

// How many stop words a lookup drops from the start of a query that matches nothing ("of the
// network operator").
constexpr int kLeadingStopWords = 3;

// True when the folded `word` is a stop word of `lang`, of any language for "".
bool IsStopWordOf(std::string_view word, std::string_view lang) {
  if (!lang.empty()) return text::IsStopWord(word, lang);
  for (const text::LanguageProfile* profile : text::AllLanguages()) {
    if (text::IsStopWord(word, profile->tag)) return true;
  }
  return false;
}

// `query` without its first word when that word is a stop word of `lang` (of any language for
// ""): "the network operator" -> "network operator". An elided article goes with its
// apostrophe ("l'autorisation" -> "autorisation"). `query` itself otherwise.
std::string WithoutLeadingStopWord(const std::string& query, std::string_view lang) {
  const std::size_t space = query.find_first_of(" \t");
  const std::string first = text::FoldForMatch(query.substr(0, space));
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    const std::size_t at = query.find(apostrophe);
    if (at != std::string::npos && at > 0 && at < space && at + apostrophe.size() < query.size() &&
        IsStopWordOf(text::FoldForMatch(query.substr(0, at)), lang)) {
      return query.substr(at + apostrophe.size());
    }
  }
  if (space == std::string::npos || !IsStopWordOf(first, lang)) return query;
  const std::size_t rest = query.find_first_not_of(" \t", space);
  return rest == std::string::npos ? std::string() : query.substr(rest);
}

struct Hit {
  TermId term = 0;
  EntityId entity = 0;
  MatchKind how = MatchKind::kExact;
};

// Runs `sql` (one key at ?1, language at ?2 or '' for any, ?3 = 1 to include rejected terms)
// and appends (term, entity) rows as hits of kind `how`.
Status Collect(Termbase::Impl& impl, const std::string& sql, std::string_view key,
               std::string_view lang, bool include_rejected, MatchKind how,
               std::vector<Hit>* hits) {
  Status status;
  Stmt stmt = impl.Prepare(sql, &status);
  if (!status.ok()) return status;
  stmt.Bind(1, key).Bind(2, lang).Bind(3, include_rejected ? 1 : 0);
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) hits->push_back({stmt.Int(0), stmt.Int(1), how});
  if (rc != SQLITE_DONE) return impl.Error("looking up terms", rc);
  return Status::Ok();
}

// The lookups, one per key kind. "lang = ?2" is duplicated with an OR so that the index on
// (key, lang) serves both the any-language and the one-language query.
const std::string kByText =
    "SELECT id, entity_id FROM terms WHERE text = ?1 AND (?2 = '' OR lang = ?2)"
    " AND (?3 OR status <> 'rejected')";
const std::string kByFolded =
    "SELECT id, entity_id FROM terms WHERE folded_key = ?1 AND (?2 = '' OR lang = ?2)"
    " AND (?3 OR status <> 'rejected')";
const std::string kByStem =
    "SELECT t.id, t.entity_id FROM term_stems s JOIN terms t ON t.id = s.term_id"
    " WHERE s.stem_key = ?1 AND t.lang = ?2 AND (?3 OR t.status <> 'rejected')";

}  // namespace

Status Termbase::Impl::ValidateCaches() {
  std::int64_t changes = sqlite3_total_changes64(db);
  // Inside a transaction only this connection changes what it sees, so the PRAGMA, which
  // costs a read lock of its own outside one, is asked once per transaction.
  if (transaction_depth > 0 && cache_serial == transaction_serial && changes == cache_changes) {
    return Status::Ok();
  }
  Status status;
  Stmt stmt = Prepare("PRAGMA data_version", &status);
  if (!status.ok()) return status;
  int rc = stmt.Step();
  if (rc != SQLITE_ROW) return Error("looking up terms", rc);
  std::int64_t data_version = stmt.Int(0);
  if (changes != cache_changes || data_version != cache_data_version) {
    matchers.clear();
    term_langs.clear();
    term_langs_read = false;
    cache_changes = changes;
    cache_data_version = data_version;
  }
  cache_serial = transaction_depth > 0 ? transaction_serial : -1;
  return Status::Ok();
}

Result<std::vector<EntityMatch>> Termbase::Lookup(std::string_view query,
                                                  const LookupOptions& options) {
  std::string lang = text::PrimaryLanguage(options.lang);
  const std::string trimmed = TrimmedQuery(query);
  std::vector<Hit> hits;
  // Every level is asked, exact, folded and stems: inflected forms are other terms of the same
  // entity or of another ("ministères" for "ministère"), and each entity keeps its strictest
  // match.
  auto collect = [&](const std::string& text) -> Status {
    Status status =
        Collect(*impl_, kByText, text, lang, options.include_rejected, MatchKind::kExact, &hits);
    const std::string folded = FoldedKey(text, lang);
    if (!status.ok() || folded.empty()) return status;
    status = Collect(*impl_, kByFolded, folded, lang, options.include_rejected, MatchKind::kFolded,
                     &hits);
    if (!status.ok()) return status;
    auto stem_langs = StemLanguages(*impl_, text, lang);
    if (!stem_langs.ok()) return stem_langs.status();
    for (const std::string& stem_lang : *stem_langs) {
      for (const std::string& key : StemKeys(text, stem_lang)) {
        status = Collect(*impl_, kByStem, key, stem_lang, options.include_rejected,
                         MatchKind::kStem, &hits);
        if (!status.ok()) return status;
      }
    }
    return Status::Ok();
  };
  if (Status status = collect(trimmed); !status.ok()) return status;
  // A query written as the text writes it, after an article ("the network operator", "les
  // gestionnaires de réseau", "de l'autorisation"), finds the term without it; as the terms
  // start with no stop word, this is tried only when nothing else matched, dropping at most
  // kLeadingStopWords.
  if (hits.empty()) {
    std::string rest = trimmed;
    for (int dropped = 0; dropped < kLeadingStopWords; ++dropped) {
      std::string shorter = WithoutLeadingStopWord(rest, lang);
      if (shorter == rest) break;
      rest = std::move(shorter);
    }
    if (!rest.empty() && rest != trimmed) {
      if (Status status = collect(rest); !status.ok()) return status;
    }
  }
  // Each entity once, with its best match; entities in order of that match, then first seen.
  std::vector<EntityMatch> matches;
  std::map<EntityId, std::size_t> index;
  for (const Hit& hit : hits) {
    auto [it, fresh] = index.emplace(hit.entity, matches.size());
    if (fresh) {
      EntityMatch match;
      match.entity.id = hit.entity;
      match.how = hit.how;
      match.matched_term = hit.term;
      matches.push_back(std::move(match));
    } else if (hit.how < matches[it->second].how) {
      matches[it->second].how = hit.how;
      matches[it->second].matched_term = hit.term;
    }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const EntityMatch& a, const EntityMatch& b) { return a.how < b.how; });
  if (options.limit > 0 && matches.size() > options.limit) matches.resize(options.limit);
  for (EntityMatch& match : matches) {
    Result<Entity> entity = GetEntity(match.entity.id);
    if (!entity.ok()) return entity.status();
    match.entity = *entity;
    Result<std::vector<Term>> terms = TermsOf(match.entity.id);
    if (!terms.ok()) return terms.status();
    for (Term& term : *terms) {
      if (options.include_rejected || term.status != TermStatus::kRejected) {
        match.terms.push_back(std::move(term));
      }
    }
  }
  return matches;
}

Result<std::vector<Term>> Termbase::TermsContaining(std::string_view query, std::string_view lang,
                                                    std::size_t limit) {
  std::string primary = text::PrimaryLanguage(lang);
  const std::string trimmed = TrimmedQuery(query);
  // A stop word alone ("de", "the") is inside too many terms to say anything.
  if (IsStopWordOf(text::FoldForMatch(trimmed), primary)) return std::vector<Term>{};
  // (key, language of the key's stems or "" for a folded key)
  std::vector<std::pair<std::string, std::string>> keys;
  if (std::string folded = FoldedKey(trimmed, primary); !folded.empty()) {
    keys.emplace_back(std::move(folded), "");
  }
  if (keys.empty()) return std::vector<Term>{};
  auto stem_langs = StemLanguages(*impl_, trimmed, primary);
  if (!stem_langs.ok()) return stem_langs.status();
  for (const std::string& stem_lang : *stem_langs) {
    for (std::string& key : StemKeys(trimmed, stem_lang))
      keys.emplace_back(std::move(key), stem_lang);
  }
  // Whole words: the key between spaces inside the term's key padded with spaces.
  const std::string columns = std::string("SELECT ") + kTermColumns;
  const std::string by_folded =
      columns +
      " FROM terms WHERE instr(' ' || folded_key || ' ', ' ' || ?1 || ' ') > 0"
      " AND folded_key <> ?1 AND (?2 = '' OR lang = ?2) AND status <> 'rejected'"
      " ORDER BY frequency DESC, id LIMIT ?3";
  const std::string by_stem =
      columns +
      " FROM terms WHERE id IN (SELECT term_id FROM term_stems"
      " WHERE instr(' ' || stem_key || ' ', ' ' || ?1 || ' ') > 0 AND stem_key <> ?1)"
      " AND lang = ?2 AND status <> 'rejected' ORDER BY frequency DESC, id LIMIT ?3";
  std::vector<Term> found;
  for (const auto& [key, stem_lang] : keys) {
    if (key.empty() || found.size() >= limit) continue;
    Status status;
    Stmt stmt = impl_->Prepare(stem_lang.empty() ? by_folded : by_stem, &status);
    if (!status.ok()) return status;
    stmt.Bind(1, key).Bind(2, stem_lang.empty() ? primary : stem_lang);
    stmt.Bind(3, static_cast<std::int64_t>(limit));
    int rc;
    while ((rc = stmt.Step()) == SQLITE_ROW && found.size() < limit) {
      Term term = Impl::ReadTerm(stmt);
      if (std::none_of(found.begin(), found.end(),
                       [&](const Term& t) { return t.id == term.id; })) {
        found.push_back(std::move(term));
      }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_->Error("looking up terms", rc);
  }
  return found;
}

Result<std::vector<TextMatch>> Termbase::FindInText(std::string_view sentence,
                                                    std::string_view lang_tag) {
  std::string lang = text::PrimaryLanguage(lang_tag);
  if (Status status = impl_->ValidateCaches(); !status.ok()) return status;
  auto find = [&](const std::string& matcher_lang) -> Result<std::vector<TextMatch>> {
    auto matcher = impl_->matchers.find(matcher_lang);
    if (matcher == impl_->matchers.end()) {
      auto loaded = TermMatcher::Load(*impl_, matcher_lang);
      if (!loaded.ok()) return loaded.status();
      matcher = impl_->matchers.emplace(matcher_lang, std::move(*loaded)).first;
    }
    return matcher->second->Find(sentence);
  };
  auto first = find(lang);
  if (!first.ok()) return first.status();
  std::vector<TextMatch> found = std::move(*first);
  if (lang.empty()) {
    // Any language by folded key; inflected forms too, in the language the sentence is
    // guessed to be in or, when it is too short to tell ("The storms."), in each language of
    // the termbase's terms written in its script. One match per entity and span ("Azure" is an
    // English and a French term of one entity), the guessed language's term first.
    std::vector<std::string> stem_langs;
    if (std::string guess = text::GuessLanguage(sentence); text::FindLanguage(guess) != nullptr) {
      stem_langs.push_back(std::move(guess));
    } else {
      auto langs = StemLanguages(*impl_, sentence, "");
      if (!langs.ok()) return langs.status();
      stem_langs = std::move(*langs);
    }
    std::vector<TextMatch> any = std::move(found);
    found.clear();
    auto merge = [&found](const std::vector<TextMatch>& matches) {
      for (const TextMatch& match : matches) {
        auto same = std::find_if(found.begin(), found.end(), [&](const TextMatch& m) {
          return m.entity == match.entity && m.begin == match.begin && m.end == match.end;
        });
        if (same == found.end()) {
          found.push_back(match);
        } else {
          same->how = std::min(same->how, match.how);
        }
      }
    };
    for (const std::string& stem_lang : stem_langs) {
      auto inflected = find(stem_lang);
      if (!inflected.ok()) return inflected.status();
      merge(*inflected);
    }
    merge(any);
  }
  for (TextMatch& match : found) {
    for (const TextMatch& other : found) {
      bool covers = other.begin <= match.begin && match.end <= other.end &&
                    other.end - other.begin > match.end - match.begin;
      if (covers && other.term != match.term) match.nested = true;
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const TextMatch& a, const TextMatch& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.how < b.how;
  });
  return found;
}

Result<EntityId> Termbase::ResolveEntity(std::string_view ref, std::string_view lang) {
  bool digits = !ref.empty() &&
                std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && ref.size() < 18) {
    EntityId id = std::stoll(std::string(ref));
    Result<Entity> entity = GetEntity(id);
    if (!entity.ok()) return entity.status();
    return id;
  }
  LookupOptions options;
  options.lang = std::string(lang);
  options.include_rejected = true;
  options.limit = 10;
  Result<std::vector<EntityMatch>> matches = Lookup(ref, options);
  if (!matches.ok()) return matches.status();
  if (matches->empty()) {
    return Status::Error(ErrorCode::kNotFound,
                         "no entity named '" + std::string(ref) + "' in " + impl_->path);
  }
  std::vector<const EntityMatch*> best;
  for (const EntityMatch& match : *matches) {
    if (match.how == matches->front().how) best.push_back(&match);
  }
  if (best.size() == 1) return best.front()->entity.id;
  std::string list;
  for (const EntityMatch* match : best) {
    if (!list.empty()) list += ", ";
    list += std::to_string(match->entity.id);
    if (!match->terms.empty()) list += " (" + match->terms.front().text + ")";
  }
  return Status::Error(ErrorCode::kUsage, "'" + std::string(ref) + "' names several entities in " +
                                              impl_->path + ": " + list + "; give the entity's id");
}

}  // namespace termalign::glossary
