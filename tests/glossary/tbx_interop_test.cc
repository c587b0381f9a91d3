// Termbases other tools wrote: every TBX file of the shared interop folder imports (warnings
// where it is odd), keeps one concept per entry, and comes back through TBX v2 and v3 export
// with every concept, term, usage and data category. Plus concept-safe import on files written
// here: homonyms stay apart, a second import updates, regions are kept.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "glossary/exchange.h"
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

glossary::ImportStats ImportFile(Termbase& termbase, const fs::path& file,
                                 std::vector<std::string>* warnings = nullptr) {
  glossary::ImportOptions options;
  BOOST_REQUIRE(glossary::GuessExchangeFormat(file.string(), &options.format));
  options.warn = [&](std::string_view line) {
    if (warnings != nullptr) warnings->emplace_back(line);
  };
  auto stats = glossary::Import(termbase, file.string(), options);
  BOOST_REQUIRE_MESSAGE(stats.ok(), file.string() << ": " << stats.status().message());
  return *stats;
}

// One concept as comparable text: its terms (tag, text, status, usage) and its data categories
// (level, element, type, value), sorted. Ids are left out: files give them, or not.
std::multiset<std::string> Concepts(Termbase& termbase) {
  std::multiset<std::string> concepts;
  auto status = termbase.ForEachEntity(
      [&](const glossary::Entity& entity, const std::vector<glossary::Term>& terms) {
        std::map<glossary::TermId, std::string> text_of;
        std::set<std::string> lines;
        for (const auto& t : terms) {
          text_of[t.id] = t.text;
          lines.insert("term " + t.lang_tag + " " + t.text + " " +
                       std::string(glossary::ToString(t.status)) + " " +
                       std::string(glossary::ToString(t.usage)));
        }
        auto categories = termbase.DataCategoriesOf(entity.id);
        if (!categories.ok()) return categories.status();
        for (const auto& c : *categories) {
          std::string level = c.term != 0 ? "term:" + text_of[c.term] : "lang:" + c.lang;
          lines.insert("data " + level + " " + c.element + " " + c.type + " = " + c.value);
        }
        std::string joined;
        for (const std::string& line : lines) joined += line + "\n";
        concepts.insert(joined);
        return text::Status::Ok();
      });
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  return concepts;
}

