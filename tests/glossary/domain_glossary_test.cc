// Glossary quality on the test domains written for the tests (tests/data/domains: a backup
// appliance's manual, an agency's data protection policy, a medicine's package leaflet and a
// program's user and administration guides in English and French, a port authority's
// employment regulation and a data protection law in English and Arabic, each with a hand-made
// glossary). `termalign run` builds each corpus; then, as bench/glossary_quality.sh
// measures:
//   lookup recall: of the glossary pairs whose English term is in the English text, how many a
//   lookup of the English term shows with the French term in the same entity (the same folded
//   key, or an inflection: a lookup of the French term lands in that entity);
//   top 50: how many of the 50 best pair proposals, pending or accepted (the pairs the build
//   joined are accepted ones: `glossary suggest --status pending,accepted`), are glossary pairs,
//   plurals included.
// The floors are what the method reached when the test was written, rounded down a few points,
// so that a regression fails. Raise them as extraction and pairing improve.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "glossary/termbase.h"
#include "text/dictionary.h"
#include "test_util.h"

namespace termalign::glossary {
namespace {

using testing::RunCli;
using testing::TempDir;
namespace fs = testing::fs;

struct GoldPair {
  std::string en, target;
};

std::vector<GoldPair> ReadGold(const fs::path& path) {
  std::vector<GoldPair> gold;
  std::istringstream in(testing::ReadFile(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::size_t tab = line.find('\t');
    if (tab != std::string::npos) gold.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return gold;
}

// Every English document of the corpus as one folded key, padded with spaces, so that a term's
// folded key is found as whole words.
std::string FoldedEnglish(const fs::path& corpus) {
  std::string all = " ";
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 7 && name.compare(name.size() - 7, 7, ".en.txt") == 0) {
      all += FoldedKey(testing::ReadFile(entry.path()), "en") + " ";
    }
  }
  return all;
}

bool OccursIn(const std::string& folded_text, const std::string& term) {
  const std::string key = FoldedKey(term, "en");
  // A plural in the text holds the term: "incremental backups".
  return folded_text.find(" " + key + " ") != std::string::npos ||
         folded_text.find(" " + key + "s ") != std::string::npos;
}

// A folded key blind to plurals: each longer word's final s or x dropped, "ies" made "y"
// ("third countries" is "third country", "disques durs" is "disque dur").
std::string Singular(const std::string& folded) {
  std::string out;
  std::istringstream words(folded);
  std::string w;
  while (words >> w) {
    if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) {
      w = w.substr(0, w.size() - 3) + "y";
    } else if (w.size() > 3 && (w.back() == 's' || w.back() == 'x')) {
      w.pop_back();
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

std::set<EntityId> EntitiesNamed(Termbase& termbase, const std::string& term) {
  std::set<EntityId> ids;
  auto matches = termbase.Lookup(term);
  BOOST_TEST_REQUIRE(matches.ok(), matches.status().message());
  for (const EntityMatch& match : *matches) ids.insert(match.entity.id);
  return ids;
}

struct Quality {
  int in_text = 0;
  int visible = 0;
  int top = 0;
  int top_gold = 0;
};

// `target`: the language of the corpus's other side and of the glossary's second column.
Quality Measure(const std::string& domain, const std::string& target = "fr") {
  const fs::path corpus = fs::path(TERMALIGN_TEST_DATA) / "domains" / domain;
  TempDir dir;
  testing::RunResult r = RunCli("run -q --tgt-lang " + target + " '" + corpus.string() +
                                    "' -o '" + (dir / "out").string() + "'",
                                dir.path());
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);

  const std::vector<GoldPair> gold = ReadGold(corpus / "glossary.tsv");
  BOOST_TEST_REQUIRE(gold.size() >= 25u);
  std::set<std::pair<std::string, std::string>> gold_keys;
  for (const GoldPair& g : gold) {
    gold_keys.insert({Singular(FoldedKey(g.en, "en")), Singular(FoldedKey(g.target, target))});
  }

  OpenOptions options;
  options.read_only = true;
  auto termbase = Termbase::Open((dir / "out" / "termalign.db").string(), options);
  BOOST_TEST_REQUIRE(termbase.ok(), termbase.status().message());

  Quality q;
  const std::string english = FoldedEnglish(corpus);
  for (const GoldPair& g : gold) {
    if (!OccursIn(english, g.en)) continue;
    ++q.in_text;
    auto matches = (*termbase)->Lookup(g.en);
    BOOST_TEST_REQUIRE(matches.ok(), matches.status().message());
    const std::string translation = FoldedKey(g.target, target);
    bool shown = false;
    std::set<EntityId> english;
    for (const EntityMatch& match : *matches) {
      english.insert(match.entity.id);
      for (const Term& term : match.terms) {
        shown |= term.lang == target && term.folded_key == translation;
      }
    }
    for (EntityId id : EntitiesNamed(**termbase, g.target)) shown |= english.count(id) > 0;
    BOOST_TEST_MESSAGE((shown ? "  found   " : "  missing ") << g.en << " / " << g.target);
    q.visible += shown;
  }

  std::vector<Proposal> ranked;
  for (ProposalStatus status : {ProposalStatus::kPending, ProposalStatus::kAccepted}) {
    ProposalFilter filter;
    filter.status = status;
    auto some = (*termbase)->Proposals(filter);
    BOOST_TEST_REQUIRE(some.ok(), some.status().message());
    for (const Proposal& p : *some) {
      if (p.kind == ProposalKind::kPair && p.via_term != 0) ranked.push_back(p);
    }
  }
  std::sort(ranked.begin(), ranked.end(), [](const Proposal& a, const Proposal& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  for (const Proposal& p : ranked) {
    if (q.top == 50) break;
    auto term = (*termbase)->GetTerm(p.term);
    auto via = (*termbase)->GetTerm(p.via_term);
    BOOST_TEST_REQUIRE(term.ok());
    BOOST_TEST_REQUIRE(via.ok());
    ++q.top;
    const Term& en = term->lang == "en" ? *term : *via;
    const Term& other = term->lang == "en" ? *via : *term;
    const bool is_gold =
        gold_keys.count({Singular(en.folded_key), Singular(other.folded_key)}) > 0;
    BOOST_TEST_MESSAGE((is_gold ? "  gold  " : "  other ")
                       << p.score << "  " << en.text << " / " << other.text);
    q.top_gold += is_gold;
  }
  BOOST_TEST_MESSAGE(domain << ": lookup recall " << q.visible << "/" << q.in_text << ", top "
                            << q.top << " proposals: " << q.top_gold << " gold");
  return q;
}

// Reached with part-of-speech candidates, lemma keys, the corpus-wide build, loose end words
// kept in their pair, prepositions between nouns and fragments dropped (bench/glossary_quality.sh
// gives the same figures), with the FreeDict dictionary and without it (`--no-dict`, a machine
// where it is not installed): manual 48 and 47 of 60 pairs found by lookup, 39 and 40 of the top
// 50 gold; legal 46 and 44 of 60, 31 and 34 of 50 (before those three: manual 45/39, legal 35/23;
// when the test was written: manual 29/25 and 20/17, legal 22/19 and 16/15). The floors are the
// lower figure less two or three; raise them as the method improves.
constexpr int kManualRecallFloor = 44;
constexpr int kManualTopFloor = 36;
constexpr int kLegalRecallFloor = 41;
constexpr int kLegalTopFloor = 28;
// English-Arabic (labour): 19 and 12 of 28 found by lookup with the FreeDict English-Arabic
// dictionary and without it (12 and 12 before the dictionary's defined Arabic entries were read
// without their article, and Arabic terms without their pronouns).
constexpr int kLabourRecallFloor = 16;
constexpr int kLabourRecallFloorWithoutDictionary = 10;
// English-Arabic (privacy, a data protection law written with its glossary before any output
// was seen): 17 of 26 at first; 20 and 17 with the dictionary and without it once Arabic
// prepositions of terms joined two nouns and stems no longer joined stored Arabic terms.
constexpr int kPrivacyRecallFloor = 17;
constexpr int kPrivacyRecallFloorWithoutDictionary = 14;
// Leaflet: written after the rules above, to see how they carry to a field they were not made
// on. 29 and 26 of 50 found by lookup with the dictionary and without it, 32 and 31 of the top
// 50 gold (26 and 27 when it was written, before single words of a special field joined their
// translation, quantity nouns headed no term and a compound seen once beat the phrase built on
// it). Most of its misses are seen once and no dictionary links them (`pregnancy` /
// `grossesse`, `moisture` / `humidité`).
constexpr int kLeafletRecallFloor = 24;
constexpr int kLeafletTopFloor = 28;
// Software: a file synchronisation program's user and administration guides, written with its
// glossary before any output was seen. 35 of 48 found by lookup and 31 of the top 50 gold at
// first (73%); 39 and 32 of 48, 33 and 31 of 50 gold, with the dictionary and without it, once a
// verb after an adjective read as a noun ("selective sync"), French nouns that head compounds
// were no light nouns ("groupe d'utilisateurs"), number words stayed in compounds ("two-factor
// authentication" / "authentification à deux facteurs") and "previous" was no part of a term.
constexpr int kSoftwareRecallFloor = 29;
constexpr int kSoftwareTopFloor = 28;
// Banking (a current account's terms and fees) and rail (a railway operator's press release and
// technical bulletin): written with their glossaries, and measured once, before any rule was
// made on them. At first 43 of 52 and 43 of 53 found by lookup, 40 and 27 of the top 50 gold;
// 46 and 44 with the dictionary, 40 and 42 without it (36 and 32 of the top 50 gold without it)
// once inseparable pairs and acronym pairs joined (bank statement / relevé de compte, ATM / DAB),
// new, next and better were no part of a term and compounds were linked part by part
// (half-barriers / demi-barrières). Most rail misses are seen once and no
// dictionary links them (signal box / poste d'aiguillage, train path / sillon).
constexpr int kBankingRecallFloor = 37;
constexpr int kBankingTopFloor = 33;
constexpr int kRailRecallFloor = 39;
constexpr int kRailTopFloor = 24;
// Insurance: a home insurance policy's general terms, written with its glossary on 4 Dec after
// the rules of that day and measured once before it joined the tests: 21 of 34 found by lookup
// and 27 of the top 50 gold (21 and 26 with the code of the morning), 20 and 23 of 44 without
// the dictionary. Its misses are seen once and linked by no dictionary (`glass breakage` / `bris
// de glace`, `police report` / `dépôt de plainte`), or non-compositional and seen two or three
// times (`policy schedule` / `conditions particulières`, a pending proposal). A short text: its
// top 50 is not full without the dictionary.
constexpr int kInsuranceRecallFloor = 18;
constexpr int kInsuranceTopFloor = 21;
// News: two reports of a flood and its aftermath, written with their glossary on 4 Dec and
// measured once before any rule was made on them: 26 of 50 found by lookup and 25 of the top
// 50 gold at first; 30 and 24 with the dictionary and without it, 28 of the top 50 gold either
// way, once a modifier on the other side of the head cut no phrase (farmland / terres
// agricoles), "Premier" with a capital started a title, no term started inside a hyphenated
// compound, days of the week dated, French terms could end on "de" + an infinitive (building
// permit / permis de construire) and a new head on a pair named another thing (civil
// protection mechanism / mécanisme de protection civile). Most misses are seen once and no dictionary links them
// (`rehousing` / `relogement`, `loss adjuster` / `expert`).
constexpr int kNewsRecallFloor = 20;
constexpr int kNewsTopFloor = 23;

// The floor of an English-Arabic domain: the lower one where the FreeDict English-Arabic
// dictionary is not installed.
int EnglishArabicFloor(int with_dictionary, int without_dictionary) {
  const bool dictionary =
      text::BilingualDictionary::LoadFreeDict("en", "ar", text::BilingualDictionary::kDictdDir)
          .ok();
  if (!dictionary) BOOST_TEST_MESSAGE("no FreeDict English-Arabic dictionary: the lower floor");
  return dictionary ? with_dictionary : without_dictionary;
}

// An English-French domain: at least `in_text` gold pairs in the text, a full top 50, and
// the floors of lookup recall and of gold pairs in the top 50.
void CheckEnglishFrench(const std::string& domain, int in_text, int recall_floor, int top_floor) {
  Quality q = Measure(domain);
  BOOST_TEST(q.in_text >= in_text);
  BOOST_TEST(q.top == 50);
  BOOST_TEST(q.visible >= recall_floor);
  BOOST_TEST(q.top_gold >= top_floor);
}

BOOST_AUTO_TEST_SUITE(domain_glossary)

BOOST_AUTO_TEST_CASE(manual_glossary_is_found) {
  // The corpus was written to hold its glossary: 55 of its 60 pairs at least are in the text.
  CheckEnglishFrench("manual", 55, kManualRecallFloor, kManualTopFloor);
}

BOOST_AUTO_TEST_CASE(legal_glossary_is_found) {
  CheckEnglishFrench("legal", 55, kLegalRecallFloor, kLegalTopFloor);
}

BOOST_AUTO_TEST_CASE(english_arabic_glossary_is_found) {
  Quality q = Measure("labour", "ar");
  BOOST_TEST(q.in_text >= 25);
  BOOST_TEST(q.visible >= EnglishArabicFloor(kLabourRecallFloor,
                                             kLabourRecallFloorWithoutDictionary));
}

BOOST_AUTO_TEST_CASE(english_arabic_law_glossary_is_found) {
  Quality q = Measure("privacy", "ar");
  BOOST_TEST(q.in_text >= 24);
  BOOST_TEST(q.visible >= EnglishArabicFloor(kPrivacyRecallFloor,
                                             kPrivacyRecallFloorWithoutDictionary));
}

BOOST_AUTO_TEST_CASE(leaflet_glossary_is_found) {
  CheckEnglishFrench("leaflet", 48, kLeafletRecallFloor, kLeafletTopFloor);
}

BOOST_AUTO_TEST_CASE(software_glossary_is_found) {
  CheckEnglishFrench("software", 46, kSoftwareRecallFloor, kSoftwareTopFloor);
}

BOOST_AUTO_TEST_CASE(banking_glossary_is_found) {
  CheckEnglishFrench("banking", 50, kBankingRecallFloor, kBankingTopFloor);
}

BOOST_AUTO_TEST_CASE(rail_glossary_is_found) {
  CheckEnglishFrench("rail", 50, kRailRecallFloor, kRailTopFloor);
}

BOOST_AUTO_TEST_CASE(insurance_glossary_is_found) {
  Quality q = Measure("insurance");
  BOOST_TEST(q.in_text >= 34);
  BOOST_TEST(q.top >= 40);
  BOOST_TEST(q.visible >= kInsuranceRecallFloor);
  BOOST_TEST(q.top_gold >= kInsuranceTopFloor);
}

BOOST_AUTO_TEST_CASE(news_glossary_is_found) {
  CheckEnglishFrench("news", 50, kNewsRecallFloor, kNewsTopFloor);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
