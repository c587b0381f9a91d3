// Glossary exchange: TBX v2 (martif, what OmegaT reads), TBX v3, and CSV and TSV tables as
// spreadsheets and CAT tools keep them.
#ifndef TERMALIGN_GLOSSARY_EXCHANGE_H_
#define TERMALIGN_GLOSSARY_EXCHANGE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/termbase.h"

namespace termalign::glossary {

enum class ExchangeFormat {
  kTbx2,  // <martif type="TBX">, no namespace: termEntry/langSet/tig/term (TBXcoreStructV02.dtd)
  kTbx3,  // <tbx type="TBX-Core" style="dca" xmlns="urn:iso:std:iso:30042:ed-2">:
          // conceptEntry/langSec/termSec/term (TBXcoreStructV03.rng)
  kTsv,   // tab-separated table, no quoting (OmegaT reads .txt, .utf8 and .tab): see TableLayout
  kCsv,   // comma-separated table, RFC 4180 quoting: see TableLayout
};

// How a CSV or TSV file lays out its terms.
enum class TableLayout {
  // One row per concept under a header row naming each column: a language ("en", "fr-CA",
  // "English", "Français") holding that language's terms, synonyms separated by '|'; and
  // "id", "note" (or "comment"), "definition", "subject", "part of speech"; any other header
  // is a concept-level description of that type. What spreadsheet users keep.
  kConcept,
  // One row per term: header "entity,lang,term,status,origin,note,usage". Keeps statuses.
  kEntity,
  // OmegaT's glossary: source, target, comment; one row per source/target pair, after a
  // header line starting with '#' (which OmegaT skips) naming the two languages.
  kBilingual,
};
// "tbx", "tbx3", "tsv", "csv" -> format; false on an unknown word.
bool ParseExchangeFormat(std::string_view word, ExchangeFormat* format);
// "concept", "entity", "bilingual" -> layout; false on an unknown word.
bool ParseTableLayout(std::string_view word, TableLayout* layout);
// The format implied by a file name: .tbx -> kTbx2 (kTbx3 when the file starts with <tbx),
// .txt/.tab/.tsv/.utf8 -> kTsv, .csv -> kCsv; false when the extension says nothing.
bool GuessExchangeFormat(const std::string& path, ExchangeFormat* format);

struct ExportOptions {
  ExchangeFormat format = ExchangeFormat::kTbx2;
  TableLayout layout = TableLayout::kConcept;  // CSV and TSV only
  // The bilingual layout needs a direction: source and target language of each row ("en" and
  // "fr" when empty). The other layouts and TBX carry every language; when `source_lang` is set
  // they keep only entities with a term in it, and the concept layout puts its column (then
  // `target_lang`'s) first.
  std::string source_lang;
  std::string target_lang;
  bool include_candidates = true;  // false: approved terms only
  // Rejected terms (a person's "no"), exported as such: TBX and the entity layout only (the
  // other layouts carry no status, and would bring them back as usable terms; kUsage error).
  bool include_rejected = false;
  // Deprecated and superseded terms are exported with their usage (TBX, entity layout): they
  // tell a CAT tool what not to write. The concept and bilingual layouts, which cannot say so,
  // leave them out.
  // Only entities with terms in at least two languages (with `source_lang` and `target_lang`
  // set: in both), as a CAT tool's glossary wants.
  bool bilingual_only = false;
};

struct ExportStats {
  std::int64_t entities = 0;
  std::int64_t terms = 0;  // bilingual layout: rows written
  // Concept layout: terms left out because they hold '|', which separates the terms of a cell.
  std::int64_t left_out = 0;
  // TBX: characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) left out.
  std::size_t removed_chars = 0;
};

// Writes the termbase to `path` ("-" for stdout) through text::AtomicFile: a failed export
// leaves no partial file. Errors name the file.
Result<ExportStats> Export(Termbase& termbase, const std::string& path,
                           const ExportOptions& options);

struct ImportOptions {
  ExchangeFormat format = ExchangeFormat::kTbx2;
  // A CSV or TSV file without a header row: what its columns hold, each named as a header would
  // name it ({"en", "fr", "note"}). Empty: the file's first row (after any lines starting with
  // '#') is its header, and a file whose first row names no language is refused.
  std::vector<std::string> columns;
  TermStatus status = TermStatus::kApproved;  // status of imported terms (when no column says)
  // Join an entry to an existing entity that one of its terms names (same language and text)
  // instead of keeping it a concept of its own.
  bool merge_by_term = false;
  // Called with each "file:line: warning: ..." for an entry or term left out; may be empty.
  std::function<void(std::string_view)> warn;
};

struct ImportStats {
  std::int64_t entities_created = 0;
  std::int64_t entities_updated = 0;  // imported from this file before: updated in place
  std::int64_t entities_joined = 0;   // joined to an existing entity (merge_by_term)
  std::int64_t terms_added = 0;       // new terms
  std::int64_t terms_existing = 0;    // already present in that entity
  std::int64_t skipped = 0;           // entries or terms left out with a warning
};

// Reads a glossary file into the termbase in one transaction. Each entry of the file (a TBX
// entry, a row of the concept or bilingual layout, the rows of one entity in the entity layout)
// is a concept of its own: two entries are never merged, and an entity remembers the file name
// and entry id it came from (without an id: a digest of its terms), so importing the file again
// updates those entities instead of adding new ones. Data categories and term usage are kept
// (see DataCategory). Terms get origin kImported. An entry or term that cannot be read is left
// out with a warning through `options.warn`; the import fails (nothing written) only when the
// file cannot be read at all or holds no entry. Errors name the file and line (XML:
// line:column).
Result<ImportStats> Import(Termbase& termbase, const std::string& path,
                           const ImportOptions& options);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_EXCHANGE_H_
