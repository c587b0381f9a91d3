// Glossary exchange: format names, export and import through one path, and storing what a
// file's entries hold. TBX is in tbx.cc, CSV and TSV in table_read.cc and table_write.cc.
#include "glossary/exchange.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "exchange_impl.h"
#include "table_layout.h"
#include "text/input_file.h"
#include "text/lang_tag.h"
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
    bool present = false;
    Result<TermId> added = termbase.AddTerm(*entity, entry.terms[i], &present);
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
                       [&](const Term* t) { return text::LangTagMatches(t->lang_tag, lang); });
  };
  bool bilingual = !options.source_lang.empty() && !options.target_lang.empty()
                       ? has(options.source_lang) && has(options.target_lang)
                       : std::any_of(kept.begin(), kept.end(), [&](const Term* t) {
                           return t->lang != kept.front()->lang;
                         });
  if (!bilingual) kept.clear();
  return kept;
}

std::string ExportedEntryId(const Entity& entity) {
  if (!entity.source_id.empty() && entity.source_id[0] != '#') return entity.source_id;
  return "c" + std::to_string(entity.id);
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

bool ParseTableLayout(std::string_view word, TableLayout* layout) {
  std::string w = Lower(word);
  if (w == "concept")
    *layout = TableLayout::kConcept;
  else if (w == "entity")
    *layout = TableLayout::kEntity;
  else if (w == "bilingual")
    *layout = TableLayout::kBilingual;
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
    case ExchangeFormat::kCsv:
      status = WriteTable(termbase, options, &out, &stats);
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
    case ExchangeFormat::kCsv:
      entries = ReadTable(path, *bytes, counting, options.warn);
      break;
  }
  if (!entries.ok()) return entries.status();
  const std::string source = std::filesystem::path(path).filename().string();
  // Rebuilding the term indexes pays when the file brings more terms than the termbase holds
  // (a first import); merging by term looks terms up, which needs them.
  std::int64_t incoming = 0;
  for (const ImportEntry& entry : *entries) incoming += std::ssize(entry.terms);
  Result<TermbaseStats> held = termbase.Stats();
  if (!held.ok()) return held.status();
  const bool rebuild = !options.merge_by_term && incoming > held->terms;
  Status status = termbase.InBulkTransaction(
      [&]() -> Status {
        for (const ImportEntry& entry : *entries) {
          if (Status s = StoreEntry(termbase, entry, source, options, &stats); !s.ok()) return s;
        }
        return Status::Ok();
      },
      rebuild);
  if (!status.ok()) return status.WithContext("importing " + path);
  return stats;
}

}  // namespace termalign::glossary
