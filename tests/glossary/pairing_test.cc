// Term pairing over aligned sentence pairs, on a small hand-written English-French bitext.
#include "glossary/pairing.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "glossary/word_links.h"
#include "text/dictionary.h"

namespace termalign::glossary {
namespace {

struct Bitext {
  std::vector<std::string> english, french;
};

Bitext Sample() {
  Bitext b;
  auto add = [&b](const char* en, const char* fr) {
    b.english.push_back(en);
    b.french.push_back(fr);
  };
  add("The flood barriers protect the old town of Arles.",
      "Les barrières anti-crue protègent la vieille ville d’Arles.");
  add("Engineers inspect the flood barriers every spring.",
      "Des ingénieurs inspectent les barrières anti-crue chaque printemps.");
  add("The water level reached the emergency threshold on Monday.",
      "Le niveau de l’eau a atteint le seuil d’alerte lundi.");
  add("Above the emergency threshold, the river authority closes the barriers.",
      "Au-delà du seuil d’alerte, l’autorité fluviale ferme les barrières.");
  add("The river authority published its annual report.",
      "L’autorité fluviale a publié son rapport annuel.");
  add("Arles thanked the engineers.", "Arles a remercié les ingénieurs.");
  return b;
}

std::vector<TermPair> PairSample(WordAnalyzer& en, WordAnalyzer& fr, CandidateSet* source,
                                 CandidateSet* target, const text::BilingualDictionary* dict) {
  Bitext b = Sample();
  *source = ExtractCandidates(b.english, en);
  *target = ExtractCandidates(b.french, fr);
  PairingOptions options;
  options.forward = dict;
  return PairCandidates(*source, *target, en, fr, options);
}

const TermPair* PairOf(const std::vector<TermPair>& pairs, const CandidateSet& source,
                       const CandidateSet& target, const std::string& s, const std::string& t) {
  for (const TermPair& pair : pairs) {
    if (source.candidates[pair.source].text == s && target.candidates[pair.target].text == t) {
      return &pair;
    }
  }
  return nullptr;
}

BOOST_AUTO_TEST_SUITE(pairing)

BOOST_AUTO_TEST_CASE(cognates_and_identity_across_languages) {
  BOOST_TEST(CognateStrength("israel", "israelienne") == 0.8);
  BOOST_TEST(CognateStrength("defence", "defense") == 0.8);
  BOOST_TEST(CognateStrength("tech", "technologiques") == 0.6);
  BOOST_TEST(CognateStrength("town", "ville") == 0.0);
  BOOST_TEST(SameAcronymLetters("AI", "IA"));
  BOOST_TEST(SameAcronymLetters("NATO", "OTAN"));
  BOOST_TEST(!SameAcronymLetters("AI", "AI"));
}

BOOST_AUTO_TEST_CASE(words_spelt_alike_throughout) {
  BOOST_TEST(SpeltAlike("storage", "stockage"));
  BOOST_TEST(SpeltAlike("government", "gouvernement"));
  BOOST_TEST(SpeltAlike("hostages", "otages"));
  BOOST_TEST(SpeltAlike("systemes", "systems"));
  BOOST_TEST(!SpeltAlike("review", "revue"));     // 4 of 6
  BOOST_TEST(!SpeltAlike("form", "from"));        // too short to tell
  BOOST_TEST(!SpeltAlike("support", "soutien"));
  BOOST_TEST(!SpeltAlike("agreement", "accord"));
}

// One occurrence joins only when every content word is confirmed lexically: a word no
// dictionary knows confirms it when the alignment put it beside a word spelt alike, and not
// otherwise.
BOOST_AUTO_TEST_CASE(an_aligned_word_spelt_alike_confirms_a_pair_seen_once) {
  text::BilingualDictionary dict;
  dict.Add("agency", "agence");
  dict.Add("water", "eau");
  dict.Add("inspected", "inspecte");
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source = ExtractCandidates(
      {"The agency inspected the water storage.", "The agency inspected the water tank."}, en);
  CandidateSet target = ExtractCandidates(
      {"L’agence a inspecté le stockage d’eau.", "L’agence a inspecté le réservoir d’eau."}, fr);
  PairingOptions options;
  options.forward = &dict;
  std::vector<TermPair> pairs = PairCandidates(source, target, en, fr, options);
  const TermPair* cognate = PairOf(pairs, source, target, "water storage", "stockage d’eau");
  BOOST_REQUIRE(cognate != nullptr);
  BOOST_TEST(cognate->confirmed);
  BOOST_TEST(!cognate->tentative);
  const TermPair* other = PairOf(pairs, source, target, "water tank", "réservoir d’eau");
  BOOST_REQUIRE(other != nullptr);
  BOOST_TEST(!other->confirmed);
  BOOST_TEST(other->tentative);
}

// A hyphenated compound is linked part by part: "half-barriers" / "demi-barrières" by the
// dictionary's "half" / "demi" and the cognate "barriers" / "barrières", which confirms the
// phrase seen once; a part alone links to no compound.
BOOST_AUTO_TEST_CASE(a_compound_is_linked_part_by_part) {
  text::BilingualDictionary dict;
  dict.Add("half", "demi");
  WordAnalyzer en("en"), fr("fr");
  WordLinker linker(&en, &fr, &dict, nullptr);
  BOOST_TEST(linker.LinkCompounds("half-barriers", "demi-barrieres").strength >= 0.6);
  BOOST_TEST(linker.LinkCompounds("barriers", "demi-barrieres").strength == 0.0);
  BOOST_TEST(linker.LinkCompounds("half-barriers", "barrieres").strength == 0.0);
  BOOST_TEST(linker.LinkCompounds("quarter-barriers", "demi-barrieres").strength == 0.0);
  CandidateSet source = ExtractCandidates(
      {"Crossings with automatic half-barriers are checked every week."}, en);
  CandidateSet target = ExtractCandidates(
      {"Les passages équipés de demi-barrières automatiques sont contrôlés chaque semaine."}, fr);
  PairingOptions options;
  options.forward = &dict;
  std::vector<TermPair> pairs = PairCandidates(source, target, en, fr, options);
  const TermPair* pair =
      PairOf(pairs, source, target, "automatic half-barriers", "demi-barrières automatiques");
  BOOST_REQUIRE(pair != nullptr);
  BOOST_TEST(pair->confirmed);
}

// A compound's function words need no partner: "end-to-end" is "bout en bout".
BOOST_AUTO_TEST_CASE(a_compound_function_word_needs_no_partner) {
  text::BilingualDictionary dict;
  dict.Add("end", "bout");
  dict.Add("encryption", "chiffrement");
  WordAnalyzer en("en"), fr("fr");
  WordLinker linker(&en, &fr, &dict, nullptr);
  BOOST_TEST(linker.LinkCompounds("end-to-end", "bout").strength >= 0.6);
  BOOST_TEST(linker.LinkCompounds("end-to-end", "fin").strength == 0.0);
  CandidateSet source = ExtractCandidates(
      {"With end-to-end encryption, files are encrypted on the device.",
       "For that reason, end-to-end encryption is switched off by default."},
      en);
  CandidateSet target = ExtractCandidates(
      {"Avec le chiffrement de bout en bout, les fichiers sont chiffrés sur l'appareil.",
       "C'est pourquoi le chiffrement de bout en bout est désactivé par défaut."},
      fr);
  PairingOptions options;
  options.forward = &dict;
  std::vector<TermPair> pairs = PairCandidates(source, target, en, fr, options);
  const TermPair* pair =
      PairOf(pairs, source, target, "end-to-end encryption", "chiffrement de bout en bout");
  BOOST_REQUIRE(pair != nullptr);
  BOOST_TEST(pair->confirmed);
  BOOST_TEST(pair->mutual());
  BOOST_TEST(PairOf(pairs, source, target, "end-to-end encryption", "chiffrement de bout") ==
             nullptr);
}

BOOST_AUTO_TEST_CASE(terms_pair_with_their_translations) {
  text::BilingualDictionary dict;
  dict.Add("threshold", "seuil");
  dict.Add("emergency", "alerte");
  dict.Add("authority", "autorite");
  dict.Add("river", "fluvial");
  dict.Add("flood", "crue");
  dict.Add("barrier", "barriere");
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source, target;
  std::vector<TermPair> pairs = PairSample(en, fr, &source, &target, &dict);
  const TermPair* threshold =
      PairOf(pairs, source, target, "emergency threshold", "seuil d’alerte");
  BOOST_REQUIRE(threshold != nullptr);
  BOOST_TEST(threshold->mutual());
  BOOST_TEST(threshold->evidence.cooccurrences == 2);
  BOOST_TEST(threshold->evidence.dice == 1.0);
  BOOST_TEST(threshold->evidence.log_dice == 14.0);
  const TermPair* authority = PairOf(pairs, source, target, "river authority", "autorité fluviale");
  BOOST_REQUIRE(authority != nullptr);
  BOOST_TEST(authority->mutual());
  // The evidence keeps an aligned pair holding both.
  BOOST_TEST(authority->evidence.example >= 3u);
  BOOST_TEST(authority->evidence.example <= 4u);
  const TermPair* arles = PairOf(pairs, source, target, "Arles", "Arles");
  BOOST_REQUIRE(arles != nullptr);
  BOOST_TEST(arles->evidence.method == "identical");
  // Best first.
  for (std::size_t k = 1; k < pairs.size(); ++k) {
    BOOST_TEST(pairs[k - 1].evidence.score >= pairs[k].evidence.score);
  }
}

BOOST_AUTO_TEST_CASE(without_a_dictionary_statistics_and_cognates_still_pair) {
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source, target;
  std::vector<TermPair> pairs = PairSample(en, fr, &source, &target, nullptr);
  BOOST_TEST(PairOf(pairs, source, target, "Arles", "Arles") != nullptr);
  // "engineers"/"ingénieurs" share no prefix: the word aligner has to find it.
  bool engineers = false;
  for (const TermPair& pair : pairs) {
    engineers = engineers || (source.candidates[pair.source].text == "engineers" &&
                              target.candidates[pair.target].text == "ingénieurs");
  }
  BOOST_TEST(engineers);
}

BOOST_AUTO_TEST_CASE(a_fragment_ranks_below_the_whole_term) {
  text::BilingualDictionary dict;
  dict.Add("ministry", "ministere");
  dict.Add("water", "eau");
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source = ExtractCandidates(
      {"The Ministry of Water answered.", "A letter went to the Ministry of Water."}, en);
  CandidateSet target = ExtractCandidates(
      {"Le ministère de l’Eau a répondu.", "Une lettre est partie au ministère de l’Eau."}, fr);
  PairingOptions options;
  options.forward = &dict;
  std::vector<TermPair> pairs = PairCandidates(source, target, en, fr, options);
  const TermPair* whole = PairOf(pairs, source, target, "Ministry of Water", "ministère de l’Eau");
  BOOST_REQUIRE(whole != nullptr);
  const TermPair* fragment = PairOf(pairs, source, target, "Ministry", "ministère");
  if (fragment != nullptr) BOOST_TEST(fragment->evidence.score < whole->evidence.score);
}

BOOST_AUTO_TEST_CASE(a_common_word_ranks_below_the_phrase_it_heads) {
  text::BilingualDictionary dict;
  dict.Add("flood", "crue");
  dict.Add("barrier", "barriere");
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source, target;
  std::vector<TermPair> pairs = PairSample(en, fr, &source, &target, &dict);
  const TermPair* phrase = PairOf(pairs, source, target, "flood barriers", "barrières anti-crue");
  BOOST_REQUIRE(phrase != nullptr);
  // "barriers" / "barrières" is still proposed (it occurs alone), after the phrase.
  const TermPair* word = PairOf(pairs, source, target, "barriers", "barrières");
  BOOST_REQUIRE(word != nullptr);
  BOOST_TEST(word->evidence.score < phrase->evidence.score);
}

BOOST_AUTO_TEST_CASE(a_fragment_without_the_head_is_dropped_even_seen_once) {
  text::BilingualDictionary dict;
  dict.Add("limited", "limite");
  dict.Add("emergency", "urgence");
  dict.Add("support", "soutien");
  dict.Add("agency", "agence");
  dict.Add("town", "ville");
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source =
      ExtractCandidates({"The agency granted limited emergency support to the town."}, en);
  CandidateSet target =
      ExtractCandidates({"L’agence a accordé un soutien d’urgence limité à la ville."}, fr);
  PairingOptions options;
  options.forward = &dict;
  std::vector<TermPair> pairs = PairCandidates(source, target, en, fr, options);
  BOOST_TEST(PairOf(pairs, source, target, "limited emergency support",
                    "soutien d’urgence limité") != nullptr);
  // Without its head on both sides the fragment names nothing; with it, one occurrence does not
  // tell which boundary is the term's.
  BOOST_TEST(PairOf(pairs, source, target, "limited emergency", "urgence limité") == nullptr);
  BOOST_TEST(PairOf(pairs, source, target, "emergency support", "soutien d’urgence") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_name_rendered_by_an_unlinked_common_word_is_no_pair) {
  WordAnalyzer en("en"), fr("fr");
  CandidateSet source = ExtractCandidates(
      {"The engineers helped Palestinians.", "The barriers protected Palestinians.",
       "The engineers inspected the barriers."},
      en);
  CandidateSet target = ExtractCandidates(
      {"Les ingénieurs ont aidé des personnes.", "Les barrières ont protégé des personnes.",
       "Les ingénieurs ont inspecté les barrières."},
      fr);
  std::vector<TermPair> pairs = PairCandidates(source, target, en, fr, PairingOptions{});
  BOOST_TEST(PairOf(pairs, source, target, "Palestinians", "personnes") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
