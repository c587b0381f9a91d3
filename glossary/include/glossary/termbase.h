// The termbase: entities (concepts), the terms that name them, where they occur, and the
// proposals that term pairing and linking leave for a person to decide.
#ifndef TERMALIGN_GLOSSARY_TERMBASE_H_
#define TERMALIGN_GLOSSARY_TERMBASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/status.h"

namespace termalign::glossary {

using text::Result;
using text::Status;

using EntityId = std::int64_t;
using TermId = std::int64_t;
using DocumentId = std::int64_t;
using ProposalId = std::int64_t;

// The schema version this build writes and reads (kept in PRAGMA user_version).
inline constexpr int kSchemaVersion = 2;

enum class TermStatus { kCandidate, kApproved, kRejected };
enum class TermOrigin { kExtracted, kAcronym, kLinked, kManual, kImported };
// A term's normative usage, as a termbase's administrative status records it (TBX
// administrativeStatus, normativeAuthorization); kNone when nobody said. Deprecated and
// superseded terms are kept, shown and exported: they are the terms a translation must not use.
enum class TermUsage { kNone, kPreferred, kAdmitted, kDeprecated, kSuperseded };

// "candidate", "approved", ... and back; Parse* return false on an unknown word.
std::string_view ToString(TermStatus status);
std::string_view ToString(TermOrigin origin);
bool ParseTermStatus(std::string_view word, TermStatus* status);
bool ParseTermOrigin(std::string_view word, TermOrigin* origin);
std::string_view ToString(TermUsage usage);  // "" for kNone
bool ParseTermUsage(std::string_view word, TermUsage* usage);
// True for the usages a translation must avoid (deprecated, superseded).
inline bool Forbidden(TermUsage usage) {
  return usage == TermUsage::kDeprecated || usage == TermUsage::kSuperseded;
}

// An Entity is one concept. It exists while at least one term names it (Merge and Link delete
// entities left without terms).
struct Entity {
  EntityId id = 0;
  std::string note;  // free text from a person; may be empty
  // Where an imported concept came from: the file's name and the entry's id in it ("" when it
  // was built or added by hand). Importing that file again updates this entity.
  std::string source;
  std::string source_id;
};

// One data category of a concept, a language section or a term, as a termbase file gave it
// (definition, subject field, context, part of speech, term type, transactions, cross-
// references, and any kind this build does not know). It is stored as read and written back
// unchanged, so a round trip through termalign loses nothing.
struct DataCategory {
  std::int64_t id = 0;
  EntityId entity = 0;
  std::string lang;     // set at language-section level; "" at concept level
  TermId term = 0;      // set at term level; 0 otherwise
  std::string element;  // "descrip", "termNote", "admin", "note", "transacGrp", "xref", ...
  std::string type;     // its type attribute ("definition", "subjectField"); "" when none
  std::string value;    // its text, white space collapsed
  std::string xml;      // the element as read, without namespace declarations
};

// A term a translation copies unchanged (an identifier, an option, a placeholder, a command)
// carries this term-level category: TBX termNote type="translationNote" with the value "no",
// which CAT tools read as an untranslatable term. Stored and exported like any category, so a
// TBX round trip keeps it.
DataCategory DoNotTranslateNote(EntityId entity, TermId term);
// True when `category` is a DoNotTranslateNote (of any term).
bool IsDoNotTranslate(const DataCategory& category);
// True when `categories` (of the term's entity) mark term `term` as not to be translated.
bool IsDoNotTranslate(const std::vector<DataCategory>& categories, TermId term);

// A Term is a string in one language attached to exactly one entity. (lang, text) is unique per
// entity; the same text may name two entities (homonyms).
struct Term {
  TermId id = 0;
  EntityId entity = 0;
  std::string text;        // as written, NFC UTF-8
  std::string lang;        // BCP 47 primary language: "en", "fr", "ar"
  std::string lang_tag;    // the full tag as given, canonical case ("fr-CA"); else == lang
  std::string folded_key;  // FoldedKey(text, lang)
  std::string stem_key;    // StemKeys(text, lang).front()
  TermStatus status = TermStatus::kCandidate;
  TermOrigin origin = TermOrigin::kManual;
  double score = 0.0;          // the extractor's confidence, higher is better; 0 for manual
  std::int64_t frequency = 0;  // occurrences recorded (AddOccurrence) plus any initial count
  std::string example;         // one sentence it occurs in; may be empty
  TermUsage usage = TermUsage::kNone;
};

// What a caller gives to create a term; the keys are computed by the termbase.
struct TermInput {
  std::string text;
  std::string lang;  // any BCP 47 tag; the region is kept ("pt-BR")
  TermStatus status = TermStatus::kCandidate;
  TermUsage usage = TermUsage::kNone;
  TermOrigin origin = TermOrigin::kManual;
  double score = 0.0;
  std::int64_t frequency = 0;
  std::string example;
};

// A document the termbase has learnt from. The content hash makes a second import of the same
// bytes a no-op.
struct DocumentRecord {
  DocumentId id = 0;
  std::string name;
  std::string lang;
  std::string content_hash;  // ContentHash() of the file's bytes
};

// One occurrence: `term` in sentence `sentence` (0-based) of `document`.
struct OccurrenceRow {
  TermId term = 0;
  DocumentId document = 0;
  std::int64_t sentence = 0;
};

// ContentHash(bytes): a stable hex digest of the bytes (64-bit FNV-1a plus the length).
std::string ContentHash(std::string_view bytes);

enum class ProposalKind {
  kPair,  // `term` translates `via_term`, a term of `entity` in another language (bilingual text)
  kLink,  // `term` (often Arabic, from a monolingual document) names `entity`
};
enum class ProposalStatus { kPending, kAccepted, kRejected };
std::string_view ToString(ProposalKind kind);
std::string_view ToString(ProposalStatus status);

// A Proposal says "term `term` names entity `entity`", with the evidence for it. Accepting it
// merges the term's entity into `entity`. (kind, term, entity) is unique: proposing it again
// replaces the evidence and keeps the status.
struct Proposal {
  ProposalId id = 0;
  ProposalKind kind = ProposalKind::kPair;
  TermId term = 0;
  EntityId entity = 0;
  TermId via_term = 0;             // the term of `entity` it was paired with; 0 when none
  double score = 0.0;              // higher is better; comparable within one method
  std::string method;              // "logdice", "align", "dictionary", "cognate", "skeleton", ...
  std::int64_t cooccurrences = 0;  // aligned pairs holding both sides
  std::int64_t term_count = 0;     // aligned pairs (or sentences) holding `term`
  std::int64_t other_count = 0;    // aligned pairs holding `via_term` (0 when none)
  std::string example_source;      // one example sentence holding `term`
  std::string example_target;      // its aligned sentence (empty for monolingual links)
  ProposalStatus status = ProposalStatus::kPending;
};

// Which proposals Proposals() lists, best score first.
struct ProposalFilter {
  ProposalStatus status = ProposalStatus::kPending;
  std::string lang;       // the proposed term's language; empty for all
  TermId term = 0;        // only proposals for this term; 0 for all
  EntityId entity = 0;    // only proposals towards this entity; 0 for all
  std::size_t limit = 0;  // 0 for no limit
};

// How a lookup matched. Values are ordered from strictest to loosest.
enum class MatchKind {
  kExact,   // same text
  kFolded,  // same after case, accent, Arabic letter-variant and article folding
  kStem,    // same Hunspell stems word by word ("ministères" -> "ministère")
};
std::string_view ToString(MatchKind kind);

// One entity found by Lookup(), with every term that names it.
struct EntityMatch {
  Entity entity;
  MatchKind how = MatchKind::kExact;  // the best way the query matched one of its terms
  TermId matched_term = 0;
  std::vector<Term> terms;  // all its terms, by language then approved first, then frequency
};

struct LookupOptions {
  std::string lang;               // only match terms of this language; empty for any
  bool include_rejected = false;  // rejected terms neither match nor show
  std::size_t limit = 20;         // entities at most
};

// One known term found in a sentence by FindInText().
struct TextMatch {
  std::size_t begin = 0;  // byte offsets into the sentence given
  std::size_t end = 0;
  TermId term = 0;
  EntityId entity = 0;
  MatchKind how = MatchKind::kExact;
  bool nested = false;  // lies inside a longer match of another term
};

// Counts for `glossary stats` and tests.
struct TermbaseStats {
  std::int64_t entities = 0, terms = 0, documents = 0, occurrences = 0, pending_proposals = 0;
};

struct OpenOptions {
  bool create = true;          // create the file when missing (false: kIo when missing)
  // Open read-only: never migrates, never writes, leaves no -wal or -shm file behind. Where
  // the folder or file cannot be written and no writer is at work, the file is read as it is
  // (SQLite's immutable mode), and a writer that starts meanwhile may go unseen.
  bool read_only = false;
  int busy_timeout_ms = 5000;  // how long a writer waits for another writer before failing
};

// A Termbase is a SQLite file of entities and the terms that name them.
// Invariants: every term belongs to one existing entity; folded and stem keys always match the
// term's text; the schema is at kSchemaVersion. One Termbase object is used by one thread at a
// time; open one per thread (readers work while another process writes, thanks to WAL).
// Every error message names the database file. Text arguments are bound as SQL parameters:
// any string, "'; DROP TABLE terms; --" included, is just text.
class Termbase {
 public:
  // Opens or creates the termbase at `path`, migrating an older schema in one transaction.
  // Errors (kDatabase): not a database file, a schema newer than kSchemaVersion, locked past the
  // busy timeout; kIo when the file is missing and !options.create or read_only.
  static Result<std::unique_ptr<Termbase>> Open(const std::string& path,
                                                const OpenOptions& options = {});
  ~Termbase();
  Termbase(const Termbase&) = delete;
  Termbase& operator=(const Termbase&) = delete;

