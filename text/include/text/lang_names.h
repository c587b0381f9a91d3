// Language names as people write them in a spreadsheet's header row, to BCP 47 tags, from ICU's
// locale data.
#ifndef TERMALIGN_TEXT_LANG_NAMES_H_
#define TERMALIGN_TEXT_LANG_NAMES_H_

#include <string>
#include <string_view>

namespace termalign::text {

// The BCP 47 tag, in canonical case, that `name` stands for:
//  - a tag whose language ICU has locale data for, or an ISO 639-1 code: "fr", "FR-fr",
//    "pt_BR", "zh-Hant" -> "fr", "fr-FR", "pt-BR", "zh-Hant";
//  - the display name of a language or of a locale ICU has data for, in English or in that
//    language itself, compared after folding case, accents and punctuation: "French",
//    "Français", "العربية", "German (Switzerland)", "français - Canada" -> "fr", "fr", "ar",
//    "de-CH", "fr-CA".
// "" when it names no language: "Source", "Comment", "car" (an ISO 639-2 code without ICU data,
// and more likely a word). Tables are built once, lazily; thread-safe.
std::string LangTagForName(std::string_view name);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_LANG_NAMES_H_
