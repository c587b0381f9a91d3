// termalign glossary: the nested subcommands that build, edit and exchange the termbase.
// build and add-doc are in cmd_glossary_build.cc, export and import in
// cmd_glossary_exchange.cc; the person's decisions (suggest, link, approve, reject, merge, add,
// stats) are here.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "glossary_cli.h"
#include "text/tokenizer.h"

namespace termalign::cli {
namespace {

using glossary::Term;
using glossary::Termbase;
using glossary::TermId;
using text::ErrorCode;
using text::Status;

struct EditOptions {
  std::string db;
  std::string term;
  std::string lang;
  std::string to;
  std::string into;
  std::string status = "approved";
  std::string note;
  std::string proposal_statuses = "pending";  // suggest: a comma-separated list
  glossary::ProposalId proposal = 0;
  std::size_t limit = 50;
  bool json = false;
};

void Print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// Edits report a missing term or entity as a usage error (exit 2), not a negative answer.
int Fail(const Status& status) {
  PrintError(status.message());
  return kExitError;
}

bool HasArabicScript(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

// The terms written exactly `text` (in `lang` when given), for approve, reject and link.
text::Result<std::vector<Term>> TermsNamed(Termbase& termbase, const std::string& text,
                                           const std::string& lang) {
  std::vector<Term> terms;
  glossary::LookupOptions options;
  options.lang = lang;
  options.include_rejected = true;
  auto matches = termbase.Lookup(text, options);
  if (!matches.ok()) return matches.status();
  for (const glossary::EntityMatch& match : *matches) {
    if (match.how != glossary::MatchKind::kExact) continue;
    for (const Term& term : match.terms) {
      if (term.text == text && (lang.empty() || term.lang == lang)) terms.push_back(term);
    }
  }
  return terms;
}

std::string EntityLabel(Termbase& termbase, glossary::EntityId id) {
  auto terms = termbase.TermsOf(id);
  std::string label = "entity " + std::to_string(id);
  if (!terms.ok() || terms->empty()) return label;
  label += " (";
  for (std::size_t i = 0; i < terms->size() && i < 3; ++i) {
    label += (i ? "; " : "") + (*terms)[i].text;
  }
  return label + (terms->size() > 3 ? "; ...)" : ")");
}

// "pending,accepted" -> the statuses listed; false (with a message) on an unknown word.
bool ParseProposalStatuses(const std::string& list, std::vector<glossary::ProposalStatus>* out) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string word = list.substr(start, comma - start);
    start = comma + 1;
    bool known = false;
    for (auto status : {glossary::ProposalStatus::kPending, glossary::ProposalStatus::kAccepted,
                        glossary::ProposalStatus::kRejected}) {
      if (word == glossary::ToString(status)) {
        out->push_back(status);
        known = true;
      }
    }
    if (!known) {
      PrintError("unknown status '" + word + "' in --status (pending, accepted, rejected)");
      return false;
    }
  }
  return true;
}

// The proposals of the chosen statuses, best score first (ties in id order), at most `limit`.
text::Result<std::vector<glossary::Proposal>> RankedProposals(
    Termbase& termbase, const std::vector<glossary::ProposalStatus>& statuses,
    const std::string& lang, std::size_t limit) {
  std::vector<glossary::Proposal> all;
  for (glossary::ProposalStatus status : statuses) {
    glossary::ProposalFilter filter;
    filter.status = status;
    filter.lang = lang;
    filter.limit = limit;
    auto some = termbase.Proposals(filter);
    if (!some.ok()) return some.status();
    all.insert(all.end(), some->begin(), some->end());
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const glossary::Proposal& a, const glossary::Proposal& b) {
                     return a.score != b.score ? a.score > b.score : a.id < b.id;
                   });
  if (limit != 0 && all.size() > limit) all.resize(limit);
  return all;
}

