// termalign lookup: a term in any language -> its entity with every term; or, with --text,
// every known term inside a sentence.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "glossary_cli.h"

namespace termalign::cli {
namespace {

using glossary::EntityMatch;
using glossary::Term;
using glossary::Termbase;

struct LookupOptions {
  std::string db;
  std::string lang;
  std::string term;
  std::string text;
  bool json = false;
  bool all = false;  // rejected terms too
};

// One sentence showing the entity in use, in the language asked about when there is one: the
// matched term's example, else one of a term of its language, of any term, of a proposal.
std::string ExampleOf(Termbase& termbase, const EntityMatch& match) {
  const Term* matched = nullptr;
  for (const Term& term : match.terms) {
    if (term.id == match.matched_term) matched = &term;
  }
  if (matched != nullptr && !matched->example.empty()) return matched->example;
  for (const Term& term : match.terms) {
    if (matched != nullptr && term.lang != matched->lang) continue;
    if (!term.example.empty()) return term.example;
  }
  for (const Term& term : match.terms) {
    if (!term.example.empty()) return term.example;
  }
  for (auto status : {glossary::ProposalStatus::kAccepted, glossary::ProposalStatus::kPending}) {
    glossary::ProposalFilter filter;
    filter.entity = match.entity.id;
    filter.status = status;
    filter.limit = 1;
    auto proposals = termbase.Proposals(filter);
    if (proposals.ok() && !proposals->empty() && !proposals->front().example_source.empty()) {
      const glossary::Proposal& p = proposals->front();
      return p.example_target.empty() ? p.example_source
                                      : p.example_source + " | " + p.example_target;
    }
  }
  return "";
}

void Print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// A pending proposal shown with an entity: a term proposed to join it, or one of its terms
// proposed to join another entity. What the build learnt but nobody decided yet.
struct PendingTranslation {
  glossary::Proposal proposal;
  Term term;                 // the other side: the proposed term, or a term of the other entity
  bool outgoing = false;     // one of this entity's terms is proposed for `proposal.entity`
};

constexpr std::size_t kPendingShown = 5;

text::Result<std::vector<PendingTranslation>> PendingFor(Termbase& termbase,
                                                         const EntityMatch& match) {
  std::vector<PendingTranslation> pending;
  glossary::ProposalFilter towards;
  towards.entity = match.entity.id;
  towards.limit = kPendingShown;
  auto incoming = termbase.Proposals(towards);
  if (!incoming.ok()) return incoming.status();
  for (glossary::Proposal& p : *incoming) {
    auto term = termbase.GetTerm(p.term);
    if (!term.ok()) return term.status();
    if (term->entity == match.entity.id) continue;  // already joined
    pending.push_back({std::move(p), std::move(*term), false});
  }
  for (const Term& own : match.terms) {
    glossary::ProposalFilter from;
    from.term = own.id;
    from.limit = kPendingShown;
    auto outgoing = termbase.Proposals(from);
    if (!outgoing.ok()) return outgoing.status();
    for (glossary::Proposal& p : *outgoing) {
      if (p.entity == match.entity.id) continue;
      // The other entity's term it was paired with; a link proposal names the entity only.
      Term other;
      if (p.via_term != 0) {
        auto via = termbase.GetTerm(p.via_term);
        if (!via.ok()) return via.status();
        other = std::move(*via);
      } else {
        auto terms = termbase.TermsOf(p.entity);
        if (!terms.ok()) return terms.status();
        if (terms->empty()) continue;
        other = std::move(terms->front());
      }
      pending.push_back({std::move(p), std::move(other), true});
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
    return a.proposal.score > b.proposal.score;
  });
  if (pending.size() > kPendingShown) pending.resize(kPendingShown);
  return pending;
}

// At most this many terms containing a word that matches none are suggested.
constexpr std::size_t kContainingShown = 10;

int RunTermLookup(Termbase& termbase, const LookupOptions& options) {
  glossary::LookupOptions lookup;
  lookup.lang = options.lang;
  lookup.include_rejected = options.all;
  auto matches = termbase.Lookup(options.term, lookup);
  if (!matches.ok()) return ReportStatus(matches.status());
  if (matches->empty()) {
    if (!options.json) {
      // A word that is no term may still be part of some ("operator" of "network operator").
      auto containing = termbase.TermsContaining(options.term, options.lang, kContainingShown);
      if (!containing.ok()) return ReportStatus(containing.status());
      std::string message = "termalign: no term matches '" + options.term + "' in " +
                            termbase.path() +
                            (containing->empty() ? "\n" : "; terms that contain it:\n");
      for (const glossary::Term& term : *containing) {
        message += "  " + term.lang + "  " + term.text + "  (entity " +
                   std::to_string(term.entity) + ")\n";
      }
      std::fputs(message.c_str(), stderr);
    }
    return kExitNegative;
  }
  std::string out;
  for (const EntityMatch& match : *matches) {
    std::string example = ExampleOf(termbase, match);
    auto categories = termbase.DataCategoriesOf(match.entity.id);
    if (!categories.ok()) return ReportStatus(categories.status());
    auto pending = PendingFor(termbase, match);
    if (!pending.ok()) return ReportStatus(pending.status());
    if (options.json) {
      nlohmann::json terms = nlohmann::json::array();
      for (const Term& term : match.terms) {
        nlohmann::json t = {{"lang", term.lang_tag},
                            {"text", term.text},
                            {"status", glossary::ToString(term.status)},
                            {"origin", glossary::ToString(term.origin)}};
        if (term.usage != glossary::TermUsage::kNone) t["usage"] = glossary::ToString(term.usage);
        if (glossary::IsDoNotTranslate(*categories, term.id)) t["translate"] = false;
        terms.push_back(std::move(t));
      }
      nlohmann::json line = {
          {"entity", match.entity.id}, {"match", glossary::ToString(match.how)}, {"terms", terms}};
      if (!match.entity.note.empty()) line["note"] = match.entity.note;
      if (!example.empty()) line["example"] = example;
      if (!categories->empty()) {
        nlohmann::json data = nlohmann::json::array();
        for (const glossary::DataCategory& c : *categories) {
          nlohmann::json d = {{"element", c.element}, {"type", c.type}, {"value", c.value}};
          if (!c.lang.empty()) d["lang"] = c.lang;
          if (c.term != 0) d["term"] = c.term;
          data.push_back(std::move(d));
        }
        line["data"] = std::move(data);
      }
      if (!pending->empty()) {
        nlohmann::json proposed = nlohmann::json::array();
        for (const PendingTranslation& p : *pending) {
          proposed.push_back({{"proposal", p.proposal.id},
                              {"lang", p.term.lang_tag},
                              {"text", p.term.text},
                              {"entity", p.term.entity},
                              {"score", p.proposal.score},
                              {"method", p.proposal.method},
                              {"cooccurrences", p.proposal.cooccurrences}});
        }
        line["proposed"] = std::move(proposed);
      }
      out += line.dump() + '\n';
      continue;
    }
    out += "entity " + std::to_string(match.entity.id) + " (" +
           std::string(glossary::ToString(match.how)) + " match)\n";
    if (!match.entity.note.empty()) out += "  note: " + match.entity.note + '\n';
    // The concept's definition and subject field, as a terminologist reads an entry.
    for (const glossary::DataCategory& c : *categories) {
      if (c.term == 0 && c.lang.empty() && (c.type == "definition" || c.type == "subjectField")) {
        out += "  " + std::string(c.type == "definition" ? "definition" : "subject") + ": " +
               c.value + '\n';
      }
    }
    for (const Term& term : match.terms) {
      out += "  " + term.lang_tag + "  " + term.text + "  [" +
             std::string(glossary::ToString(term.status)) + ", " +
             std::string(glossary::ToString(term.origin));
      if (term.usage != glossary::TermUsage::kNone) {
        out += ", " + std::string(glossary::ToString(term.usage));
      }
      if (glossary::IsDoNotTranslate(*categories, term.id)) out += ", do not translate";
      out += "]\n";
    }
    for (const PendingTranslation& p : *pending) {
      char score[32];
      std::snprintf(score, sizeof score, "%.2f", p.proposal.score);
      out += "  proposed  " + p.term.lang_tag + "  " + p.term.text + "  [pending p" +
             std::to_string(p.proposal.id) + ", score " + score + ", " + p.proposal.method +
             (p.proposal.kind == glossary::ProposalKind::kPair
                  ? ", " + std::to_string(p.proposal.cooccurrences) + " aligned pairs"
                  : "") +
             (p.outgoing ? ", in entity " + std::to_string(p.term.entity) : "") + "]\n";
    }
    if (!example.empty()) out += "  example: " + example + '\n';
  }
  Print(out);
  return kExitOk;
}

int RunTextLookup(Termbase& termbase, const LookupOptions& options) {
  auto found = termbase.FindInText(options.text, options.lang);
  if (!found.ok()) return ReportStatus(found.status());
  std::string out;
  for (const glossary::TextMatch& match : *found) {
    auto term = termbase.GetTerm(match.term);
    if (!term.ok()) return ReportStatus(term.status());
    auto others = termbase.TermsOf(match.entity);
    if (!others.ok()) return ReportStatus(others.status());
    std::string span = options.text.substr(match.begin, match.end - match.begin);
    if (options.json) {
      nlohmann::json translations = nlohmann::json::array();
      for (const Term& other : *others) {
        if (other.id == term->id || other.status == glossary::TermStatus::kRejected) continue;
        translations.push_back({{"lang", other.lang},
                                {"text", other.text},
                                {"status", glossary::ToString(other.status)}});
      }
      nlohmann::json line = {{"begin", match.begin},
                             {"end", match.end},
                             {"text", span},
                             {"term", term->text},
                             {"lang", term->lang},
                             {"entity", match.entity},
                             {"match", glossary::ToString(match.how)},
                             {"nested", match.nested},
                             {"terms", translations}};
      out += line.dump() + '\n';
      continue;
    }
    out += std::to_string(match.begin) + "-" + std::to_string(match.end) + "\t" + span +
           "\tentity " + std::to_string(match.entity) + ":";
    bool first = true;
    for (const Term& other : *others) {
      if (other.status == glossary::TermStatus::kRejected) continue;
      out += (first ? " " : "; ") + other.lang + " " + other.text;
      first = false;
    }
    out += '\n';
  }
  Print(out);
  return found->empty() ? kExitNegative : kExitOk;
}

int RunLookup(const LookupOptions& options) {
  if (options.term.empty() == options.text.empty()) {
    PrintError("lookup: give a TERM or --text SENTENCE (one of them)");
    return kExitError;
  }
  auto termbase = OpenTermbase(options.db, /*read_only=*/true);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  return options.text.empty() ? RunTermLookup(**termbase, options)
                              : RunTextLookup(**termbase, options);
}

}  // namespace

Handler SetupLookup(CLI::App& app) {
  auto options = std::make_shared<LookupOptions>();
  app.add_option("term", options->term,
                 "Term to find in any language: exact, case and accent folded, inflected, "
                 "Arabic with or without the article, acronyms");
  app.add_option("--text", options->text,
                 "A sentence: list every known term in it, longest first, with byte offsets");
  app.add_option("--lang", options->lang, "Only match terms of this language (en, fr, ar)");
  app.add_flag("--json", options->json,
               "JSON Lines: {entity, match, terms:[{lang, text, status, origin}], note?, "
               "example?, proposed?:[{proposal, lang, text, entity, score, method, "
               "cooccurrences}]}; with --text: {begin, end, text, term, lang, entity, match, nested, "
               "terms}");
  app.add_flag("--all", options->all, "Show rejected terms too");
  AddDbOption(app, &options->db);
  return [options] { return RunLookup(*options); };
}

}  // namespace termalign::cli
