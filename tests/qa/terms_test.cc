// Term checks against a real termbase on a temporary SQLite file.
#include <boost/test/unit_test.hpp>

#include <memory>

#include "glossary/termbase.h"
#include "qa/terms.h"
#include "qa_test_util.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using glossary::TermStatus;

struct Glossary {
  TempDir dir;
  std::unique_ptr<glossary::Termbase> termbase;

  Glossary() {
    auto opened = glossary::Termbase::Open((dir / "terms.db").string());
    BOOST_REQUIRE(opened.ok());
    termbase = std::move(opened.value());
  }

  glossary::EntityId Entity(const std::vector<std::tuple<std::string, std::string, TermStatus>>& terms) {
    auto entity = termbase->AddEntity();
    BOOST_REQUIRE(entity.ok());
    for (const auto& [text, lang, status] : terms) {
      glossary::TermInput input;
      input.text = text;
      input.lang = lang;
      input.status = status;
      BOOST_REQUIRE(termbase->AddTerm(*entity, input).ok());
    }
    return *entity;
  }
};

std::vector<qa::Finding> Check(Glossary& glossary, const std::vector<std::string>& en,
                               const std::vector<std::string>& fr) {
  text::Document source = MakeDocument("s", "en", en);
  text::Document target = MakeDocument("t", "fr", fr);
  align::Alignment alignment;
  for (std::size_t i = 0; i < en.size(); ++i) alignment.beads.push_back(MakeBead(i, 1, i, 1));
  text::Result<std::vector<qa::Finding>> findings =
      qa::CheckTerms(*glossary.termbase, source, target, alignment);
  BOOST_REQUIRE(findings.ok());
  return findings.value();
}

