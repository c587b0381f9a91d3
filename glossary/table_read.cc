// CSV and TSV glossaries in: the header decides the layout and what each column holds.
#include <algorithm>
#include <cctype>
#include <map>

#include "table_cells.h"
#include "table_layout.h"
#include "text/lang_names.h"
#include "text/lang_tag.h"
#include "xml/escape.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

// Header words of the columns beside the languages, lower case, '_' and '-' read as spaces.
// The first word of each role is the one export writes.
struct FieldName {
  std::string_view name;
  ColumnRole role;
};
constexpr FieldName kFieldNames[] = {
    {"id", ColumnRole::kId},
    {"entity", ColumnRole::kId},
    {"concept", ColumnRole::kId},
    {"concept id", ColumnRole::kId},
    {"entry id", ColumnRole::kId},
    {"note", ColumnRole::kNote},
    {"notes", ColumnRole::kNote},
    {"comment", ColumnRole::kNote},
    {"comments", ColumnRole::kNote},
    {"definition", ColumnRole::kDefinition},
    {"subject", ColumnRole::kSubject},
    {"subject field", ColumnRole::kSubject},
    {"subjectfield", ColumnRole::kSubject},
    {"domain", ColumnRole::kSubject},
    {"part of speech", ColumnRole::kPartOfSpeech},
    {"partofspeech", ColumnRole::kPartOfSpeech},
    {"pos", ColumnRole::kPartOfSpeech},
    {"do not translate", ColumnRole::kDoNotTranslate},
    {"dnt", ColumnRole::kDoNotTranslate},
};

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// "Subject_Field" -> "subject field".
std::string FieldKey(std::string_view header) {
  std::string key;
  for (char c : header) {
    if (c == '_' || c == '-' || c == ' ') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::string Where(const std::string& path, std::size_t line) {
  return path + ":" + std::to_string(line) + ":1: ";
}

// A data category as a TBX file would hold it, so that TBX export writes it back.
DataCategory Category(const char* element, std::string_view type, std::string_view value) {
  DataCategory category;
  category.element = element;
  category.type = std::string(type);
  category.value = std::string(value);
  std::size_t removed = 0, bad = 0;
  std::string xml = std::string("<") + element + " type=\"";
  xml::AppendEscaped(&xml, type, xml::Context::kAttribute, &removed, &bad);
  xml += "\">";
  xml::AppendEscaped(&xml, value, xml::Context::kContentQuoted, &removed, &bad);
  category.xml = xml + "</" + element + ">";
  return category;
}

bool NamesALanguage(const std::vector<Column>& columns) {
  return std::any_of(columns.begin(), columns.end(),
                     [](const Column& c) { return c.role == ColumnRole::kLanguage; });
}

std::vector<Column> ColumnsOf(const std::vector<std::string>& headers) {
  std::vector<Column> columns;
  for (const std::string& header : headers) columns.push_back(ClassifyColumn(header));
  return columns;
}

// Tells the user how the columns that are not languages nor known fields are kept (a column
// without a header is reported where its first cell is: see ReadConcepts).
void ReportColumns(const std::string& where, const std::vector<Column>& columns,
                   const std::function<void(std::string_view)>& notice) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string number = "column " + std::to_string(c + 1);
    if (columns[c].role == ColumnRole::kOther && notice) {
      notice(where + "warning: " + number + " '" + columns[c].name +
             "' names no language nor a known field: its cells are kept as descriptions of "
             "type '" +
             columns[c].name + "'");
    }
  }
}

// Marks term `index` of `entry` as not to be translated.
void MarkDoNotTranslate(std::size_t index, ImportEntry* entry) {
  if (entry->term_categories.size() <= index) entry->term_categories.resize(index + 1);
  entry->term_categories[index].push_back(Category("termNote", "translationNote", "no"));
}

