// Glossary exchange: exported TBX validates against the TBX schemas, every format round-trips,
// malformed input is reported with its place, and OmegaT reads what we write.
#include "glossary/exchange.h"

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <set>
#include <tuple>

#include "glossary/glossary_test_print.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using glossary::ExchangeFormat;
using glossary::Termbase;

std::unique_ptr<Termbase> Open(const fs::path& path) {
  auto termbase = Termbase::Open(path.string());
  BOOST_REQUIRE_MESSAGE(termbase.ok(), termbase.status().message());
  return std::move(*termbase);
}

void AddTerm(Termbase& termbase, glossary::EntityId entity, const std::string& text,
             const std::string& lang, glossary::TermStatus status) {
  glossary::TermInput input;
  input.text = text;
  input.lang = lang;
  input.status = status;
  BOOST_REQUIRE(termbase.AddTerm(entity, input).ok());
}

// A small termbase with the awkward cases: markup characters, commas and quotes, Arabic,
// a candidate, a rejected term (never exported), a note.
void Fill(Termbase& termbase) {
  using glossary::TermStatus;
  auto port = *termbase.AddEntity("where ships \"berth\", and pay <fees> & dues");
  AddTerm(termbase, port, "harbour master", "en", TermStatus::kApproved);
  AddTerm(termbase, port, "capitaine du port", "fr", TermStatus::kApproved);
  AddTerm(termbase, port, "مدير الميناء", "ar", TermStatus::kCandidate);
  AddTerm(termbase, port, "port boss", "en", TermStatus::kRejected);
  auto permit = *termbase.AddEntity();
  AddTerm(termbase, permit, "berth permit", "en", TermStatus::kCandidate);
  AddTerm(termbase, permit, "permis d'accostage", "fr", TermStatus::kCandidate);
  auto rd = *termbase.AddEntity();
  AddTerm(termbase, rd, "R&D <lab>, \"north\"", "en", TermStatus::kApproved);
}

// (entity's first term, lang, text, status) for every exported term: comparable across files.
using Row = std::tuple<std::string, std::string, std::string, std::string>;
std::set<Row> Content(Termbase& termbase) {
  std::set<Row> rows;
  BOOST_REQUIRE(
      termbase
          .ForEachEntity([&](const glossary::Entity&, const std::vector<glossary::Term>& terms) {
            std::string head;
            for (const auto& t : terms) {
              if (t.status != glossary::TermStatus::kRejected && (head.empty() || t.text < head)) {
                head = t.text;
              }
            }
            for (const auto& t : terms) {
              if (t.status == glossary::TermStatus::kRejected) continue;
              rows.emplace(head, t.lang, t.text, std::string(glossary::ToString(t.status)));
            }
            return text::Status::Ok();
          })
          .ok());
  return rows;
}

fs::path ExportTo(Termbase& termbase, const fs::path& path, ExchangeFormat format,
                  glossary::TableLayout layout = glossary::TableLayout::kConcept) {
  glossary::ExportOptions options;
  options.format = format;
  options.layout = layout;
  auto stats = glossary::Export(termbase, path.string(), options);
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  return path;
}

bool HaveTool(const char* tool) {
  if (std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0) {
    return true;
  }
  BOOST_TEST_MESSAGE("skipped: " << tool << " is not installed");
  return false;
}

int Run(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange)

