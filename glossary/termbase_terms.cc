// Termbase: terms, and the operations that move them between entities (link, merge).
#include <algorithm>

#include "glossary/termbase.h"
#include "termbase_impl.h"
#include "text/lang_tag.h"
#include "text/language.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Stem keys stored per term, and asked per query (StemKeys' default).
constexpr std::size_t kMaxStemKeys = 8;

constexpr const char* kTermOrder =
    " ORDER BY lang, CASE status WHEN 'approved' THEN 0 WHEN 'candidate' THEN 1 ELSE 2 END,"
    " frequency DESC, id";

// Inserts a new term of `input` into `entity` (which holds no term of this lang and text),
// with its keys from `tokens` (KeyTokens of `text` in `lang`, with stems), and its stem keys.
// Runs inside the caller's transaction.
Result<TermId> InsertTerm(Termbase::Impl& impl, EntityId entity, const std::string& text,
                          const std::string& lang, const std::string& lang_tag,
                          const std::vector<KeyToken>& tokens, const TermInput& input) {
  const std::string folded = JoinFolded(tokens, 0, tokens.size());
  const std::vector<std::string> stems = JoinStems(tokens, 0, tokens.size(), kMaxStemKeys);
  Status s;
  Stmt insert = impl.Prepare(
      "INSERT INTO terms(entity_id, text, lang, folded_key, stem_key, word_count, status,"
      " origin, score, frequency, example, lang_tag, usage)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      &s);
  if (!s.ok()) return s;
  int rc = insert.Bind(1, entity)
               .Bind(2, text)
               .Bind(3, lang)
               .Bind(4, folded)
               .Bind(5, stems.empty() ? folded : stems.front())
               .Bind(6, static_cast<std::int64_t>(tokens.size()))
               .Bind(7, ToString(input.status))
               .Bind(8, ToString(input.origin))
               .Bind(9, input.score)
               .Bind(10, input.frequency)
               .Bind(11, input.example)
               .Bind(12, lang_tag)
               .Bind(13, ToString(input.usage))
               .Step();
  if (rc != SQLITE_DONE) return impl.Error("adding a term", rc);
  const TermId id = sqlite3_last_insert_rowid(impl.db);
  Stmt stem = impl.Prepare("INSERT OR IGNORE INTO term_stems(stem_key, term_id) VALUES (?, ?)", &s);
  if (!s.ok()) return s;
  for (const std::string& key : stems) {
    rc = stem.Bind(1, key).Bind(2, id).Step();
    if (rc != SQLITE_DONE) return impl.Error("adding a term", rc);
    stem.Reset();
  }
  return id;
}

// Moves `term` into entity `into`. When `into` already has the same (lang, text), the moved
// term is folded into that one (occurrences, frequency, score) and deleted. Returns the id the
// term now has. Runs inside the caller's transaction.
Result<TermId> MoveTerm(Termbase::Impl& impl, const Term& term, EntityId into) {
  Status status;
  TermId existing = 0;
  {
    Stmt find = impl.Prepare(
        "SELECT id FROM terms WHERE entity_id = ? AND lang = ? AND text = ? AND id <> ?", &status);
    if (!status.ok()) return status;
    int rc = find.Bind(1, into).Bind(2, term.lang).Bind(3, term.text).Bind(4, term.id).Step();
    if (rc == SQLITE_ROW)
      existing = find.Int(0);
    else if (rc != SQLITE_DONE)
      return impl.Error("moving a term", rc);
  }
  const char* sql = existing == 0
                        ? "UPDATE terms SET entity_id = ?1, origin = CASE origin WHEN 'manual' "
                          "THEN 'manual' WHEN 'imported' THEN 'imported' ELSE 'linked' END "
                          "WHERE id = ?2"
                        : "UPDATE OR IGNORE occurrences SET term_id = ?1 WHERE term_id = ?2";
  Stmt move = impl.Prepare(sql, &status);
  if (!status.ok()) return status;
  int rc = move.Bind(1, existing == 0 ? into : existing).Bind(2, term.id).Step();
  if (rc != SQLITE_DONE) return impl.Error("moving a term", rc);
  {
    // The term's data categories go where the term goes.
    Stmt follow = impl.Prepare(
        "UPDATE data_categories SET entity_id = ?1, term_id = ?2 WHERE term_id = ?3", &status);
    if (!status.ok()) return status;
    rc = follow.Bind(1, into).Bind(2, existing == 0 ? term.id : existing).Bind(3, term.id).Step();
    if (rc != SQLITE_DONE) return impl.Error("moving a term", rc);
  }
  if (existing == 0) return term.id;
  Stmt merge = impl.Prepare(
      "UPDATE terms SET frequency = frequency + ?1, score = max(score, ?2),"
      " example = CASE example WHEN '' THEN ?3 ELSE example END WHERE id = ?4",
      &status);
  if (!status.ok()) return status;
  rc = merge.Bind(1, term.frequency)
           .Bind(2, term.score)
           .Bind(3, term.example)
           .Bind(4, existing)
           .Step();
  if (rc != SQLITE_DONE) return impl.Error("moving a term", rc);
  Stmt drop = impl.Prepare("DELETE FROM terms WHERE id = ?", &status);
  if (!status.ok()) return status;
  rc = drop.Bind(1, term.id).Step();
  if (rc != SQLITE_DONE) return impl.Error("moving a term", rc);
  return existing;
}

// Proposals made moot by a move of terms into entity `into` (0 when none moved): a term's
// proposal towards the entity it now belongs to is accepted; an entity left without terms is
// deleted (its proposals go with it). Only proposals towards `into` can have become moot, and
// only those are read: a build joins thousands of pairs, and reading every pending proposal at
// each join made a 100,000-pair build quadratic.
Status Tidy(Termbase::Impl& impl, EntityId old_entity, EntityId into) {
  Status status;
  if (into != 0) {
    Stmt done = impl.Prepare(
        "UPDATE proposals SET status = 'accepted' WHERE entity_id = ?1 AND status = 'pending'"
        " AND entity_id = (SELECT entity_id FROM terms WHERE terms.id = proposals.term_id)",
        &status);
    if (!status.ok()) return status;
    int rc = done.Bind(1, into).Step();
    if (rc != SQLITE_DONE) return impl.Error("updating proposals", rc);
  }
  Stmt drop = impl.Prepare(
      "DELETE FROM entities WHERE id = ?1 AND NOT EXISTS"
      " (SELECT 1 FROM terms WHERE entity_id = ?1)",
      &status);
  if (!status.ok()) return status;
  int rc = drop.Bind(1, old_entity).Step();
  if (rc != SQLITE_DONE) return impl.Error("removing an empty entity", rc);
  return Status::Ok();
}

}  // namespace

