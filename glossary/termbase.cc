// Termbase: opening, transactions, entities and terms. Documents and proposals are in
// termbase_records.cc, lookup in termbase_lookup.cc.
#include "glossary/termbase.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "termbase_impl.h"
#include "text/atomic_file.h"

namespace termalign::glossary {

using text::ErrorCode;

std::string_view ToString(TermStatus status) {
  switch (status) {
    case TermStatus::kCandidate:
      return "candidate";
    case TermStatus::kApproved:
      return "approved";
    case TermStatus::kRejected:
      return "rejected";
  }
  return "candidate";
}

std::string_view ToString(TermOrigin origin) {
  switch (origin) {
    case TermOrigin::kExtracted:
      return "extracted";
    case TermOrigin::kAcronym:
      return "acronym";
    case TermOrigin::kLinked:
      return "linked";
    case TermOrigin::kManual:
      return "manual";
    case TermOrigin::kImported:
      return "imported";
  }
  return "manual";
}

bool ParseTermStatus(std::string_view word, TermStatus* status) {
  for (TermStatus s : {TermStatus::kCandidate, TermStatus::kApproved, TermStatus::kRejected}) {
    if (ToString(s) == word) {
      *status = s;
      return true;
    }
  }
  return false;
}

bool ParseTermOrigin(std::string_view word, TermOrigin* origin) {
  for (TermOrigin o : {TermOrigin::kExtracted, TermOrigin::kAcronym, TermOrigin::kLinked,
                       TermOrigin::kManual, TermOrigin::kImported}) {
    if (ToString(o) == word) {
      *origin = o;
      return true;
    }
  }
  return false;
}

std::string ContentHash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char out[40];
  std::snprintf(out, sizeof out, "%016llx-%llx", static_cast<unsigned long long>(hash),
                static_cast<unsigned long long>(bytes.size()));
  return out;
}

// ---- Impl ----

Termbase::Impl::~Impl() {
  for (auto& [sql, stmt] : statements) sqlite3_finalize(stmt);
  if (db != nullptr) sqlite3_close_v2(db);
}

Stmt Termbase::Impl::Prepare(std::string_view sql, Status* status) {
  auto found = statements.find(sql);
  if (found != statements.end()) return Stmt(found->second);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    *status = Error("preparing a query", rc);
    return Stmt(nullptr);
  }
  statements.emplace(std::string(sql), stmt);
  return Stmt(stmt);
}

Status Termbase::Impl::Exec(const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  if (message != nullptr) sqlite3_free(message);
  if (rc != SQLITE_OK) return Error("updating the termbase", rc);
  return Status::Ok();
}

Status Termbase::Impl::ExecCached(const std::string& sql) {
  Status status;
  Stmt stmt = Prepare(sql, &status);
  if (!status.ok()) return status;
  int rc = stmt.Step();
  if (rc != SQLITE_DONE) return Error("updating the termbase", rc);
  return Status::Ok();
}

Status Termbase::Impl::Error(std::string_view doing) const {
  return Error(doing, sqlite3_extended_errcode(db));
}

Status Termbase::Impl::Error(std::string_view doing, int rc) const {
  std::string why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    why = "the database is locked by another writer (waited " +
          std::to_string(options.busy_timeout_ms) + " ms); try again when it has finished";
  } else if ((rc & 0xff) == SQLITE_NOTADB) {
    why = "not a termbase (the file is not an SQLite database)";
  } else if ((rc & 0xff) == SQLITE_READONLY) {
    why = "the termbase is read-only";
  }
  return Status::Error(ErrorCode::kDatabase, std::string(doing) + ": " + path + ": " + why);
}

Status Termbase::Impl::StepError(std::string_view doing, int rc) const { return Error(doing, rc); }

Term Termbase::Impl::ReadTerm(const Stmt& stmt, int first) {
  Term term;
  term.id = stmt.Int(first);
  term.entity = stmt.Int(first + 1);
  term.text = stmt.Text(first + 2);
  term.lang = stmt.Text(first + 3);
  term.folded_key = stmt.Text(first + 4);
  term.stem_key = stmt.Text(first + 5);
  ParseTermStatus(stmt.Text(first + 6), &term.status);
  ParseTermOrigin(stmt.Text(first + 7), &term.origin);
  term.score = stmt.Double(first + 8);
  term.frequency = stmt.Int(first + 9);
  term.example = stmt.Text(first + 10);
  term.lang_tag = stmt.Text(first + 11);
  if (term.lang_tag.empty()) term.lang_tag = term.lang;
  ParseTermUsage(stmt.Text(first + 12), &term.usage);
  return term;
}

// ---- opening and transactions ----

