// CSV and TSV glossaries as spreadsheet and CAT-tool users keep them: one row per concept under
// a header of language names or tags, synonyms in one cell, notes and descriptions beside; the
// entity layout still read by its header; OmegaT's bilingual layout; the formula guard undone
// exactly where export put it.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "glossary/exchange.h"
#include "glossary/glossary_test_print.h"
#include "table_cells.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using glossary::ExchangeFormat;
using glossary::TableLayout;
using glossary::Termbase;

std::unique_ptr<Termbase> Open(const fs::path& path) {
  auto termbase = Termbase::Open(path.string());
  BOOST_REQUIRE_MESSAGE(termbase.ok(), termbase.status().message());
  return std::move(*termbase);
}

// Imports `file`, the format from its name; warnings go to `*warnings`.
text::Result<glossary::ImportStats> ImportFile(Termbase& termbase, const fs::path& file,
                                               std::vector<std::string>* warnings = nullptr,
                                               std::vector<std::string> columns = {}) {
  glossary::ImportOptions options;
  BOOST_REQUIRE(glossary::GuessExchangeFormat(file.string(), &options.format));
  options.columns = std::move(columns);
  options.warn = [&](std::string_view line) {
    if (warnings != nullptr) warnings->emplace_back(line);
  };
  return glossary::Import(termbase, file.string(), options);
}

glossary::ExportStats ExportFile(Termbase& termbase, const fs::path& file, TableLayout layout,
                                 const std::string& source_lang = "") {
  glossary::ExportOptions options;
  BOOST_REQUIRE(glossary::GuessExchangeFormat(file.string(), &options.format));
  options.layout = layout;
  options.source_lang = source_lang;
  auto stats = glossary::Export(termbase, file.string(), options);
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  return *stats;
}

// Every concept as its sorted "tag:text" terms, plus its note: comparable across termbases.
std::multiset<std::string> Concepts(Termbase& termbase) {
  std::multiset<std::string> concepts;
  auto status = termbase.ForEachEntity(
      [&](const glossary::Entity& entity, const std::vector<glossary::Term>& terms) {
        std::set<std::string> sorted;
        for (const auto& t : terms) sorted.insert(t.lang_tag + ":" + t.text);
        std::string joined = "note=" + entity.note;
        for (const std::string& term : sorted) joined += " | " + term;
        concepts.insert(joined);
        return text::Status::Ok();
      });
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  return concepts;
}

// "element type = value" of every category of the entity `term` names, term level marked.
std::multiset<std::string> CategoriesOf(Termbase& termbase, const std::string& term,
                                        const std::string& lang) {
  auto found = termbase.FindTerms(term, lang, glossary::MatchKind::kExact);
  BOOST_REQUIRE(found.ok() && found->size() == 1u);
  auto categories = termbase.DataCategoriesOf(found->front().entity);
  BOOST_REQUIRE(categories.ok());
  std::multiset<std::string> out;
  for (const auto& c : *categories) {
    out.insert(std::string(c.term != 0 ? "term " : "") + c.element + " " + c.type + " = " +
               c.value);
  }
  return out;
}

// A spreadsheet of the kind translators keep: language names in English and in the language
// itself, synonyms, a comment, a definition, a subject, a part of speech and a column of the
// user's own.
const char kSpreadsheet[] =
    "English,Français,العربية,Comment,Definition,Subject,Part of speech,Client\r\n"
    "car|automobile,voiture,سيارة,road vehicle,\"A vehicle with four wheels, for people\","
    "transport,noun,ACME\r\n"
    "\"harbour master | port captain\",capitaine du port,,,,shipping,,\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(table_layout)