int RunSuggest(Termbase& termbase, const EditOptions& options) {
  std::vector<glossary::ProposalStatus> statuses;
  if (!ParseProposalStatuses(options.proposal_statuses, &statuses)) return kExitError;
  auto proposals = RankedProposals(termbase, statuses, options.lang, options.limit);
  if (!proposals.ok()) return ReportStatus(proposals.status());
  std::string out;
  for (const glossary::Proposal& p : *proposals) {
    auto term = termbase.GetTerm(p.term);
    if (!term.ok()) return ReportStatus(term.status());
    std::string via;
    if (p.via_term != 0) {
      auto other = termbase.GetTerm(p.via_term);
      if (other.ok()) via = other->text;
    }
    if (options.json) {
      nlohmann::json line = {{"proposal", p.id},
                             {"kind", glossary::ToString(p.kind)},
                             {"status", glossary::ToString(p.status)},
                             {"score", p.score},
                             {"method", p.method},
                             {"lang", term->lang},
                             {"term", term->text},
                             {"entity", p.entity},
                             {"via", via},
                             {"cooccurrences", p.cooccurrences},
                             {"term_count", p.term_count},
                             {"other_count", p.other_count},
                             {"example_source", p.example_source},
                             {"example_target", p.example_target}};
      out += line.dump() + '\n';
      continue;
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", p.score);
    out += "p" + std::to_string(p.id) + "\t" + score + "\t" + term->lang + " " + term->text +
           "\t-> " + EntityLabel(termbase, p.entity) + "\t" + p.method + " " +
           std::to_string(p.cooccurrences) + "/" + std::to_string(p.term_count) + "/" +
           std::to_string(p.other_count) + '\n';
    if (!p.example_source.empty()) {
      out += "\t\te.g. " + p.example_source +
             (p.example_target.empty() ? "" : " | " + p.example_target) + '\n';
    }
  }
  Print(out);
  return proposals->empty() ? kExitNegative : kExitOk;
}

// A term names something in words: one without a letter ("--- *** 123 456") would only be a
// junk entity. A letter is an ASCII letter or any character past ASCII inside a word token
// (numbers, punctuation and symbols are other tokens).
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

// Refuses (exit 2, nothing stored) a term without a letter; `doing` says what was asked.
bool CheckHasLetter(const std::string& doing, const std::string& term) {
  if (HasLetter(term)) return true;
  PrintError(doing + " '" + term +
             "': a term needs a letter (this one holds only digits, punctuation or symbols)");
  return false;
}

int RunLink(Termbase& termbase, const EditOptions& options) {
  if (!CheckHasLetter("linking", options.term)) return kExitError;
  Status status = termbase.InTransaction([&]() -> Status {
    auto entity = termbase.ResolveEntity(options.to);
    if (!entity.ok()) return entity.status();
    auto terms = TermsNamed(termbase, options.term, options.lang);
    if (!terms.ok()) return terms.status();
    TermId id = 0;
    if (terms->size() > 1) {
      std::string list;
      for (const Term& t : *terms) list += " " + std::to_string(t.entity);
      return Status::Error(ErrorCode::kUsage, "linking '" + options.term +
                                                  "': it names several entities (" + list +
                                                  " ); give --lang or link one of them");
    }
    if (terms->empty()) {
      std::string lang =
          options.lang.empty() && HasArabicScript(options.term) ? "ar" : options.lang;
      if (lang.empty()) {
        return Status::Error(ErrorCode::kUsage, "linking '" + options.term +
                                                    "': no such term yet; give --lang to add it");
      }
      glossary::TermInput input;
      input.text = options.term;
      input.lang = lang;
      input.status = glossary::TermStatus::kApproved;
      auto added = termbase.AddTerm(*entity, input);
      if (!added.ok()) return added.status();
      id = *added;
    } else {
      id = terms->front().id;
      if (auto linked = termbase.Link(id, *entity); !linked.ok()) return linked.status();
      // Link may fold the term into an equal one of the entity: approve what now names it.
      auto now = TermsNamed(termbase, options.term, terms->front().lang);
      if (!now.ok()) return now.status();
      for (const Term& t : *now) {
        if (t.entity != *entity) continue;
        if (Status s = termbase.SetTermStatus(t.id, glossary::TermStatus::kApproved); !s.ok())
          return s;
      }
    }
    std::fprintf(stderr, "linked '%s' to %s\n", options.term.c_str(),
                 EntityLabel(termbase, *entity).c_str());
    return Status::Ok();
  });
  return status.ok() ? kExitOk : Fail(status);
}

// approve / reject: a proposal (--proposal N) or every term written TERM.
int RunDecide(Termbase& termbase, const EditOptions& options, bool approve) {
  if ((options.proposal != 0) == !options.term.empty()) {
    PrintError(std::string(approve ? "approve" : "reject") +
               ": give a TERM or --proposal N (one of them)");
    return kExitError;
  }
  Status status = termbase.InTransaction([&]() -> Status {
    if (options.proposal != 0) {
      return approve ? termbase.AcceptProposal(options.proposal)
                     : termbase.RejectProposal(options.proposal);
    }
    auto terms = TermsNamed(termbase, options.term, options.lang);
    if (!terms.ok()) return terms.status();
    if (terms->empty()) {
      return Status::Error(ErrorCode::kNotFound,
                           "no term '" + options.term + "' in " + termbase.path());
    }
    for (const Term& t : *terms) {
      auto s = approve ? glossary::TermStatus::kApproved : glossary::TermStatus::kRejected;
      if (Status st = termbase.SetTermStatus(t.id, s); !st.ok()) return st;
    }
    return Status::Ok();
  });
  return status.ok() ? kExitOk : Fail(status);
}

int RunMerge(Termbase& termbase, const EditOptions& options) {
  Status status = termbase.InTransaction([&]() -> Status {
    auto from = termbase.ResolveEntity(options.term);
    if (!from.ok()) return from.status();
    auto into = termbase.ResolveEntity(options.into);
    if (!into.ok()) return into.status();
    if (Status s = termbase.Merge(*from, *into); !s.ok()) return s;
    std::fprintf(stderr, "merged entity %lld into %s\n", static_cast<long long>(*from),
                 EntityLabel(termbase, *into).c_str());
    return Status::Ok();
  });
  return status.ok() ? kExitOk : Fail(status);
}

int RunAdd(Termbase& termbase, const EditOptions& options) {
  if (!CheckHasLetter("adding", options.term)) return kExitError;
  glossary::TermInput input;
  input.text = options.term;
  input.lang = options.lang;
  if (!glossary::ParseTermStatus(options.status, &input.status)) {
    PrintError("add: unknown --status '" + options.status + "' (candidate, approved, rejected)");
    return kExitError;
  }
  Status status = termbase.InTransaction([&]() -> Status {
    glossary::EntityId entity = 0;
    if (!options.to.empty()) {
      auto resolved = termbase.ResolveEntity(options.to);
      if (!resolved.ok()) return resolved.status();
      entity = *resolved;
    } else {
      auto created = termbase.AddEntity(options.note);
      if (!created.ok()) return created.status();
      entity = *created;
    }
    auto term = termbase.AddTerm(entity, input);
    if (!term.ok()) return term.status();
    std::printf("%lld\n", static_cast<long long>(entity));
    return Status::Ok();
  });
  return status.ok() ? kExitOk : Fail(status);
}

int RunStats(Termbase& termbase, const EditOptions&) {
  auto stats = termbase.Stats();
  if (!stats.ok()) return ReportStatus(stats.status());
  std::printf(
      "entities\t%lld\nterms\t%lld\ndocuments\t%lld\noccurrences\t%lld\n"
      "pending proposals\t%lld\n",
      static_cast<long long>(stats->entities), static_cast<long long>(stats->terms),
      static_cast<long long>(stats->documents), static_cast<long long>(stats->occurrences),
      static_cast<long long>(stats->pending_proposals));
  return kExitOk;
}

using Runner = int (*)(Termbase&, const EditOptions&);

// Adds one edit subcommand; `chosen` receives its handler when it is the one parsed.
CLI::App* AddEdit(CLI::App& app, const char* name, const char* summary, bool read_only, Runner run,
                  std::shared_ptr<EditOptions> options, std::shared_ptr<Handler> chosen) {
  CLI::App* sub = app.add_subcommand(name, summary);
  AddDbOption(*sub, &options->db);
  sub->callback([=] {
    *chosen = RejectingExtras(sub, [=] {
      auto termbase = OpenTermbase(options->db, read_only);
      if (!termbase.ok()) return ReportStatus(termbase.status());
      return run(**termbase, *options);
    });
  });
  return sub;
}

}  // namespace

