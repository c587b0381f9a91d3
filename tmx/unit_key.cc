#include "unit_key.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "text/lang_tag.h"

namespace termalign::tmx {

std::string VariantKey(const Variant& variant) {
  std::string key = text::LangTagKey(variant.lang);
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

namespace termalign::tmx {

KeyDigest Digest(std::string_view key) {
  // The library's string hash and FNV-1a: two unrelated functions.
  std::uint64_t fnv = 0xcbf29ce484222325ULL;
  for (char c : key) fnv = (fnv ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  KeyDigest digest{std::hash<std::string_view>{}(key), fnv};
  if (digest == KeyDigest{}) digest.b = 1;  // {0, 0} marks an empty slot
  return digest;
}

std::pair<std::uint32_t, bool> DigestTable::Insert(KeyDigest digest, std::uint32_t value) {
  if ((size_ + 1) * 4 > keys_.size() * 3) Grow();
  std::size_t mask = keys_.size() - 1;
  for (std::size_t at = digest.a & mask;; at = (at + 1) & mask) {
    if (keys_[at] == digest) return {values_[at], false};
    if (keys_[at] == KeyDigest{}) {
      keys_[at] = digest;
      values_[at] = value;
      ++size_;
      return {value, true};
    }
  }
}

void DigestTable::Grow() {
  std::vector<KeyDigest> keys(std::max<std::size_t>(keys_.size() * 2, 1024));
  std::vector<std::uint32_t> values(keys.size());
  std::size_t mask = keys.size() - 1;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == KeyDigest{}) continue;
    std::size_t at = keys_[i].a & mask;
    while (!(keys[at] == KeyDigest{})) at = (at + 1) & mask;
    keys[at] = keys_[i];
    values[at] = values_[i];
  }
  keys_.swap(keys);
  values_.swap(values);
}

}  // namespace termalign::tmx
