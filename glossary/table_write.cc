// CSV and TSV glossaries out, in the three layouts of TableLayout.
#include <algorithm>
#include <map>
#include <set>

#include "table_cells.h"
#include "table_layout.h"
#include "text/lang_tag.h"

namespace termalign::glossary {
namespace {

using text::ErrorCode;

// One file's way of writing rows.
struct RowWriter {
  bool tsv = false;

  // `cells` as one row of the file, line end included (CSV: CRLF, as RFC 4180 says).
  std::string Row(const std::vector<std::string>& cells) const {
    std::string row;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) row += tsv ? '\t' : ',';
      row += TableCell(cells[c], tsv);
    }
    return row + (tsv ? "\n" : "\r\n");
  }
};

std::string Joined(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += separator;
    out += value;
  }
  return out;
}

// What one concept puts in the columns of the concept layout.
struct ConceptCells {
  std::string id;
  std::map<std::string, std::vector<std::string>> terms;  // by language tag
  std::int64_t term_count = 0;
  std::int64_t left_out = 0;  // terms holding the synonym separator
  std::string note;
  std::vector<std::string> definitions, subjects;
  std::string part_of_speech;                              // when the terms that have one share it
  std::map<std::string, std::vector<std::string>> others;  // other descriptions by type
  std::vector<std::string> do_not_translate;               // terms marked DoNotTranslateNote
};

// The ids of the terms marked with a DoNotTranslateNote: export writes the mark where import
// reads it back (a column of the concept and entity layouts).
Result<std::set<TermId>> DoNotTranslateIds(Termbase& termbase) {
  Result<std::vector<Term>> terms = termbase.DoNotTranslateTerms();
  if (!terms.ok()) return terms.status();
  std::set<TermId> ids;
  for (const Term& term : *terms) ids.insert(term.id);
  return ids;
}

// The concept-level descriptions and the shared part of speech of `entity`.
Status AddCategories(Termbase& termbase, const Entity& entity, const std::vector<const Term*>& kept,
                     ConceptCells* cells) {
  Result<std::vector<DataCategory>> categories = termbase.DataCategoriesOf(entity.id);
  if (!categories.ok()) return categories.status();
  std::set<std::string> parts_of_speech;
  for (const DataCategory& c : *categories) {
    if (c.term != 0) {
      bool of_kept =
          std::any_of(kept.begin(), kept.end(), [&](const Term* t) { return t->id == c.term; });
      if (of_kept && c.element == "termNote" && c.type == "partOfSpeech") {
        parts_of_speech.insert(c.value);
      }
      continue;
    }
    if (!c.lang.empty() || c.element != "descrip" || c.value.empty()) continue;
    if (c.type == "definition") {
      cells->definitions.push_back(c.value);
    } else if (c.type == "subjectField") {
      cells->subjects.push_back(c.value);
    } else if (!c.type.empty()) {
      cells->others[c.type].push_back(c.value);
    }
  }
  if (parts_of_speech.size() == 1) cells->part_of_speech = *parts_of_speech.begin();
  return Status::Ok();
}

// The cells of one concept: its exported terms but those a translation must avoid (the layout
// cannot mark them) and those holding '|' (counted in left_out).
Result<ConceptCells> CellsOf(Termbase& termbase, const Entity& entity,
                             const std::vector<Term>& terms, const ExportOptions& options,
                             const std::set<TermId>& do_not_translate) {
  ConceptCells cells;
  std::vector<Term> usable;
  for (const Term& term : terms) {
    if (!Forbidden(term.usage)) usable.push_back(term);
  }
  std::vector<const Term*> kept;
  for (const Term* term : ExportedTerms(usable, options)) {
    if (term->text.find(kSynonymSeparator) != std::string::npos) {
      ++cells.left_out;
      continue;
    }
    kept.push_back(term);
    cells.terms[term->lang_tag].push_back(term->text);
    std::vector<std::string>& verbatim = cells.do_not_translate;
    if (do_not_translate.count(term->id) &&
        std::find(verbatim.begin(), verbatim.end(), term->text) == verbatim.end()) {
      verbatim.push_back(term->text);  // once: import marks every term of the row so written
    }
    ++cells.term_count;
  }
  if (kept.empty()) return cells;
  cells.id = ExportedEntryId(entity);
  cells.note = entity.note;
  if (Status status = AddCategories(termbase, entity, kept, &cells); !status.ok()) return status;
  return cells;
}

