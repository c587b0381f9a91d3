// Language guess by script and stop words.
#ifndef TERMALIGN_TEXT_LANG_GUESS_H_
#define TERMALIGN_TEXT_LANG_GUESS_H_

#include <string>
#include <string_view>

#include "text/stop_words.h"  // IsStopWord, which the guess counts

namespace termalign::text {

// Guesses the language of a text among the language profiles (text/language.h), or "und":
// Arabic script decides "ar"; otherwise the counts of each Latin-script language's function
// words that the others lack ("the" for English, "die" for German, "les" for French); "und"
// when fewer than three such words tell the likeliest language from its closest rival. Looks
// at the first 64 KiB only.
std::string GuessLanguage(std::string_view text);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_LANG_GUESS_H_
