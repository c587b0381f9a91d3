#include <boost/test/unit_test.hpp>

#include "test_util.h"
#include "tmx/merge.h"
#include "tmx/reader.h"
#include "tmx/stats.h"
#include "tmx/tmx_test_util.h"
#include "tmx/validate.h"

namespace termalign::tmx {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::string Tmx(const std::string& srclang, const std::string& units) {
  return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" "
         "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"" +
         srclang + "\" datatype=\"plaintext\"/><body>\n" + units + "</body></tmx>\n";
}

std::string Unit(const std::string& en, const std::string& fr) {
  return "<tu><tuv xml:lang=\"en-US\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"fr-FR\"><seg>" +
         fr + "</seg></tuv></tu>\n";
}

BOOST_AUTO_TEST_SUITE(tmx_merge_stats)

BOOST_AUTO_TEST_CASE(merge_drops_duplicates_and_reports_conflicts) {
  TempDir dir;
  WriteFile(dir / "a.tmx", Tmx("en-US", Unit("Yes", "Oui") + Unit("No", "Non")));
  // Variants in the other order: still the same unit. "No" gets another translation.
  WriteFile(dir / "b.tmx",
            Tmx("en-US",
                "<tu><tuv xml:lang=\"fr-FR\"><seg>Oui</seg></tuv><tuv xml:lang=\"en-US\">"
                "<seg>Yes</seg></tuv></tu>\n" +
                    Unit("No", "Pas du tout") + Unit("Maybe", "Peut-être") +
                    "<tu><tuv xml:lang=\"de\"><seg>Ja</seg></tuv><tuv "
                    "xml:lang=\"fr-FR\"><seg>Oui</seg></tuv></tu>\n"));
  std::vector<std::string> reports;
  MergeStats stats;
  std::string a = (dir / "a.tmx").string(), b = (dir / "b.tmx").string();
  text::Status status = MergeTmx(
      {a, b}, (dir / "m.tmx").string(), {},
      [&](Severity severity, const std::string& m) {
        reports.push_back(std::string(SeverityName(severity)) + ": " + m);
      },
      &stats);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  BOOST_TEST(stats.units_read == 6u);
  BOOST_TEST(stats.duplicates == 1u);
  BOOST_TEST(stats.conflicts == 1u);
  BOOST_TEST(stats.missing_source == 1u);
  BOOST_TEST(stats.written == 4u);
  std::vector<std::string> expected = {
      "warning: " + b + ":4: same source as " + a + ":4 but a different translation: 'No'",
      "error: " + b + ": 1 unit(s) with no variant in en-US (nor another tag of its language) "
      "not merged; first at line 6 (languages: de, fr-FR)"};
  BOOST_TEST(reports == expected, boost::test_tools::per_element());
  text::Result<ValidationReport> report = ValidateTmx((dir / "m.tmx").string());
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report->problems.empty());
}

// TMX 1.4b: a <tu srclang> overrides the header's for its unit (the compliance kit's
// ImportTest1J_many has units in en-US under a header in es-ES).
BOOST_AUTO_TEST_CASE(merge_keys_a_unit_by_its_own_srclang) {
  TempDir dir;
  auto own = [](const std::string& fr) {
    return "<tu srclang=\"en-us\"><tuv xml:lang=\"fr-FR\"><seg>" + fr +
           "</seg></tuv><tuv xml:lang=\"en-US\"><seg>Yes</seg></tuv></tu>\n";
  };
  WriteFile(dir / "a.tmx", Tmx("es-ES", own("Oui") + own("Ouais") +
                                            "<tu><tuv xml:lang=\"es-ES\"><seg>Sí</seg></tuv><tuv "
                                            "xml:lang=\"en-US\"><seg>Yes</seg></tuv></tu>\n"));
  std::vector<std::string> reports;
  MergeStats stats;
  std::string a = (dir / "a.tmx").string();
  text::Status status = MergeTmx(
      {a}, (dir / "m.tmx").string(), {},
      [&](Severity, const std::string& m) { reports.push_back(m); }, &stats);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.message());
  BOOST_TEST(stats.missing_source == 0u);
  BOOST_TEST(stats.conflicts == 1u);
  BOOST_TEST(stats.written == 3u);
  BOOST_TEST(reports == std::vector<std::string>{a + ":4: same source as " + a +
                                                 ":3 but a different translation: 'Yes'"},
             boost::test_tools::per_element());
  TmxReader reader;
  BOOST_REQUIRE(reader.Open((dir / "m.tmx").string()).ok());
  std::vector<std::string> srclangs;
  for (TranslationUnit unit; reader.Next(&unit);) srclangs.push_back(unit.srclang);
  BOOST_TEST(srclangs == (std::vector<std::string>{"en-US", "en-US", ""}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(merge_failure_leaves_no_output) {
  TempDir dir;
  WriteFile(dir / "a.tmx", Tmx("en-US", Unit("Yes", "Oui")));
  WriteFile(dir / "bad.tmx", "<tmx>");
  MergeStats stats;
  text::Status status = MergeTmx(
      {(dir / "a.tmx").string(), (dir / "bad.tmx").string()}, (dir / "m.tmx").string(), {},
      [](Severity, const std::string&) {}, &stats);
  BOOST_TEST(status.code() == text::ErrorCode::kParse);
  BOOST_TEST(!std::filesystem::exists(dir / "m.tmx"));
}

BOOST_AUTO_TEST_CASE(stats_count_units_words_and_duplicates) {
  TempDir dir;
  WriteFile(dir / "s.tmx", Tmx("en-US", Unit("The red  car.", "La voiture rouge.") +
                                            Unit("The red  car.", "La voiture rouge.") +
                                            Unit("The red  car.", "L'auto rouge.") +
                                            Unit("Go\xC2\xA0now", "Pars")));
  text::Result<TmxStats> stats = ComputeStats((dir / "s.tmx").string());
  BOOST_REQUIRE(stats.ok());
  BOOST_TEST(stats->units == 4u);
  BOOST_TEST(stats->duplicate_units == 1u);
  BOOST_TEST(stats->repeated_sources == 2u);
  BOOST_REQUIRE(stats->languages.size() == 2u);
  BOOST_TEST(stats->languages[0].lang == "en-US");
  BOOST_TEST(stats->languages[0].words == 11u);
  BOOST_TEST(stats->languages[1].lang == "fr-FR");
  BOOST_TEST(stats->languages[1].words == 9u);
  BOOST_TEST(CountWords(" a\tb\n c  ") == 3u);
  BOOST_TEST(CountWords("") == 0u);
}

BOOST_AUTO_TEST_CASE(stats_find_a_units_source_by_its_own_srclang) {
  TempDir dir;
  auto own = [](const std::string& fr) {
    return "<tu srclang=\"en-US\"><tuv xml:lang=\"en-US\"><seg>Yes</seg></tuv><tuv "
           "xml:lang=\"fr-FR\"><seg>" +
           fr + "</seg></tuv></tu>\n";
  };
  WriteFile(dir / "s.tmx", Tmx("fr-FR", own("Oui") + own("Ouais")));
  text::Result<TmxStats> stats = ComputeStats((dir / "s.tmx").string());
  BOOST_REQUIRE(stats.ok());
  BOOST_TEST(stats->repeated_sources == 1u);
  BOOST_TEST(stats->duplicate_units == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::tmx
