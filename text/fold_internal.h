// The fold's slow path, for the tests that check its shortcuts against it.
#ifndef TERMALIGN_TEXT_FOLD_INTERNAL_H_
#define TERMALIGN_TEXT_FOLD_INTERNAL_H_

#include <string>
#include <string_view>

namespace termalign::text::internal {

// FoldForMatch without its table of Latin letters: the whole text through NormalizeArabic and
// the ICU fold transliterator (ASCII and Arabic-block text excepted, which it only lowers).
std::string FoldWithTransliterator(std::string_view text);

}  // namespace termalign::text::internal

#endif  // TERMALIGN_TEXT_FOLD_INTERNAL_H_
