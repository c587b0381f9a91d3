// Private to glossary/: CSV and TSV glossaries in their three layouts (TableLayout), read
// (table_read.cc) and written (table_write.cc) with the same column vocabulary.
#ifndef TERMALIGN_GLOSSARY_TABLE_LAYOUT_H_
#define TERMALIGN_GLOSSARY_TABLE_LAYOUT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "exchange_impl.h"

namespace termalign::glossary {

// What a column of the concept layout holds.
enum class ColumnRole {
  kLanguage,      // the terms of one language, synonyms separated by kSynonymSeparator
  kId,            // the entry's id
  kNote,          // the concept's note
  kDefinition,    // TBX descrip type="definition", at concept level
  kSubject,       // TBX descrip type="subjectField"
  kPartOfSpeech,  // TBX termNote type="partOfSpeech", on every term of the row
  kDoNotTranslate,  // the row's terms a translation copies unchanged (DoNotTranslateNote)
  kOther,         // any other header: a concept-level description whose type is the header
  kUnnamed,       // an empty header: its cells cannot be named, so they are left out
};

struct Column {
  ColumnRole role = ColumnRole::kOther;
  std::string lang;  // kLanguage: the tag the header names ("fr-CA")
  std::string name;  // the header as written, trimmed
};

// Several terms of one language in one cell: "car|automobile".
inline constexpr char kSynonymSeparator = '|';

// The role of a column headed `header`: a field name (id, note, comment, definition, subject,
// domain, part of speech, ... in any case), else a language (text::LangTagForName), else
// kOther (kUnnamed when empty). Field names are tried first: "id" is not Indonesian here.
Column ClassifyColumn(std::string_view header);
// The header the concept layout writes for a field role: "id", "note", "definition",
// "subject", "part of speech", "do not translate".
std::string_view HeaderName(ColumnRole role);

// The rows of a CSV or TSV glossary in any layout: the entity layout when the header names
// 'lang' and 'term' columns, else one concept per row (see exchange.h). `options.warn` is
// told what is left out (and counts it); `notice` what is kept in a way the user may not
// expect (a column kept as a description, a ';' inside a term).
Result<std::vector<ImportEntry>> ReadTable(const std::string& path, std::string_view bytes,
                                           const ImportOptions& options,
                                           const std::function<void(std::string_view)>& notice);

// `termbase` as CSV or TSV in `options.layout`.
Status WriteTable(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                  ExportStats* stats);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_TABLE_LAYOUT_H_