  const std::string& path() const;

  // Runs `fn` in one transaction (BEGIN IMMEDIATE, or a savepoint when already inside one):
  // committed when `fn` returns ok, rolled back otherwise; the status of `fn` is returned.
  // A second writer waits up to the busy timeout, then fails with "database is locked".
  // Every write below is atomic on its own; use this to group them (one document, one import).
  Status InTransaction(const std::function<Status()>& fn);
  // Runs `fn` with every read in one snapshot (BEGIN DEFERRED ... COMMIT, or `fn` alone inside
  // another transaction): commits by other connections meanwhile are not seen, so lookups check
  // once, not at every call, whether their in-memory caches are still valid. For reading: a
  // write inside fails with "database is locked" when another connection has written since
  // the snapshot began. The status of `fn` is returned.
  Status InReadTransaction(const std::function<Status()>& fn);
  // InTransaction for bulk writes that are all or nothing (an import): the writes inside open
  // no savepoints of their own (each would copy every page it touches to a journal), so a
  // failure anywhere inside rolls the whole transaction back, even one a caller went past.
  // Inside another transaction it is InTransaction. With `rebuild_term_indexes`, the term
  // lookup indexes are dropped for the duration and built again at the end: much faster when
  // `fn` adds more terms than the termbase holds, but `fn` must not look terms up. The schema's
  // CHECK constraints are not evaluated inside (the values written through this API are valid
  // by construction: enums and checked text).
  Status InBulkTransaction(const std::function<Status()>& fn, bool rebuild_term_indexes = false);