// The terms of one cell: "car|automobile".
std::vector<std::string> SplitSynonyms(std::string_view cell) {
  std::vector<std::string> terms;
  for (std::size_t start = 0; start <= cell.size();) {
    std::size_t end = std::min(cell.find(kSynonymSeparator, start), cell.size());
    std::string term = Trim(cell.substr(start, end - start));
    if (!term.empty()) terms.push_back(std::move(term));
    start = end + 1;
  }
  return terms;
}

// One concept row. Returns false when the row holds no term (it is then left out).
bool ReadConceptRow(const std::vector<std::string>& cells, const std::vector<Column>& columns,
                    const ImportOptions& options, bool* warned_semicolon,
                    const std::function<void(std::string_view)>& notice, const std::string& where,
                    ImportEntry* entry) {
  std::string part_of_speech;
  std::vector<std::string> verbatim;  // the row's terms not to be translated
  for (std::size_t c = 0; c < cells.size() && c < columns.size(); ++c) {
    const Column& column = columns[c];
    std::string cell = Trim(Unguarded(cells[c]));
    if (cell.empty()) continue;
    switch (column.role) {
      case ColumnRole::kLanguage: {
        if (!*warned_semicolon && notice && cell.find(';') != std::string::npos &&
            cell.find(kSynonymSeparator) == std::string::npos) {
          *warned_semicolon = true;
          notice(where + "warning: '" + cell + "' holds ';': kept as one term (terms of one " +
                 "language in one cell are separated by '|')");
        }
        for (std::string& text : SplitSynonyms(cell)) {
          TermInput term;
          term.text = std::move(text);
          term.lang = column.lang;
          term.status = options.status;
          term.origin = TermOrigin::kImported;
          entry->terms.push_back(std::move(term));
        }
        break;
      }
      case ColumnRole::kDoNotTranslate:
        for (std::string& text : SplitSynonyms(cell)) verbatim.push_back(std::move(text));
        break;
      case ColumnRole::kId:
        entry->id = cell;
        break;
      case ColumnRole::kNote:
        entry->note += (entry->note.empty() ? "" : "; ") + cell;
        break;
      case ColumnRole::kDefinition:
        entry->categories.push_back(Category("descrip", "definition", cell));
        break;
      case ColumnRole::kSubject:
        entry->categories.push_back(Category("descrip", "subjectField", cell));
        break;
      case ColumnRole::kPartOfSpeech:
        part_of_speech = cell;
        break;
      case ColumnRole::kOther:
        entry->categories.push_back(Category("descrip", column.name, cell));
        break;
      case ColumnRole::kUnnamed:
        break;
    }
  }
  if (!part_of_speech.empty()) {
    entry->term_categories.assign(entry->terms.size(),
                                  {Category("termNote", "partOfSpeech", part_of_speech)});
  }
  for (std::size_t t = 0; t < entry->terms.size(); ++t) {
    if (std::find(verbatim.begin(), verbatim.end(), entry->terms[t].text) != verbatim.end()) {
      MarkDoNotTranslate(t, entry);
    }
  }
  return !entry->terms.empty();
}

