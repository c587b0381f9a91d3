// Function words and numbers written as words, per language: the closed word classes that
// never start or end a term and carry little weight in alignment.
#ifndef TERMALIGN_TEXT_STOP_WORDS_H_
#define TERMALIGN_TEXT_STOP_WORDS_H_

#include <string_view>

namespace termalign::text {

// True for the function words of `lang` given a folded word (FoldForMatch: lower case, no
// accents; Arabic normalised): articles, pronouns and possessives, prepositions, conjunctions,
// auxiliary, modal and copular verbs ("seems", "semble"), quantifiers and common adverbs
// ("the", "during", "de", "parmi", "der", "في"), as listed in the language's profile
// (text/language.h); false for a language without a profile.
bool IsStopWord(std::string_view folded_word, std::string_view lang);

// True for a number written as a word in `lang` ("three", "thousands", "milliers", "drei",
// "مليون"), given a folded word. Like digits, such words quantify rather than name. "one",
// "un"/"une" and "ein" are left out: they are also pronouns or articles.
bool IsNumberWord(std::string_view folded_word, std::string_view lang);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_STOP_WORDS_H_