Result<TermId> Termbase::AddTerm(EntityId entity, const TermInput& input, bool* existed) {
  std::string text = Trim(input.text);
  std::string lang = text::PrimaryLanguage(input.lang);
  // Terms are filed under their language ("en" for "en-GB" and "EN"); the full tag is stored
  // only when it says more than that.
  std::string lang_tag = text::CanonicalLangTag(input.lang);
  if (text::SameLangTag(lang_tag, lang)) lang_tag.clear();
  if (text.empty() || lang.empty()) {
    return Status::Error(ErrorCode::kUsage, "adding a term to " + impl_->path +
                                                ": the term and its language must not be empty");
  }
  std::vector<KeyToken> tokens = KeyTokens(text, lang, true);
  TermId id = 0;
  bool found = false;
  Status status = InTransaction([&]() -> Status {
    Status s = GetEntity(entity).status();
    if (!s.ok()) return s;
    {
      Stmt find =
          impl_->Prepare("SELECT id FROM terms WHERE entity_id = ? AND lang = ? AND text = ?", &s);
      if (!s.ok()) return s;
      int rc = find.Bind(1, entity).Bind(2, lang).Bind(3, text).Step();
      if (rc == SQLITE_ROW)
        id = find.Int(0);
      else if (rc != SQLITE_DONE)
        return impl_->Error("adding a term", rc);
    }
    found = id != 0;
    if (found) {
      Stmt raise = impl_->Prepare(
          "UPDATE terms SET score = max(score, ?1), frequency = frequency + ?2,"
          " example = CASE example WHEN '' THEN ?3 ELSE example END,"
          " usage = CASE ?5 WHEN '' THEN usage ELSE ?5 END WHERE id = ?4",
          &s);
      if (!s.ok()) return s;
      int rc = raise.Bind(1, input.score)
                   .Bind(2, input.frequency)
                   .Bind(3, input.example)
                   .Bind(4, id)
                   .Bind(5, ToString(input.usage))
                   .Step();
      return rc == SQLITE_DONE ? Status::Ok() : impl_->Error("adding a term", rc);
    }
    auto inserted = InsertTerm(*impl_, entity, text, lang, lang_tag, tokens, input);
    if (!inserted.ok()) return inserted.status();
    id = *inserted;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (existed != nullptr) *existed = found;
  return id;
}

Result<Termbase::FindOrCreateResult> Termbase::FindOrCreateTerm(const TermInput& input) {
  FindOrCreateResult result;
  Status status = InTransaction([&]() -> Status {
    Status s;
    {
      Stmt find = impl_->Prepare(
          "SELECT id, entity_id FROM terms WHERE text = ? AND lang = ? ORDER BY id LIMIT 1", &s);
      if (!s.ok()) return s;
      int rc = find.Bind(1, Trim(input.text)).Bind(2, text::PrimaryLanguage(input.lang)).Step();
      if (rc == SQLITE_ROW) {
        result.term = find.Int(0);
        result.entity = find.Int(1);
        return Status::Ok();
      }
      if (rc != SQLITE_DONE) return impl_->Error("finding a term", rc);
    }
    Result<EntityId> entity = AddEntity();
    if (!entity.ok()) return entity.status();
    Result<TermId> term = AddTerm(*entity, input);
    if (!term.ok()) return term.status();
    result = {*term, *entity, true};
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

Result<Termbase::FindOrCreateResult> Termbase::FindOrCreateSimilarTerm(const TermInput& input) {
  const std::string text = Trim(input.text);
  const std::string lang = text::PrimaryLanguage(input.lang);
  std::string lang_tag = text::CanonicalLangTag(input.lang);
  if (text::SameLangTag(lang_tag, lang)) lang_tag.clear();
  if (text.empty() || lang.empty()) {
    return Status::Error(ErrorCode::kUsage, "adding a term to " + impl_->path +
                                                ": the term and its language must not be empty");
  }
  // The keys are those of FindTerms (in the language as given) and of AddTerm (in its primary
  // language): one tokenisation when the two are the same language, as in a build.
  const std::vector<KeyToken> tokens = KeyTokens(text, lang, true);
  const std::vector<KeyToken> query_tokens =
      input.lang == lang ? std::vector<KeyToken>() : KeyTokens(text, input.lang, true);
  const std::vector<KeyToken>& asked = input.lang == lang ? tokens : query_tokens;
  std::vector<std::string> keys = {text, JoinFolded(asked, 0, asked.size())};
  const std::size_t first_stem = keys.size();
  // Where extraction keys words by their folded form (Arabic), a stem in common is no sign of
  // one term: its stems join words of one root ("المعالجة", processing, and "المعالج",
  // processor), which extraction kept apart.
  if (!text::LanguageFor(lang).keys_unstemmed) {
    for (std::string& key : JoinStems(asked, 0, asked.size(), kMaxStemKeys)) {
      keys.push_back(std::move(key));
    }
  }
  FindOrCreateResult result;
  Status status = InTransaction([&]() -> Status {
    Status s;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (keys[k].empty()) continue;
      const char* sql =
          k == 0 ? "SELECT id, entity_id FROM terms WHERE text = ?1 AND lang = ?2"
                   " AND status <> 'rejected' ORDER BY id LIMIT 1"
          : k < first_stem
              ? "SELECT id, entity_id FROM terms WHERE folded_key = ?1 AND lang = ?2"
                " AND status <> 'rejected' ORDER BY id LIMIT 1"
              : "SELECT terms.id, terms.entity_id FROM (SELECT term_id FROM term_stems"
                " WHERE stem_key = ?1) AS stemmed CROSS JOIN terms ON terms.id = stemmed.term_id"
                " WHERE lang = ?2 AND status <> 'rejected' ORDER BY stemmed.term_id LIMIT 1";
      Stmt find = impl_->Prepare(sql, &s);
      if (!s.ok()) return s;
      const int rc = find.Bind(1, keys[k]).Bind(2, lang).Step();
      if (rc == SQLITE_ROW) {
        result = {find.Int(0), find.Int(1), false};
        return Status::Ok();
      }
      if (rc != SQLITE_DONE) return impl_->Error("finding terms", rc);
    }
    Result<EntityId> entity = AddEntity(std::string_view("", 0));
    if (!entity.ok()) return entity.status();
    // A new entity holds no term: no need to look for this one in it, as AddTerm does.
    Result<TermId> term = InsertTerm(*impl_, *entity, text, lang, lang_tag, tokens, input);
    if (!term.ok()) return term.status();
    result = {*term, *entity, true};
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

Result<Term> Termbase::GetTerm(TermId id) {
  Status status;
  Stmt stmt =
      impl_->Prepare(std::string("SELECT ") + kTermColumns + " FROM terms WHERE id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, id).Step();
  if (rc == SQLITE_DONE) {
    return Status::Error(ErrorCode::kNotFound,
                         "no term " + std::to_string(id) + " in " + impl_->path);
  }
  if (rc != SQLITE_ROW) return impl_->Error("reading a term", rc);
  return Impl::ReadTerm(stmt);
}

Result<std::vector<Term>> Termbase::TermsOf(EntityId entity) {
  Status status;
  Stmt stmt = impl_->Prepare(
      std::string("SELECT ") + kTermColumns + " FROM terms WHERE entity_id = ?" + kTermOrder,
      &status);
  if (!status.ok()) return status;
  stmt.Bind(1, entity);
  std::vector<Term> terms;
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) terms.push_back(Impl::ReadTerm(stmt));
  if (rc != SQLITE_DONE) return impl_->Error("reading terms", rc);
  return terms;
}

Result<std::vector<Term>> Termbase::FindTerms(std::string_view text, std::string_view lang,
                                              MatchKind how) {
  std::string columns = std::string("SELECT ") + kTermColumns;
  std::vector<std::string> keys;
  std::string sql;
  if (how == MatchKind::kExact) {
    keys.push_back(Trim(text));
    sql = columns + " FROM terms WHERE text = ?1 AND lang = ?2 ORDER BY id";
  } else if (how == MatchKind::kFolded) {
    keys.push_back(FoldedKey(text, lang));
    sql = columns + " FROM terms WHERE folded_key = ?1 AND lang = ?2 ORDER BY id";
  } else {
    keys = StemKeys(text, lang);
    // The stem's entries first, in term order (term_stems' primary key): no temporary table
    // of ids to build and sort at every call, as "id IN (SELECT ...)" did.
    sql = columns +
          " FROM (SELECT term_id FROM term_stems WHERE stem_key = ?1) AS stemmed"
          " CROSS JOIN terms ON terms.id = stemmed.term_id WHERE lang = ?2"
          " ORDER BY stemmed.term_id";
  }
  std::vector<Term> terms;
  std::string primary = text::PrimaryLanguage(lang);
  for (const std::string& key : keys) {
    if (key.empty()) continue;
    Status status;
    Stmt stmt = impl_->Prepare(sql, &status);
    if (!status.ok()) return status;
    stmt.Bind(1, key).Bind(2, primary);
    int rc;
    while ((rc = stmt.Step()) == SQLITE_ROW) {
      Term term = Impl::ReadTerm(stmt);
      bool seen =
          std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.id == term.id; });
      if (!seen) terms.push_back(std::move(term));
    }
    if (rc != SQLITE_DONE) return impl_->Error("finding terms", rc);
  }
  return terms;
}

Result<std::vector<Term>> Termbase::DoNotTranslateTerms(std::string_view lang) {
  Status status;
  Stmt stmt = impl_->Prepare(
      std::string("SELECT ") + kTermColumns +
          " FROM terms WHERE (?1 = '' OR lang = ?1) AND id IN (SELECT term_id FROM"
          " data_categories WHERE element = 'termNote' AND type = 'translationNote' AND"
          " value = 'no') ORDER BY id",
      &status);
  if (!status.ok()) return status;
  stmt.Bind(1, text::PrimaryLanguage(lang));
  std::vector<Term> terms;
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) terms.push_back(Impl::ReadTerm(stmt));
  if (rc != SQLITE_DONE) return impl_->Error("listing do-not-translate terms", rc);
  return terms;
}

Result<TermId> Termbase::Link(TermId term_id, EntityId entity) {
  TermId now = term_id;
  Status status = InTransaction([&]() -> Status {
    Result<Term> term = GetTerm(term_id);
    if (!term.ok()) return term.status();
    if (Status s = GetEntity(entity).status(); !s.ok()) return s;
    if (term->entity == entity) return Status::Ok();
    Result<TermId> moved = MoveTerm(*impl_, *term, entity);
    if (!moved.ok()) return moved.status();
    now = *moved;
    return Tidy(*impl_, term->entity, entity);
  });
  if (!status.ok()) return status;
  return now;
}

Status Termbase::Merge(EntityId from, EntityId into) {
  return InTransaction([&]() -> Status {
    if (Status s = GetEntity(into).status(); !s.ok()) return s;
    Result<Entity> source = GetEntity(from);
    if (!source.ok()) return source.status();
    if (from == into) return Status::Ok();
    Result<std::vector<Term>> terms = TermsOf(from);
    if (!terms.ok()) return terms.status();
    for (const Term& term : *terms) {
      Result<TermId> moved = MoveTerm(*impl_, term, into);
      if (!moved.ok()) return moved.status();
    }
    Status s;
    {
      Stmt move =
          impl_->Prepare("UPDATE OR IGNORE proposals SET entity_id = ?1 WHERE entity_id = ?2", &s);
      if (!s.ok()) return s;
      int rc = move.Bind(1, into).Bind(2, from).Step();
      if (rc != SQLITE_DONE) return impl_->Error("merging entities", rc);
    }
    {
      Stmt move = impl_->Prepare(
          "UPDATE data_categories SET entity_id = ?1 WHERE entity_id = ?2", &s);
      if (!s.ok()) return s;
      int rc = move.Bind(1, into).Bind(2, from).Step();
      if (rc != SQLITE_DONE) return impl_->Error("merging entities", rc);
    }
    if (!source->note.empty()) {
      Stmt note = impl_->Prepare(
          "UPDATE entities SET note = CASE note WHEN '' THEN ?1 ELSE note || '; ' || ?1 END"
          " WHERE id = ?2",
          &s);
      if (!s.ok()) return s;
      int rc = note.Bind(1, source->note).Bind(2, into).Step();
      if (rc != SQLITE_DONE) return impl_->Error("merging entities", rc);
    }
    return Tidy(*impl_, from, into);
  });
}

Status Termbase::SetTermStatus(TermId term, TermStatus status) {
  Status s;
  Stmt stmt = impl_->Prepare("UPDATE terms SET status = ? WHERE id = ?", &s);
  if (!s.ok()) return s;
  int rc = stmt.Bind(1, ToString(status)).Bind(2, term).Step();
  if (rc != SQLITE_DONE) return impl_->Error("setting a term's status", rc);
  if (sqlite3_changes(impl_->db) == 0) return GetTerm(term).status();
  return Status::Ok();
}

Status Termbase::SetTermExample(TermId term, std::string_view example) {
  Status s;
  Stmt stmt = impl_->Prepare("UPDATE terms SET example = ? WHERE id = ?", &s);
  if (!s.ok()) return s;
  int rc = stmt.Bind(1, example).Bind(2, term).Step();
  if (rc != SQLITE_DONE) return impl_->Error("setting a term's example", rc);
  if (sqlite3_changes(impl_->db) == 0) return GetTerm(term).status();
  return Status::Ok();
}

Status Termbase::DeleteTerm(TermId term_id) {
  return InTransaction([&]() -> Status {
    Result<Term> term = GetTerm(term_id);
    if (!term.ok()) return term.status();
    Status s;
    {
      Stmt drop = impl_->Prepare("DELETE FROM terms WHERE id = ?", &s);
      if (!s.ok()) return s;
      int rc = drop.Bind(1, term_id).Step();
      if (rc != SQLITE_DONE) return impl_->Error("deleting a term", rc);
    }
    return Tidy(*impl_, term->entity, 0);
  });
}

Status Termbase::ForEachEntity(
    const std::function<Status(const Entity&, const std::vector<Term>&)>& fn,
    std::string_view lang) {
  // A statement of its own, not a cached one: `fn` may call back into the termbase.
  std::string sql = std::string("SELECT ") + kTermColumns +
                    ", (SELECT note FROM entities WHERE entities.id = entity_id),"
                    " (SELECT source FROM entities WHERE entities.id = entity_id),"
                    " (SELECT source_id FROM entities WHERE entities.id = entity_id) FROM terms" +
                    (lang.empty() ? std::string()
                                  : " WHERE entity_id IN (SELECT entity_id FROM terms"
                                    " WHERE lang = ?1)") +
                    " ORDER BY entity_id," + (kTermOrder + 9);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(impl_->db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return impl_->Error("listing entities");
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owner(raw, sqlite3_finalize);
  std::string primary = text::PrimaryLanguage(lang);
  if (!lang.empty())
    sqlite3_bind_text(raw, 1, primary.data(), static_cast<int>(primary.size()), SQLITE_TRANSIENT);
  Entity entity;
  std::vector<Term> terms;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    Stmt view(raw);
    Term term = Impl::ReadTerm(view);
    std::string note = view.Text(kTermColumnCount);
    std::string source = view.Text(kTermColumnCount + 1);
    std::string source_id = view.Text(kTermColumnCount + 2);
    view.Release();
    if (!terms.empty() && term.entity != entity.id) {
      if (Status s = fn(entity, terms); !s.ok()) return s;
      terms.clear();
    }
    entity = Entity{term.entity, note, source, source_id};
    terms.push_back(std::move(term));
  }
  if (rc != SQLITE_DONE) return impl_->Error("listing entities", rc);
  if (!terms.empty()) return fn(entity, terms);
  return Status::Ok();
}

}  // namespace termalign::glossary
