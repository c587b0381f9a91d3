// The terms view's questions and decisions: pending proposals best first, and approving,
// rejecting or correcting one, each in one termbase transaction.
#ifndef TERMALIGN_REVIEW_TERMS_DESK_H_
#define TERMALIGN_REVIEW_TERMS_DESK_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/termbase.h"
#include "text/status.h"

namespace termalign::review {

// An answer for the page: an HTTP status and a JSON body. Errors are {"error": "..."}.
struct Reply {
  int status = 200;
  std::string body;
};

// A fingerprint of a proposal as a person sees it: its status, evidence, score, the entity it
// points to and where its term now belongs. A decision carries the stamp of what the page
// showed; another process changing any of these meanwhile changes the stamp.
text::Result<std::string> ProposalStamp(glossary::Termbase& termbase,
                                        const glossary::Proposal& proposal);

// One decision the page asks for, on the proposal it showed with `stamp`.
struct Decision {
  enum class Action { kApprove, kReject, kEdit, kLink };
  Action action = Action::kApprove;
  glossary::ProposalId proposal = 0;
  std::string stamp;
  std::string text;               // kEdit: the corrected term, in the proposed term's language
  glossary::EntityId entity = 0;  // kLink: the entity the person chose instead
};

// A TermsDesk answers the terms view over one open termbase. It does not lock: the server
// calls it from one thread at a time (see Termbase).
class TermsDesk {
 public:
  explicit TermsDesk(glossary::Termbase& termbase) : termbase_(termbase) {}

  // {"total": pending count, "proposals": [...]} for proposals [offset, offset + limit), best
  // score first (ties in id order), each with its term, the term it was paired with, the
  // entity's terms, the evidence, the example pair and its stamp.
  Reply Pending(std::size_t offset, std::size_t limit);

  // {"entities": [{"entity": id, "match": "exact"|"folded"|"stem", "terms": [...]}]}: at most
  // `limit` entities with a term matching `query` (Termbase::Lookup, every language), for the
  // person choosing the entity a term belongs to. 400 for an empty query.
  Reply Entities(std::string_view query, std::size_t limit);

  // Applies one decision in one transaction, as `glossary approve|reject --proposal N` would
  // (an edit adds the corrected term, approved, to the proposal's entity and rejects the
  // proposal, as `glossary add --to` then `glossary reject` would; a link moves the proposed
  // term alone to the chosen entity, approved, and rejects the term's pending proposals, as
  // `glossary link --to` then `glossary reject` would, or approves the term's pending proposal
  // for that entity when there is one). Refused with 409 and nothing changed when the
  // proposal's stamp differs from the one given (decided or changed by another process since
  // the page read it) or the chosen entity is gone; 404 when the proposal does not exist; 400
  // on a bad term.
  Reply Decide(const Decision& decision);

  // Decides each of `decisions` (approvals the page showed above a score) in its own
  // transaction: {"done": [ids], "refused": [{"id":, "error":}]}. Always 200.
  Reply DecideAll(const std::vector<Decision>& decisions);

 private:
  // Sets *conflict when the proposal was stale or already decided.
  text::Status Apply(const Decision& decision, std::string* done_message, bool* conflict);
  // The kLink part of Apply, inside its transaction, once the proposal is known current.
  text::Status Link(const Decision& decision, const glossary::Term& term, std::string* done_message,
                    bool* conflict);

  glossary::Termbase& termbase_;
};

}  // namespace termalign::review

#endif  // TERMALIGN_REVIEW_TERMS_DESK_H_
