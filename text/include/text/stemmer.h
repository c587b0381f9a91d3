// Stems from Hunspell for en, fr and ar.
#ifndef TERMALIGN_TEXT_STEMMER_H_
#define TERMALIGN_TEXT_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::text {

// A Stemmer gives the Hunspell stems of a word in one language. Dictionaries are loaded once
// per process, lazily, from the standard Hunspell folders (en: en_US and en_GB; fr: fr_FR or fr;
// ar: ar). A missing dictionary gives one warning on stderr and a stemmer that returns the
// word itself. Thread-safe after construction.
class Stemmer {
 public:
  // The shared stemmer for `lang` ("en", "fr", "ar"; others return the word).
  static const Stemmer& ForLanguage(std::string_view lang);

  // All stems of `word` (UTF-8), folded with FoldForMatch, without duplicates; the folded word
  // itself first when it is a dictionary word or has no stem.
  std::vector<std::string> Stems(std::string_view word) const;

  // True when the dictionary knows `word` as it is spelled.
  bool Spell(std::string_view word) const;

  bool has_dictionary() const;

  ~Stemmer();

 private:
  explicit Stemmer(std::string_view lang);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_STEMMER_H_
