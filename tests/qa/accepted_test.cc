// Accepted findings: fingerprints, the accepted.tsv file read and written, and findings set
// aside as accepted.
#include "qa/accepted.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "qa/check.h"
#include "qa_test_util.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

// Three findings: a number mismatch (bead 1), an omission (bead 2), an addition (bead 3).
qa::Report SampleReport() {
  text::Document source = MakeDocument(
      "ferry.en.txt", "en", {"The ferry sails at 7.", "It carries 300 cars.", "Dogs ride free."});
  text::Document target =
      MakeDocument("ferry.fr.txt", "fr",
                   {"Le bac part à 7 h.", "Il transporte 350 voitures.", "Un paragraphe ajouté."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 1, 0.92), MakeBead(1, 1, 1, 1, 0.6), MakeBead(2, 1, 2, 0),
                     MakeBead(3, 0, 2, 1)};
  text::Result<qa::Report> report = qa::CheckPair(source, target, alignment, {});
  BOOST_REQUIRE(report.ok());
  return std::move(report.value());
}

std::vector<std::string> Kinds(const std::vector<qa::Finding>& findings) {
  std::vector<std::string> kinds;
  for (const qa::Finding& finding : findings) kinds.emplace_back(qa::KindName(finding.kind));
  return kinds;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_accepted)

BOOST_AUTO_TEST_CASE(a_fingerprint_is_the_kind_and_the_texts_not_the_place) {
  qa::Report report = SampleReport();
  BOOST_REQUIRE_EQUAL(Kinds(report.findings).size(), 3u);
  const qa::Finding& omission = report.findings[1];
  qa::Fingerprint print = qa::FingerprintOf(report, omission);
  BOOST_TEST(print.kind == "omission");
  BOOST_TEST(print.source == report.SourceText(omission));
  BOOST_TEST(print.source == "Dogs ride free.");
  BOOST_TEST(print.target == "");
  // The same texts further down the documents: the same fingerprint.
  qa::Finding moved = omission;
  moved.bead += 7;
  BOOST_TEST((qa::FingerprintOf(report, moved) == print));
  // Another kind over the same sentences is another finding.
  qa::Finding other = omission;
  other.kind = qa::FindingKind::kAddition;
  BOOST_TEST((qa::FingerprintOf(report, other) != print));
}

BOOST_AUTO_TEST_CASE(the_file_keeps_tabs_line_feeds_and_backslashes_through_a_round_trip) {
  TempDir dir;
  const std::string path = (dir / "accepted.tsv").string();
  qa::AcceptedFindings written;
  const qa::Fingerprint odd{"omission", "a\tb\\n c\nd\r", "\\"};
  const qa::Fingerprint plain{"addition", "", "Un paragraphe ajouté."};
  BOOST_TEST(written.Add(odd));
  BOOST_TEST(written.Add(plain));
  BOOST_TEST(!written.Add(plain));  // once only
  BOOST_REQUIRE(written.Write(path).ok());
  // One line each, sorted, escapes written out.
  BOOST_TEST(ReadFile(path) ==
             "addition\t\tUn paragraphe ajouté.\n"
             "omission\ta\\tb\\\\n c\\nd\\r\t\\\\\n");
  text::Result<qa::AcceptedFindings> read = qa::AcceptedFindings::Read(path, false);
  BOOST_REQUIRE(read.ok());
  BOOST_TEST(read->size() == 2u);
  BOOST_TEST(read->Contains(odd));
  BOOST_TEST(read->Contains(plain));
  BOOST_TEST(!read->Contains({"omission", "a\tb\\n c\nd\r", ""}));
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_empty_only_when_allowed) {
  TempDir dir;
  const std::string path = (dir / "none.tsv").string();
  text::Result<qa::AcceptedFindings> allowed = qa::AcceptedFindings::Read(path, true);
  BOOST_REQUIRE(allowed.ok());
  BOOST_TEST(allowed->size() == 0u);
  text::Result<qa::AcceptedFindings> refused = qa::AcceptedFindings::Read(path, false);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().message() == "cannot open " + path + ": no such file");
}

BOOST_AUTO_TEST_CASE(a_bad_line_is_refused_with_its_number) {
  TempDir dir;
  const std::string path = (dir / "bad.tsv").string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"omission\ta\tb\n\nomission\tonly two\n",
       ":3: expected 3 tab-separated fields (kind, source, target)"},
      {"omission\ta\tb\tc\n", ":1: expected 3 tab-separated fields (kind, source, target)"},
      {"bogus\ta\tb\n", ":1: unknown kind 'bogus'"},
      {"omission\ta\\x\tb\n", ":1: a backslash must start \\t, \\n, \\r or \\\\"},
      {"omission\ta\tb\\\n", ":1: a backslash must start \\t, \\n, \\r or \\\\"}};
  for (const auto& [bytes, why] : cases) {
    WriteFile(path, bytes);
    text::Result<qa::AcceptedFindings> read = qa::AcceptedFindings::Read(path, true);
    BOOST_REQUIRE(!read.ok());
    BOOST_TEST(read.status().message() == path + why, bytes);
  }
  // Windows line ends and blank lines are fine.
  WriteFile(path, "omission\ta\tb\r\n\r\n");
  text::Result<qa::AcceptedFindings> read = qa::AcceptedFindings::Read(path, false);
  BOOST_REQUIRE(read.ok());
  BOOST_TEST(read->Contains({"omission", "a", "b"}));
}

BOOST_AUTO_TEST_CASE(accepted_findings_are_set_aside_in_order) {
  qa::Report report = SampleReport();
  const std::vector<qa::Finding> all = report.findings;
  qa::AcceptedFindings accepted;
  accepted.Add(qa::FingerprintOf(report, all[2]));
  accepted.Add(qa::FingerprintOf(report, all[0]));
  accepted.Add({"omission", "Not in these documents.", ""});
  qa::SetAsideAccepted(accepted, &report);
  BOOST_TEST(Kinds(report.findings) == std::vector<std::string>{Kinds(all)[1]});
  BOOST_TEST(Kinds(report.accepted) == (std::vector<std::string>{Kinds(all)[0], Kinds(all)[2]}));
  // Not counted: Count reads the findings alone.
  BOOST_TEST(report.Count(all[0].kind) == 0u);

  qa::Report untouched = SampleReport();
  qa::SetAsideAccepted(qa::AcceptedFindings(), &untouched);
  BOOST_TEST(untouched.findings.size() == all.size());
  BOOST_TEST(untouched.accepted.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
