// The terms view's answers and decisions over a real termbase file.
#include "review/terms_desk.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.h"

namespace termalign::review {
namespace {

using glossary::Proposal;
using glossary::Termbase;
using nlohmann::json;
using termalign::testing::TempDir;

std::unique_ptr<Termbase> OpenOrDie(const std::string& path) {
  auto termbase = Termbase::Open(path);
  BOOST_REQUIRE_MESSAGE(termbase.ok(), termbase.status().message());
  return std::move(*termbase);
}

glossary::Termbase::FindOrCreateResult TermOrDie(Termbase& termbase, const std::string& text,
                                                 const std::string& lang) {
  glossary::TermInput input;
  input.text = text;
  input.lang = lang;
  auto made = termbase.FindOrCreateTerm(input);
  BOOST_REQUIRE(made.ok());
  return *made;
}

// A termbase with "tram line" (en) and two French terms proposed for it, and an Arabic one.
struct Fixture {
  TempDir dir;
  std::string path = (dir / "t.db").string();
  std::unique_ptr<Termbase> termbase = OpenOrDie(path);
  glossary::Termbase::FindOrCreateResult en = TermOrDie(*termbase, "tram line", "en");
  glossary::Termbase::FindOrCreateResult fr = TermOrDie(*termbase, "ligne de tramway", "fr");
  glossary::Termbase::FindOrCreateResult fr_bad = TermOrDie(*termbase, "la ligne", "fr");
  glossary::Termbase::FindOrCreateResult ar = TermOrDie(*termbase, "خط الترام", "ar");
  glossary::ProposalId good = Propose(fr.term, 0.9, "The tram line opens.", "La ligne de tramway ouvre.");
  glossary::ProposalId bad = Propose(fr_bad.term, 0.4, "The tram line opens.", "La ligne ouvre.");
  glossary::ProposalId link = Propose(ar.term, 0.7, "خط الترام", "", glossary::ProposalKind::kLink);
  TermsDesk desk{*termbase};

  glossary::ProposalId Propose(glossary::TermId term, double score, const std::string& source,
                               const std::string& target,
                               glossary::ProposalKind kind = glossary::ProposalKind::kPair) {
    Proposal p;
    p.kind = kind;
    p.term = term;
    p.entity = en.entity;
    p.via_term = kind == glossary::ProposalKind::kPair ? en.term : 0;
    p.score = score;
    p.method = "logdice";
    p.cooccurrences = 3;
    p.term_count = 4;
    p.other_count = 5;
    p.example_source = source;
    p.example_target = target;
    auto id = termbase->Propose(p);
    BOOST_REQUIRE(id.ok());
    return *id;
  }

  json Pending() {
    Reply reply = desk.Pending(0, 100);
    BOOST_REQUIRE_EQUAL(reply.status, 200);
    return json::parse(reply.body);
  }

  std::string StampOf(glossary::ProposalId id) {
    const json pending = Pending();
    for (const json& p : pending["proposals"]) {
      if (p["id"] == id) return p["stamp"];
    }
    BOOST_FAIL("proposal not pending");
    return "";
  }

  Decision Make(Decision::Action action, glossary::ProposalId id, std::string text = "") {
    Decision decision;
    decision.action = action;
    decision.proposal = id;
    decision.stamp = StampOf(id);
    decision.text = std::move(text);
    return decision;
  }

  Decision LinkTo(glossary::ProposalId id, glossary::EntityId entity) {
    Decision decision = Make(Decision::Action::kLink, id);
    decision.entity = entity;
    return decision;
  }

