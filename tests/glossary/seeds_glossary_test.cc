// The seed corpus end to end through the CLI: build from 000 (en) + 002 (fr), add 001 (en),
// 004 (fr) and the Arabic 003, then check the hand-made gold glossary. Skips without ../shared.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "glossary/extract.h"
#include "glossary/termbase.h"
#include "glossary/word_links.h"
#include "test_util.h"
#include "text/dictionary.h"
#include "text/pos.h"

namespace termalign::glossary {
namespace {

using testing::RunCli;
using testing::TempDir;

struct GoldPair {
  std::string concept_id, en, fr;
};

std::vector<std::string> Variants(const std::string& cell) {
  std::vector<std::string> out;
  std::stringstream in(cell);
  std::string part;
  while (std::getline(in, part, '|')) {
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

std::vector<GoldPair> ReadGold(const testing::fs::path& tsv) {
  std::vector<GoldPair> gold;
  std::ifstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, '\t')) cells.push_back(cell);
    if (cells.size() < 3) continue;
    for (const std::string& en : Variants(cells[1])) {
      for (const std::string& fr : Variants(cells[2])) gold.push_back({cells[0], en, fr});
    }
  }
  return gold;
}

// Builds the seed termbase once for every test case of the suite.
struct SeedTermbase {
  TempDir dir;
  testing::fs::path shared;
  std::string db;
  bool ready = false;

