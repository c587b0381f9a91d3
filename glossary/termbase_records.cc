// Termbase: documents, occurrences, proposals and counts.
#include <algorithm>
#include <span>
#include <tuple>
#include <unordered_set>

#include "glossary/termbase.h"
#include "termbase_impl.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

// Occurrence rows one insert statement writes at most: a statement per row cost as much as the
// row itself on a build writing millions of them. The rest of a batch goes in statements of the
// powers of two below it (32, 16, ... 1 rows), so n rows take n / kOccurrencesPerInsert + at
// most 6 statements; padding a short batch with repeats cost a full batch of index lookups for
// each of them.
constexpr std::size_t kOccurrencesPerInsert = 64;

// INSERT OR IGNORE of `rows` rows: term ?1, document ?2, sentence ?3, term ?4, ...
std::string OccurrenceInsert(std::size_t rows) {
  std::string text = "INSERT OR IGNORE INTO occurrences(term_id, document_id, sentence) VALUES ";
  for (std::size_t k = 0; k < rows; ++k) {
    text += (k == 0 ? "(?" : ", (?") + std::to_string(3 * k + 1) + ", ?" +
            std::to_string(3 * k + 2) + ", ?" + std::to_string(3 * k + 3) + ")";
  }
  return text;
}

// Inserts `rows` in order, repeats of rows already there ignored; adds the number inserted to
// `*added`.
Status InsertOccurrenceRows(Termbase::Impl& impl, std::span<const OccurrenceRow> rows,
                            std::int64_t* added) {
  // Statement k inserts 2^k rows.
  static const std::vector<std::string> sql = [] {
    std::vector<std::string> texts;
    for (std::size_t size = 1; size <= kOccurrencesPerInsert; size *= 2) {
      texts.push_back(OccurrenceInsert(size));
    }
    return texts;
  }();
  Status s;
  for (std::size_t first = 0; first < rows.size();) {
    std::size_t size = sql.size() - 1;
    while ((std::size_t{1} << size) > rows.size() - first) --size;
    const std::size_t count = std::size_t{1} << size;
    Stmt insert = impl.Prepare(sql[size], &s);
    if (!s.ok()) return s;
    for (std::size_t k = 0; k < count; ++k, ++first) {
      insert.Bind(static_cast<int>(3 * k + 1), rows[first].term);
      insert.Bind(static_cast<int>(3 * k + 2), rows[first].document);
      insert.Bind(static_cast<int>(3 * k + 3), rows[first].sentence);
    }
    int rc = insert.Step();
    if (rc != SQLITE_DONE) return impl.Error("recording an occurrence", rc);
    *added += sqlite3_changes(impl.db);
  }
  return Status::Ok();
}

Status AddToFrequency(Termbase::Impl& impl, TermId term, std::int64_t added) {
  if (added == 0) return Status::Ok();
  Status s;
  Stmt count = impl.Prepare("UPDATE terms SET frequency = frequency + ? WHERE id = ?", &s);
  if (!s.ok()) return s;
  int rc = count.Bind(1, added).Bind(2, term).Step();
  return rc == SQLITE_DONE ? Status::Ok() : impl.Error("recording an occurrence", rc);
}

// `places` sorted, without repeats.
void SortPlaces(Termbase::TermPlaces* places) {
  std::sort(places->begin(), places->end());
  places->erase(std::unique(places->begin(), places->end()), places->end());
}

constexpr const char* kProposalColumns =
    "id, kind, term_id, entity_id, coalesce(via_term_id, 0), score, method, cooccurrences,"
    " term_count, other_count, example_source, example_target, status";

Proposal ReadProposal(const Stmt& stmt) {
  Proposal p;
  p.id = stmt.Int(0);
  p.kind = stmt.Text(1) == "link" ? ProposalKind::kLink : ProposalKind::kPair;
  p.term = stmt.Int(2);
  p.entity = stmt.Int(3);
  p.via_term = stmt.Int(4);
  p.score = stmt.Double(5);
  p.method = stmt.Text(6);
  p.cooccurrences = stmt.Int(7);
  p.term_count = stmt.Int(8);
  p.other_count = stmt.Int(9);
  p.example_source = stmt.Text(10);
  p.example_target = stmt.Text(11);
  std::string status = stmt.Text(12);
  p.status = status == "accepted"   ? ProposalStatus::kAccepted
             : status == "rejected" ? ProposalStatus::kRejected
                                    : ProposalStatus::kPending;
  return p;
}

}  // namespace

std::string_view ToString(ProposalKind kind) {
  return kind == ProposalKind::kLink ? "link" : "pair";
}