BOOST_AUTO_TEST_CASE(a_spreadsheet_row_is_one_concept_with_its_synonyms_and_fields) {
  TempDir dir;
  WriteFile(dir / "terms.csv", kSpreadsheet);
  auto termbase = Open(dir / "t.db");
  std::vector<std::string> warnings;
  auto stats = ImportFile(*termbase, dir / "terms.csv", &warnings);
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  BOOST_TEST(stats->entities_created == 2);
  BOOST_TEST(stats->terms_added == 7);
  BOOST_TEST(stats->skipped == 0);
  BOOST_TEST(Concepts(*termbase) ==
             (std::multiset<std::string>{
                 "note=road vehicle | ar:سيارة | en:automobile | en:car | fr:voiture",
                 "note= | en:harbour master | en:port captain | fr:capitaine du port"}));
  BOOST_TEST(CategoriesOf(*termbase, "voiture", "fr") ==
             (std::multiset<std::string>{
                 "descrip definition = A vehicle with four wheels, for people",
                 "descrip subjectField = transport", "descrip Client = ACME",
                 "term termNote partOfSpeech = noun", "term termNote partOfSpeech = noun",
                 "term termNote partOfSpeech = noun", "term termNote partOfSpeech = noun"}));
  // The column of the user's own is kept, and the user is told how.
  BOOST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST(warnings[0] ==
             (dir / "terms.csv").string() +
                 ":1:1: warning: column 8 'Client' names no language nor a known field: its "
                 "cells are kept as descriptions of type 'Client'");
}

BOOST_AUTO_TEST_CASE(headers_name_languages_by_tag_or_by_name) {
  TempDir dir;
  WriteFile(dir / "langs.tsv",
            "en-GB\tfr_ca\tGerman (Switzerland)\tEspañol\tArabic\n"
            "lorry\tcamion\tLastwagen\tcamión\tشاحنة\n");
  auto termbase = Open(dir / "t.db");
  auto stats = ImportFile(*termbase, dir / "langs.tsv");
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  BOOST_TEST(Concepts(*termbase) ==
             (std::multiset<std::string>{"note= | ar:شاحنة | de-CH:Lastwagen | en-GB:lorry | "
                                         "es:camión | fr-CA:camion"}));
}

BOOST_AUTO_TEST_CASE(a_file_without_a_header_is_refused_unless_its_columns_are_given) {
  TempDir dir;
  WriteFile(dir / "pairs.csv", "contract,contrat,law\nparty,partie,\n");
  auto termbase = Open(dir / "t.db");
  auto refused = ImportFile(*termbase, dir / "pairs.csv");
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().message() ==
             (dir / "pairs.csv").string() +
                 ":1:1: error: the first row ('contract', 'contrat', 'law') names no language, "
                 "so the file has no header: add a header row naming each column's language "
                 "(en,fr-CA or English,Français; the others may be note, definition, subject, "
                 "part of speech) or give --columns en,fr,...");
  BOOST_TEST(termbase->Stats()->terms == 0);
  auto no_language = ImportFile(*termbase, dir / "pairs.csv", nullptr, {"source", "target"});
  BOOST_REQUIRE(!no_language.ok());
  BOOST_TEST(no_language.status().message() ==
             "the columns given (source,target) name no language: name each language column by "
             "its tag or name (en, fr-CA, English, Français)");
  auto given = ImportFile(*termbase, dir / "pairs.csv", nullptr, {"en", "fr", "note"});
  BOOST_REQUIRE_MESSAGE(given.ok(), given.status().message());
  BOOST_TEST(Concepts(*termbase) ==
             (std::multiset<std::string>{"note=law | en:contract | fr:contrat",
                                         "note= | en:party | fr:partie"}));
}

BOOST_AUTO_TEST_CASE(what_cannot_be_read_is_named_and_nothing_is_dropped_silently) {
  TempDir dir;
  WriteFile(dir / "odd.csv",
            "en,fr,,note\n"
            "pump,pompe,lost?,\n"
            ",,,a note without a term\n"
            "valve,vanne,,,extra\n"
            "bank; shore,rive,,\n");
  auto termbase = Open(dir / "t.db");
  std::vector<std::string> warnings;
  auto stats = ImportFile(*termbase, dir / "odd.csv", &warnings);
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  const std::string file = (dir / "odd.csv").string();
  BOOST_REQUIRE(warnings.size() == 4u);
  BOOST_TEST(warnings[0] == file +
                                ":2:1: warning: column 3 has no header: its cells are left out "
                                "(name it: a language, note, definition, subject, part of "
                                "speech, or any word to keep it as a description of that type)");
  BOOST_TEST(warnings[1] ==
             file + ":3:1: warning: no term in any language column (the row is left out)");
  BOOST_TEST(warnings[2] == file +
                                ":4:1: warning: the row has 5 cells, the header 4 (the cells "
                                "past the last column are left out)");
  BOOST_TEST(warnings[3] == file +
                                ":5:1: warning: 'bank; shore' holds ';': kept as one term "
                                "(terms of one language in one cell are separated by '|')");
  BOOST_TEST(stats->entities_created == 3);
  // Left out: the unnamed column, the row without a term, the extra cell; the ';' is kept.
  BOOST_TEST(stats->skipped == 3);
}