// The columns of the concept layout, from a first pass over every concept.
struct ConceptColumns {
  std::map<std::string, std::int64_t> langs;  // tag -> concepts with a term in it
  bool note = false, definition = false, subject = false, part_of_speech = false;
  bool do_not_translate = false;
  std::set<std::string> others;

  void Add(const ConceptCells& cells) {
    do_not_translate = do_not_translate || !cells.do_not_translate.empty();
    for (const auto& [lang, terms] : cells.terms) ++langs[lang];
    note = note || !cells.note.empty();
    definition = definition || !cells.definitions.empty();
    subject = subject || !cells.subjects.empty();
    part_of_speech = part_of_speech || !cells.part_of_speech.empty();
    for (const auto& [type, values] : cells.others) others.insert(type);
  }

  // The language columns: the source language's tags first, then the target's, then the rest
  // from the language that names the most concepts down (ties in tag order).
  std::vector<std::string> OrderedLangs(const ExportOptions& options) const {
    std::vector<std::string> by_use;
    for (const auto& [lang, count] : langs) by_use.push_back(lang);
    std::stable_sort(by_use.begin(), by_use.end(), [&](const std::string& a, const std::string& b) {
      return langs.at(a) > langs.at(b);
    });
    std::vector<std::string> ordered;
    auto place = [&](const std::string& lang) {
      if (std::find(ordered.begin(), ordered.end(), lang) == ordered.end()) ordered.push_back(lang);
    };
    for (const std::string& wanted : {options.source_lang, options.target_lang}) {
      for (const std::string& lang : by_use) {
        if (!wanted.empty() && text::LangTagMatches(lang, wanted)) place(lang);
      }
    }
    for (const std::string& lang : by_use) place(lang);
    return ordered;
  }
};

Status WriteConcepts(Termbase& termbase, const ExportOptions& options, const RowWriter& writer,
                     text::AtomicFile* out, ExportStats* stats) {
  Result<std::set<TermId>> do_not_translate = DoNotTranslateIds(termbase);
  if (!do_not_translate.ok()) return do_not_translate.status();
  ConceptColumns columns;
  Status status = termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        Result<ConceptCells> cells = CellsOf(termbase, entity, terms, options, *do_not_translate);
        if (!cells.ok()) return cells.status();
        if (cells->term_count > 0) columns.Add(*cells);
        return Status::Ok();
      },
      options.source_lang);
  if (!status.ok()) return status;
  const std::vector<std::string> langs = columns.OrderedLangs(options);
  std::vector<std::string> header = {std::string(HeaderName(ColumnRole::kId))};
  header.insert(header.end(), langs.begin(), langs.end());
  if (columns.note) header.emplace_back(HeaderName(ColumnRole::kNote));
  if (columns.definition) header.emplace_back(HeaderName(ColumnRole::kDefinition));
  if (columns.subject) header.emplace_back(HeaderName(ColumnRole::kSubject));
  if (columns.part_of_speech) header.emplace_back(HeaderName(ColumnRole::kPartOfSpeech));
  if (columns.do_not_translate) header.emplace_back(HeaderName(ColumnRole::kDoNotTranslate));
  header.insert(header.end(), columns.others.begin(), columns.others.end());
  out->Write(writer.Row(header));
  return termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        Result<ConceptCells> cells = CellsOf(termbase, entity, terms, options, *do_not_translate);
        if (!cells.ok()) return cells.status();
        stats->left_out += cells->left_out;
        if (cells->term_count == 0) return Status::Ok();
        std::vector<std::string> row = {cells->id};
        for (const std::string& lang : langs) {
          auto found = cells->terms.find(lang);
          row.push_back(found == cells->terms.end()
                            ? std::string()
                            : Joined(found->second, std::string(1, kSynonymSeparator)));
        }
        if (columns.note) row.push_back(cells->note);
        if (columns.definition) row.push_back(Joined(cells->definitions, "; "));
        if (columns.subject) row.push_back(Joined(cells->subjects, "; "));
        if (columns.part_of_speech) row.push_back(cells->part_of_speech);
        if (columns.do_not_translate) {
          row.push_back(Joined(cells->do_not_translate, std::string(1, kSynonymSeparator)));
        }
        for (const std::string& type : columns.others) {
          auto found = cells->others.find(type);
          row.push_back(found == cells->others.end() ? std::string() : Joined(found->second, "; "));
        }
        out->Write(writer.Row(row));
        ++stats->entities;
        stats->terms += cells->term_count;
        return Status::Ok();
      },
      options.source_lang);
}

