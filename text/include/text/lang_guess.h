// Language guess by script and stop words.
#ifndef TERMALIGN_TEXT_LANG_GUESS_H_
#define TERMALIGN_TEXT_LANG_GUESS_H_

#include <string>
#include <string_view>

#include "text/stop_words.h"  // IsStopWord, which the guess counts

namespace termalign::text {

// Guesses "en", "fr", "ar" or "und" from the text: Arabic script decides "ar"; otherwise the
// counts of common English and French function words; "und" when neither dominates. Looks at the
// first 64 KiB only.
std::string GuessLanguage(std::string_view text);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_LANG_GUESS_H_
