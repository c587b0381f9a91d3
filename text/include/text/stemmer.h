// Stems from Hunspell, with the dictionaries each language profile names.
#ifndef TERMALIGN_TEXT_STEMMER_H_
#define TERMALIGN_TEXT_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::text {

struct LanguageProfile;

// A Stemmer gives the Hunspell stems of a word in one language. Dictionaries are loaded once
// per process, lazily, from $DICPATH and the standard Hunspell folders, as the language's profile
// names them (text/language.h; en: en_US and en_GB, fr: fr_FR or fr). A missing dictionary gives
// one warning on stderr and a stemmer that returns the word itself. Thread-safe after construction.
class Stemmer {
 public:
  // The shared stemmer for the language of tag `lang` ("en", "de-CH"); a language without a
  // profile gets one that returns the word.
  static const Stemmer& ForLanguage(std::string_view lang);

  // All stems of `word` (UTF-8), folded with FoldForMatch, without duplicates; the folded word
  // itself first when it is a dictionary word or has no stem.
  std::vector<std::string> Stems(std::string_view word) const;

  // Hunspell's morphological analyses of `word` (UTF-8), one string per reading, fields as the
  // dictionary writes them ("st:contenir po:v3__t_q__a po:ppre"); empty when no dictionary
  // knows the word.
  std::vector<std::string> Analyze(std::string_view word) const;

  // True when the dictionary knows `word` as it is spelled.
  bool Spell(std::string_view word) const;

  // True when the dictionary the profile names `dictionary_name` ("en_US") is loaded and knows
  // `word` as it is spelled.
  bool SpellWith(std::string_view word, std::string_view dictionary_name) const;

  bool has_dictionary() const;

  ~Stemmer();

 private:
  explicit Stemmer(const LanguageProfile& profile);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The length in bytes of the fused conjunction or preposition that starts `word` (UTF-8, as
// written), or 0: one of the profile's proclitics of language `lang` followed by at least three
// letters that are a word of their own: "والحريات" -> 2 ("و" + "الحريات"), "لوزارة" -> 2. With
// a dictionary the rest must be a word the dictionary also finds inside `word` (so "كتاب" keeps
// its "ك"); without one, only a rest starting with the article counts.
// A word whose ل is the start of an elided article ("للشخص", ل + الشخص) has none: matching strips
// لل as the article.
std::size_t ProcliticLength(std::string_view word, std::string_view lang);

// The form a glossary stores for `word` (UTF-8, as written, without its proclitic) when the text
// writes it bound to something else, or "" when it is written as it is stored. Arabic: a noun with
// a fused possessive pronoun takes the article in its place, with its ة back where the pronoun
// made it ت ("بياناته" -> "البيانات", "سياستها" -> "السياسة"); a noun after ل takes back the
// article's dropped alef ("للشخص" -> "الشخص"). The dictionary must know the noun and read both
// forms as the same word; without a dictionary, or in other languages, "".
std::string CitationForm(std::string_view word, std::string_view lang);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_STEMMER_H_
