// `glossary suggest` and deciding on proposals from the command line, over a termbase whose
// proposals were stored through the library (as term pairing and linking store them).
#include <boost/test/unit_test.hpp>

#include "glossary/glossary_test_print.h"
#include "glossary/termbase.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using glossary::Termbase;

glossary::Termbase::FindOrCreateResult Term(Termbase& termbase, const char* text,
                                            const char* lang) {
  glossary::TermInput input;
  input.text = text;
  input.lang = lang;
  input.origin = glossary::TermOrigin::kExtracted;
  auto created = termbase.FindOrCreateTerm(input);
  BOOST_REQUIRE(created.ok());
  return *created;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(termbase_proposals_cli)

BOOST_AUTO_TEST_CASE(suggest_lists_proposals_and_approve_accepts_one) {
  TempDir dir;
  {
    auto opened = Termbase::Open((dir / "termalign.db").string());
    BOOST_REQUIRE(opened.ok());
    Termbase& termbase = **opened;
    auto azure = Term(termbase, "Azure", "en");
    auto gaza = Term(termbase, "Gaza", "en");
    auto ar = Term(termbase, "أزور", "ar");
    glossary::Proposal p;
    p.kind = glossary::ProposalKind::kLink;
    p.term = ar.term;
    p.entity = azure.entity;
    p.score = 0.91;
    p.method = "skeleton";
    p.term_count = 2;
    p.example_source = "خدمة أزور السحابية";
    BOOST_REQUIRE(termbase.Propose(p).ok());
    p.entity = gaza.entity;
    p.score = 0.2;
    p.example_source.clear();
    BOOST_REQUIRE(termbase.Propose(p).ok());
  }
  RunResult suggest = RunCli("glossary suggest", dir.path());
  BOOST_TEST(suggest.exit_code == 0, suggest.err);
  BOOST_TEST(suggest.out ==
             "p1\t0.910\tar أزور\t-> entity 1 (Azure)\tskeleton 0/2/0\n"
             "\t\te.g. خدمة أزور السحابية\n"
             "p2\t0.200\tar أزور\t-> entity 2 (Gaza)\tskeleton 0/2/0\n");
  RunResult approve = RunCli("glossary approve --proposal p1", dir.path());
  BOOST_TEST(approve.exit_code == 0, approve.err);
  RunResult lookup = RunCli("lookup أزور", dir.path());
  BOOST_TEST(lookup.exit_code == 0);
  BOOST_TEST(lookup.out ==
             "entity 1 (exact match)\n"
             "  ar  أزور  [approved, linked]\n"
             "  en  Azure  [candidate, extracted]\n"
             "  example: خدمة أزور السحابية\n");
  RunResult none = RunCli("glossary suggest", dir.path());
  BOOST_TEST(none.exit_code == 1);
  BOOST_TEST(none.out.empty());
  RunResult unknown = RunCli("glossary reject --proposal 99", dir.path());
  BOOST_TEST(unknown.exit_code == 2);
  BOOST_TEST(unknown.err == "termalign: error: no proposal 99 in termalign.db\n");
}

// What the build learnt but nobody decided is visible from both terms' lookups, marked pending.
BOOST_AUTO_TEST_CASE(lookup_shows_pending_translations_of_both_sides) {
  TempDir dir;
  {
    auto opened = Termbase::Open((dir / "termalign.db").string());
    BOOST_REQUIRE(opened.ok());
    Termbase& termbase = **opened;
    auto tariff = Term(termbase, "tariff", "en");
    auto tarif = Term(termbase, "tarif", "fr");
    glossary::Proposal p;
    p.kind = glossary::ProposalKind::kPair;
    p.term = tarif.term;
    p.entity = tariff.entity;
    p.via_term = tariff.term;
    p.score = 0.45;
    p.method = "dictionary";
    p.cooccurrences = 2;
    p.term_count = 2;
    p.other_count = 2;
    BOOST_REQUIRE(termbase.Propose(p).ok());
  }
  RunResult english = RunCli("lookup tariff", dir.path());
  BOOST_TEST(english.exit_code == 0, english.err);
  BOOST_TEST(english.out ==
             "entity 1 (exact match)\n"
             "  en  tariff  [candidate, extracted]\n"
             "  proposed  fr  tarif  [pending p1, score 0.45, dictionary, 2 aligned pairs]\n");
  RunResult french = RunCli("lookup --json tarif", dir.path());
  BOOST_TEST(french.exit_code == 0, french.err);
  BOOST_TEST(french.out.find(R"("proposed":[{"cooccurrences":2,"entity":1,"lang":"en",)"
                             R"("method":"dictionary","proposal":1,"score":0.45,"text":"tariff"}])") !=
                 std::string::npos,
             french.out);
  RunResult approve = RunCli("glossary approve --proposal p1", dir.path());
  BOOST_TEST(approve.exit_code == 0, approve.err);
  RunResult joined = RunCli("lookup tariff", dir.path());
  BOOST_TEST(joined.out.find("proposed") == std::string::npos, joined.out);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