  // ---- entities ----
  Result<EntityId> AddEntity(std::string_view note = {});
  Result<Entity> GetEntity(EntityId id);
  Status SetEntityNote(EntityId id, std::string_view note);
  // The entity imported from entry `source_id` of file `source`; 0 when there is none.
  Result<EntityId> FindEntityBySource(std::string_view source, std::string_view source_id);
  Status SetEntitySource(EntityId id, std::string_view source, std::string_view source_id);
  // Data categories (termbase_concepts.cc): added in order, listed in that order; clearing
  // removes every category of the entity and of its languages and terms.
  Result<std::int64_t> AddDataCategory(const DataCategory& category);
  Result<std::vector<DataCategory>> DataCategoriesOf(EntityId id);
  Status ClearDataCategories(EntityId id);
  // Moves every term, occurrence and proposal of `from` to `into`, then deletes `from`.
  // Merging an entity into itself is a no-op. kNotFound when either is missing.
  Status Merge(EntityId from, EntityId into);
  // The entity named by `ref`: a decimal id, or a term (exact, then folded, then stem match).
  // kNotFound when none; kUsage listing the candidates when several entities match.
  Result<EntityId> ResolveEntity(std::string_view ref, std::string_view lang = {});

  // ---- terms ----
  // Adds a term to `entity`; when the entity already has this (lang, text) it returns that
  // term's id and raises its score to the larger of the two. kUsage on empty text or lang.
  // `*existed`, when given, tells which of the two happened.
  Result<TermId> AddTerm(EntityId entity, const TermInput& input, bool* existed = nullptr);
  // The term with this exact (lang, text) in any entity (the oldest one if several), or a new
  // entity holding a new term. `created` tells which.
  struct FindOrCreateResult {
    TermId term = 0;
    EntityId entity = 0;
    bool created = false;
  };
  Result<FindOrCreateResult> FindOrCreateTerm(const TermInput& input);
  // What a build stores a candidate as: the oldest term of `input.lang` that is not rejected
  // and has the same text, else the same FoldedKey, else a stem key in common (the keys in
  // StemKeys' order; not in a language whose extraction keys are unstemmed, Arabic), as
  // FindTerms would find them; when there is none, a new term of `input`
  // in a new entity (`created`). The text is tokenised once for the lookups and the insert.
  // kUsage on empty text or lang.
  Result<FindOrCreateResult> FindOrCreateSimilarTerm(const TermInput& input);
  Result<Term> GetTerm(TermId id);
  // Terms of `entity`, by language, approved first, then by frequency.
  Result<std::vector<Term>> TermsOf(EntityId entity);
  // Terms of `lang` whose key matches `text` under `how` (kExact: same text; kFolded: same
  // FoldedKey; kStem: a shared stem key). Rejected terms included.
  Result<std::vector<Term>> FindTerms(std::string_view text, std::string_view lang, MatchKind how);
  // The terms of `lang` (every language when empty) marked with a DoNotTranslateNote, by id;
  // rejected ones included.
  Result<std::vector<Term>> DoNotTranslateTerms(std::string_view lang = {});
  // Moves `term` to `entity` (its origin becomes kLinked unless it was kManual); its former
  // entity is deleted when left without terms. When `entity` already has a term of the same
  // language and text, `term` is folded into it and deleted: returns the id that names the
  // term afterwards (`term` itself, or the one it was folded into).
  Result<TermId> Link(TermId term, EntityId entity);
  Status SetTermStatus(TermId term, TermStatus status);
  Status SetTermUsage(TermId term, TermUsage usage);
  Status SetTermExample(TermId term, std::string_view example);
  Status DeleteTerm(TermId term);
  // Calls `fn` for every entity with its terms, by entity id; stops at the first non-ok status
  // and returns it. `lang` empty for all languages (entities without a term in it are skipped).
  Status ForEachEntity(const std::function<Status(const Entity&, const std::vector<Term>&)>& fn,
                       std::string_view lang = {});