std::string_view ToString(ProposalStatus status) {
  switch (status) {
    case ProposalStatus::kPending:
      return "pending";
    case ProposalStatus::kAccepted:
      return "accepted";
    case ProposalStatus::kRejected:
      return "rejected";
  }
  return "pending";
}

std::string_view ToString(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kFolded:
      return "folded";
    case MatchKind::kStem:
      return "stem";
  }
  return "exact";
}

Result<DocumentId> Termbase::AddDocument(const DocumentRecord& document, bool* inserted) {
  Status status;
  {
    Stmt find = impl_->Prepare("SELECT id FROM documents WHERE content_hash = ?", &status);
    if (!status.ok()) return status;
    int rc = find.Bind(1, document.content_hash).Step();
    if (rc == SQLITE_ROW) {
      if (inserted != nullptr) *inserted = false;
      return find.Int(0);
    }
    if (rc != SQLITE_DONE) return impl_->Error("adding a document", rc);
  }
  Stmt insert =
      impl_->Prepare("INSERT INTO documents(name, lang, content_hash) VALUES (?, ?, ?)", &status);
  if (!status.ok()) return status;
  int rc =
      insert.Bind(1, document.name).Bind(2, document.lang).Bind(3, document.content_hash).Step();
  if (rc != SQLITE_DONE) return impl_->Error("adding document " + document.name, rc);
  if (inserted != nullptr) *inserted = true;
  return static_cast<DocumentId>(sqlite3_last_insert_rowid(impl_->db));
}

Status Termbase::AddOccurrence(TermId term, DocumentId document, std::int64_t sentence) {
  return AddOccurrences(term, document, {sentence});
}

Status Termbase::AddOccurrences(TermId term, DocumentId document,
                                std::vector<std::int64_t> sentences) {
  std::vector<std::pair<DocumentId, std::int64_t>> places;
  places.reserve(sentences.size());
  for (std::int64_t sentence : sentences) places.emplace_back(document, sentence);
  return AddTermOccurrences(term, std::move(places));
}

Status Termbase::AddTermOccurrences(TermId term,
                                    std::vector<std::pair<DocumentId, std::int64_t>> places) {
  // In (document, sentence) order the inserts append to the primary key's pages.
  SortPlaces(&places);
  if (places.empty()) return Status::Ok();
  std::vector<OccurrenceRow> rows;
  rows.reserve(places.size());
  for (const auto& [document, sentence] : places) rows.push_back({term, document, sentence});
  return InTransaction([&]() -> Status {
    std::int64_t added = 0;
    if (Status s = InsertOccurrenceRows(*impl_, rows, &added); !s.ok()) return s;
    return AddToFrequency(*impl_, term, added);
  });
}

Status Termbase::AddOccurrenceRows(std::vector<OccurrenceRow> rows) {
  std::sort(rows.begin(), rows.end(), [](const OccurrenceRow& a, const OccurrenceRow& b) {
    return std::tie(a.term, a.document, a.sentence) < std::tie(b.term, b.document, b.sentence);
  });
  std::size_t k = 0;
  return AddOccurrencesByTerm(static_cast<std::int64_t>(rows.size()),
                              [&](TermId* term, TermPlaces* places) {
                                if (k == rows.size()) return false;
                                *term = rows[k].term;
                                places->clear();
                                for (; k < rows.size() && rows[k].term == *term; ++k) {
                                  places->emplace_back(rows[k].document, rows[k].sentence);
                                }
                                return true;
                              });
}