Handler SetupGlossary(CLI::App& app) {
  auto chosen = std::make_shared<Handler>();
  auto nested = [&](const char* name, const char* summary, Handler (*setup)(CLI::App&)) {
    CLI::App* sub = app.add_subcommand(name, summary);
    Handler run = RejectingExtras(sub, setup(*sub));
    sub->callback([chosen, run] { *chosen = run; });
  };
  nested("build", "Extract terms from aligned texts and pair them across languages",
         SetupGlossaryBuild);
  nested("add-doc", "Extract terms from a monolingual document and propose links",
         SetupGlossaryAddDoc);

  auto o = std::make_shared<EditOptions>();
  CLI::App* suggest = AddEdit(app, "suggest", "List proposed pairs and links, best first", true,
                              RunSuggest, o, chosen);
  suggest->add_option("--lang", o->lang, "Only proposals for terms of this language");
  suggest->add_option("--limit", o->limit, "At most N proposals (0: all)")
      ->check(CLI::NonNegativeNumber);
  suggest->add_option("--status", o->proposal_statuses,
                      "Proposals of these statuses, comma-separated: pending (default), accepted "
                      "(pairs the build joined, a person's acceptances), rejected");
  suggest->add_flag("--json", o->json,
                    "JSON Lines: {proposal, kind, status, score, method, lang, term, entity, via, "
                    "...}");

  CLI::App* link = AddEdit(app, "link", "Attach a term to an entity (added when new)", false,
                           RunLink, o, chosen);
  link->add_option("term", o->term, "The term (exact text)")->required();
  link->add_option("--to", o->to, "The entity: its id or any of its terms")->required();
  link->add_option("--lang", o->lang, "The term's language (needed to add a new term)");

  for (bool approve : {true, false}) {
    CLI::App* decide = AddEdit(
        app, approve ? "approve" : "reject",
        approve ? "Approve a term or accept a proposal" : "Reject a term or a proposal", false,
        approve ? +[](Termbase& t, const EditOptions& e) { return RunDecide(t, e, true); }
                : +[](Termbase& t, const EditOptions& e) { return RunDecide(t, e, false); },
        o, chosen);
    decide->add_option("term", o->term, "The term (exact text); every entity's term so written");
    decide->add_option("--proposal", o->proposal, "A proposal id from 'glossary suggest' (pN)")
        ->transform([](std::string value) {
          return value.size() > 1 && (value[0] == 'p' || value[0] == 'P') ? value.substr(1) : value;
        });
    decide->add_option("--lang", o->lang, "Only the term in this language");
  }

  CLI::App* merge =
      AddEdit(app, "merge", "Merge one entity into another", false, RunMerge, o, chosen);
  merge->add_option("entity", o->term, "The entity merged away: id or any of its terms")
      ->required();
  merge->add_option("--into", o->into, "The entity that stays: id or any of its terms")->required();

  CLI::App* add =
      AddEdit(app, "add", "Add a term by hand (prints its entity id)", false, RunAdd, o, chosen);
  add->add_option("term", o->term, "The term")->required();
  add->add_option("--lang", o->lang, "Its language (en, fr, ar)")->required();
  add->add_option("--to", o->to, "An existing entity (id or any of its terms); default: new");
  add->add_option("--status", o->status, "candidate, approved (default) or rejected");
  add->add_option("--note", o->note, "A note for the new entity");

  AddEdit(app, "stats", "Count entities, terms, documents, proposals", true, RunStats, o, chosen);

  CLI::App* exporter = app.add_subcommand("export", "Write TBX v2, TBX v3, TSV or CSV");
  Handler run_export = RejectingExtras(exporter, SetupGlossaryExport(*exporter));
  exporter->callback([chosen, run_export] { *chosen = run_export; });
  CLI::App* importer = app.add_subcommand("import", "Read TBX v2, TBX v3, TSV or CSV");
  Handler run_import = RejectingExtras(importer, SetupGlossaryImport(*importer));
  importer->callback([chosen, run_import] { *chosen = run_import; });

  // Nested subcommands inherit allow_extras from `app` (set by main): each handler reports its
  // own leftovers (RejectingExtras); main checks the command word (unknown, missing).
  return [chosen] {
    if (*chosen) return (*chosen)();
    PrintError("'glossary' needs a command (termalign glossary --help)");
    return kExitError;
  };
}

}  // namespace termalign::cli
