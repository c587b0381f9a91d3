// Open addressing from a 64-bit key (two 32-bit ids packed) to a dense index handed out in
// insertion order. std::unordered_map allocates a node per entry, which dominates the run time
// of the word models on a few million pairs, and of matching a glossary's terms in text.
#ifndef TERMALIGN_TEXT_KEY_INDEX_H_
#define TERMALIGN_TEXT_KEY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace termalign::text {

class KeyIndex {
 public:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // never a key
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;       // Find's answer for a missing key

  // Room for `expected` keys before the first growth.
  explicit KeyIndex(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity <<= 1;
    Rehash(capacity);
  }

  // The index of `key`, inserted with the next free index when absent.
  std::uint32_t Insert(std::uint64_t key) {
    if ((size_ + 1) * 2 > keys_.size()) Rehash(keys_.size() * 2);
    std::size_t at = Home(key);
    while (keys_[at] != kEmpty && keys_[at] != key) at = (at + 1) & mask_;
    if (keys_[at] == kEmpty) {
      keys_[at] = key;
      values_[at] = static_cast<std::uint32_t>(size_++);
    }
    return values_[at];
  }

  // The index of `key`, or kAbsent.
  std::uint32_t Find(std::uint64_t key) const {
    std::size_t at = Home(key);
    while (keys_[at] != kEmpty) {
      if (keys_[at] == key) return values_[at];
      at = (at + 1) & mask_;
    }
    return kAbsent;
  }

  // The value of `key`, which must be present.
  std::uint32_t Get(std::uint64_t key) const {
    std::size_t at = Home(key);
    while (keys_[at] != key) at = (at + 1) & mask_;
    return values_[at];
  }

  // Replaces the value of `key`, which must be present.
  void Set(std::uint64_t key, std::uint32_t value) {
    std::size_t at = Home(key);
    while (keys_[at] != key) at = (at + 1) & mask_;
    values_[at] = value;
  }

  // Every key, in table order.
  std::vector<std::uint64_t> Keys() const {
    std::vector<std::uint64_t> keys;
    keys.reserve(size_);
    for (std::uint64_t key : keys_) {
      if (key != kEmpty) keys.push_back(key);
    }
    return keys;
  }

  std::size_t size() const { return size_; }

  // Frees the table; the indices handed out stay valid for the caller.
  void Clear() {
    keys_ = {};
    values_ = {};
  }

 private:
  std::size_t Home(std::uint64_t key) const {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return static_cast<std::size_t>(key) & mask_;
  }

  void Rehash(std::size_t capacity) {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    keys_.assign(capacity, kEmpty);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (std::size_t k = 0; k < old_keys.size(); ++k) {
      if (old_keys[k] == kEmpty) continue;
      std::size_t at = Home(old_keys[k]);
      while (keys_[at] != kEmpty) at = (at + 1) & mask_;
      keys_[at] = old_keys[k];
      values_[at] = old_values[k];
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_KEY_INDEX_H_