std::vector<fs::path> InteropTbxFiles() {
  fs::path shared = SharedDirOrSkip("TBX interop");
  std::vector<fs::path> files;
  if (shared.empty() || !fs::exists(shared / "interop/tbx")) return files;
  for (const auto& entry : fs::directory_iterator(shared / "interop/tbx")) {
    if (entry.path().extension() == ".tbx") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t CountOf(const std::string& bytes, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = bytes.find(what); at != std::string::npos; at = bytes.find(what, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tbx_interop)

BOOST_AUTO_TEST_CASE(every_interop_termbase_round_trips_through_tbx2_and_tbx3) {
  for (const fs::path& file : InteropTbxFiles()) {
    BOOST_TEST_CONTEXT(file.filename().string()) {
      TempDir dir;
      auto original = Open(dir / "a.db");
      ImportFile(*original, file);
      std::multiset<std::string> before = Concepts(*original);
      BOOST_TEST(!before.empty());
      // One concept per entry of the file: nothing merged.
      const std::string bytes = ReadFile(file);
      std::size_t entries = CountOf(bytes, "<termEntry") + CountOf(bytes, "<conceptEntry");
      BOOST_TEST(before.size() == entries);
      for (ExchangeFormat format : {ExchangeFormat::kTbx2, ExchangeFormat::kTbx3}) {
        glossary::ExportOptions options;
        options.format = format;
        fs::path out = dir / (format == ExchangeFormat::kTbx2 ? "v2.tbx" : "v3.tbx");
        auto exported = glossary::Export(*original, out.string(), options);
        BOOST_REQUIRE_MESSAGE(exported.ok(), exported.status().message());
        auto copy = Open(dir / (out.stem().string() + ".db"));
        ImportFile(*copy, out);
        std::multiset<std::string> after = Concepts(*copy);
        BOOST_TEST(after.size() == before.size());
        std::vector<std::string> lost, gained;
        std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                            std::back_inserter(lost));
        std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                            std::back_inserter(gained));
        BOOST_TEST(lost.empty(), out.filename().string() << " lost:\n"
                                                          << (lost.empty() ? "" : lost[0]));
        BOOST_TEST(gained.empty(), out.filename().string()
                                       << " changed into:\n"
                                       << (gained.empty() ? "" : gained[0]));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(an_entry_with_an_empty_term_is_read_with_a_warning) {
  for (const fs::path& file : InteropTbxFiles()) {
    if (file.filename() != "sdl_tbx.tbx") continue;
    TempDir dir;
    auto termbase = Open(dir / "t.db");
    std::vector<std::string> warnings;
    glossary::ImportStats stats = ImportFile(*termbase, file, &warnings);
    BOOST_TEST(stats.entities_created == 223);
    BOOST_REQUIRE(!warnings.empty());
    BOOST_TEST(warnings[0].rfind(file.string() + ":", 0) == 0u);
    BOOST_TEST(warnings[0].find(": warning: empty <term> (left out)") != std::string::npos);
    BOOST_TEST(stats.skipped == static_cast<std::int64_t>(warnings.size()));
  }
}

BOOST_AUTO_TEST_CASE(homonyms_stay_apart_and_a_second_import_updates) {
  TempDir dir;
  const std::string v2 =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX\" xml:lang=\"en\">"
      "<martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>"
      "<text><body>"
      "<termEntry id=\"bank-money\"><descrip type=\"subjectField\">finance</descrip>"
      "<langSet xml:lang=\"en\"><tig><term>bank</term></tig></langSet>"
      "<langSet xml:lang=\"fr-CA\"><tig><term>banque</term></tig></langSet></termEntry>"
      "<termEntry id=\"bank-river\"><descrip type=\"subjectField\">geography</descrip>"
      "<langSet xml:lang=\"en\"><tig><term>bank</term></tig></langSet>"
      "<langSet xml:lang=\"fr\"><tig><term>rive</term>"
      "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></tig>"
      "<tig><term>berge</term></tig></langSet></termEntry>"
      "</body></text></martif>\n";
  WriteFile(dir / "vendor.tbx", v2);
  auto termbase = Open(dir / "t.db");
  glossary::ImportStats first = ImportFile(*termbase, dir / "vendor.tbx");
  BOOST_TEST(first.entities_created == 2);
  glossary::ImportStats second = ImportFile(*termbase, dir / "vendor.tbx");
  BOOST_TEST(second.entities_created == 0);
  BOOST_TEST(second.entities_updated == 2);
  auto stats = termbase->Stats();
  BOOST_REQUIRE(stats.ok());
  BOOST_TEST(stats->entities == 2);
  BOOST_TEST(stats->terms == 5);
  auto banque = termbase->FindTerms("banque", "fr", glossary::MatchKind::kExact);
  BOOST_REQUIRE(banque.ok() && banque->size() == 1u);
  BOOST_TEST(banque->front().lang_tag == "fr-CA");
  auto rive = termbase->FindTerms("rive", "fr", glossary::MatchKind::kExact);
  BOOST_REQUIRE(rive.ok() && rive->size() == 1u);
  BOOST_TEST(glossary::ToString(rive->front().usage) == "deprecated");
  BOOST_TEST(glossary::ToString(rive->front().status) == "approved");
  // The data categories were replaced, not added a second time.
  auto categories = termbase->DataCategoriesOf(rive->front().entity);
  BOOST_REQUIRE(categories.ok());
  BOOST_TEST(categories->size() == 1u);
  BOOST_TEST(categories->front().value == "geography");

  // Export asks for a regional tag and gets it; the deprecated term goes out as such.
  glossary::ExportOptions options;
  options.format = ExchangeFormat::kTsv;
  options.layout = glossary::TableLayout::kBilingual;
  options.source_lang = "en";
  options.target_lang = "fr-CA";
  auto tsv = glossary::Export(*termbase, (dir / "g.tsv").string(), options);
  BOOST_REQUIRE(tsv.ok());
  BOOST_TEST(ReadFile(dir / "g.tsv") ==
             "# en\tfr-CA\tcomment\n"
             "bank\tbanque\t\n"
             "bank\tberge\t\n");
  options.format = ExchangeFormat::kTbx2;
  auto tbx = glossary::Export(*termbase, (dir / "g.tbx").string(), options);
  BOOST_REQUIRE(tbx.ok());
  BOOST_TEST(ReadFile(dir / "g.tbx").find("<term>rive</term><termNote type=\"administrativeStatus\">"
                                          "deprecatedTerm-admn-sts</termNote>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(merge_by_term_joins_and_says_so) {
  TempDir dir;
  WriteFile(dir / "a.tsv", "en\tfr\tnote\nharbour\tport\t\n");
  WriteFile(dir / "b.tsv", "English\tFrench\nharbour\thavre\n");
  auto termbase = Open(dir / "t.db");
  ImportFile(*termbase, dir / "a.tsv");
  glossary::ImportOptions options;
  options.format = ExchangeFormat::kTsv;
  options.merge_by_term = true;
  auto joined = glossary::Import(*termbase, (dir / "b.tsv").string(), options);
  BOOST_REQUIRE(joined.ok());
  BOOST_TEST(joined->entities_joined == 1);
  BOOST_TEST(termbase->Stats()->entities == 1);
  auto apart = Open(dir / "u.db");
  ImportFile(*apart, dir / "a.tsv");
  ImportFile(*apart, dir / "b.tsv");
  BOOST_TEST(apart->Stats()->entities == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
