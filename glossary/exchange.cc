// Glossary exchange: format names, export and import through one path, and the two line
// formats (OmegaT TSV, RFC 4180 CSV). TBX is in tbx.cc.
#include "glossary/exchange.h"

#include <algorithm>
#include <filesystem>
#include <cctype>
#include <map>

#include "exchange_impl.h"
#include "text/input_file.h"
#include "text/reader.h"
#include "text/xml_encoding.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A TSV cell cannot hold a tab or a line break: they become spaces.
std::string TsvCell(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @ first, or a tab
// or a carriage return, which some spreadsheets skip before looking for one.
bool LooksLikeFormula(std::string_view s) {
  return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. Text that
// could be a formula gets a leading single quote, which spreadsheets show as text and import
// removes.
std::string CsvField(std::string_view text) {
  std::string guarded = LooksLikeFormula(text) ? "'" + std::string(text) : std::string(text);
  std::string_view s = guarded;
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  return out + "\"";
}

Status WriteTsv(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                ExportStats* stats) {
  std::string source = options.source_lang.empty() ? "en" : options.source_lang;
  std::string target = options.target_lang.empty() ? "fr" : options.target_lang;
  return termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        std::string lines;
        // A TSV line can only suggest a translation: terms not to be used stay out.
        auto usable = [&](const Term& term, const std::string& lang) {
          return LangMatches(term.lang_tag, lang) && Exported(term, options) &&
                 !Forbidden(term.usage);
        };
        for (const Term& s : terms) {
          if (!usable(s, source)) continue;
          for (const Term& t : terms) {
            if (!usable(t, target)) continue;
            lines += TsvCell(s.text) + '\t' + TsvCell(t.text) + '\t' + TsvCell(entity.note) + '\n';
            ++stats->terms;
          }
        }
        if (!lines.empty()) ++stats->entities;
        out->Write(lines);
        return Status::Ok();
      },
      source);
}

Status WriteCsv(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                ExportStats* stats) {
  out->Write("entity,lang,term,status,origin,note\r\n");
  return termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        std::string rows;
        for (const Term* kept : ExportedTerms(terms, options)) {
          const Term& term = *kept;
          rows += std::to_string(entity.id) + ',' + CsvField(term.lang_tag) + ',' +
                  CsvField(term.text) + ',' + std::string(ToString(term.status)) + ',' +
                  std::string(ToString(term.origin)) + ',' + CsvField(entity.note) + "\r\n";
          ++stats->terms;
        }
        if (!rows.empty()) ++stats->entities;
        out->Write(rows);
        return Status::Ok();
      },
      options.source_lang);
}

