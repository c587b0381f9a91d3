#include "review/terms_desk.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/reader.h"
#include "text/tokenizer.h"
#include "json_reply.h"

namespace termalign::review {
namespace {

using glossary::Proposal;
using glossary::Term;
using glossary::Termbase;
using nlohmann::json;
using text::ErrorCode;
using text::Status;

// Maps a library failure to HTTP: a missing proposal is 404, a refused term 400, the rest
// (the database locked, the file gone) 500.
int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kUsage:
    case ErrorCode::kParse:
      return 400;
    default:
      return 500;
  }
}

json TermJson(const Term& term) {
  return {{"id", term.id},
          {"text", term.text},
          {"lang", term.lang},
          {"status", std::string(glossary::ToString(term.status))}};
}

// A term names something in words: as `glossary add` refuses "--- 123", so does the page.
bool HasLetter(std::string_view term) {
  for (const text::Token& token : text::Tokenize(term)) {
    if (token.kind != text::TokenKind::kWord) continue;
    for (char c : token.text(term)) {
      const unsigned char byte = static_cast<unsigned char>(c);
      if (byte >= 0x80 || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z')) return true;
    }
  }
  return false;
}

std::string Trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

text::Result<std::string> ProposalStamp(Termbase& termbase, const Proposal& proposal) {
  auto term = termbase.GetTerm(proposal.term);
  if (!term.ok()) return term.status();
  // Every field a person judges by, each ended by a byte no UTF-8 text holds.
  std::string seen;
  for (const std::string& field :
       {std::string(glossary::ToString(proposal.status)), std::to_string(proposal.term),
        std::to_string(proposal.entity), std::to_string(proposal.via_term),
        std::to_string(proposal.score), proposal.method, std::to_string(proposal.cooccurrences),
        std::to_string(proposal.term_count), std::to_string(proposal.other_count),
        proposal.example_source, proposal.example_target, std::to_string(term->entity),
        term->text, std::string(glossary::ToString(term->status))}) {
    seen += field;
    seen += '\xff';
  }
  return glossary::ContentHash(seen);
}

Reply TermsDesk::Pending(std::size_t offset, std::size_t limit) {
  json list = json::array();
  std::int64_t total = 0;
  Status status = termbase_.InReadTransaction([&]() -> Status {
    auto stats = termbase_.Stats();
    if (!stats.ok()) return stats.status();
    total = stats->pending_proposals;
    glossary::ProposalFilter filter;
    filter.limit = offset + limit;
    auto proposals = termbase_.Proposals(filter);
    if (!proposals.ok()) return proposals.status();
    // Proposals() ranks by score; ties go by id so that paging is stable.
    std::stable_sort(proposals->begin(), proposals->end(),
                     [](const Proposal& a, const Proposal& b) {
                       return a.score != b.score ? a.score > b.score : a.id < b.id;
                     });
    for (std::size_t i = offset; i < proposals->size(); ++i) {
      const Proposal& p = (*proposals)[i];
      auto term = termbase_.GetTerm(p.term);
      if (!term.ok()) return term.status();
      auto entity_terms = termbase_.TermsOf(p.entity);
      if (!entity_terms.ok()) return entity_terms.status();
      auto stamp = ProposalStamp(termbase_, p);
      if (!stamp.ok()) return stamp.status();
      json item = {{"id", p.id},
                   {"kind", std::string(glossary::ToString(p.kind))},
                   {"score", p.score},
                   {"method", p.method},
                   {"cooccurrences", p.cooccurrences},
                   {"term_count", p.term_count},
                   {"other_count", p.other_count},
                   {"term", TermJson(*term)},
                   {"via", nullptr},
                   {"entity", p.entity},
                   {"entity_terms", json::array()},
                   {"example_source", p.example_source},
                   {"example_target", p.example_target},
                   {"stamp", *stamp}};
      if (p.via_term != 0) {
        auto via = termbase_.GetTerm(p.via_term);
        if (!via.ok()) return via.status();
        item["via"] = TermJson(*via);
      }
      for (const Term& t : *entity_terms) item["entity_terms"].push_back(TermJson(t));
      list.push_back(std::move(item));
    }
    return Status::Ok();
  });
  if (!status.ok()) return ErrorReply(HttpStatusOf(status), status.message());
  return JsonReply(200, json{{"total", total}, {"proposals", std::move(list)}});
}

Status TermsDesk::Apply(const Decision& decision, std::string* done_message, bool* conflict) {
  *conflict = false;
  const std::string name = "proposal p" + std::to_string(decision.proposal);
  return termbase_.InTransaction([&]() -> Status {
    // Read and decide in one write transaction: no other process can slip in between.
    auto proposal = termbase_.GetProposal(decision.proposal);
    if (!proposal.ok()) return proposal.status();
    auto stamp = ProposalStamp(termbase_, *proposal);
    if (!stamp.ok()) return stamp.status();
    if (*stamp != decision.stamp) {
      *conflict = true;
      return Status::Error(ErrorCode::kUsage,
                           "stale: " + name + " was changed by another process since the page " +
                               "showed it (it is now " +
                               std::string(glossary::ToString(proposal->status)) +
                               "); nothing was done, reload to see it as it is");
    }
    if (proposal->status != glossary::ProposalStatus::kPending) {
      *conflict = true;
      return Status::Error(ErrorCode::kUsage, name + " is already " +
                                                  std::string(glossary::ToString(proposal->status)));
    }
    auto term = termbase_.GetTerm(proposal->term);
    if (!term.ok()) return term.status();
    switch (decision.action) {
      case Decision::Action::kApprove:
        *done_message = "approved '" + term->text + "'";
        return termbase_.AcceptProposal(decision.proposal);
      case Decision::Action::kReject:
        *done_message = "rejected '" + term->text + "'";
        return termbase_.RejectProposal(decision.proposal);
      case Decision::Action::kLink:
        return Link(decision, *term, done_message, conflict);
      case Decision::Action::kEdit: {
        glossary::TermInput input;
        input.text = Trimmed(decision.text);
        input.lang = term->lang_tag.empty() ? term->lang : term->lang_tag;
        input.status = glossary::TermStatus::kApproved;
        if (Status s = text::ValidateUtf8(input.text, "the corrected term"); !s.ok()) return s;
        if (!HasLetter(input.text)) {
          return Status::Error(ErrorCode::kUsage,
                               "the corrected term '" + input.text + "' needs a letter");
        }
        auto added = termbase_.AddTerm(proposal->entity, input);
        if (!added.ok()) return added.status();
        *done_message = "added '" + input.text + "' in place of '" + term->text + "'";
        return termbase_.RejectProposal(decision.proposal);
      }
    }
    return Status::Error(ErrorCode::kInternal, "unknown decision");
  });
}

Status TermsDesk::Link(const Decision& decision, const Term& term, std::string* done_message,
                       bool* conflict) {
  const std::string entity_name = "entity e" + std::to_string(decision.entity);
  if (auto entity = termbase_.GetEntity(decision.entity); !entity.ok()) {
    if (entity.status().code() != ErrorCode::kNotFound) return entity.status();
    // Merged into another or left without terms by another process since the page found it.
    *conflict = true;
    return Status::Error(ErrorCode::kUsage, "stale: " + entity_name +
                                                " no longer exists (another process merged or "
                                                "removed it); nothing was done, search again");
  }
  auto entity_terms = termbase_.TermsOf(decision.entity);
  if (!entity_terms.ok()) return entity_terms.status();
  std::string label;
  for (const Term& t : *entity_terms) {
    if (t.status == glossary::TermStatus::kRejected) continue;
    if (!label.empty()) label += "', '";
    label += t.text;
    if (label.size() > 60) break;
  }
  const std::string where = entity_name + (label.empty() ? "" : " ('" + label + "')");

  glossary::ProposalFilter filter;
  filter.term = term.id;
  auto pending = termbase_.Proposals(filter);
  if (!pending.ok()) return pending.status();
  // The term was already proposed for the chosen entity: that proposal is the one approved.
  for (const Proposal& p : *pending) {
    if (p.entity != decision.entity) continue;
    *done_message =
        "approved '" + term.text + "' for " + where + ", as p" + std::to_string(p.id) + " proposed";
    return termbase_.AcceptProposal(p.id);
  }
  // The term's place is decided: its pending proposals, this one among them, are rejected, as
  // approving one rejects the others. Rejected before the link, which may fold the term into an
  // equal one of the entity and delete it.
  for (const Proposal& p : *pending) {
    if (Status s = termbase_.RejectProposal(p.id); !s.ok()) return s;
  }
  auto named = termbase_.Link(term.id, decision.entity);
  if (!named.ok()) return named.status();
  if (Status s = termbase_.SetTermStatus(*named, glossary::TermStatus::kApproved); !s.ok()) {
    return s;
  }
  *done_message = "linked '" + term.text + "' to " + where;
  return Status::Ok();
}

Reply TermsDesk::Entities(std::string_view query, std::size_t limit) {
  const std::string wanted = Trimmed(query);
  if (wanted.empty()) return ErrorReply(400, "give a term to search for");
  if (Status s = text::ValidateUtf8(wanted, "the search"); !s.ok()) {
    return ErrorReply(400, s.message());
  }
  json list = json::array();
  Status status = termbase_.InReadTransaction([&]() -> Status {
    glossary::LookupOptions options;
    options.limit = limit;
    auto found = termbase_.Lookup(wanted, options);
    if (!found.ok()) return found.status();
    for (const glossary::EntityMatch& match : *found) {
      json terms = json::array();
      for (const Term& t : match.terms) terms.push_back(TermJson(t));
      list.push_back({{"entity", match.entity.id},
                      {"match", std::string(glossary::ToString(match.how))},
                      {"terms", std::move(terms)}});
    }
    return Status::Ok();
  });
  if (!status.ok()) return ErrorReply(HttpStatusOf(status), status.message());
  return JsonReply(200, json{{"entities", std::move(list)}});
}

Reply TermsDesk::Decide(const Decision& decision) {
  std::string done;
  bool conflict = false;
  Status status = Apply(decision, &done, &conflict);
  if (status.ok()) return JsonReply(200, json{{"done", decision.proposal}, {"message", done}});
  // A stale or already decided proposal is a conflict with the termbase, not a bad request.
  return ErrorReply(conflict ? 409 : HttpStatusOf(status), status.message());
}

Reply TermsDesk::DecideAll(const std::vector<Decision>& decisions) {
  json done = json::array(), refused = json::array();
  for (const Decision& decision : decisions) {
    std::string message;
    bool conflict = false;
    Status status = Apply(decision, &message, &conflict);
    if (status.ok()) {
      done.push_back(decision.proposal);
    } else {
      refused.push_back({{"id", decision.proposal}, {"error", status.message()}});
    }
  }
  return JsonReply(200, json{{"done", std::move(done)}, {"refused", std::move(refused)}});
}

}  // namespace termalign::review
