// Parts of speech and lemmas: WordNet for English, the Hunspell morphology for French and
// Arabic.
#include "text/pos.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <thread>

#include "text/language.h"
#include "text/stemmer.h"

namespace termalign::testing {
namespace {

using text::Pos;
using text::PosBits;
using text::WordClasses;

// The lexicon of `lang`, or nullptr (and a message) when its data are not installed.
const text::PosLexicon* LexiconOrSkip(const char* lang) {
  const text::PosLexicon& lexicon = text::PosLexicon::ForLanguage(lang);
  if (!lexicon.available()) {
    BOOST_TEST_MESSAGE("skipped: no part-of-speech data for " << lang);
    BOOST_TEST(!lexicon.Classify("house").known());
    return nullptr;
  }
  return &lexicon;
}

bool HasLemma(const WordClasses& classes, Pos pos, const std::string& lemma) {
  for (const auto& [found_pos, found_lemma] : classes.lemmas) {
    if (found_pos == pos && found_lemma == lemma) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pos)

BOOST_AUTO_TEST_CASE(english_nouns_and_their_plurals) {
  const text::PosLexicon* lexicon = LexiconOrSkip("en");
  if (lexicon == nullptr) return;
  WordClasses pilots = lexicon->Classify("pilots");
  BOOST_TEST(pilots.Has(Pos::kNoun));
  BOOST_TEST(HasLemma(pilots, Pos::kNoun, "pilot"));
  BOOST_TEST(pilots.KeyLemma() == "pilot");
  // Irregular plurals come from the exception list; -ies from the detachment rules.
  BOOST_TEST(HasLemma(lexicon->Classify("geese"), Pos::kNoun, "goose"));
  BOOST_TEST(lexicon->Classify("ministries").KeyLemma() == "ministry");
  BOOST_TEST(lexicon->Classify("unions").KeyLemma() == "union");
  // "glass" is not the plural of anything.
  BOOST_TEST(lexicon->Classify("glass").KeyLemma() == "glass");
  BOOST_TEST(lexicon->Classify("disagreement").KeyLemma() == "disagreement");
  // Capitals and sentence case do not hide a word.
  BOOST_TEST(lexicon->Classify("Stations").KeyLemma() == "station");
}

BOOST_AUTO_TEST_CASE(english_verb_forms) {
  const text::PosLexicon* lexicon = LexiconOrSkip("en");
  if (lexicon == nullptr) return;
  // A finite form only: a candidate must not end or continue on it.
  WordClasses implies = lexicon->Classify("implies");
  BOOST_TEST(implies.OnlyAmong(PosBits(Pos::kVerb)));
  BOOST_TEST(HasLemma(implies, Pos::kVerb, "imply"));
  // Participles are told apart from other verb forms.
  WordClasses containing = lexicon->Classify("containing");
  BOOST_TEST(containing.OnlyAmong(PosBits(Pos::kPresentParticiple)));
  BOOST_TEST(HasLemma(containing, Pos::kPresentParticiple, "contain"));
  BOOST_TEST(lexicon->Classify("encrypted").Has(Pos::kPastParticiple));
  BOOST_TEST(lexicon->Classify("written").Has(Pos::kPastParticiple));
  BOOST_TEST(!lexicon->Classify("took").Has(Pos::kPastParticiple));
  // An -ing form that WordNet lists as a noun stays a noun.
  WordClasses processing = lexicon->Classify("processing");
  BOOST_TEST(processing.Has(Pos::kNoun));
  BOOST_TEST(processing.Has(Pos::kPresentParticiple));
  BOOST_TEST(processing.KeyLemma() == "processing");
}

BOOST_AUTO_TEST_CASE(english_adverbs_and_unknown_words) {
  const text::PosLexicon* lexicon = LexiconOrSkip("en");
  if (lexicon == nullptr) return;
  BOOST_TEST(lexicon->Classify("arbitrarily").OnlyAmong(PosBits(Pos::kAdverb)));
  // "fast" is an adverb among others: not only an adverb.
  BOOST_TEST(!lexicon->Classify("fast").OnlyAmong(PosBits(Pos::kAdverb)));
  BOOST_TEST(!lexicon->Classify("CloudVault").known());
  BOOST_TEST(!lexicon->Classify("").known());
}

BOOST_AUTO_TEST_CASE(french_morphology) {
  const text::PosLexicon* lexicon = LexiconOrSkip("fr");
  if (lexicon == nullptr) return;
  WordClasses ligne = lexicon->Classify("ligne");
  BOOST_TEST(ligne.Has(Pos::kNoun));
  BOOST_TEST(ligne.KeyLemma() == "ligne");
  WordClasses contenant = lexicon->Classify("contenant");
  BOOST_TEST(contenant.Has(Pos::kPresentParticiple));
  BOOST_TEST(HasLemma(contenant, Pos::kPresentParticiple, "contenir"));
  BOOST_TEST(lexicon->Classify("arbitrairement").OnlyAmong(PosBits(Pos::kAdverb)));
  BOOST_TEST(lexicon->Classify("contiennent").OnlyAmong(PosBits(Pos::kVerb)));
  // A past participle used as an adjective: the noun reading's lemma is the key.
  WordClasses donnees = lexicon->Classify("données");
  BOOST_TEST(donnees.Has(Pos::kNoun));
  BOOST_TEST(donnees.Has(Pos::kPastParticiple));
  BOOST_TEST(donnees.KeyLemma() == "donnee");
  BOOST_TEST(lexicon->Classify("personnelles").KeyLemma() == "personnel");
  WordClasses sous_traitant = lexicon->Classify("sous-traitant");
  BOOST_TEST(sous_traitant.Has(Pos::kNoun));
  BOOST_TEST(sous_traitant.KeyLemma() == "sous-traitant");
}

// Gender and number of the French readings: an adjective agrees with a noun when they share
// both; a side the lexicon says nothing of agrees with anything.
BOOST_AUTO_TEST_CASE(french_agreement) {
  const text::PosLexicon* lexicon = LexiconOrSkip("fr");
  if (lexicon == nullptr) return;
  const WordClasses ponctualite = lexicon->Classify("ponctualité");  // feminine singular
  const WordClasses objectif = lexicon->Classify("objectif");        // masculine singular
  const WordClasses ambitieux = lexicon->Classify("ambitieux");      // masculine, either number
  const WordClasses mesures = lexicon->Classify("mesures");          // feminine plural
  const WordClasses supplementaires = lexicon->Classify("supplémentaires");  // either gender, plural
  BOOST_TEST(ponctualite.noun_agreement == (text::kFeminine | text::kSingular));
  BOOST_TEST(supplementaires.modifier_agreement ==
             (text::kMasculine | text::kFeminine | text::kPlural));
  BOOST_TEST(!text::Agree(ponctualite.noun_agreement, ambitieux.modifier_agreement));
  BOOST_TEST(text::Agree(objectif.noun_agreement, ambitieux.modifier_agreement));
  BOOST_TEST(text::Agree(mesures.noun_agreement, supplementaires.modifier_agreement));
  BOOST_TEST(!text::Agree(ponctualite.noun_agreement, supplementaires.modifier_agreement));
  BOOST_TEST(text::Agree(0, ambitieux.modifier_agreement));
  BOOST_TEST(text::Agree(ponctualite.noun_agreement, 0));
}

// The Arabic dictionary marks its verbs: a word with a reading of no marked class is a noun or
// an adjective (tell them apart it cannot).
BOOST_AUTO_TEST_CASE(arabic_verbs) {
  const text::PosLexicon* lexicon = LexiconOrSkip("ar");
  if (lexicon == nullptr) return;
  BOOST_TEST(lexicon->Classify("تستحق").OnlyAmong(PosBits(Pos::kVerb)));
  BOOST_TEST(lexicon->Classify("يجوز").OnlyAmong(PosBits(Pos::kVerb)));
  BOOST_TEST(lexicon->Classify("تطبيق").OnlyAmong(PosBits(Pos::kNoun)));
  WordClasses both = lexicon->Classify("تعادل");  // equivalence, or it equals
  BOOST_TEST(both.Has(Pos::kNoun));
  BOOST_TEST(both.Has(Pos::kVerb));
  // Keys stay the dictionary's stems, as before the lexicon told verbs.
  const std::vector<std::string> keys = text::WordKeys("البيانات", "ar");
  BOOST_TEST((std::find(keys.begin(), keys.end(), "البيانات") != keys.end()));
}

BOOST_AUTO_TEST_CASE(english_general_use_tells_everyday_words_from_special_ones) {
  const text::PosLexicon* lexicon = LexiconOrSkip("en");
  if (lexicon == nullptr) return;
  const std::optional<int> year = lexicon->GeneralUse("year");
  if (!year) {
    BOOST_TEST_MESSAGE("skipped: WordNet has no sense counts here");
    return;
  }
  BOOST_TEST(*year > 100);
  // Counted through the lemma, whatever the inflection.
  BOOST_TEST(lexicon->GeneralUse("years").value_or(-1) == *year);
  const std::optional<int> diarrhoea = lexicon->GeneralUse("diarrhoea");
  BOOST_REQUIRE(diarrhoea.has_value());
  BOOST_TEST(*diarrhoea < 20);
  BOOST_TEST(*diarrhoea < *lexicon->GeneralUse("information"));
  // A word WordNet does not know is used nowhere in its corpus.
  BOOST_TEST(lexicon->GeneralUse("valmeprazole").value_or(-1) == 0);
}

BOOST_AUTO_TEST_CASE(english_standard_spelling) {
  if (!text::Stemmer::ForLanguage("en").SpellWith("color", "en_US")) {
    BOOST_TEST_MESSAGE("skipped: no en_US Hunspell dictionary");
    return;
  }
  BOOST_TEST(text::StandardSpelling("organisations", "en") == "organizations");
  BOOST_TEST(text::StandardSpelling("colour", "en") == "color");
  BOOST_TEST(text::StandardSpelling("Defence", "en") == "defense");
  BOOST_TEST(text::StandardSpelling("diarrhoea", "en") == "diarrhea");
  BOOST_TEST(text::StandardSpelling("centre", "en") == "center");
  BOOST_TEST(text::StandardSpelling("travelled", "en") == "traveled");
  // Standard spellings, words a rule would break, unknown words, other languages: nothing.
  for (const char* word : {"color", "tour", "exercise", "shoe", "valmeprazole"}) {
    BOOST_TEST(text::StandardSpelling(word, "en").empty(), word);
  }
  BOOST_TEST(text::StandardSpelling("couleur", "fr").empty());
  // The variant's keys follow the word's own; the first key, which extraction groups by, stays.
  const std::vector<std::string> keys = text::WordKeys("colours", "en");
  BOOST_TEST(keys.front() == "colour");
  BOOST_TEST((std::find(keys.begin(), keys.end(), "color") != keys.end()));
  BOOST_TEST(text::WordKey("colours", "en") == "colour");
}

BOOST_AUTO_TEST_CASE(languages_without_general_use_counts_say_so) {
  BOOST_TEST(!text::PosLexicon::ForLanguage("de").GeneralUse("Haus").has_value());
  const text::PosLexicon* french = LexiconOrSkip("fr");
  if (french == nullptr) return;
  BOOST_TEST(!french->GeneralUse("maison").has_value());
}

BOOST_AUTO_TEST_CASE(languages_without_a_source_know_no_word) {
  BOOST_TEST(!text::PosLexicon::ForLanguage("de").available());
  BOOST_TEST(!text::PosLexicon::ForLanguage("de").Classify("Haus").known());
  BOOST_TEST(!text::PosLexicon::ForLanguage("und").Classify("house").known());
}

BOOST_AUTO_TEST_CASE(shared_across_threads) {
  const text::PosLexicon* lexicon = LexiconOrSkip("en");
  if (lexicon == nullptr) return;
  std::vector<std::thread> threads;
  std::vector<std::string> lemmas(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { lemmas[t] = lexicon->Classify("harbours").KeyLemma(); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& lemma : lemmas) BOOST_TEST(lemma == "harbour");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