  // ---- documents and occurrences ----
  // Records a document; when one with the same content hash exists, returns its id and
  // sets `*inserted` to false (the caller then skips it: the same document twice changes
  // nothing).
  Result<DocumentId> AddDocument(const DocumentRecord& document, bool* inserted);
  // Records that `term` occurs in sentence `sentence` (0-based) of `document`; a repeat of the
  // same triple is ignored. Each new occurrence adds one to the term's frequency.
  Status AddOccurrence(TermId term, DocumentId document, std::int64_t sentence);
  // The same for several sentences of one document (any order; repeats ignored), in one
  // savepoint and one frequency update: what a build calls, term by term.
  Status AddOccurrences(TermId term, DocumentId document, std::vector<std::int64_t> sentences);
  // The same for places (document, sentence) in any documents: one frequency update for the
  // term, whatever the number of documents.
  Status AddTermOccurrences(TermId term, std::vector<std::pair<DocumentId, std::int64_t>> places);
  // Many terms' occurrences at once (a build's), in any order: AddTermOccurrences term by
  // term. When they outnumber the occurrences already recorded, the index by document is built
  // once at the end rather than row by row.
  Status AddOccurrenceRows(std::vector<OccurrenceRow> rows);
  // The same, one term at a time, for a caller that holds its occurrences in another shape:
  // `rows` is how many there are in all (repeats counted), and each call of `next` gives one
  // term and its places (any order, repeats ignored; a term given twice is updated twice) until
  // it returns false. Holds one term's places at a time.
  using TermPlaces = std::vector<std::pair<DocumentId, std::int64_t>>;
  Status AddOccurrencesByTerm(std::int64_t rows,
                              const std::function<bool(TermId*, TermPlaces*)>& next);
  Result<std::vector<DocumentRecord>> Documents();

