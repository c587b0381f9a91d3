// Parts of speech: which word classes a word of a language may belong to, and its lemma in each.
#ifndef TERMALIGN_TEXT_POS_H_
#define TERMALIGN_TEXT_POS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::text {

// One part of speech, as a bit of a PosSet. Participles are apart from other verb forms because
// they modify nouns ("encrypted storage", "marché réglementé") where a finite verb cannot.
enum class Pos : std::uint8_t {
  kNoun = 1 << 0,
  kAdjective = 1 << 1,
  kVerb = 1 << 2,                // a finite or infinitive form: "implies", "contain", "contiennent"
  kPresentParticiple = 1 << 3,   // "containing", "contenant"
  kPastParticiple = 1 << 4,      // "encrypted", "réglementé"
  kAdverb = 1 << 5,
  kProperNoun = 1 << 6,
  kFunctionWord = 1 << 7,        // preposition, determiner, pronoun, conjunction
};

// The parts of speech a word may have, and a lemma for each one found. Empty (`known()` false)
// when the lexicon does not know the word or the language has no lexicon.
// The genders and numbers a word's readings allow (French "ponctualité": feminine singular;
// "ambitieux": masculine, either number), as bits; 0 when the lexicon gives none.
enum Agreement : std::uint8_t {
  kMasculine = 1,
  kFeminine = 2,
  kSingular = 4,
  kPlural = 8,
};

// True when a modifier of agreement `modifier` may agree with a noun of agreement `noun`: they
// share a gender and a number. A side the lexicon says nothing of agrees with anything.
bool Agree(std::uint8_t noun, std::uint8_t modifier);

struct WordClasses {
  std::uint8_t pos = 0;  // Pos bits
  // Agreement bits of its noun readings, and of its adjective and participle readings.
  std::uint8_t noun_agreement = 0;
  std::uint8_t modifier_agreement = 0;
  // (part of speech, lemma folded with FoldForMatch), in the order the source gives them.
  std::vector<std::pair<Pos, std::string>> lemmas;

  bool known() const { return pos != 0; }
  bool Has(Pos p) const { return (pos & static_cast<std::uint8_t>(p)) != 0; }
  // True when the word has no part of speech outside `allowed` (a set of Pos bits).
  bool OnlyAmong(std::uint8_t allowed) const { return known() && (pos & ~allowed) == 0; }
  // The lemma a term key is made of: the noun's, else the adjective's, else the first; the
  // shortest when a class has several ("stations": "station", not the noun "stations").
  // "" when there is none.
  const std::string& KeyLemma() const;
};

// Pos bits, for OnlyAmong: PosBits(Pos::kVerb, Pos::kAdverb).
template <typename... P>
constexpr std::uint8_t PosBits(P... p) {
  return static_cast<std::uint8_t>((0 | ... | static_cast<std::uint8_t>(p)));
}

// A PosLexicon answers WordClasses for one language, from the source its profile names
// (text/language.h: WordNet for English, the Hunspell dictionary's morphology for French).
// Its data are loaded lazily, once per process; missing files give one warning through the
// warning sink (text/warnings.h) and a lexicon that knows no word. Thread-safe.
class PosLexicon {
 public:
  // The shared lexicon of the language of tag `lang`; languages without a source get one that
  // knows no word.
  static const PosLexicon& ForLanguage(std::string_view lang);

  // The classes of `word` (UTF-8, as written: case and accents help the dictionary).
  WordClasses Classify(std::string_view word) const;

  // How often the word (any of its lemmas) is used in a general-language corpus the source
  // carries: for English, WordNet's sense-tagged counts (SemCor, about 230,000 words of the Brown
  // corpus: "year" 450, "information" 150, "medicine" 11, "dosage" 0). A low count marks a word
  // of a special field rather than of everyday language. nullopt when the language has no such
  // corpus.
  std::optional<int> GeneralUse(std::string_view word) const;

  // True when a source was found and loaded.
  bool available() const;

  ~PosLexicon();

  struct Source;  // one way to classify words (pos.cc)

 private:
  explicit PosLexicon(std::unique_ptr<Source> source);
  std::unique_ptr<Source> source_;
};

// The keys a word is matched and grouped by, best first, folded with FoldForMatch, never empty:
// the lemmas of the lexicon when it knows the word ("unions": "union"; only its noun and
// adjective lemmas when it has some, so "données" does not meet "donner"), else the Hunspell
// stems that keep the beginning of the word, shortest first ("disagreement" never becomes
// "agreement"), else the folded word. Term extraction groups by the first; termbase keys are
// made of all of them, so a term and its occurrences meet on equal keys.
// A word spelled as the language's standard spelling does not ("colour", "organisation",
// "diarrhoea" in English, against en_US) is keyed by the standard spelling's keys too, after its
// own: a lookup finds a term whichever spelling the text and the query use.
std::vector<std::string> WordKeys(std::string_view word, std::string_view lang);

// The first of WordKeys, the key term extraction groups words by (spelling variants aside, so it
// costs no spell check).
std::string WordKey(std::string_view word, std::string_view lang);

// The standard spelling of a word written otherwise (LanguageProfile::standard_spelling and
// spelling_rewrites: "organisations" -> "organizations", "Defence" -> "defense"), folded; ""
// when the word is spelled the standard way, is no word the dictionaries know, or the language
// has no standard.
std::string StandardSpelling(std::string_view word, std::string_view lang);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_POS_H_
