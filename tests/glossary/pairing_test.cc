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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
