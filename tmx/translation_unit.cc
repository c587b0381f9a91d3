#include "tmx/translation_unit.h"

#include "text/lang_tag.h"

namespace termalign::tmx {

const Variant* TranslationUnit::Find(std::string_view lang) const {
  for (const Variant& variant : variants) {
    if (text::SameLangTag(variant.lang, lang)) return &variant;
  }
  return nullptr;
}

const std::string* TranslationUnit::FindProp(std::string_view type) const {
  for (const Prop& prop : props) {
    if (prop.type == type) return &prop.value;
  }
  return nullptr;
}

}  // namespace termalign::tmx
