// Private to glossary/: the SQLite handle behind a Termbase, cached prepared statements and the
// key computation shared by storage and lookup.
#ifndef TERMALIGN_GLOSSARY_TERMBASE_IMPL_H_
#define TERMALIGN_GLOSSARY_TERMBASE_IMPL_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/termbase.h"
#include "term_matcher.h"

namespace termalign::glossary {

// A prepared statement from the cache: reset and unbound on destruction so the next user finds
// it clean. Binding indexes are 1-based, as in SQLite.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Stmt() {
    if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int index, std::string_view value) {
    // A default string_view has no data pointer, which SQLite would bind as NULL.
    sqlite3_bind_text(stmt_, index, value.data() != nullptr ? value.data() : "",
                      static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Stmt& Bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
  }
  Stmt& BindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const {
    const unsigned char* bytes = sqlite3_column_text(stmt_, column);
    return bytes == nullptr ? std::string()
                            : std::string(reinterpret_cast<const char*>(bytes),
                                          sqlite3_column_bytes(stmt_, column));
  }
  bool ok() const { return stmt_ != nullptr; }
  // Ready for the next set of bindings (a loop of inserts).
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  // Forgets the statement without resetting it (a view on a statement owned elsewhere).
  void Release() { stmt_ = nullptr; }

 private:
  sqlite3_stmt* stmt_;
};

// A word of a term or a sentence as the keys see it.
struct KeyToken {
  std::size_t begin = 0;  // byte offsets in the text tokenised
  std::size_t end = 0;
  std::string folded;              // FoldForMatch (Arabic: also without its article)
  std::vector<std::string> stems;  // never empty: the folded word when nothing better
};

// A word or number token of a text as the keys read it: without a fused conjunction or
// preposition of `lang` (Arabic), which moves `begin` past it.
struct KeyWord {
  std::size_t begin = 0;  // byte offsets in the text tokenised
  std::size_t end = 0;
  std::string_view word;  // the text's bytes [begin, end)
  bool is_word = false;   // a word (stems apply), not a number, URL or address
};

// The word and number tokens of `text` with their folded forms and stems (stems only when
// `with_stems`); tokens that fold to nothing are left out. KeyTokens is KeyWords, then
// FoldKeyWord on each (which a caller meeting the same words again can remember).
std::vector<KeyToken> KeyTokens(std::string_view text, std::string_view lang, bool with_stems);
std::vector<KeyWord> KeyWords(std::string_view text, std::string_view lang);
void FoldKeyWord(const KeyWord& word, std::string_view lang, bool with_stems, KeyToken* key);
// Folds `word` like text::FoldForMatch without ICU when every character is ASCII, a Latin-1
// letter, œ or ’; false (and *out unspecified) otherwise.
bool FastFold(std::string_view word, std::string* out);
// Joins tokens [first, last) folded forms / stem combinations the way FoldedKey/StemKeys do.
std::string JoinFolded(const std::vector<KeyToken>& tokens, std::size_t first, std::size_t last);
std::vector<std::string> JoinStems(const std::vector<KeyToken>& tokens, std::size_t first,
                                   std::size_t last, std::size_t max_keys);

struct Termbase::Impl {
  sqlite3* db = nullptr;
  std::string path;
  OpenOptions options;
  int transaction_depth = 0;
  // Counts outermost transactions: within one, other connections' commits are not seen, so
  // caches validated in it stay valid until this connection changes something.
  std::int64_t transaction_serial = 0;
  // Inside InBulkTransaction: nested transactions run without savepoints, and the first
  // failure among them is kept to roll the whole transaction back.
  bool bulk = false;
  Status bulk_failure;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements;
  // What lookups keep between calls, valid for the database state it was read in: total
  // changes made through this connection, and PRAGMA data_version for changes made by other
  // connections (ValidateCaches compares them and empties the caches).
  std::map<std::string, std::unique_ptr<TermMatcher>, std::less<>> matchers;  // FindInText's
  std::vector<std::string> term_langs;  // distinct languages of the terms, when read
  bool term_langs_read = false;
  std::int64_t cache_changes = -1;
  std::int64_t cache_data_version = -1;
  std::int64_t cache_serial = -1;  // the transaction the caches were last validated in, or -1

  ~Impl();

  // A cached prepared statement for `sql`; on a preparation error `*status` is set.
  Stmt Prepare(std::string_view sql, Status* status);
  // Runs SQL without results (schema, pragmas).
  Status Exec(const char* sql);
  // Runs one statement without results through the statement cache: for statements run often.
  Status ExecCached(const std::string& sql);
  // "<doing>: <path>: <sqlite message>" as a kDatabase status.
  Status Error(std::string_view doing) const;
  Status Error(std::string_view doing, int rc) const;
  // Status for a step that did not end with SQLITE_DONE or SQLITE_ROW.
  Status StepError(std::string_view doing, int rc) const;

  // Empties the caches above when the database changed since they were filled.
  Status ValidateCaches();

  // Reads a term from a statement whose columns are kTermColumns, starting at `first`.
  static Term ReadTerm(const Stmt& stmt, int first = 0);
  Status TermsWhere(std::string_view where_sql, const std::vector<std::string>& text_args,
                    std::int64_t int_arg, std::vector<Term>* out);
};

// The columns ReadTerm expects, in order (prefix-free: use with "FROM terms").
inline constexpr const char* kTermColumns =
    "id, entity_id, text, lang, folded_key, stem_key, status, origin, score, frequency, example,"
    " lang_tag, usage";
// How many columns kTermColumns has.
inline constexpr int kTermColumnCount = 13;

// Migrates the database to kSchemaVersion (schema.cc).
Status Migrate(Termbase::Impl& impl);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_TERMBASE_IMPL_H_
