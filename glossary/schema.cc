// The termbase schema and its migrations. The version lives in PRAGMA user_version; each step
// moves the database from version N to N+1 inside the caller's transaction.
#include <string>

#include "termbase_impl.h"

namespace termalign::glossary {
namespace {

// Version 0 -> 1: the first schema. Status and origin are stored as words so that the file
// reads well in the sqlite3 shell; CHECK constraints keep them valid.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  note TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  text TEXT NOT NULL CHECK (text <> ''),
  lang TEXT NOT NULL CHECK (lang <> ''),
  folded_key TEXT NOT NULL,
  stem_key TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'candidate'
    CHECK (status IN ('candidate', 'approved', 'rejected')),
  origin TEXT NOT NULL DEFAULT 'manual'
    CHECK (origin IN ('extracted', 'acronym', 'linked', 'manual', 'imported')),
  score REAL NOT NULL DEFAULT 0,
  frequency INTEGER NOT NULL DEFAULT 0,
  example TEXT NOT NULL DEFAULT '',
  UNIQUE (entity_id, lang, text)
);
CREATE INDEX terms_by_text ON terms(text, lang);
CREATE INDEX terms_by_folded ON terms(folded_key, lang);
CREATE INDEX terms_by_word_count ON terms(word_count);
CREATE TABLE term_stems (
  stem_key TEXT NOT NULL,
  term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
  PRIMARY KEY (stem_key, term_id)
) WITHOUT ROWID;
CREATE INDEX term_stems_by_term ON term_stems(term_id);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  lang TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE occurrences (
  term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (term_id, document_id, sentence)
) WITHOUT ROWID;
CREATE INDEX occurrences_by_document ON occurrences(document_id);
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pair', 'link')),
  term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  via_term_id INTEGER REFERENCES terms(id) ON DELETE SET NULL,
  score REAL NOT NULL DEFAULT 0,
  method TEXT NOT NULL DEFAULT '',
  cooccurrences INTEGER NOT NULL DEFAULT 0,
  term_count INTEGER NOT NULL DEFAULT 0,
  other_count INTEGER NOT NULL DEFAULT 0,
  example_source TEXT NOT NULL DEFAULT '',
  example_target TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  UNIQUE (kind, term_id, entity_id)
);
CREATE INDEX proposals_by_status ON proposals(status, score);
CREATE INDEX proposals_by_entity ON proposals(entity_id);
CREATE INDEX proposals_by_via ON proposals(via_term_id);
)sql";

// Version 1 -> 2: what a terminologist's termbase carries besides terms. An entity remembers
// the file and entry id it was imported from (re-importing that file updates it); a term keeps
// its full language tag ("fr-CA"; `lang` stays the primary language every key is computed in)
// and its normative usage (TBX administrative status); data categories (definition, subject
// field, context, part of speech, transactions, ... at concept, language or term level) are
// kept as read, to be written back unchanged.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE entities ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX entities_by_source ON entities(source, source_id) WHERE source_id <> '';
ALTER TABLE terms ADD COLUMN lang_tag TEXT NOT NULL DEFAULT '';
ALTER TABLE terms ADD COLUMN usage TEXT NOT NULL DEFAULT ''
  CHECK (usage IN ('', 'preferred', 'admitted', 'deprecated', 'superseded'));
CREATE TABLE data_categories (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  lang TEXT NOT NULL DEFAULT '',
  term_id INTEGER REFERENCES terms(id) ON DELETE CASCADE,
  element TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL DEFAULT '',
  xml TEXT NOT NULL DEFAULT ''
);
CREATE INDEX data_categories_by_entity ON data_categories(entity_id);
CREATE INDEX data_categories_by_term ON data_categories(term_id);
)sql";

Status UserVersion(Termbase::Impl& impl, int* version) {
  Status status;
  Stmt stmt = impl.Prepare("PRAGMA user_version", &status);
  if (!status.ok()) return status;
  int rc = stmt.Step();
  if (rc != SQLITE_ROW) return impl.StepError("reading the schema version", rc);
  *version = static_cast<int>(stmt.Int(0));
  return Status::Ok();
}

Status CountTables(Termbase::Impl& impl, int* tables) {
  Status status;
  Stmt stmt = impl.Prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", &status);
  if (!status.ok()) return status;
  int rc = stmt.Step();
  if (rc != SQLITE_ROW) return impl.StepError("reading the schema", rc);
  *tables = static_cast<int>(stmt.Int(0));
  return Status::Ok();
}

Status Foreign(const Termbase::Impl& impl) {
  return Status::Error(text::ErrorCode::kDatabase,
                       "opening " + impl.path +
                           ": an SQLite database that is not a termalign termbase");
}

Status CheckVersion(Termbase::Impl& impl, int version) {
  // termalign writes versions 1 to kSchemaVersion (0: a new file); any other user_version was
  // set by another program.
  if (version < 0) return Foreign(impl);
  if (version > kSchemaVersion) {
    return Status::Error(text::ErrorCode::kDatabase,
                         "opening " + impl.path + ": the termbase has schema version " +
                             std::to_string(version) + ", newer than this termalign reads (" +
                             std::to_string(kSchemaVersion) + "); use a newer termalign");
  }
  return Status::Ok();
}

}  // namespace

Status Migrate(Termbase::Impl& impl) {
  int version = 0;
  if (Status status = UserVersion(impl, &version); !status.ok()) return status;
  if (Status status = CheckVersion(impl, version); !status.ok()) return status;
  if (version == kSchemaVersion) return Status::Ok();
  if (impl.options.read_only && version == 0) {
    // Version 0 is a file termalign has not set up: empty or another program's.
    int tables = 0;
    if (Status status = CountTables(impl, &tables); !status.ok()) return status;
    return tables > 0 ? Foreign(impl)
                      : Status::Error(text::ErrorCode::kDatabase,
                                      "opening " + impl.path +
                                          ": an empty SQLite database, not a termbase yet");
  }
  if (impl.options.read_only) {
    return Status::Error(text::ErrorCode::kDatabase,
                         "opening " + impl.path + ": the termbase has schema version " +
                             std::to_string(version) + " and needs an upgrade to " +
                             std::to_string(kSchemaVersion) +
                             "; open it once for writing (any glossary command)");
  }
  if (Status status = impl.Exec("BEGIN IMMEDIATE"); !status.ok()) {
    return status.WithContext("upgrading the schema");
  }
  // Read again under the write lock: another process may have migrated meanwhile.
  Status status = UserVersion(impl, &version);
  if (status.ok()) status = CheckVersion(impl, version);
  if (status.ok() && version == 0) {
    int tables = 0;
    status = CountTables(impl, &tables);
    if (status.ok() && tables > 0) status = Foreign(impl);
    if (status.ok()) status = impl.Exec(kSchemaV1);
    if (status.ok()) version = 1;
  }
  if (status.ok() && version == 1) {
    status = impl.Exec(kSchemaV2);
    if (status.ok()) version = 2;
  }
  if (status.ok()) {
    status = impl.Exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
  }
  if (!status.ok()) {
    impl.Exec("ROLLBACK");
    return status;
  }
  return impl.Exec("COMMIT");
}

}  // namespace termalign::glossary
