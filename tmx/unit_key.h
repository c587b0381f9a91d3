// Keys that say when two units hold the same text (private to the tmx module).
#ifndef TERMALIGN_TMX_UNIT_KEY_H_
#define TERMALIGN_TMX_UNIT_KEY_H_

#include <string>
#include <string_view>

#include "tmx/translation_unit.h"

namespace termalign::tmx {

// The language (lower case) and exact content of a variant.
std::string VariantKey(const Variant& variant);

// The variants of `unit` other than `skip_lang` ("" skips none), as one string that does not
// depend on their order: equal keys mean the same segments in the same languages.
std::string VariantsKey(const TranslationUnit& unit, std::string_view skip_lang);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_UNIT_KEY_H_