BOOST_AUTO_TEST_CASE(tbx2_validates_against_the_dtd) {
  fs::path shared = SharedDirOrSkip("TBX v2 validation");
  if (shared.empty() || !HaveTool("xmllint")) return;
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  Fill(*termbase);
  fs::path file = ExportTo(*termbase, dir / "g.tbx", ExchangeFormat::kTbx2);
  BOOST_TEST(Run("xmllint --noout --dtdvalid '" +
                 (shared / "formats/TBXcoreStructV02.dtd").string() + "' '" + file.string() +
                 "'") == 0);
  BOOST_TEST(ReadFile(file).find("xmlns") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(tbx3_validates_against_the_relaxng_schema) {
  fs::path shared = SharedDirOrSkip("TBX v3 validation");
  if (shared.empty() || !HaveTool("xmllint")) return;
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  Fill(*termbase);
  fs::path file = ExportTo(*termbase, dir / "g.tbx", ExchangeFormat::kTbx3);
  BOOST_TEST(Run("xmllint --noout --relaxng '" +
                 (shared / "formats/TBXcoreStructV03.rng").string() + "' '" + file.string() +
                 "' 2>/dev/null") == 0);
}

BOOST_AUTO_TEST_CASE(tbx_and_the_entity_layout_round_trip_every_term_and_status) {
  for (ExchangeFormat format : {ExchangeFormat::kTbx2, ExchangeFormat::kTbx3,
                                ExchangeFormat::kCsv, ExchangeFormat::kTsv}) {
    TempDir dir;
    auto original = Open(dir / "a.db");
    Fill(*original);
    fs::path file = ExportTo(*original, dir / "g.out", format, glossary::TableLayout::kEntity);
    auto copy = Open(dir / "b.db");
    glossary::ImportOptions options;
    options.format = format;
    auto stats = glossary::Import(*copy, file.string(), options);
    BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
    BOOST_TEST(stats->entities_created == 3);
    BOOST_TEST(stats->terms_added == 6);
    BOOST_TEST((Content(*copy) == Content(*original)), "format " << static_cast<int>(format));
    auto notes = copy->Lookup("harbour master");
    BOOST_REQUIRE(notes.ok() && notes->size() == 1);
    BOOST_TEST(notes->front().entity.note == "where ships \"berth\", and pay <fees> & dues");
    // The same file again adds nothing.
    auto again = glossary::Import(*copy, file.string(), options);
    BOOST_REQUIRE(again.ok());
    BOOST_TEST(again->terms_added == 0);
    BOOST_TEST(again->terms_existing == 6);
  }
}

BOOST_AUTO_TEST_CASE(bilingual_tsv_round_trip_keeps_the_pairs) {
  TempDir dir;
  auto original = Open(dir / "a.db");
  Fill(*original);
  fs::path file = ExportTo(*original, dir / "glossary.txt", ExchangeFormat::kTsv,
                           glossary::TableLayout::kBilingual);
  BOOST_TEST(ReadFile(file) ==
             "# en\tfr\tcomment\n"
             "harbour master\tcapitaine du port\twhere ships \"berth\", and pay <fees> & dues\n"
             "berth permit\tpermis d'accostage\t\n");
  auto copy = Open(dir / "b.db");
  glossary::ImportOptions options;
  options.format = ExchangeFormat::kTsv;
  auto stats = glossary::Import(*copy, file.string(), options);
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  BOOST_TEST(stats->terms_added == 4);
  auto found = copy->Lookup("permis d'accostage");
  BOOST_REQUIRE(found.ok() && found->size() == 1);
  BOOST_TEST(found->front().terms.size() == 2u);
}

BOOST_AUTO_TEST_CASE(tsv_import_takes_bom_crlf_and_comments) {
  TempDir dir;
  WriteFile(dir / "g.txt",
            "\xEF\xBB\xBF# a comment\r\ncontract\tcontrat\tlaw\r\n\r\nparty\tpartie\r\n");
  auto termbase = Open(dir / "t.db");
  glossary::ImportOptions options;
  options.format = ExchangeFormat::kTsv;
  options.columns = {"en", "fr", "note"};
  auto stats = glossary::Import(*termbase, (dir / "g.txt").string(), options);
  BOOST_REQUIRE_MESSAGE(stats.ok(), stats.status().message());
  BOOST_TEST(stats->entities_created == 2);
  auto found = termbase->Lookup("contrat");
  BOOST_REQUIRE(found.ok() && found->size() == 1);
  BOOST_TEST(found->front().entity.note == "law");
}

BOOST_AUTO_TEST_CASE(malformed_input_names_file_line_and_column) {
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  struct Case {
    std::string name, bytes;
    ExchangeFormat format;
    std::string message;
  };
  std::vector<Case> cases = {
      {"g.txt", "# comment\ncontract\tcontrat\tlaw\tmore\tcells\n", ExchangeFormat::kTsv,
       ":2:1: error: the first row ('contract', 'contrat', 'law', ...) names no language, so "
       "the file has no header: add a header row naming each column's language (en,fr-CA or "
       "English,Français; the others may be note, definition, subject, part of speech) or give "
       "--columns en,fr,..."},
      {"g.csv", "lang,term\nen,\"open quote\n", ExchangeFormat::kCsv,
       ":2:1: error: unterminated quoted field"},
      {"h.csv", "Source,Target\n", ExchangeFormat::kCsv,
       ":1:1: error: the first row ('Source', 'Target') names no language, so the file has no "
       "header: add a header row naming each column's language (en,fr-CA or English,Français; "
       "the others may be note, definition, subject, part of speech) or give --columns "
       "en,fr,..."},
      {"g.tbx",
       "<martif><text><body>\n  <termEntry><langSet><tig><term>x</term></tig>"
       "</langSet></termEntry></body></text></martif>",
       ExchangeFormat::kTbx2, ":2:14: error: <langSet> has no xml:lang"},
      {"h.tbx", "<martif>\n<text></body></martif>", ExchangeFormat::kTbx2,
       ":2:9: error: not well-formed XML: Start-end tags mismatch"},
      {"i.tbx", "<glossary/>", ExchangeFormat::kTbx2,
       ":1:1: error: not a TBX file: the root is <glossary>"},
  };
  for (const Case& c : cases) {
    WriteFile(dir / c.name, c.bytes);
    glossary::ImportOptions options;
    options.format = c.format;
    auto stats = glossary::Import(*termbase, (dir / c.name).string(), options);
    BOOST_REQUIRE(!stats.ok());
    BOOST_TEST(stats.status().message() == (dir / c.name).string() + c.message);
  }
  BOOST_TEST(termbase->Stats()->terms == 0);
}

BOOST_AUTO_TEST_CASE(export_of_an_empty_termbase_to_tbx_says_so_and_writes_nothing) {
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  glossary::ExportOptions options;
  auto stats = glossary::Export(*termbase, (dir / "g.tbx").string(), options);
  BOOST_REQUIRE(!stats.ok());
  BOOST_TEST(stats.status().message() == "exporting to " + (dir / "g.tbx").string() +
                                             ": the termbase " + (dir / "t.db").string() +
                                             " has no terms to export");
  BOOST_TEST(!fs::exists(dir / "g.tbx"));
}

BOOST_AUTO_TEST_CASE(format_names_and_file_names) {
  ExchangeFormat format;
  BOOST_TEST(glossary::ParseExchangeFormat("TBX3", &format));
  BOOST_TEST((format == ExchangeFormat::kTbx3));
  BOOST_TEST(!glossary::ParseExchangeFormat("xlsx", &format));
  BOOST_TEST(glossary::GuessExchangeFormat("a/glossary.txt", &format));
  BOOST_TEST((format == ExchangeFormat::kTsv));
  BOOST_TEST(glossary::GuessExchangeFormat("b.CSV", &format));
  BOOST_TEST((format == ExchangeFormat::kCsv));
  BOOST_TEST(!glossary::GuessExchangeFormat("noext", &format));
}

BOOST_AUTO_TEST_CASE(omegat_reads_the_exported_glossaries) {
  if (SharedDirOrSkip("the OmegaT check").empty()) return;
  TempDir dir;
  auto termbase = Open(dir / "t.db");
  Fill(*termbase);
  fs::path txt = ExportTo(*termbase, dir / "glossary.txt", ExchangeFormat::kTsv,
                          glossary::TableLayout::kBilingual);
  fs::path tbx = ExportTo(*termbase, dir / "glossary.tbx", ExchangeFormat::kTbx2);
  fs::path tmx = fs::path(TERMALIGN_TEST_DATA) / "glossary/two-units.tmx";
  auto omegat = RunOmegatCheck(dir.path(), tmx, {txt, tbx}, "en", "fr");
  if (!omegat) return;
  BOOST_TEST(omegat->exit_code == 0, omegat->log);
  std::vector<std::string> from_tbx = OmegatGlossaryEntries(omegat->log, "glossary.tbx");
  std::vector<std::string> from_txt = OmegatGlossaryEntries(omegat->log, "glossary.txt");
  BOOST_TEST(std::count(from_tbx.begin(), from_tbx.end(),
                        "harbour master => capitaine du port") == 1);
  BOOST_TEST(std::count(from_txt.begin(), from_txt.end(),
                        "berth permit => permis d'accostage") == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
