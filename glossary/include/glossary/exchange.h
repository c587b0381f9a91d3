// Glossary exchange: TBX v2 (martif, what OmegaT reads), TBX v3, OmegaT TSV and CSV.
#ifndef TERMALIGN_GLOSSARY_EXCHANGE_H_
#define TERMALIGN_GLOSSARY_EXCHANGE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "glossary/termbase.h"

namespace termalign::glossary {

enum class ExchangeFormat {
  kTbx2,  // <martif type="TBX">, no namespace: termEntry/langSet/tig/term (TBXcoreStructV02.dtd)
  kTbx3,  // <tbx type="TBX-Core" style="dca" xmlns="urn:iso:std:iso:30042:ed-2">:
          // conceptEntry/langSec/termSec/term (TBXcoreStructV03.rng)
  kTsv,   // OmegaT glossary: source TAB target TAB comment, one line per source/target pair
  kCsv,   // RFC 4180: header "entity,lang,term,status,origin,note"; one row per term
};

// "tbx", "tbx3", "tsv", "csv" -> format; false on an unknown word.
bool ParseExchangeFormat(std::string_view word, ExchangeFormat* format);
// The format implied by a file name: .tbx -> kTbx2 (kTbx3 when the file starts with <tbx),
// .txt/.tab/.tsv/.utf8 -> kTsv, .csv -> kCsv; false when the extension says nothing.
bool GuessExchangeFormat(const std::string& path, ExchangeFormat* format);

struct ExportOptions {
  ExchangeFormat format = ExchangeFormat::kTbx2;
  // TSV needs a direction: source and target language of each line ("en" and "fr" when
  // empty). TBX and CSV carry every language; when `source_lang` is set they keep only entities
  // with a term in it.
  std::string source_lang;
  std::string target_lang;
  bool include_candidates = true;  // false: approved terms only
  bool include_rejected = false;   // rejected terms (a person's "no"), exported as such
  // Deprecated and superseded terms are exported with their usage: they tell a CAT tool what
  // not to write.
  // Only entities with terms in at least two languages (with `source_lang` and `target_lang`
  // set: in both), as a CAT tool's glossary wants.
  bool bilingual_only = false;
};

struct ExportStats {
  std::int64_t entities = 0;
  std::int64_t terms = 0;  // TSV: lines written
  // TBX: characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) left out.
  std::size_t removed_chars = 0;
};

// Writes the termbase to `path` ("-" for stdout) through text::AtomicFile: a failed export
// leaves no partial file. Errors name the file.
Result<ExportStats> Export(Termbase& termbase, const std::string& path,
                           const ExportOptions& options);

struct ImportOptions {
  ExchangeFormat format = ExchangeFormat::kTbx2;
  // TSV lines carry no language: the columns' languages.
  std::string source_lang = "en";
  std::string target_lang = "fr";
  TermStatus status = TermStatus::kApproved;  // status of imported terms (CSV: when no column)
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
// entry, a TSV line, the CSV rows of one concept) is a concept of its own: two entries are
// never merged, and an entity remembers the file name and entry id it came from, so importing
// the file again updates those entities instead of adding new ones. Data categories and term
// usage are kept (see DataCategory). Terms get origin kImported. An entry or term that cannot
// be read is left out with a warning through `options.warn`; the import fails (nothing
// written) only when the file cannot be read at all or holds no entry. Errors name the file
// and line (XML: line:column).
Result<ImportStats> Import(Termbase& termbase, const std::string& path,
                           const ImportOptions& options);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_EXCHANGE_H_