Status Termbase::AddOccurrencesByTerm(std::int64_t rows,
                                      const std::function<bool(TermId*, TermPlaces*)>& next) {
  return InTransaction([&]() -> Status {
    Status s;
    // Rows come term by term, so the index by document takes each at a random place: once it
    // outgrows the page cache, every insert reads and writes a page of it (a build of 1M aligned
    // pairs writes some 40M rows). Built once from sorted keys, it costs a fraction of that.
    std::string index_sql;
    std::int64_t existing_rows = 0;
    {
      Stmt existing = impl_->Prepare("SELECT count(*) FROM occurrences", &s);
      if (!s.ok()) return s;
      if (existing.Step() != SQLITE_ROW) return impl_->Error("counting occurrences");
      existing_rows = existing.Int(0);
      if (rows > existing_rows) {
        Stmt schema = impl_->Prepare(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = "
            "'occurrences_by_document'",
            &s);
        if (!s.ok()) return s;
        if (schema.Step() == SQLITE_ROW) index_sql = schema.Text(0);
      }
    }
    if (!index_sql.empty()) {
      if (Status dropped = impl_->Exec("DROP INDEX occurrences_by_document"); !dropped.ok()) {
        return dropped;
      }
    }
    // Into a table that was empty, a term's rows can repeat no row but its own, and those only
    // when the term comes again: the rows of terms that come once go in statements shared by
    // many terms (most terms have fewer occurrences than a statement takes, and a statement
    // costs as much as some 25 rows), each row counted as added. A term that comes again, and
    // every term when the table held rows, goes alone and counts what SQLite inserted.
    const bool was_empty = existing_rows == 0;
    std::unordered_set<TermId> seen;
    std::vector<OccurrenceRow> batch;
    // Writes the batch's full statements, or all of it; the rows written are new by the above.
    auto flush = [&](bool all) -> Status {
      const std::size_t count =
          all ? batch.size() : batch.size() / kOccurrencesPerInsert * kOccurrencesPerInsert;
      std::int64_t inserted = 0;
      if (Status s = InsertOccurrenceRows(*impl_, std::span(batch).first(count), &inserted);
          !s.ok()) {
        return s;
      }
      if (inserted != static_cast<std::int64_t>(count)) {
        return Status::Error(ErrorCode::kInternal,
                             "recording occurrences in " + impl_->path + ": " +
                                 std::to_string(inserted) + " of " + std::to_string(count) +
                                 " new rows inserted");
      }
      batch.erase(batch.begin(), batch.begin() + static_cast<std::ptrdiff_t>(count));
      return Status::Ok();
    };
    TermId term = 0;
    TermPlaces places;
    while (next(&term, &places)) {
      if (!was_empty || !seen.insert(term).second) {
        if (Status s = flush(/*all=*/true); !s.ok()) return s;
        if (Status s = AddTermOccurrences(term, std::move(places)); !s.ok()) return s;
        places = TermPlaces();
        continue;
      }
      SortPlaces(&places);
      for (const auto& [document, sentence] : places) batch.push_back({term, document, sentence});
      const auto added = static_cast<std::int64_t>(places.size());
      if (Status s = AddToFrequency(*impl_, term, added); !s.ok()) return s;
      if (batch.size() >= kOccurrencesPerInsert) {
        if (Status s = flush(/*all=*/false); !s.ok()) return s;
      }
    }
    if (Status s = flush(/*all=*/true); !s.ok()) return s;
    return index_sql.empty() ? Status::Ok() : impl_->Exec(index_sql.c_str());
  });
}

Result<bool> Termbase::HoldsRejections() {
  Status status;
  Stmt stmt = impl_->Prepare(
      "SELECT EXISTS (SELECT 1 FROM terms WHERE status = 'rejected')"
      " OR EXISTS (SELECT 1 FROM proposals WHERE status = 'rejected')",
      &status);
  if (!status.ok()) return status;
  if (stmt.Step() != SQLITE_ROW) return impl_->Error("looking for rejections");
  return stmt.Int(0) != 0;
}

Result<std::vector<DocumentRecord>> Termbase::Documents() {
  Status status;
  Stmt stmt =
      impl_->Prepare("SELECT id, name, lang, content_hash FROM documents ORDER BY id", &status);
  if (!status.ok()) return status;
  std::vector<DocumentRecord> documents;
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    documents.push_back({stmt.Int(0), stmt.Text(1), stmt.Text(2), stmt.Text(3)});
  }
  if (rc != SQLITE_DONE) return impl_->Error("listing documents", rc);
  return documents;
}

Result<ProposalId> Termbase::Propose(const Proposal& p) {
  // A proposal whose term is already in its entity names a pair already joined: accepted.
  auto term = GetTerm(p.term);
  if (!term.ok()) return term.status();
  const bool joined = term->entity == p.entity;
  Status status;
  Stmt stmt = impl_->Prepare(
      "INSERT INTO proposals(kind, term_id, entity_id, via_term_id, score, method,"
      " cooccurrences, term_count, other_count, example_source, example_target, status)"
      " VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
      " ON CONFLICT (kind, term_id, entity_id) DO UPDATE SET via_term_id = excluded.via_term_id,"
      " status = CASE WHEN status = 'pending' THEN excluded.status ELSE status END,"
      " score = excluded.score, method = excluded.method,"
      " cooccurrences = excluded.cooccurrences, term_count = excluded.term_count,"
      " other_count = excluded.other_count, example_source = excluded.example_source,"
      " example_target = excluded.example_target RETURNING id",
      &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, ToString(p.kind))
               .Bind(2, p.term)
               .Bind(3, p.entity)
               .Bind(4, p.via_term)
               .Bind(5, p.score)
               .Bind(6, p.method)
               .Bind(7, p.cooccurrences)
               .Bind(8, p.term_count)
               .Bind(9, p.other_count)
               .Bind(10, p.example_source)
               .Bind(11, p.example_target)
               .Bind(12, joined ? "accepted" : "pending")
               .Step();
  if (rc != SQLITE_ROW) return impl_->Error("recording a proposal", rc);
  ProposalId id = stmt.Int(0);
  rc = stmt.Step();
  if (rc != SQLITE_DONE) return impl_->Error("recording a proposal", rc);
  return id;
}