BOOST_AUTO_TEST_CASE(our_concept_csv_and_tsv_come_back_as_the_same_concepts) {
  for (const char* name : {"g.csv", "g.tsv"}) {
    BOOST_TEST_CONTEXT(name) {
      TempDir dir;
      WriteFile(dir / "terms.csv", kSpreadsheet);
      auto original = Open(dir / "a.db");
      BOOST_REQUIRE(ImportFile(*original, dir / "terms.csv").ok());
      // Cells a spreadsheet would run, quotes that must stay, a comma, a line break, a tab.
      WriteFile(dir / "more.tsv",
                "en\tfr\tnote\n=SUM(A1)\t'=texte\t@home\n'tis\t-isme|+33\t\"quoted\", yes\n");
      BOOST_REQUIRE(ImportFile(*original, dir / "more.tsv").ok());
      auto permit = original->AddEntity("line one\nline two\tand a tab");
      glossary::TermInput input;
      input.text = "berth permit";
      input.lang = "en";
      BOOST_REQUIRE(original->AddTerm(*permit, input).ok());

      ExportFile(*original, dir / name, TableLayout::kConcept);
      auto copy = Open(dir / "b.db");
      auto stats = ImportFile(*copy, dir / name);
      BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
      std::multiset<std::string> before = Concepts(*original);
      std::multiset<std::string> after = Concepts(*copy);
      if (std::string(name) == "g.tsv") {
        // TSV has no quoting: the note's line break and tab come back as spaces.
        before.erase("note=line one\nline two\tand a tab | en:berth permit");
        before.insert("note=line one line two and a tab | en:berth permit");
      }
      BOOST_TEST(after == before);
      BOOST_TEST(CategoriesOf(*copy, "voiture", "fr") == CategoriesOf(*original, "voiture", "fr"));
      // The same file again changes nothing.
      auto again = ImportFile(*copy, dir / name);
      BOOST_REQUIRE(again.ok());
      BOOST_TEST(again->terms_added == 0);
      BOOST_TEST(again->entities_created == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(concept_export_header_and_cells) {
  TempDir dir;
  WriteFile(dir / "terms.csv", kSpreadsheet);
  auto termbase = Open(dir / "t.db");
  BOOST_REQUIRE(ImportFile(*termbase, dir / "terms.csv").ok());
  ExportFile(*termbase, dir / "g.csv", TableLayout::kConcept, "fr");
  // The source language first, then by how many concepts a language names; the ids the
  // spreadsheet rows were known by (none: "c" and the entity's id).
  BOOST_TEST(ReadFile(dir / "g.csv") ==
             "id,fr,en,ar,note,definition,subject,part of speech,Client\r\n"
             "c1,voiture,car|automobile,سيارة,road vehicle,\"A vehicle with four wheels, for "
             "people\",transport,noun,ACME\r\n"
             "c2,capitaine du port,harbour master|port captain,,,,shipping,,\r\n");
}

BOOST_AUTO_TEST_CASE(a_term_holding_the_separator_is_left_out_and_counted) {
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  auto entity = termbase->AddEntity();
  glossary::TermInput input;
  input.text = "either|or";
  input.lang = "en";
  BOOST_REQUIRE(termbase->AddTerm(*entity, input).ok());
  input.text = "ou bien";
  input.lang = "fr";
  BOOST_REQUIRE(termbase->AddTerm(*entity, input).ok());
  glossary::ExportStats stats = ExportFile(*termbase, dir / "g.csv", TableLayout::kConcept);
  BOOST_TEST(stats.left_out == 1);
  BOOST_TEST(ReadFile(dir / "g.csv") == "id,fr\r\nc1,ou bien\r\n");
}

BOOST_AUTO_TEST_CASE(rejected_terms_go_out_only_where_their_status_goes_with_them) {
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  auto entity = termbase->AddEntity();
  glossary::TermInput input;
  input.text = "pump";
  input.lang = "en";
  input.status = glossary::TermStatus::kApproved;
  BOOST_REQUIRE(termbase->AddTerm(*entity, input).ok());
  input.text = "pompe à bras";
  input.lang = "fr";
  input.status = glossary::TermStatus::kRejected;
  BOOST_REQUIRE(termbase->AddTerm(*entity, input).ok());
  input.text = "pompe";
  input.status = glossary::TermStatus::kApproved;
  input.usage = glossary::TermUsage::kDeprecated;
  BOOST_REQUIRE(termbase->AddTerm(*entity, input).ok());
  glossary::ExportOptions options;
  options.format = ExchangeFormat::kCsv;
  options.include_rejected = true;
  for (TableLayout layout : {TableLayout::kConcept, TableLayout::kBilingual}) {
    options.layout = layout;
    auto refused = glossary::Export(*termbase, (dir / "g.csv").string(), options);
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST(refused.status().message() ==
               "exporting to " + (dir / "g.csv").string() +
                   ": rejected terms can only be exported where their status goes with them: "
                   "the entity layout or TBX (a concept or bilingual row would bring them back "
                   "as usable terms)");
  }
  // The entity layout keeps the rejection and the usage through a round trip.
  options.layout = TableLayout::kEntity;
  BOOST_REQUIRE(glossary::Export(*termbase, (dir / "g.csv").string(), options).ok());
  auto copy = Open(dir / "b.db");
  BOOST_REQUIRE(ImportFile(*copy, dir / "g.csv").ok());
  auto rejected = copy->FindTerms("pompe à bras", "fr", glossary::MatchKind::kExact);
  BOOST_REQUIRE(rejected.ok() && rejected->size() == 1u);
  BOOST_TEST(rejected->front().status == glossary::TermStatus::kRejected);
  auto deprecated = copy->FindTerms("pompe", "fr", glossary::MatchKind::kExact);
  BOOST_REQUIRE(deprecated.ok() && deprecated->size() == 1u);
  BOOST_TEST(glossary::ToString(deprecated->front().usage) == "deprecated");
  // The concept layout cannot mark a deprecated term: it leaves it out.
  ExportFile(*termbase, dir / "c.csv", TableLayout::kConcept);
  BOOST_TEST(ReadFile(dir / "c.csv") == "id,en\r\nc1,pump\r\n");
}

BOOST_AUTO_TEST_CASE(the_bilingual_layout_reads_back_through_its_comment_header) {
  TempDir dir;
  WriteFile(dir / "terms.csv", kSpreadsheet);
  auto termbase = Open(dir / "t.db");
  BOOST_REQUIRE(ImportFile(*termbase, dir / "terms.csv").ok());
  ExportFile(*termbase, dir / "omegat.csv", TableLayout::kBilingual);
  BOOST_TEST(ReadFile(dir / "omegat.csv") ==
             "# en,fr,comment\r\n"
             "car,voiture,road vehicle\r\n"
             "automobile,voiture,road vehicle\r\n"
             "harbour master,capitaine du port,\r\n"
             "port captain,capitaine du port,\r\n");
  auto copy = Open(dir / "b.db");
  auto stats = ImportFile(*copy, dir / "omegat.csv");
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  BOOST_TEST(stats->entities_created == 4);
  auto found = copy->Lookup("automobile");
  BOOST_REQUIRE(found.ok() && found->size() == 1u);
  BOOST_TEST(found->front().entity.note == "road vehicle");
}

BOOST_AUTO_TEST_CASE(the_formula_guard_is_undone_exactly_where_it_was_put) {
  for (std::string text : {"=1", "'=1", "''=1", "+33", "-ism", "@home", "\tx", "'tis", "'", "''",
                           "", "a=b", "'a", "x'=", "=", "'-"}) {
    std::string guarded = glossary::Guarded(text);
    BOOST_TEST(glossary::Unguarded(guarded) == text, text);
    BOOST_TEST((guarded.empty() || std::string("=+-@\t\r").find(guarded[0]) == std::string::npos),
               text);
  }
  // A cell a person quoted by hand loses the quote a spreadsheet would hide too.
  BOOST_TEST(glossary::Unguarded("'=SUM(A1)") == "=SUM(A1)");
  BOOST_TEST(glossary::Unguarded("'tis") == "'tis");
}

// The do-not-translate mark (TBX termNote translationNote "no") goes out and comes back in
// every layout that can carry it: a column of the concept layout listing the row's marked
// terms, a translate column of the entity layout.
BOOST_AUTO_TEST_CASE(do_not_translate_marks_survive_a_round_trip) {
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  auto option = termbase->AddEntity();
  auto pump = termbase->AddEntity();
  std::map<std::string, glossary::TermId> ids;
  for (auto [entity, text, lang] : {std::tuple{*option, "--dry-run", "en"},
                                    {*option, "--dry-run", "fr"},
                                    {*option, "dry run", "en"},
                                    {*pump, "pump", "en"},
                                    {*pump, "pompe", "fr"}}) {
    glossary::TermInput input;
    input.text = text;
    input.lang = lang;
    auto added = termbase->AddTerm(entity, input);
    BOOST_REQUIRE(added.ok());
    ids[std::string(lang) + ":" + text] = *added;
  }
  for (const char* key : {"en:--dry-run", "fr:--dry-run"}) {
    BOOST_REQUIRE(termbase->AddDataCategory(glossary::DoNotTranslateNote(*option, ids[key])).ok());
  }
  auto marked = [](Termbase& base) {
    std::set<std::string> out;
    auto terms = base.DoNotTranslateTerms();
    BOOST_REQUIRE(terms.ok());
    for (const auto& term : *terms) out.insert(term.lang + ":" + term.text);
    return out;
  };
  BOOST_TEST((marked(*termbase) == std::set<std::string>{"en:--dry-run", "fr:--dry-run"}));
  BOOST_TEST(termbase->DoNotTranslateTerms("fr")->size() == 1u);

  ExportFile(*termbase, dir / "c.csv", TableLayout::kConcept);
  BOOST_TEST(ReadFile(dir / "c.csv") ==
             "id,en,fr,do not translate\r\nc1,'--dry-run|dry run,'--dry-run,'--dry-run\r\n"
             "c2,pump,pompe,\r\n");
  ExportFile(*termbase, dir / "e.tsv", TableLayout::kEntity);
  std::string entity_rows = ReadFile(dir / "e.tsv");
  BOOST_TEST(entity_rows.substr(0, entity_rows.find('\n')) ==
             "entity\tlang\tterm\tstatus\torigin\tnote\tusage\ttranslate");
  BOOST_TEST(entity_rows.find("\ten\t'--dry-run\tcandidate\tmanual\t\t\tno\n") !=
             std::string::npos);
  for (const char* file : {"c.csv", "e.tsv"}) {
    BOOST_TEST_CONTEXT(file) {
      auto copy = Open(dir / (std::string(file) + ".db"));
      BOOST_REQUIRE(ImportFile(*copy, dir / file).ok());
      BOOST_TEST((marked(*copy) == std::set<std::string>{"en:--dry-run", "fr:--dry-run"}));
      BOOST_TEST((Concepts(*copy) == Concepts(*termbase)));
    }
  }
  // A termbase without the mark exports the layouts it always did.
  auto plain = Open(dir / "plain.db");
  BOOST_REQUIRE(ImportFile(*plain, dir / "c.csv").ok());
  auto terms = plain->FindTerms("--dry-run", "en", glossary::MatchKind::kExact);
  BOOST_REQUIRE(terms.ok() && terms->size() == 1u);
  BOOST_REQUIRE(plain->ClearDataCategories(terms->front().entity).ok());
  ExportFile(*plain, dir / "plain.tsv", TableLayout::kEntity);
  std::string plain_rows = ReadFile(dir / "plain.tsv");
  BOOST_TEST(plain_rows.substr(0, plain_rows.find('\n')) ==
             "entity\tlang\tterm\tstatus\torigin\tnote\tusage");
}

// A translate cell holds "no", "yes" or nothing.
BOOST_AUTO_TEST_CASE(an_unknown_translate_value_is_refused) {
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  WriteFile(dir / "e.csv", "entity,lang,term,translate\n1,en,--dry-run,never\n");
  auto imported = ImportFile(*termbase, dir / "e.csv");
  BOOST_REQUIRE(!imported.ok());
  BOOST_TEST(imported.status().message().find(
                 "e.csv:2:1: error: translate is 'never' (no for a term a translation copies "
                 "unchanged, else empty)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