Result<std::vector<ImportEntry>> ReadConcepts(const std::string& path,
                                              const std::vector<TableRow>& rows, std::size_t first,
                                              const std::vector<Column>& columns,
                                              const ImportOptions& options,
                                              const std::function<void(std::string_view)>& notice) {
  std::vector<ImportEntry> entries;
  bool warned_semicolon = false;
  std::vector<bool> warned_unnamed(columns.size());
  for (std::size_t r = first; r < rows.size(); ++r) {
    const TableRow& row = rows[r];
    const std::string where = Where(path, row.line);
    for (std::size_t c = 0; c < columns.size() && c < row.cells.size(); ++c) {
      if (columns[c].role != ColumnRole::kUnnamed || warned_unnamed[c] ||
          Trim(row.cells[c]).empty() || !options.warn) {
        continue;
      }
      warned_unnamed[c] = true;
      options.warn(where + "warning: column " + std::to_string(c + 1) +
                   " has no header: its cells are left out (name it: a language, note, "
                   "definition, subject, part of speech, or any word to keep it as a "
                   "description of that type)");
    }
    bool extra = false;
    for (std::size_t c = columns.size(); c < row.cells.size(); ++c) {
      extra = extra || !Trim(row.cells[c]).empty();
    }
    if (extra && options.warn) {
      options.warn(where + "warning: the row has " + std::to_string(row.cells.size()) +
                   " cells, the header " + std::to_string(columns.size()) +
                   " (the cells past the last column are left out)");
    }
    ImportEntry entry;
    if (ReadConceptRow(row.cells, columns, options, &warned_semicolon, notice, where, &entry)) {
      entries.push_back(std::move(entry));
      continue;
    }
    bool blank = std::all_of(row.cells.begin(), row.cells.end(),
                             [](const std::string& cell) { return Trim(cell).empty(); });
    if (!blank && options.warn) {
      options.warn(where + "warning: no term in any language column (the row is left out)");
    }
  }
  return entries;
}

// The entity layout: one row per term, rows of one entity joined by the entity column.
Result<std::vector<ImportEntry>> ReadEntities(const std::string& path,
                                              const std::vector<TableRow>& rows, std::size_t header,
                                              const ImportOptions& options) {
  std::map<std::string, std::size_t> column;
  for (std::size_t c = 0; c < rows[header].cells.size(); ++c) {
    column[FieldKey(Trim(rows[header].cells[c]))] = c;
  }
  auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    auto found = column.find(name);
    if (found == column.end() || found->second >= row.size()) return "";
    return Unguarded(row[found->second]);
  };
  std::vector<ImportEntry> entries;
  std::map<std::string, std::size_t> by_entity;
  for (std::size_t r = header + 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r].cells;
    std::string where = Where(path, rows[r].line) + "error: ";
    TermInput term;
    term.text = cell(row, "term");
    term.lang = cell(row, "lang");
    term.status = options.status;
    term.origin = TermOrigin::kImported;
    if (term.text.empty() || term.lang.empty()) {
      return Status::Error(ErrorCode::kParse, where + "a row needs a term and its lang");
    }
    if (!text::LangTag::ParseLoose(term.lang).ok()) {
      return Status::Error(ErrorCode::kParse, where + "'" + term.lang +
                                                  "' is not a language tag (BCP 47, such as en, "
                                                  "fr or pt-BR)");
    }
    std::string status = cell(row, "status");
    if (!status.empty() && !ParseTermStatus(status, &term.status)) {
      return Status::Error(ErrorCode::kParse, where + "unknown status '" + status +
                                                  "' (candidate, approved or rejected)");
    }
    std::string usage = cell(row, "usage");
    if (!usage.empty() && !ParseTermUsage(usage, &term.usage)) {
      return Status::Error(ErrorCode::kParse, where + "unknown usage '" + usage +
                                                  "' (preferred, admitted, deprecated or "
                                                  "superseded)");
    }
    std::string translate = FieldKey(cell(row, "translate"));
    if (!translate.empty() && translate != "no" && translate != "yes") {
      return Status::Error(ErrorCode::kParse,
                           where + "translate is '" + cell(row, "translate") +
                               "' (no for a term a translation copies unchanged, else empty)");
    }
    std::string id = cell(row, "entity");
    ImportEntry* entry = nullptr;
    if (!id.empty()) {
      auto [it, fresh] = by_entity.emplace(id, entries.size());
      if (!fresh) entry = &entries[it->second];
    }
    if (entry == nullptr) {
      entry = &entries.emplace_back();
      entry->id = id;
      entry->note = cell(row, "note");
    }
    entry->terms.push_back(std::move(term));
    if (translate == "no") MarkDoNotTranslate(entry->terms.size() - 1, entry);
  }
  return entries;
}

