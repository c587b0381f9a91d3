// The do-not-translate check against a real termbase on a temporary SQLite file.
#include <boost/test/unit_test.hpp>

#include <memory>

#include "glossary/termbase.h"
#include "qa/check.h"
#include "qa/do_not_translate.h"
#include "qa_test_util.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

struct Verbatim {
  TempDir dir;
  std::unique_ptr<glossary::Termbase> termbase;

  Verbatim() {
    auto opened = glossary::Termbase::Open((dir / "terms.db").string());
    BOOST_REQUIRE(opened.ok());
    termbase = std::move(opened.value());
  }

  // A term of `lang`, marked do not translate unless `marked` is false.
  void Add(const std::string& text, const std::string& lang, bool marked = true,
           glossary::TermStatus status = glossary::TermStatus::kApproved) {
    auto entity = termbase->AddEntity();
    BOOST_REQUIRE(entity.ok());
    glossary::TermInput input;
    input.text = text;
    input.lang = lang;
    input.status = status;
    auto term = termbase->AddTerm(*entity, input);
    BOOST_REQUIRE(term.ok());
    if (marked) {
      BOOST_REQUIRE(termbase->AddDataCategory(glossary::DoNotTranslateNote(*entity, *term)).ok());
    }
  }

  std::vector<qa::Finding> Check(const std::vector<std::string>& en,
                                 const std::vector<std::string>& fr) {
    text::Document source = MakeDocument("s", "en", en);
    text::Document target = MakeDocument("t", "fr", fr);
    align::Alignment alignment;
    for (std::size_t i = 0; i < en.size(); ++i) alignment.beads.push_back(MakeBead(i, 1, i, 1));
    auto findings = qa::CheckDoNotTranslate(*termbase, source, target, alignment);
    BOOST_REQUIRE_MESSAGE(findings.ok(), findings.status().message());
    return findings.value();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(qa_do_not_translate, Verbatim)

BOOST_AUTO_TEST_CASE(a_string_changed_in_the_target_is_reported_at_its_place) {
  Add("--dry-run", "en");
  Add("MAX_RETRIES", "en");
  const std::string en = "Run it with --dry-run first; MAX_RETRIES stays at 3.";
  std::vector<qa::Finding> findings =
      Check({en, "Set MAX_RETRIES."},
            {"Lancez-le d’abord avec --essai-à-blanc ; «MAX_RETRIES» reste à 3.",
             "Réglez max_retries."});
  BOOST_REQUIRE(findings.size() == 2u);
  BOOST_TEST((findings[0].kind == qa::FindingKind::kDoNotTranslate));
  BOOST_TEST(findings[0].bead == 0u);
  BOOST_TEST(findings[0].subject == "--dry-run");
  BOOST_TEST((findings[0].expected == std::vector<std::string>{"--dry-run"}));
  BOOST_TEST(findings[0].message ==
             "'--dry-run' is to be copied unchanged (do not translate) but the target does not "
             "have it");
  BOOST_REQUIRE(findings[0].marks.size() == 1u);
  BOOST_TEST(findings[0].marks[0].begin == en.find("--dry-run"));
  BOOST_TEST(findings[0].marks[0].end == en.find("--dry-run") + 9);
  BOOST_TEST(findings[1].bead == 1u);
  BOOST_TEST(findings[1].subject == "MAX_RETRIES");
}

BOOST_AUTO_TEST_CASE(each_occurrence_needs_its_copy) {
  Add("{name}", "en");
  std::vector<qa::Finding> findings =
      Check({"Hello {name}, {name} is your login."}, {"Bonjour {name}, c’est votre identifiant."});
  BOOST_REQUIRE(findings.size() == 1u);
  BOOST_TEST(findings[0].message ==
             "'{name}' is to be copied unchanged (do not translate) but the target has it 1 of "
             "2 times");
}

BOOST_AUTO_TEST_CASE(only_whole_strings_of_marked_terms_count) {
  Add("run", "en");             // a word edge: not inside "rerun"
  Add("pump", "en", false);     // a term, not marked
  Add("ksctl", "en", true, glossary::TermStatus::kRejected);
  Add("--force", "fr");         // another language's
  std::vector<qa::Finding> findings =
      Check({"Rerun the pump; ksctl --force."}, {"Relancez la pompe."});
  BOOST_TEST(findings.empty());
}

BOOST_AUTO_TEST_CASE(the_check_is_in_the_table_and_needs_a_termbase) {
  Add("--dry-run", "en");
  text::Document source = MakeDocument("s", "en", {"Use --dry-run."});
  text::Document target = MakeDocument("t", "fr", {"Utilisez --simulation."});
  align::Alignment alignment;
  alignment.beads.push_back(MakeBead(0, 1, 0, 1));
  qa::CheckOptions options;
  auto without = qa::CheckPair(source, target, alignment, options);
  BOOST_REQUIRE(without.ok());
  BOOST_TEST(without->Count(qa::FindingKind::kDoNotTranslate) == 0u);
  options.termbase = termbase.get();
  auto with = qa::CheckPair(source, target, alignment, options);
  BOOST_REQUIRE(with.ok());
  BOOST_TEST(with->Count(qa::FindingKind::kDoNotTranslate) == 1u);
  BOOST_TEST(with->Ran("do_not_translate"));
  BOOST_TEST(qa::KindName(qa::FindingKind::kDoNotTranslate) == "do_not_translate");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