  glossary::ProposalStatus StatusOf(glossary::ProposalId id) {
    auto p = termbase->GetProposal(id);
    BOOST_REQUIRE(p.ok());
    return p->status;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(review_terms_desk)

BOOST_FIXTURE_TEST_CASE(pending_lists_best_first_with_evidence_and_examples, Fixture) {
  json answer = Pending();
  BOOST_TEST(answer["total"] == 3);
  const json& list = answer["proposals"];
  BOOST_REQUIRE_EQUAL(list.size(), 3u);
  BOOST_TEST(list[0]["id"] == good);
  BOOST_TEST(list[1]["id"] == link);
  BOOST_TEST(list[2]["id"] == bad);
  BOOST_TEST(list[0]["term"]["text"] == "ligne de tramway");
  BOOST_TEST(list[0]["via"]["text"] == "tram line");
  BOOST_TEST(list[0]["entity_terms"][0]["text"] == "tram line");
  BOOST_TEST(list[0]["example_target"] == "La ligne de tramway ouvre.");
  BOOST_TEST(list[0]["cooccurrences"] == 3);
  BOOST_TEST(list[1]["via"].is_null());
  // Paging: the second page starts where the first ended.
  json second = json::parse(desk.Pending(1, 1).body);
  BOOST_REQUIRE_EQUAL(second["proposals"].size(), 1u);
  BOOST_TEST(second["proposals"][0]["id"] == link);
}

BOOST_FIXTURE_TEST_CASE(approving_joins_the_term_to_the_entity, Fixture) {
  Reply reply = desk.Decide(Make(Decision::Action::kApprove, good));
  BOOST_TEST(reply.status == 200, reply.body);
  BOOST_TEST(json::parse(reply.body)["message"] == "approved 'ligne de tramway'");
  BOOST_TEST((StatusOf(good) == glossary::ProposalStatus::kAccepted));
  auto term = termbase->GetTerm(fr.term);
  BOOST_REQUIRE(term.ok());
  auto joined = termbase->GetTerm(en.term);
  BOOST_TEST(term->entity == joined->entity);
  BOOST_TEST((term->status == glossary::TermStatus::kApproved));
  BOOST_TEST(Pending()["total"] == 2);
}

BOOST_FIXTURE_TEST_CASE(rejecting_marks_the_proposal_only, Fixture) {
  Reply reply = desk.Decide(Make(Decision::Action::kReject, bad));
  BOOST_TEST(reply.status == 200, reply.body);
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kRejected));
  BOOST_TEST(termbase->GetTerm(fr_bad.term)->entity != en.entity);
}

BOOST_FIXTURE_TEST_CASE(editing_adds_the_corrected_term_and_rejects_the_proposal, Fixture) {
  Reply reply = desk.Decide(Make(Decision::Action::kEdit, bad, "  ligne de tram "));
  BOOST_TEST(reply.status == 200, reply.body);
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kRejected));
  auto terms = termbase->TermsOf(en.entity);
  BOOST_REQUIRE(terms.ok());
  bool found = false;
  for (const glossary::Term& t : *terms) {
    if (t.text == "ligne de tram" && t.lang == "fr") {
      found = true;
      BOOST_TEST((t.status == glossary::TermStatus::kApproved));
    }
  }
  BOOST_TEST(found);
}

BOOST_FIXTURE_TEST_CASE(an_edit_without_a_letter_changes_nothing, Fixture) {
  Reply reply = desk.Decide(Make(Decision::Action::kEdit, bad, "--- 123"));
  BOOST_TEST(reply.status == 400);
  BOOST_TEST(json::parse(reply.body)["error"] == "the corrected term '--- 123' needs a letter");
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kPending));
  Reply invalid = desk.Decide(Make(Decision::Action::kEdit, bad, "ligne\xff"));
  BOOST_TEST(invalid.status == 400);
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kPending));
}

BOOST_FIXTURE_TEST_CASE(a_proposal_changed_by_another_process_is_refused_as_stale, Fixture) {
  Decision seen = Make(Decision::Action::kApprove, good);
  {
    // Another connection (as another process would) rejects it meanwhile.
    auto other = OpenOrDie(path);
    BOOST_REQUIRE(other->RejectProposal(good).ok());
  }
  Reply reply = desk.Decide(seen);
  BOOST_TEST(reply.status == 409);
  BOOST_TEST(json::parse(reply.body)["error"] ==
             "stale: proposal p" + std::to_string(good) +
                 " was changed by another process since the page showed it (it is now "
                 "rejected); nothing was done, reload to see it as it is");
  BOOST_TEST((StatusOf(good) == glossary::ProposalStatus::kRejected));
  BOOST_TEST(termbase->GetTerm(fr.term)->entity != en.entity);

  // New evidence for a pending proposal is a change too.
  Decision bad_seen = Make(Decision::Action::kApprove, bad);
  Propose(fr_bad.term, 0.45, "The tram line opens.", "La ligne ouvre.");
  BOOST_TEST(desk.Decide(bad_seen).status == 409);
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kPending));
}

BOOST_FIXTURE_TEST_CASE(unknown_proposals_are_not_found, Fixture) {
  Decision unknown;
  unknown.proposal = 999;
  unknown.stamp = "x";
  Reply reply = desk.Decide(unknown);
  BOOST_TEST(reply.status == 404);
}

