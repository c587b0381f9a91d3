// Private to glossary/: what the exchange formats share.
#ifndef TERMALIGN_GLOSSARY_EXCHANGE_IMPL_H_
#define TERMALIGN_GLOSSARY_EXCHANGE_IMPL_H_

#include <string>
#include <string_view>
#include <vector>

#include "glossary/exchange.h"
#include "text/atomic_file.h"

namespace termalign::glossary {

// One concept read from a glossary file: its terms and an optional note.
struct ImportEntry {
  std::string note;
  std::vector<TermInput> terms;
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

// "Line N, column M" of byte `offset` in `bytes` (1-based), as "N:M".
std::string LineColumn(std::string_view bytes, std::size_t offset);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_EXCHANGE_IMPL_H_