  // ---- proposals ----
  // Records a proposal (see Proposal); returns its id.
  Result<ProposalId> Propose(const Proposal& proposal);
  Result<std::vector<Proposal>> Proposals(const ProposalFilter& filter = {});
  Result<Proposal> GetProposal(ProposalId id);
  // Accepting merges the term's entity into the proposal's entity and approves the term;
  // other pending proposals for that term are rejected. Rejecting only marks the proposal.
  // True when a person has rejected something: a term, or a proposal. A build, which rejects
  // nothing, asks once whether it must check each pair against rejections.
  Result<bool> HoldsRejections();
  Status AcceptProposal(ProposalId id);
  Status RejectProposal(ProposalId id);

  // ---- lookup (termbase_lookup.cc) ----
  // Entities with a term matching `query` exactly, folded, or by stems (all three asked, in the
  // query's `lang`, else in every language of the termbase written in the query's script), each
  // entity once with its strictest match, strictest first; acronyms are terms like others
  // ("IMOD", "imod"). Empty vector when nothing matches.
  Result<std::vector<EntityMatch>> Lookup(std::string_view query,
                                          const LookupOptions& options = {});
  // Up to `limit` terms that hold `query` as whole words and are longer than it ("network
  // operator" for "operator", "network operators" for "operators"), by folded or stem key, in
  // `lang` or any language; the most frequent first. Rejected terms are left out. For telling
  // a person who looked up a word that no term is, which terms contain it.
  Result<std::vector<Term>> TermsContaining(std::string_view query, std::string_view lang,
                                            std::size_t limit);
  // Every known term of `lang` in `sentence`: spans of whole tokens matched by folded or stem
  // key. With `lang` empty, terms of every language match by folded key, and by stem too those
  // of the language the sentence is guessed to be in (text::GuessLanguage) or, when none can
  // be guessed, of each language of the termbase written in the sentence's script. Longest match
  // first (byte length descending, then position). Rejected terms are ignored. The terms of a
  // language are loaded into memory on the first call and again after the termbase changes, so
  // a sentence costs one walk per token whatever the termbase's size.
  Result<std::vector<TextMatch>> FindInText(std::string_view sentence, std::string_view lang);

  Result<TermbaseStats> Stats();

  struct Impl;  // private: defined in termbase_impl.h

 private:
  explicit Termbase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The matching keys, computed the same way for stored terms and for queries (keys.cc).
// FoldedKey: the word and number tokens of `text`, each FoldForMatch'ed (Arabic: also
// NormalizeArabic and StripArabicArticle), joined by one space; punctuation dropped.
// "Ministère  de la Défense" -> "ministere de la defense"; "الحرب" -> "حرب".
std::string FoldedKey(std::string_view text, std::string_view lang);
// StemKeys: the word-by-word combinations of Hunspell stems (text::Stemmer) of `text`, joined
// by one space, at most `max_keys` of them, the most likely first (each word's first stem).
// Never empty for text with a word.
std::vector<std::string> StemKeys(std::string_view text, std::string_view lang,
                                  std::size_t max_keys = 8);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_TERMBASE_H_