BOOST_FIXTURE_TEST_CASE(batch_approval_decides_each_and_reports_the_stale, Fixture) {
  Decision first = Make(Decision::Action::kApprove, good);
  Decision second = Make(Decision::Action::kApprove, link);
  second.stamp = "old";
  Reply reply = desk.DecideAll({first, second});
  BOOST_REQUIRE_EQUAL(reply.status, 200);
  json answer = json::parse(reply.body);
  BOOST_TEST(answer["done"] == json::array({good}));
  BOOST_REQUIRE_EQUAL(answer["refused"].size(), 1u);
  BOOST_TEST(answer["refused"][0]["id"] == link);
  BOOST_TEST((StatusOf(good) == glossary::ProposalStatus::kAccepted));
  BOOST_TEST((StatusOf(link) == glossary::ProposalStatus::kPending));
}

// "la ligne" was proposed for "tram line"; the person links it to "bus line" instead.
BOOST_FIXTURE_TEST_CASE(linking_moves_the_term_to_the_chosen_entity, Fixture) {
  const auto bus = TermOrDie(*termbase, "bus line", "en");
  Reply reply = desk.Decide(LinkTo(bad, bus.entity));
  BOOST_TEST(reply.status == 200, reply.body);
  BOOST_TEST(json::parse(reply.body)["message"] ==
             "linked 'la ligne' to entity e" + std::to_string(bus.entity) + " ('bus line')");
  auto term = termbase->GetTerm(fr_bad.term);
  BOOST_REQUIRE(term.ok());
  BOOST_TEST(term->entity == bus.entity);
  BOOST_TEST((term->status == glossary::TermStatus::kApproved));
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kRejected));
  // The other proposals are not this term's: still pending.
  BOOST_TEST((StatusOf(good) == glossary::ProposalStatus::kPending));
  BOOST_TEST(Pending()["total"] == 2);
}

BOOST_FIXTURE_TEST_CASE(linking_where_another_proposal_points_approves_that_one, Fixture) {
  const auto bus = TermOrDie(*termbase, "bus line", "en");
  Proposal other;
  other.term = fr_bad.term;
  other.entity = bus.entity;
  other.via_term = bus.term;
  other.score = 0.2;
  other.method = "logdice";
  auto other_id = termbase->Propose(other);
  BOOST_REQUIRE(other_id.ok());
  Reply reply = desk.Decide(LinkTo(bad, bus.entity));
  BOOST_TEST(reply.status == 200, reply.body);
  BOOST_TEST((StatusOf(*other_id) == glossary::ProposalStatus::kAccepted));
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kRejected));
  BOOST_TEST(termbase->GetTerm(fr_bad.term)->entity == bus.entity);
}

BOOST_FIXTURE_TEST_CASE(linking_to_an_entity_gone_meanwhile_is_refused_as_stale, Fixture) {
  const auto bus = TermOrDie(*termbase, "bus line", "en");
  const auto coach = TermOrDie(*termbase, "coach line", "en");
  Decision seen = LinkTo(bad, bus.entity);
  {
    // Another process merges the chosen entity into another one.
    auto other = OpenOrDie(path);
    BOOST_REQUIRE(other->Merge(bus.entity, coach.entity).ok());
  }
  const glossary::EntityId before = termbase->GetTerm(fr_bad.term)->entity;
  Reply reply = desk.Decide(seen);
  BOOST_TEST(reply.status == 409);
  BOOST_TEST(json::parse(reply.body)["error"] ==
             "stale: entity e" + std::to_string(bus.entity) +
                 " no longer exists (another process merged or removed it); nothing was done, "
                 "search again");
  BOOST_TEST((StatusOf(bad) == glossary::ProposalStatus::kPending));
  BOOST_TEST(termbase->GetTerm(fr_bad.term)->entity == before);

  // A proposal decided meanwhile: refused the same way as the other decisions.
  Decision decided = LinkTo(good, coach.entity);
  BOOST_REQUIRE(OpenOrDie(path)->RejectProposal(good).ok());
  BOOST_TEST(desk.Decide(decided).status == 409);
  BOOST_TEST(termbase->GetTerm(fr.term)->entity == fr.entity);
}

BOOST_FIXTURE_TEST_CASE(entities_are_found_by_any_of_their_terms, Fixture) {
  TermOrDie(*termbase, "bus line", "en");
  Reply reply = desk.Entities("Tram Line", 10);
  BOOST_REQUIRE_EQUAL(reply.status, 200);
  json found = json::parse(reply.body)["entities"];
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0]["entity"] == en.entity);
  BOOST_TEST(found[0]["match"] == "folded");
  BOOST_TEST(found[0]["terms"][0]["text"] == "tram line");
  BOOST_TEST(json::parse(desk.Entities("nothing like it", 10).body)["entities"].empty());
  BOOST_TEST(desk.Entities("  ", 10).status == 400);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::review