std::vector<qa::Finding> OfKind(const std::vector<qa::Finding>& findings, qa::FindingKind kind) {
  std::vector<qa::Finding> out;
  for (const qa::Finding& finding : findings) {
    if (finding.kind == kind) out.push_back(finding);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_terms)

BOOST_AUTO_TEST_CASE(an_approved_rendering_in_an_inflected_form_is_found) {
  Glossary glossary;
  glossary.Entity({{"tram line", "en", TermStatus::kApproved},
                   {"ligne de tramway", "fr", TermStatus::kApproved}});
  std::vector<qa::Finding> findings =
      Check(glossary, {"The new tram lines opened."}, {"Les nouvelles lignes de tramway ont ouvert."});
  BOOST_TEST(OfKind(findings, qa::FindingKind::kMissingTerm).empty());
}

BOOST_AUTO_TEST_CASE(a_missing_term_names_the_expected_rendering_and_its_place) {
  Glossary glossary;
  glossary.Entity({{"tram line", "en", TermStatus::kApproved},
                   {"ligne de tramway", "fr", TermStatus::kApproved}});
  std::string en = "The tram line opened in May.";
  std::vector<qa::Finding> findings = Check(glossary, {en}, {"Le bus a commencé en mai."});
  std::vector<qa::Finding> missing = OfKind(findings, qa::FindingKind::kMissingTerm);
  BOOST_REQUIRE(missing.size() == 1u);
  BOOST_TEST(missing[0].subject == "tram line");
  BOOST_TEST(missing[0].expected == std::vector<std::string>{"ligne de tramway"});
  BOOST_REQUIRE(missing[0].marks.size() == 1u);
  BOOST_TEST(en.substr(missing[0].marks[0].begin, missing[0].marks[0].end - missing[0].marks[0].begin) ==
             "tram line");
  BOOST_TEST(missing[0].message == "'tram line' not rendered; expected 'ligne de tramway'");
}

BOOST_AUTO_TEST_CASE(each_occurrence_needs_its_own_rendering) {
  Glossary glossary;
  glossary.Entity({{"depot", "en", TermStatus::kApproved}, {"dépôt", "fr", TermStatus::kApproved}});
  std::vector<qa::Finding> findings =
      Check(glossary, {"From depot to depot."}, {"D’un dépôt à l’autre."});
  BOOST_TEST(OfKind(findings, qa::FindingKind::kMissingTerm).size() == 1u);
}

BOOST_AUTO_TEST_CASE(candidates_are_expected_when_nothing_is_approved) {
  Glossary glossary;
  glossary.Entity({{"depot", "en", TermStatus::kCandidate}, {"dépôt", "fr", TermStatus::kCandidate}});
  std::vector<qa::Finding> findings = Check(glossary, {"The depot is closed."}, {"Le garage est fermé."});
  std::vector<qa::Finding> missing = OfKind(findings, qa::FindingKind::kMissingTerm);
  BOOST_REQUIRE(missing.size() == 1u);
  BOOST_TEST(missing[0].expected == std::vector<std::string>{"dépôt"});
}

BOOST_AUTO_TEST_CASE(a_rendering_with_an_unapproved_term_is_named) {
  Glossary glossary;
  glossary.Entity({{"depot", "en", TermStatus::kApproved},
                   {"dépôt", "fr", TermStatus::kApproved},
                   {"remise", "fr", TermStatus::kCandidate}});
  std::vector<qa::Finding> findings = Check(glossary, {"The depot is closed."}, {"La remise est fermée."});
  std::vector<qa::Finding> missing = OfKind(findings, qa::FindingKind::kMissingTerm);
  BOOST_REQUIRE(missing.size() == 1u);
  BOOST_TEST(missing[0].found == std::vector<std::string>{"remise"});
  BOOST_TEST(missing[0].marks.size() == 2u);
}

BOOST_AUTO_TEST_CASE(inconsistent_renderings_are_reported_in_both_directions) {
  Glossary glossary;
  glossary.Entity({{"depot", "en", TermStatus::kApproved},
                   {"dépôt", "fr", TermStatus::kApproved},
                   {"entrepôt", "fr", TermStatus::kApproved}});
  glossary.Entity({{"warehouse", "en", TermStatus::kApproved},
                   {"entrepôt", "fr", TermStatus::kApproved}});
  std::vector<qa::Finding> findings =
      Check(glossary, {"The depot opens.", "The depot closes.", "The warehouse is full."},
            {"Le dépôt ouvre.", "L’entrepôt ferme.", "L’entrepôt est plein."});
  std::vector<qa::Finding> inconsistent = OfKind(findings, qa::FindingKind::kInconsistentTerm);
  BOOST_REQUIRE(inconsistent.size() == 2u);
  BOOST_TEST(inconsistent[0].subject == "depot");
  BOOST_TEST(inconsistent[0].bead == 1u);
  BOOST_TEST(inconsistent[0].message ==
             "'depot' is rendered in several ways: 'dépôt' (1 time), 'entrepôt' (1 time)");
  BOOST_TEST(inconsistent[1].subject == "entrepôt");
  BOOST_TEST(inconsistent[1].message.find("renders several source terms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rejected_term_in_the_target_is_reported_with_the_approved_one) {
  Glossary glossary;
  glossary.Entity({{"tram", "en", TermStatus::kApproved},
                   {"tramway", "fr", TermStatus::kApproved},
                   {"wagon", "fr", TermStatus::kRejected}});
  std::vector<qa::Finding> findings =
      Check(glossary, {"The tram is late."}, {"Le tramway est en retard, comme les wagons."});
  std::vector<qa::Finding> rejected = OfKind(findings, qa::FindingKind::kRejectedTerm);
  BOOST_REQUIRE(rejected.size() == 1u);
  BOOST_TEST(rejected[0].subject == "wagons");
  BOOST_TEST(rejected[0].found == std::vector<std::string>{"wagon"});
  BOOST_TEST(rejected[0].expected == std::vector<std::string>{"tramway"});
  BOOST_TEST(OfKind(findings, qa::FindingKind::kMissingTerm).empty());
}

BOOST_AUTO_TEST_CASE(a_deprecated_term_in_the_target_is_forbidden_not_expected) {
  Glossary glossary;
  glossary::EntityId rail = glossary.Entity({{"light rail", "en", TermStatus::kApproved},
                                             {"tramway", "fr", TermStatus::kApproved}});
  glossary::TermInput deprecated;
  deprecated.text = "métro léger";
  deprecated.lang = "fr";
  deprecated.status = TermStatus::kApproved;
  deprecated.usage = glossary::TermUsage::kDeprecated;
  BOOST_REQUIRE(glossary.termbase->AddTerm(rail, deprecated).ok());
  std::vector<qa::Finding> findings =
      Check(glossary, {"The light rail is late.", "The light rail is early."},
            {"Le métro léger est en retard.", "Le tramway est en avance."});
  std::vector<qa::Finding> forbidden = OfKind(findings, qa::FindingKind::kRejectedTerm);
  BOOST_REQUIRE(forbidden.size() == 1u);
  BOOST_TEST(forbidden[0].bead == 0u);
  BOOST_TEST(forbidden[0].message == "'métro léger' is a deprecated term; use 'tramway'");
  // The deprecated term is no rendering: bead 0 misses the approved one.
  std::vector<qa::Finding> missing = OfKind(findings, qa::FindingKind::kMissingTerm);
  BOOST_REQUIRE(missing.size() == 1u);
  BOOST_TEST(missing[0].bead == 0u);
}

BOOST_AUTO_TEST_CASE(an_acronym_kept_in_the_target_pairs_with_itself) {
  Glossary glossary;
  glossary.Entity({{"Israel Ministry of Defence", "en", TermStatus::kApproved},
                   {"IMOD", "en", TermStatus::kApproved},
                   {"ministère israélien de la Défense", "fr", TermStatus::kApproved},
                   {"IMOD", "fr", TermStatus::kApproved}});
  std::vector<qa::Finding> findings =
      Check(glossary, {"The Israel Ministry of Defence (IMOD) said so.", "IMOD agreed."},
            {"Le ministère israélien de la Défense (IMOD) l’a dit.", "L’IMOD a accepté."});
  BOOST_TEST(findings.empty());
}

BOOST_AUTO_TEST_CASE(an_acronym_kept_as_it_is_counts_as_rendered) {
  Glossary glossary;
  glossary.Entity({{"RTA", "en", TermStatus::kApproved},
                   {"Autorité régionale des transports", "fr", TermStatus::kApproved}});
  BOOST_TEST(Check(glossary, {"The RTA said so."}, {"La RTA l’a dit."}).empty());
  // Inside another word it does not count.
  BOOST_TEST(Check(glossary, {"The RTA said so."}, {"La RTAX l’a dit."}).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
