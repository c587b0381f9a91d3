// The language profiles, one file each under text/lang/. Private to the text library: other
// modules reach them through text/language.h.
#ifndef TERMALIGN_TEXT_LANG_PROFILES_H_
#define TERMALIGN_TEXT_LANG_PROFILES_H_

#include "text/language.h"

namespace termalign::text::lang {

extern const LanguageProfile kArabic;
extern const LanguageProfile kEnglish;
extern const LanguageProfile kFrench;
extern const LanguageProfile kGerman;
extern const LanguageProfile kSpanish;
// For tags without a profile: English abbreviations, nothing else.
extern const LanguageProfile kRoot;

}  // namespace termalign::text::lang

#endif  // TERMALIGN_TEXT_LANG_PROFILES_H_