Status WriteEntities(Termbase& termbase, const ExportOptions& options, const RowWriter& writer,
                     text::AtomicFile* out, ExportStats* stats) {
  Result<std::set<TermId>> do_not_translate = DoNotTranslateIds(termbase);
  if (!do_not_translate.ok()) return do_not_translate.status();
  // The translate column ("no" on a term a translation copies unchanged) only when a term
  // has the mark: files without any keep the shape they always had.
  const bool translate_column = !do_not_translate->empty();
  std::vector<std::string> header = {"entity", "lang", "term", "status", "origin", "note", "usage"};
  if (translate_column) header.emplace_back("translate");
  out->Write(writer.Row(header));
  return termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        std::string rows;
        for (const Term* term : ExportedTerms(terms, options)) {
          std::vector<std::string> row = {
              std::to_string(entity.id),           term->lang_tag,
              term->text,                          std::string(ToString(term->status)),
              std::string(ToString(term->origin)), entity.note,
              std::string(ToString(term->usage))};
          if (translate_column) row.emplace_back(do_not_translate->count(term->id) ? "no" : "");
          rows += writer.Row(row);
          ++stats->terms;
        }
        if (!rows.empty()) ++stats->entities;
        out->Write(rows);
        return Status::Ok();
      },
      options.source_lang);
}

// OmegaT's glossary: one row per (source term, target term) of a concept, the concept's note
// as the comment.
Status WritePairs(Termbase& termbase, const ExportOptions& options, const RowWriter& writer,
                  text::AtomicFile* out, ExportStats* stats) {
  const std::string source = options.source_lang.empty() ? "en" : options.source_lang;
  const std::string target = options.target_lang.empty() ? "fr" : options.target_lang;
  // OmegaT skips a line starting with '#'; import reads the languages from it.
  out->Write(writer.Row({"# " + source, target, "comment"}));
  return termbase.ForEachEntity(
      [&](const Entity& entity, const std::vector<Term>& terms) -> Status {
        std::string rows;
        // A glossary row can only suggest a translation: terms not to be used stay out.
        auto usable = [&](const Term& term, const std::string& lang) {
          return text::LangTagMatches(term.lang_tag, lang) && Exported(term, options) &&
                 !Forbidden(term.usage);
        };
        for (const Term& s : terms) {
          if (!usable(s, source)) continue;
          for (const Term& t : terms) {
            if (!usable(t, target)) continue;
            rows += writer.Row({s.text, t.text, entity.note});
            ++stats->terms;
          }
        }
        if (!rows.empty()) ++stats->entities;
        out->Write(rows);
        return Status::Ok();
      },
      source);
}

}  // namespace

Status WriteTable(Termbase& termbase, const ExportOptions& options, text::AtomicFile* out,
                  ExportStats* stats) {
  if (options.include_rejected && options.layout != TableLayout::kEntity) {
    return Status::Error(ErrorCode::kUsage,
                         "rejected terms can only be exported where their status goes with "
                         "them: the entity layout or TBX (a concept or bilingual row would "
                         "bring them back as usable terms)");
  }
  RowWriter writer{options.format == ExchangeFormat::kTsv};
  switch (options.layout) {
    case TableLayout::kConcept:
      return WriteConcepts(termbase, options, writer, out, stats);
    case TableLayout::kEntity:
      return WriteEntities(termbase, options, writer, out, stats);
    case TableLayout::kBilingual:
      return WritePairs(termbase, options, writer, out, stats);
  }
  return Status::Ok();
}

}  // namespace termalign::glossary