bool IsEntityHeader(const std::vector<std::string>& cells) {
  bool lang = false, term = false;
  for (const std::string& cell : cells) {
    std::string key = FieldKey(Trim(cell));
    lang = lang || key == "lang";
    term = term || key == "term";
  }
  return lang && term;
}

// A row starting with '#' is a comment line before the header (OmegaT skips such lines);
// its text after the '#' may be the header itself.
bool IsComment(const TableRow& row) {
  return !row.cells.empty() && !row.cells[0].empty() && row.cells[0][0] == '#';
}

std::vector<std::string> WithoutHash(std::vector<std::string> cells) {
  cells[0].erase(0, 1);
  return cells;
}

// The first cells of a row for a message: "'contract', 'contrat'".
std::string Quoted(const std::vector<Column>& columns) {
  constexpr std::size_t kShown = 3;
  std::string out;
  for (std::size_t c = 0; c < columns.size() && c < kShown; ++c) {
    out += (c > 0 ? ", '" : "'") + columns[c].name + "'";
  }
  return columns.size() > kShown ? out + ", ..." : out;
}

}  // namespace

Column ClassifyColumn(std::string_view header) {
  Column column;
  column.name = Trim(header);
  if (column.name.empty()) {
    column.role = ColumnRole::kUnnamed;
    return column;
  }
  const std::string key = FieldKey(column.name);
  for (const FieldName& field : kFieldNames) {
    if (field.name == key) {
      column.role = field.role;
      return column;
    }
  }
  column.lang = text::LangTagForName(column.name);
  column.role = column.lang.empty() ? ColumnRole::kOther : ColumnRole::kLanguage;
  return column;
}

std::string_view HeaderName(ColumnRole role) {
  for (const FieldName& field : kFieldNames) {
    if (field.role == role) return field.name;
  }
  return "";
}

Result<std::vector<ImportEntry>> ReadTable(const std::string& path, std::string_view bytes,
                                           const ImportOptions& options,
                                           const std::function<void(std::string_view)>& notice) {
  std::vector<TableRow> rows;
  const bool tsv = options.format == ExchangeFormat::kTsv;
  if (Status status = ParseTable(path, bytes, tsv, &rows); !status.ok()) return status;
  std::size_t first = 0;
  std::vector<Column> columns;
  if (!options.columns.empty()) {
    columns = ColumnsOf(options.columns);
    if (!NamesALanguage(columns)) {
      std::string list;
      for (const std::string& name : options.columns) list += (list.empty() ? "" : ",") + name;
      return Status::Error(ErrorCode::kUsage,
                           "the columns given (" + list +
                               ") name no language: name each language column by its tag or "
                               "name (en, fr-CA, English, Français)");
    }
    while (first < rows.size() && IsComment(rows[first])) ++first;
    ReportColumns(path + ": ", columns, notice);
    return ReadConcepts(path, rows, first, columns, options, notice);
  }
  for (; first < rows.size() && IsComment(rows[first]); ++first) {
    columns = ColumnsOf(WithoutHash(rows[first].cells));
    if (NamesALanguage(columns)) break;
  }
  if (first == rows.size()) return std::vector<ImportEntry>{};
  if (!IsComment(rows[first])) {
    if (IsEntityHeader(rows[first].cells)) return ReadEntities(path, rows, first, options);
    columns = ColumnsOf(rows[first].cells);
  }
  if (!NamesALanguage(columns)) {
    return Status::Error(ErrorCode::kParse,
                         Where(path, rows[first].line) + "error: the first row (" +
                             Quoted(columns) +
                             ") names no language, so the file has no header: add a header row "
                             "naming each column's language (en,fr-CA or English,Français; the "
                             "others may be note, definition, subject, part of speech) or give "
                             "--columns en,fr,...");
  }
  ReportColumns(Where(path, rows[first].line), columns, notice);
  return ReadConcepts(path, rows, first + 1, columns, options, notice);
}

}  // namespace termalign::glossary