  SeedTermbase() {
    shared = testing::SharedDirOrSkip("the seed glossary checks");
    if (shared.empty()) return;
    const testing::fs::path seeds = shared / "seeds";
    auto seed = [&](const char* name) { return "'" + (seeds / name).string() + "'"; };
    db = (dir / "seeds.db").string();
    const std::string flags = " -q --db '" + db + "'";
    auto run = [&](const std::string& args) {
      testing::RunResult r = RunCli(args, dir.path());
      BOOST_TEST_REQUIRE(r.exit_code == 0, args << ": " << r.err);
    };
    run("glossary build --src-lang en --tgt-lang fr" + flags + " " +
        seed("000_999816f24a47b160.txt") + " " + seed("002_fd873306261b008b.txt"));
    run("glossary add-doc --lang en" + flags + " " + seed("001_526c3dc8fe695fab.txt"));
    run("glossary add-doc --lang fr" + flags + " " + seed("004_706e189ee547faec.txt"));
    run("glossary add-doc --lang ar" + flags + " " + seed("003_bb1a340747e574f5.txt"));
    ready = true;
  }
};

SeedTermbase& Seeds() {
  static SeedTermbase seeds;
  return seeds;
}

std::unique_ptr<Termbase> OpenSeeds() {
  OpenOptions options;
  options.read_only = true;
  auto termbase = Termbase::Open(Seeds().db, options);
  BOOST_TEST_REQUIRE(termbase.ok(), termbase.status().message());
  return std::move(termbase).value();
}

BOOST_AUTO_TEST_SUITE(seeds_glossary)

BOOST_AUTO_TEST_CASE(imod_shows_english_and_french_names) {
  if (!Seeds().ready) return;
  testing::RunResult r = RunCli("lookup --db '" + Seeds().db + "' IMOD", Seeds().dir.path());
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out.find("Israel Ministry of Defence") != std::string::npos);
  BOOST_TEST(r.out.find("ministère israélien de la Défense") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(gold_pairs_are_proposed) {
  if (!Seeds().ready) return;
  std::unique_ptr<Termbase> termbase = OpenSeeds();
  // Every term by (lang, folded key) -> its entities; proposals as term -> entity.
  std::map<std::pair<std::string, std::string>, std::set<EntityId>> entities_of;
  std::map<TermId, std::pair<std::string, std::string>> key_of;
  std::map<EntityId, std::set<std::pair<std::string, std::string>>> keys_in;
  BOOST_REQUIRE(termbase->ForEachEntity([&](const Entity& entity, const std::vector<Term>& terms) {
    for (const Term& term : terms) {
      entities_of[{term.lang, term.folded_key}].insert(entity.id);
      key_of[term.id] = {term.lang, term.folded_key};
      keys_in[entity.id].insert({term.lang, term.folded_key});
    }
    return text::Status::Ok();
  }).ok());
  std::vector<Proposal> proposals;
  for (ProposalStatus status : {ProposalStatus::kPending, ProposalStatus::kAccepted}) {
    ProposalFilter filter;
    filter.status = status;
    auto some = termbase->Proposals(filter);
    BOOST_REQUIRE(some.ok());
    proposals.insert(proposals.end(), some->begin(), some->end());
  }

  std::vector<GoldPair> gold = ReadGold(Seeds().shared / "gold" / "seeds-glossary.tsv");
  BOOST_REQUIRE(!gold.empty());
  int found = 0;
  for (const GoldPair& pair : gold) {
    std::pair<std::string, std::string> en{"en", FoldedKey(pair.en, "en")};
    std::pair<std::string, std::string> fr{"fr", FoldedKey(pair.fr, "fr")};
    bool ok = false;
    for (EntityId e : entities_of[en]) ok = ok || entities_of[fr].count(e) > 0;
    for (const Proposal& p : proposals) {
      const auto& term = key_of[p.term];
      ok = ok || (term == en && keys_in[p.entity].count(fr) > 0) ||
           (term == fr && keys_in[p.entity].count(en) > 0);
    }
    if (!ok) BOOST_TEST_MESSAGE("gold pair not proposed: " << pair.en << " / " << pair.fr);
    found += ok;
  }
  BOOST_TEST_MESSAGE("gold English-French pairs proposed: " << found << "/" << gold.size());
  // 31 of 35 (0.9, that is 32, before): the pairing gives no credit for position any more,
  // and these four only position could pair. "language translation" / "traduction
  // linguistique": no dictionary entry or cognate links any of the four words, and the English
  // ones are seen once. "targeting systems" is no English candidate (a verb form before a
  // noun). "internal review" / "examen interne": "review" and "examen" are seen once, beside
  // words seen once with the same translation probability, and the aligner's choice among
  // those, by position, links "examen" outside the pair. "human rights groups" /
  // "organisations de défense des droits de l'homme": "groups", "organisations" and "défense"
  // are linked by nothing but their position.
  // "outside firm" / "firme externe" (seen twice and four times) was proposed at the diagonal
  // tension 4 and is not at 2: "outside" is linked to nothing in either of its sentences. The
  // same change joins "firmware" / "micrologiciel" and "cost of living" / "coût de la vie" in
  // the test domains (glossary/pairing_phases.h, kDecodeTension).
  BOOST_TEST(found >= 30);
}

// At least 38 of the 50 best pairs are terms; the list is printed with --log_level=message.
BOOST_AUTO_TEST_CASE(top_pairs_are_terms) {
  if (!Seeds().ready) return;
  std::unique_ptr<Termbase> termbase = OpenSeeds();
  // Pairs joined at build time are recorded as accepted proposals; both count, best first.
  std::vector<Proposal> ranked_pairs;
  for (ProposalStatus status : {ProposalStatus::kPending, ProposalStatus::kAccepted}) {
    ProposalFilter filter;
    filter.status = status;
    auto some = termbase->Proposals(filter);
    BOOST_REQUIRE(some.ok());
    for (const Proposal& p : *some) {
      if (p.kind == ProposalKind::kPair) ranked_pairs.push_back(p);
    }
  }
  std::stable_sort(ranked_pairs.begin(), ranked_pairs.end(),
                   [](const Proposal& a, const Proposal& b) { return a.score > b.score; });
  std::set<std::pair<std::string, std::string>> gold;
  for (const GoldPair& pair : ReadGold(Seeds().shared / "gold" / "seeds-glossary.tsv")) {
    gold.insert({FoldedKey(pair.en, "en"), FoldedKey(pair.fr, "fr")});
  }
  // Outside the gold list a pair counts as a term when both sides are names (every word
  // capitalised), when both are phrases of two or more words whose every content word
  // translates a content word of the other side (FreeDict, identity, cognates), or when both are
  // one noun and they translate each other. The judge is looser than a person on phrases: a
  // free phrase translated word for word ("media reports") counts, as a fragment of one did.
  auto forward = text::BilingualDictionary::LoadFreeDict("en", "fr");
  auto backward = text::BilingualDictionary::LoadFreeDict("fr", "en");
  WordAnalyzer en_words("en"), fr_words("fr");
  WordLinker linker(&en_words, &fr_words, forward.ok() ? &*forward : nullptr,
                    backward.ok() ? &*backward : nullptr);
  auto is_name = [](const std::vector<Word>& words) {
    return std::all_of(words.begin(), words.end(),
                       [](const Word& w) { return !w.content || w.capitalised || w.acronym; });
  };
  auto translated = [&](const std::vector<Word>& en, const std::vector<Word>& fr) {
    int en_content = 0, fr_content = 0;
    for (const Word& a : en) {
      if (!a.content) continue;
      ++en_content;
      bool hit = false;
      for (const Word& b : fr) hit = hit || (b.content && linker.Link(a, b).strength >= 0.6);
      if (!hit) return false;
    }
    for (const Word& b : fr) {
      if (!b.content) continue;
      ++fr_content;
      bool hit = false;
      for (const Word& a : en) hit = hit || (a.content && linker.Link(a, b).strength >= 0.6);
      if (!hit) return false;
    }
    if (en_content >= 2 && fr_content >= 2) return true;
    // One noun each side is a term too when it translates ("partnership" / "partenariat").
    auto noun = [](const std::vector<Word>& words) {
      return words.size() == 1 &&
             (words[0].pos & static_cast<std::uint8_t>(text::Pos::kNoun)) != 0;
    };
    return noun(en) && noun(fr);
  };

  int ranked = 0, real = 0;
  for (const Proposal& p : ranked_pairs) {
    if (ranked == 50) break;
    auto term = termbase->GetTerm(p.term);
    auto via = termbase->GetTerm(p.via_term);
    if (!term.ok() || !via.ok()) continue;
    const Term& en = term->lang == "en" ? *term : *via;
    const Term& fr = term->lang == "en" ? *via : *term;
    std::vector<Word> en_w = en_words.Analyze(en.text), fr_w = fr_words.Analyze(fr.text);
    bool ok = gold.count({en.folded_key, fr.folded_key}) > 0 ||
              (is_name(en_w) && is_name(fr_w)) || translated(en_w, fr_w);
    BOOST_TEST_MESSAGE((ok ? "  term  " : "  other ") << p.score << "  " << en.text << " / "
                                                      << fr.text);
    ++ranked;
    real += ok;
  }
  BOOST_TEST_MESSAGE("top " << ranked << " pairs: " << real << " terms");
  BOOST_TEST(ranked == 50);
  // 38: parts of a name never written apart from it ("United" / "Unis" of "United States" /
  // "États-Unis", "Israeli Ministry") are no candidates any more; the capitalised-names test
  // above counted them as terms, and weaker phrases take their places at the bottom.
  BOOST_TEST(real >= 38);
}

BOOST_AUTO_TEST_CASE(arabic_names_rank_first) {
  if (!Seeds().ready) return;
  std::unique_ptr<Termbase> termbase = OpenSeeds();
  const std::vector<std::pair<std::string, std::string>> names = {
      {"مايكروسوفت", "Microsoft"}, {"أزور", "Azure"}, {"غزة", "Gaza"}};
  for (const auto& [arabic, english] : names) {
    auto terms = termbase->FindTerms(arabic, "ar", MatchKind::kExact);
    BOOST_REQUIRE(terms.ok());
    BOOST_TEST_REQUIRE(!terms->empty(), arabic << " is not a term");
    ProposalFilter filter;
    filter.term = terms->front().id;
    auto proposals = termbase->Proposals(filter);
    BOOST_REQUIRE(proposals.ok());
    BOOST_TEST_REQUIRE(!proposals->empty(), arabic << " has no proposal");
    auto top = termbase->TermsOf(proposals->front().entity);
    BOOST_REQUIRE(top.ok());
    bool named = std::any_of(top->begin(), top->end(), [&](const Term& t) {
      return t.lang == "en" && t.text == english;
    });
    BOOST_TEST(named, arabic << " is not proposed for " << english << " at rank 1");
  }
}

BOOST_AUTO_TEST_CASE(a_linked_arabic_name_joins_all_three_languages) {
  if (!Seeds().ready) return;
  // On a copy, so the other checks see the termbase as built.
  TempDir dir;
  const std::string db = (dir / "linked.db").string();
  testing::fs::copy_file(Seeds().db, db);
  testing::RunResult link =
      RunCli("glossary link 'وزارة الحرب الإسرائيلية' --to IMOD --db '" + db + "'", dir.path());
  BOOST_TEST_REQUIRE(link.exit_code == 0, link.err);
  for (const char* name : {"IMOD", "وزارة الحرب الإسرائيلية", "ministère israélien de la Défense",
                           "Israeli Ministry of Defense"}) {
    testing::RunResult r = RunCli(std::string("lookup --db '") + db + "' '" + name + "'", dir.path());
    BOOST_TEST(r.exit_code == 0, name);
    BOOST_TEST(r.out.find("وزارة الحرب الإسرائيلية") != std::string::npos, name);
    BOOST_TEST(r.out.find("ministère israélien de la Défense") != std::string::npos, name);
    BOOST_TEST(r.out.find("Israel Ministry of Defence") != std::string::npos, name);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