Result<std::vector<Proposal>> Termbase::Proposals(const ProposalFilter& filter) {
  Status status;
  Stmt stmt =
      impl_->Prepare(std::string("SELECT ") + kProposalColumns +
                         " FROM proposals WHERE status = ?1"
                         " AND (?2 = '' OR (SELECT lang FROM terms WHERE terms.id = term_id) = ?2)"
                         " AND (?3 = 0 OR term_id = ?3) AND (?4 = 0 OR entity_id = ?4)"
                         " ORDER BY score DESC, id LIMIT ?5",
                     &status);
  if (!status.ok()) return status;
  stmt.Bind(1, ToString(filter.status))
      .Bind(2, filter.lang)
      .Bind(3, filter.term)
      .Bind(4, filter.entity)
      .Bind(5, filter.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(filter.limit));
  std::vector<Proposal> proposals;
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) proposals.push_back(ReadProposal(stmt));
  if (rc != SQLITE_DONE) return impl_->Error("listing proposals", rc);
  return proposals;
}

Result<Proposal> Termbase::GetProposal(ProposalId id) {
  Status status;
  Stmt stmt = impl_->Prepare(
      std::string("SELECT ") + kProposalColumns + " FROM proposals WHERE id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, id).Step();
  if (rc == SQLITE_DONE) {
    return Status::Error(ErrorCode::kNotFound,
                         "no proposal " + std::to_string(id) + " in " + impl_->path);
  }
  if (rc != SQLITE_ROW) return impl_->Error("reading a proposal", rc);
  return ReadProposal(stmt);
}

Status Termbase::AcceptProposal(ProposalId id) {
  return InTransaction([&]() -> Status {
    Result<Proposal> proposal = GetProposal(id);
    if (!proposal.ok()) return proposal.status();
    Result<Term> term = GetTerm(proposal->term);
    if (!term.ok()) return term.status();
    if (Status s = Merge(term->entity, proposal->entity); !s.ok()) return s;
    // The term may have been folded into an equal term of the target entity.
    Result<std::vector<Term>> named = FindTerms(term->text, term->lang, MatchKind::kExact);
    if (!named.ok()) return named.status();
    for (const Term& t : *named) {
      if (t.entity != proposal->entity) continue;
      if (Status s = SetTermStatus(t.id, TermStatus::kApproved); !s.ok()) return s;
    }
    Status s;
    Stmt mark = impl_->Prepare(
        "UPDATE proposals SET status = CASE id WHEN ?1 THEN 'accepted' ELSE 'rejected' END"
        " WHERE id = ?1 OR (term_id = ?2 AND status = 'pending')",
        &s);
    if (!s.ok()) return s;
    int rc = mark.Bind(1, id).Bind(2, proposal->term).Step();
    return rc == SQLITE_DONE ? Status::Ok() : impl_->Error("accepting a proposal", rc);
  });
}

Status Termbase::RejectProposal(ProposalId id) {
  Status s;
  Stmt mark = impl_->Prepare("UPDATE proposals SET status = 'rejected' WHERE id = ?", &s);
  if (!s.ok()) return s;
  int rc = mark.Bind(1, id).Step();
  if (rc != SQLITE_DONE) return impl_->Error("rejecting a proposal", rc);
  if (sqlite3_changes(impl_->db) == 0) return GetProposal(id).status();
  return Status::Ok();
}

Result<TermbaseStats> Termbase::Stats() {
  Status status;
  Stmt stmt = impl_->Prepare(
      "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM terms),"
      " (SELECT count(*) FROM documents), (SELECT count(*) FROM occurrences),"
      " (SELECT count(*) FROM proposals WHERE status = 'pending')",
      &status);
  if (!status.ok()) return status;
  int rc = stmt.Step();
  if (rc != SQLITE_ROW) return impl_->Error("counting", rc);
  TermbaseStats stats;
  stats.entities = stmt.Int(0);
  stats.terms = stmt.Int(1);
  stats.documents = stmt.Int(2);
  stats.occurrences = stmt.Int(3);
  stats.pending_proposals = stmt.Int(4);
  return stats;
}

}  // namespace termalign::glossary
