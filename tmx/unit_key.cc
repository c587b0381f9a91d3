#include "unit_key.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "text/lang_tag.h"

namespace termalign::tmx {

std::string VariantKey(const Variant& variant) {
  std::string key;
  for (char c : variant.lang) {
    key += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  key += '\x01';
  key += variant.markup.empty() ? variant.text : variant.markup;
  key += variant.markup.empty() ? '\x02' : '\x03';
  return key;
}

std::string VariantsKey(const TranslationUnit& unit, std::string_view skip_lang) {
  std::vector<std::string> keys;
  for (const Variant& variant : unit.variants) {
    if (!skip_lang.empty() && text::SameLangTag(variant.lang, skip_lang)) continue;
    keys.push_back(VariantKey(variant));
  }
  std::sort(keys.begin(), keys.end());
  std::string joined;
  for (const std::string& key : keys) joined += key;
  return joined;
}

}  // namespace termalign::tmx
