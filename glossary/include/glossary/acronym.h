// Acronym definitions: "long form (SF)" and "SF (long form)" by Schwartz & Hearst's algorithm,
// and long forms found through a known translation when the letters do not match.
#ifndef TERMALIGN_GLOSSARY_ACRONYM_H_
#define TERMALIGN_GLOSSARY_ACRONYM_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/extract.h"

namespace termalign::glossary {

// An AcronymDefinition pairs a short form with the long form it abbreviates in one sentence.
// Offsets are bytes into the sentence.
struct AcronymDefinition {
  std::string short_form;  // "IMOD"
  std::string long_form;   // "Israel Ministry of Defence"
  std::size_t long_begin = 0, long_end = 0;
  std::size_t short_begin = 0, short_end = 0;
};

// A ShortFormSite is a parenthesised (or bracketed) short form: 2-10 characters, one word,
// starting with a letter or digit, holding a capital letter. `word` is the index in the
// sentence's Words of the first word before the opening bracket (the long form ends there).
struct ShortFormSite {
  std::string short_form;
  std::size_t short_begin = 0, short_end = 0;
  std::size_t last_word = 0;   // index of the word just before "(", in `words`
};

// The short forms in brackets of an analysed sentence ("... Défense (IMOD)", "[AI]").
std::vector<ShortFormSite> FindShortFormSites(std::string_view sentence,
                                              const std::vector<Word>& words);

// Schwartz & Hearst: for each site, the shortest run of at most min(|SF| + 5, 2 |SF|) words
// before the bracket whose letters spell the short form right to left, the first letter
// starting a word. Also "long form (SF)" reversed: "SF (long form)". Sites whose letters do not
// match give nothing.
std::vector<AcronymDefinition> FindAcronymDefinitions(std::string_view sentence,
                                                      const std::vector<Word>& words);

// Scores whether a word of this sentence translates some word of a known long form, in [0, 1].
using WordMatcher = std::function<double(const Word& word)>;

// The long form of `site` found through a known long form in another language: the shortest
// run of words ending before the bracket whose content words all match (`matches` > 0) and
// whose matched words number at least `known_content_words` (the known long form's content
// words). Connectors and articles may sit inside; the run may not start with one.
// Returns false when no run of at most `max_words` words qualifies.
bool LongFormByTranslation(std::string_view sentence, const std::vector<Word>& words,
                           const ShortFormSite& site, int known_content_words,
                           const WordMatcher& matches, AcronymDefinition* definition,
                           int max_words = 10);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_ACRONYM_H_