namespace {

enum class ReadMode { kQueryOnly, kImmutable, kReadOnly };

// How a read-only command opens the termbase. SQLite reads a WAL database through a -shm index
// and a -wal file beside it, which a read-only connection creates and never removes. So:
//  - where this process may write, the connection is read-write but refuses writes (PRAGMA
//    query_only): as the last one to close it removes the -wal and -shm files;
//  - elsewhere, with no writer at work (no -wal file), the file is read as immutable: no locks,
//    no files created;
//  - else (a writer's -wal and -shm are there) it is opened read-only, reading through them.
ReadMode ChooseReadMode(const std::string& path) {
  std::size_t slash = path.rfind('/');
  std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  if (::access(folder.c_str(), W_OK) == 0 && ::access(path.c_str(), W_OK) == 0) {
    return ReadMode::kQueryOnly;
  }
  return ::access((path + "-wal").c_str(), F_OK) != 0 ? ReadMode::kImmutable : ReadMode::kReadOnly;
}

// "file:" URI of `path` for sqlite3_open_v2, every byte outside [A-Za-z0-9/._~-] escaped.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '~' || c == '-') {
      uri.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Termbase::Termbase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Termbase::~Termbase() = default;
const std::string& Termbase::path() const { return impl_->path; }

Result<std::unique_ptr<Termbase>> Termbase::Open(const std::string& path,
                                                 const OpenOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  struct stat info;
  bool exists = ::stat(path.c_str(), &info) == 0;
  if (!exists && (!options.create || options.read_only)) {
    return Status::Error(ErrorCode::kIo, "opening " + path +
                                             ": no termbase there (build one with 'termalign "
                                             "glossary build' or 'glossary add', or give --db)");
  }
  if (exists && S_ISDIR(info.st_mode)) {
    return Status::Error(ErrorCode::kIo, "opening " + path + ": is a folder, not a termbase");
  }
  if (exists && !S_ISREG(info.st_mode)) {
    return Status::Error(ErrorCode::kIo, "opening " + path +
                                             ": not a regular file; a termbase is a file of "
                                             "its own (give --db a file name)");
  }
  text::RecordInput(path, "the termbase");
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  std::string name = path;
  ReadMode read_mode = ReadMode::kQueryOnly;
  if (options.read_only) {
    read_mode = ChooseReadMode(path);
    flags = read_mode == ReadMode::kQueryOnly ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (read_mode == ReadMode::kImmutable) {
      name = ImmutableUri(path);
      flags |= SQLITE_OPEN_URI;
    }
  }
  // SQLite counts the memory it holds under a process-wide mutex at every allocation and free:
  // 3% of the CPU of a large build, for statistics nothing here reads (no heap limit is set).
  // Only possible before the library's first use, which is this call (a later call is refused,
  // harmlessly).
  static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemoryStatistics;
  int rc = sqlite3_open_v2(name.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return impl->Error("opening", rc);
  if (options.read_only && read_mode == ReadMode::kQueryOnly) {
    if (Status status = impl->Exec("PRAGMA query_only = ON"); !status.ok()) {
      return impl->Error("opening");
    }
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  // The first read tells a database from any other file.
  // A 64 MB page cache (the default is 2 MB) keeps the key indexes of a large termbase in
  // memory during a build.
  Status status = impl->Exec(
      "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; SELECT count(*) FROM sqlite_schema");
  if (!status.ok()) return impl->Error("opening");
  if (!options.read_only) {
    // WAL lets readers work while a build writes; NORMAL sync keeps every commit atomic
    // (a killed process loses nothing committed).
    // Statement journals in memory: a build's millions of inserts inside one transaction
    // otherwise write each one's journal pages to a temporary file.
    status = impl->Exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY");
    if (!status.ok()) return impl->Error("opening");
  }
  status = Migrate(*impl);
  if (!status.ok()) return status;
  return std::unique_ptr<Termbase>(new Termbase(std::move(impl)));
}

Status Termbase::InTransaction(const std::function<Status()>& fn) {
  Impl& impl = *impl_;
  if (impl.bulk && impl.transaction_depth > 0) {
    Status status = fn();
    if (!status.ok() && impl.bulk_failure.ok()) impl.bulk_failure = status;
    return status;
  }
  std::string savepoint = "sp" + std::to_string(impl.transaction_depth);
  // Savepoints open and close once per term an import or a build adds: their statements are
  // prepared once (sqlite3_exec would parse them every time).
  Status status = impl.transaction_depth == 0 ? impl.Exec("BEGIN IMMEDIATE")
                                              : impl.ExecCached("SAVEPOINT " + savepoint);
  if (!status.ok()) return impl.Error("starting a transaction");
  if (impl.transaction_depth++ == 0) ++impl.transaction_serial;
  status = fn();
  --impl.transaction_depth;
  if (impl.transaction_depth == 0) {
    if (status.ok()) {
      Status commit = impl.Exec("COMMIT");
      if (commit.ok()) return status;
      status = impl.Error("committing");
    }
    impl.Exec("ROLLBACK");
    impl.cache_changes = -1;  // the caches may hold what was rolled back
    return status;
  }
  if (status.ok()) return impl.ExecCached("RELEASE " + savepoint);
  impl.Exec(("ROLLBACK TO " + savepoint).c_str());
  impl.cache_changes = -1;
  impl.Exec(("RELEASE " + savepoint).c_str());
  return status;
}

Status Termbase::InReadTransaction(const std::function<Status()>& fn) {
  Impl& impl = *impl_;
  if (impl.transaction_depth > 0) return fn();
  if (!impl.Exec("BEGIN").ok()) return impl.Error("starting a transaction");
  ++impl.transaction_depth;
  ++impl.transaction_serial;
  Status status = fn();
  --impl.transaction_depth;
  if (status.ok()) {
    if (impl.Exec("COMMIT").ok()) return status;
    status = impl.Error("committing");
  }
  impl.Exec("ROLLBACK");
  impl.cache_changes = -1;
  return status;
}

namespace {

// The secondary indexes of terms and term_stems, as SQL that recreates them. Indexes behind a
// UNIQUE or PRIMARY KEY constraint have no SQL and are not listed: they stay.
Status TermIndexes(Termbase::Impl& impl, std::vector<std::pair<std::string, std::string>>* out) {
  Status status;
  Stmt stmt = impl.Prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND"
      " tbl_name IN ('terms', 'term_stems') ORDER BY name",
      &status);
  if (!status.ok()) return status;
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) out->emplace_back(stmt.Text(0), stmt.Text(1));
  if (rc != SQLITE_DONE) return impl.StepError("reading the schema", rc);
  return Status::Ok();
}

}  // namespace

Status Termbase::InBulkTransaction(const std::function<Status()>& fn, bool rebuild_term_indexes) {
  Impl& impl = *impl_;
  if (impl.transaction_depth > 0) return InTransaction(fn);
  impl.bulk = true;
  impl.bulk_failure = Status::Ok();
  // SQLite evaluates a CHECK of the form `status IN ('candidate', ...)` by building a table of
  // the list at every row written: three of them for each term added, most of the cost of the
  // insert. Everything this API writes is valid by construction (enum names, text checked
  // before it is written), so a bulk write, millions of rows, skips them. The flag expires the
  // prepared statements, which SQLite prepares again on their next use, with and then without
  // the checks.
  if (Status s = impl.Exec("PRAGMA ignore_check_constraints = ON"); !s.ok()) {
    impl.bulk = false;
    return s;
  }
  Status status = InTransaction([&]() -> Status {
    std::vector<std::pair<std::string, std::string>> indexes;
    if (rebuild_term_indexes) {
      if (Status s = TermIndexes(impl, &indexes); !s.ok()) return s;
      for (const auto& [name, sql] : indexes) {
        if (Status s = impl.Exec(("DROP INDEX \"" + name + "\"").c_str()); !s.ok()) return s;
      }
    }
    Status s = fn();
    if (s.ok()) s = impl.bulk_failure;
    // Built once from sorted keys, an index costs a fraction of a million random inserts.
    for (const auto& [name, sql] : indexes) {
      if (s.ok()) s = impl.Exec(sql.c_str());
    }
    return s;
  });
  impl.bulk = false;
  impl.bulk_failure = Status::Ok();
  Status restored = impl.Exec("PRAGMA ignore_check_constraints = OFF");
  return status.ok() ? restored : status;
}

// ---- entities ----

Result<EntityId> Termbase::AddEntity(std::string_view note) {
  Status status;
  Stmt stmt = impl_->Prepare("INSERT INTO entities(note) VALUES (?)", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, note).Step();
  if (rc != SQLITE_DONE) return impl_->Error("adding an entity", rc);
  return static_cast<EntityId>(sqlite3_last_insert_rowid(impl_->db));
}

Result<Entity> Termbase::GetEntity(EntityId id) {
  Status status;
  Stmt stmt =
      impl_->Prepare("SELECT id, note, source, source_id FROM entities WHERE id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, id).Step();
  if (rc == SQLITE_DONE) {
    return Status::Error(ErrorCode::kNotFound,
                         "no entity " + std::to_string(id) + " in " + impl_->path);
  }
  if (rc != SQLITE_ROW) return impl_->Error("reading an entity", rc);
  return Entity{stmt.Int(0), stmt.Text(1), stmt.Text(2), stmt.Text(3)};
}

Status Termbase::SetEntityNote(EntityId id, std::string_view note) {
  Status status;
  Stmt stmt = impl_->Prepare("UPDATE entities SET note = ? WHERE id = ?", &status);
  if (!status.ok()) return status;
  int rc = stmt.Bind(1, note).Bind(2, id).Step();
  if (rc != SQLITE_DONE) return impl_->Error("setting a note", rc);
  if (sqlite3_changes(impl_->db) == 0) return GetEntity(id).status();
  return Status::Ok();
}

}  // namespace termalign::glossary
