// Keys that say when two units hold the same text, and sets of them (private to the tmx module).
#ifndef TERMALIGN_TMX_UNIT_KEY_H_
#define TERMALIGN_TMX_UNIT_KEY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tmx/translation_unit.h"

namespace termalign::tmx {

// The language (lower case) and exact content of a variant.
std::string VariantKey(const Variant& variant);

// The variants of `unit` other than `skip_lang` ("" skips none), as one string that does not
// depend on their order: equal keys mean the same segments in the same languages.
std::string VariantsKey(const TranslationUnit& unit, std::string_view skip_lang);

// A 128-bit digest of a key: two independent 64-bit hashes. A file's keys are remembered by
// their digests, 16 bytes a unit however long its text; two different keys share a digest with
// odds of about n^2 / 2^129 among n keys (1e-25 for ten million units).
struct KeyDigest {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  bool operator==(const KeyDigest&) const = default;
};
KeyDigest Digest(std::string_view key);

// A DigestTable maps digests to 32-bit values (a line number, an index) by open addressing:
// about 40 bytes a key, in two flat arrays.
class DigestTable {
 public:
  // Stores `value` for `digest` unless it is there already. Returns the value stored for it and
  // whether it was new.
  std::pair<std::uint32_t, bool> Insert(KeyDigest digest, std::uint32_t value);
  std::size_t size() const { return size_; }

 private:
  void Grow();

  std::vector<KeyDigest> keys_;  // {0, 0}: an empty slot (a digest never is: see Digest)
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_UNIT_KEY_H_
