// Private to glossary/: what the exchange formats share.
#ifndef TERMALIGN_GLOSSARY_EXCHANGE_IMPL_H_
#define TERMALIGN_GLOSSARY_EXCHANGE_IMPL_H_

#include <string>
#include <string_view>
#include <vector>

#include "glossary/exchange.h"
#include "termbase_impl.h"
#include "text/atomic_file.h"

namespace termalign::glossary {

// One concept read from a glossary file: its id there, its terms, a note, and the data
// categories of the concept, its language sections and its terms (entity and term ids unset).
struct ImportEntry {
  std::string id;         // the entry's id in the file; "" when it has none
  std::string note;
  std::vector<TermInput> terms;
  std::vector<std::vector<DataCategory>> term_categories;  // by term; may be shorter than terms
  std::vector<DataCategory> categories;  // concept level (lang "") and language-section level
};

// TBX v2 or v3 out of `termbase` into `out` (tbx.cc).
Status WriteTbx(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                ExportStats* stats);
// The entries of a TBX v2 (martif) or v3 (tbx) document; errors name `path` and line:column.
// The bytes are moved into the parsed document.
Result<std::vector<ImportEntry>> ReadTbx(const std::string& path, std::string bytes,
                                         const ImportOptions& options);

// Terms of an entity that an export keeps: never rejected ones, approved ones only when asked.
bool Exported(const Term& term, const ExportOptions& options);
// The terms of one entity that an export writes: the Exported() ones, or none when the export
// is bilingual only and they do not name the entity in two languages.
std::vector<const Term*> ExportedTerms(const std::vector<Term>& terms,
                                       const ExportOptions& options);

// The id an export gives the entry of `entity`: the id it was imported with, else "c" and the
// entity's id (an entry known by a digest of its terms has no id to give back).
std::string ExportedEntryId(const Entity& entity);

// "Line N, column M" of byte `offset` in `bytes` (1-based), as "N:M".
std::string LineColumn(std::string_view bytes, std::size_t offset);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_EXCHANGE_IMPL_H_