// Splits bytes into lines (LF or CRLF), without a leading BOM.
std::vector<std::string_view> Lines(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::vector<std::string_view> lines;
  while (!bytes.empty()) {
    std::size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    bytes.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

Result<std::vector<ImportEntry>> ReadTsv(const std::string& path, const std::string& bytes,
                                         const ImportOptions& options) {
  std::vector<ImportEntry> entries;
  std::vector<std::string_view> lines = Lines(bytes);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cells = SplitTabs(line);
    if (cells.size() < 2 || cells[0].empty() || cells[1].empty()) {
      return Status::Error(ErrorCode::kParse, path + ":" + std::to_string(i + 1) +
                                                  ":1: error: expected source<TAB>target"
                                                  "[<TAB>comment]");
    }
    ImportEntry entry;
    entry.note = cells.size() > 2 ? cells[2] : "";
    for (int side = 0; side < 2; ++side) {
      TermInput term;
      term.text = cells[side];
      term.lang = side == 0 ? options.source_lang : options.target_lang;
      term.status = options.status;
      term.origin = TermOrigin::kImported;
      entry.terms.push_back(std::move(term));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// A cell CsvField guarded against formulas, as it was.
std::string Unguarded(std::string cell) {
  if (cell.size() > 1 && cell.front() == '\'' &&
      LooksLikeFormula(std::string_view(cell).substr(1))) {
    cell.erase(0, 1);
  }
  return cell;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The shape of a BCP 47 tag as glossaries write them: a language of 2 or 3 letters, then
// subtags of 1 to 8 letters or digits after '-' (or '_', as "en_GB" in many spreadsheets).
bool LangTagShape(std::string_view tag) {
  std::size_t end = tag.find_first_of("-_");
  std::string_view language = tag.substr(0, end);
  if (language.size() < 2 || language.size() > 3 ||
      !std::all_of(language.begin(), language.end(), IsAsciiAlpha)) {
    return false;
  }
  while (end != std::string_view::npos) {
    tag.remove_prefix(end + 1);
    end = tag.find_first_of("-_");
    std::string_view subtag = tag.substr(0, end);
    if (subtag.empty() || subtag.size() > 8 ||
        !std::all_of(subtag.begin(), subtag.end(),
                     [](char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); })) {
      return false;
    }
  }
  return true;
}

// RFC 4180 records: fields may be quoted, with "" for a quote and line breaks inside quotes.
// `lines` receives the 1-based line each record starts on.
Status ParseCsv(const std::string& path, std::string_view bytes,
                std::vector<std::vector<std::string>>* records, std::vector<std::size_t>* lines) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t line = 1, i = 0;
  while (i < bytes.size()) {
    std::vector<std::string> record(1);
    lines->push_back(line);
    while (true) {
      std::string& field = record.back();
      if (i < bytes.size() && bytes[i] == '"') {
        std::size_t open_line = line;
        ++i;
        while (true) {
          if (i >= bytes.size()) {
            return Status::Error(ErrorCode::kParse, path + ":" + std::to_string(open_line) +
                                                        ":1: error: unterminated quoted field");
          }
          if (bytes[i] == '"') {
            if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (bytes[i] == '\n') ++line;
          field.push_back(bytes[i++]);
        }
      }
      while (i < bytes.size() && bytes[i] != ',' && bytes[i] != '\n' && bytes[i] != '\r') {
        field.push_back(bytes[i++]);
      }
      // A CR ends a row only before an LF (RFC 4180); a lone CR is neither a row break nor
      // text a term should hold.
      bool lone_cr = i < bytes.size() && bytes[i] == '\r' &&
                     (i + 1 == bytes.size() || bytes[i + 1] != '\n');
      if (lone_cr) {
        std::size_t line_start = bytes.rfind('\n', i);
        std::size_t column = i - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
        return Status::Error(ErrorCode::kParse,
                             path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                 ": error: a carriage return without a line feed outside quotes "
                                 "(classic Mac line ends?); save the file with LF or CRLF line "
                                 "ends, or quote the field");
      }
      if (i < bytes.size() && bytes[i] == ',') {
        ++i;
        record.emplace_back();
        continue;
      }
      if (i < bytes.size() && bytes[i] == '\r') ++i;
      if (i < bytes.size() && bytes[i] == '\n') ++i;
      ++line;
      break;
    }
    if (record.size() == 1 && record[0].empty()) {
      lines->pop_back();
      continue;
    }
    records->push_back(std::move(record));
  }
  return Status::Ok();
}

Result<std::vector<ImportEntry>> ReadCsv(const std::string& path, const std::string& bytes,
                                         const ImportOptions& options) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;
  if (Status status = ParseCsv(path, bytes, &records, &lines); !status.ok()) return status;
  if (records.empty()) return std::vector<ImportEntry>{};
  std::map<std::string, int> column;
  for (std::size_t c = 0; c < records[0].size(); ++c) column[Lower(records[0][c])] = c;
  if (!column.count("lang") || !column.count("term")) {
    return Status::Error(ErrorCode::kParse,
                         path +
                             ":1:1: error: the header must name the columns 'lang' and "
                             "'term' (and optionally entity, status, origin, note)");
  }
  auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    auto found = column.find(name);
    if (found == column.end() || found->second >= static_cast<int>(row.size())) return "";
    return row[found->second];
  };
  std::vector<ImportEntry> entries;
  std::map<std::string, std::size_t> by_entity;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const std::vector<std::string>& row = records[r];
    std::string where = path + ":" + std::to_string(lines[r]) + ":1: error: ";
    TermInput term;
    term.text = cell(row, "term");
    term.lang = cell(row, "lang");
    term.status = options.status;
    term.origin = TermOrigin::kImported;
    if (term.text.empty() || term.lang.empty()) {
      return Status::Error(ErrorCode::kParse, where + "a row needs a term and its lang");
    }
    if (!LangTagShape(term.lang)) {
      return Status::Error(ErrorCode::kParse, where + "'" + term.lang +
                                                  "' is not a language tag (BCP 47, such as en, "
                                                  "fr or pt-BR)");
    }
    term.text = Unguarded(std::move(term.text));
    std::string status = cell(row, "status");
    if (!status.empty() && !ParseTermStatus(status, &term.status)) {
      return Status::Error(ErrorCode::kParse, where + "unknown status '" + status +
                                                  "' (candidate, approved or rejected)");
    }
    std::string id = cell(row, "entity");
    std::size_t index = entries.size();
    if (!id.empty()) {
      auto [it, fresh] = by_entity.emplace(id, entries.size());
      index = it->second;
      if (!fresh) {
        entries[index].terms.push_back(std::move(term));
        continue;
      }
    }
    ImportEntry entry;
    entry.id = id;
    entry.note = Unguarded(cell(row, "note"));
    entry.terms.push_back(std::move(term));
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The key an entry is known by in its file: its id, else a digest of its terms (so that an
// unchanged line of a TSV file imported again finds its entity).
std::string EntryKey(const ImportEntry& entry) {
  if (!entry.id.empty()) return entry.id;
  std::vector<std::string> terms;
  for (const TermInput& term : entry.terms) terms.push_back(term.lang + "\t" + term.text);
  std::sort(terms.begin(), terms.end());
  std::string joined;
  for (const std::string& term : terms) joined += term + "\n";
  return "#" + ContentHash(joined);
}

// The entity an entry goes into: the one this file's entry made before, else (when asked) one
// a term of the entry names, else a new one. `*fresh` tells whether it was created.
Result<EntityId> EntityFor(Termbase& termbase, const ImportEntry& entry,
                           const std::string& source, const ImportOptions& options,
                           ImportStats* stats) {
  const std::string key = EntryKey(entry);
  Result<EntityId> known = termbase.FindEntityBySource(source, key);
  if (!known.ok()) return known.status();
  if (*known != 0) {
    ++stats->entities_updated;
    return *known;
  }
  if (options.merge_by_term) {
    for (const TermInput& term : entry.terms) {
      auto named = termbase.FindTerms(term.text, term.lang, MatchKind::kExact);
      if (!named.ok()) return named.status();
      if (!named->empty()) {
        ++stats->entities_joined;
        return named->front().entity;
      }
    }
  }
  Result<EntityId> created = termbase.AddEntity(entry.note);
  if (!created.ok()) return created.status();
  if (Status s = termbase.SetEntitySource(*created, source, key); !s.ok()) return s;
  ++stats->entities_created;
  return *created;
}

// Stores one entry (see Import). An entity imported before gets its data categories anew.
Status StoreEntry(Termbase& termbase, const ImportEntry& entry, const std::string& source,
                  const ImportOptions& options, ImportStats* stats) {
  const std::int64_t updated_before = stats->entities_updated;
  Result<EntityId> entity = EntityFor(termbase, entry, source, options, stats);
  if (!entity.ok()) return entity.status();
  if (stats->entities_updated != updated_before) {
    if (Status s = termbase.ClearDataCategories(*entity); !s.ok()) return s;
  }
  for (DataCategory category : entry.categories) {
    category.entity = *entity;
    if (auto added = termbase.AddDataCategory(category); !added.ok()) return added.status();
  }
  for (std::size_t i = 0; i < entry.terms.size(); ++i) {
    const TermInput& term = entry.terms[i];
    Result<std::vector<Term>> known = termbase.FindTerms(term.text, term.lang, MatchKind::kExact);
    if (!known.ok()) return known.status();
    bool present = std::any_of(known->begin(), known->end(),
                               [&](const Term& t) { return t.entity == *entity; });
    Result<TermId> added = termbase.AddTerm(*entity, term);
    if (!added.ok()) return added.status();
    ++(present ? stats->terms_existing : stats->terms_added);
    if (i >= entry.term_categories.size()) continue;
    for (DataCategory category : entry.term_categories[i]) {
      category.entity = *entity;
      category.term = *added;
      if (auto stored = termbase.AddDataCategory(category); !stored.ok()) return stored.status();
    }
  }
  return Status::Ok();
}

}  // namespace

bool Exported(const Term& term, const ExportOptions& options) {
  switch (term.status) {
    case TermStatus::kRejected:
      return options.include_rejected;
    case TermStatus::kCandidate:
      return options.include_candidates;
    case TermStatus::kApproved:
      return true;
  }
  return false;
}

std::vector<const Term*> ExportedTerms(const std::vector<Term>& terms,
                                       const ExportOptions& options) {
  std::vector<const Term*> kept;
  for (const Term& term : terms) {
    if (Exported(term, options)) kept.push_back(&term);
  }
  if (!options.bilingual_only || kept.empty()) return kept;
  auto has = [&](std::string_view lang) {
    return std::any_of(kept.begin(), kept.end(),
                       [&](const Term* t) { return LangMatches(t->lang_tag, lang); });
  };
  bool bilingual = !options.source_lang.empty() && !options.target_lang.empty()
                       ? has(options.source_lang) && has(options.target_lang)
                       : std::any_of(kept.begin(), kept.end(), [&](const Term* t) {
                           return t->lang != kept.front()->lang;
                         });
  if (!bilingual) kept.clear();
  return kept;
}

bool LangMatches(std::string_view term_tag, std::string_view wanted) {
  const std::string term = CanonicalLangTag(term_tag);
  const std::string want = CanonicalLangTag(wanted);
  if (term == want) return true;
  // "fr" asks for every French term ("fr-CA" too); "fr-CA" falls back to plain "fr" terms,
  // never to another region's.
  auto primary = [](const std::string& tag) { return tag.substr(0, tag.find('-')); };
  if (want.find('-') == std::string::npos) return primary(term) == want;
  return term.find('-') == std::string::npos && term == primary(want);
}

std::string LineColumn(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  std::size_t line = 1 + std::count(bytes.begin(), bytes.begin() + offset, '\n');
  std::size_t line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

bool ParseExchangeFormat(std::string_view word, ExchangeFormat* format) {
  std::string w = Lower(word);
  if (w == "tbx" || w == "tbx2")
    *format = ExchangeFormat::kTbx2;
  else if (w == "tbx3")
    *format = ExchangeFormat::kTbx3;
  else if (w == "tsv" || w == "txt")
    *format = ExchangeFormat::kTsv;
  else if (w == "csv")
    *format = ExchangeFormat::kCsv;
  else
    return false;
  return true;
}

bool GuessExchangeFormat(const std::string& path, ExchangeFormat* format) {
  std::size_t dot = path.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = Lower(path.substr(dot + 1));
  if (ext == "tbx" || ext == "xml") {
    *format = ExchangeFormat::kTbx2;
    Result<std::string> head = text::ReadFileHead(path, 512);
    if (head.ok() && head->find("<tbx") != std::string::npos) {
      *format = ExchangeFormat::kTbx3;
    }
    return true;
  }
  if (ext == "txt" || ext == "tab" || ext == "tsv" || ext == "utf8") {
    *format = ExchangeFormat::kTsv;
    return true;
  }
  if (ext == "csv") {
    *format = ExchangeFormat::kCsv;
    return true;
  }
  return false;
}

Result<ExportStats> Export(Termbase& termbase, const std::string& path,
                           const ExportOptions& options) {
  text::AtomicFile out;
  if (Status status = out.Open(path); !status.ok()) return status;
  ExportStats stats;
  Status status;
  switch (options.format) {
    case ExchangeFormat::kTbx2:
    case ExchangeFormat::kTbx3:
      status = WriteTbx(termbase, options, &out, &stats);
      break;
    case ExchangeFormat::kTsv:
      status = WriteTsv(termbase, options, &out, &stats);
      break;
    case ExchangeFormat::kCsv:
      status = WriteCsv(termbase, options, &out, &stats);
      break;
  }
  if (status.ok()) status = out.Commit();
  if (!status.ok()) return status.WithContext("exporting to " + path);
  return stats;
}

Result<ImportStats> Import(Termbase& termbase, const std::string& path,
                           const ImportOptions& options) {
  const bool tbx =
      options.format == ExchangeFormat::kTbx2 || options.format == ExchangeFormat::kTbx3;
  Result<std::string> bytes =
      text::ReadInput(path, tbx ? text::InputKind::kTbx : text::InputKind::kTable);
  if (!bytes.ok()) return bytes.status();
  // A TBX file may declare any encoding (windows-1254, UTF-16, ...): it is read as UTF-8.
  if (tbx) {
    bytes = text::XmlToUtf8(*bytes, path);
    if (!bytes.ok()) {
      return Status::Error(bytes.status().code(), "reading " + bytes.status().message());
    }
  }
  // Terms are stored as UTF-8: a UTF-16, binary or mis-encoded file is refused whole, before a
  // parser could split it into terms holding NULs or broken sequences.
  if (Status status = text::CheckText(*bytes, path); !status.ok()) {
    return Status::Error(status.code(), "reading " + status.message());
  }
  ImportStats stats;
  ImportOptions counting = options;
  counting.warn = [&](std::string_view line) {
    ++stats.skipped;
    if (options.warn) options.warn(line);
  };
  Result<std::vector<ImportEntry>> entries = Status();
  switch (options.format) {
    case ExchangeFormat::kTbx2:
    case ExchangeFormat::kTbx3:
      entries = ReadTbx(path, std::move(*bytes), counting);
      break;
    case ExchangeFormat::kTsv:
      entries = ReadTsv(path, *bytes, counting);
      break;
    case ExchangeFormat::kCsv:
      entries = ReadCsv(path, *bytes, counting);
      break;
  }
  if (!entries.ok()) return entries.status();
  const std::string source = std::filesystem::path(path).filename().string();
  Status status = termbase.InTransaction([&]() -> Status {
    for (const ImportEntry& entry : *entries) {
      if (Status s = StoreEntry(termbase, entry, source, options, &stats); !s.ok()) return s;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status.WithContext("importing " + path);
  return stats;
}

}  // namespace termalign::glossary
