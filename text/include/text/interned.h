// Strings held once for the whole process and named by a 4-byte id: the words of a corpus,
// each held many times over.
#ifndef TERMALIGN_TEXT_INTERNED_H_
#define TERMALIGN_TEXT_INTERNED_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace termalign::text {
namespace internal {
// The table of Interned: chunks of 2^kInternedChunkBits strings, allocated as ids reach them
// and never freed. A chunk pointer is published before any id in it is handed out.
constexpr unsigned kInternedChunkBits = 14;
constexpr std::size_t kInternedChunks = std::size_t{1} << (32 - kInternedChunkBits);
extern std::atomic<const std::string*> interned_chunks[kInternedChunks];
extern const std::string interned_empty;
}  // namespace internal

// An Interned is a string kept for the life of the process in one table that every thread
// shares, named by its index there: equal strings have equal ids, so a copy is 4 bytes and a
// comparison of two Interned one integer. Reading one is two loads and never locks; making one
// looks the text up under a lock. The table never shrinks: it is meant for vocabularies (the
// distinct words of the texts read), not for arbitrary text. Default-constructed: "".
class Interned {
 public:
  Interned() = default;
  explicit Interned(std::string_view text) : id_(IdOf(text)) {}
  Interned& operator=(std::string_view text) {
    id_ = IdOf(text);
    return *this;
  }

  // The text; the reference stays valid until the process ends.
  const std::string& str() const {
    if (id_ == 0) return internal::interned_empty;
    const std::string* chunk =
        internal::interned_chunks[id_ >> internal::kInternedChunkBits].load(std::memory_order_acquire);
    return chunk[id_ & ((1u << internal::kInternedChunkBits) - 1)];
  }
  operator const std::string&() const { return str(); }  // NOLINT: used as the string it is
  operator std::string_view() const { return str(); }    // NOLINT
  std::size_t size() const { return str().size(); }
  bool empty() const { return id_ == 0; }
  char back() const { return str().back(); }
  // Dense from 0 ("") in the order texts were first interned, process-wide.
  std::uint32_t id() const { return id_; }

  friend bool operator==(Interned a, Interned b) { return a.id_ == b.id_; }
  friend bool operator==(Interned a, std::string_view b) { return a.str() == b; }
  friend std::ostream& operator<<(std::ostream& out, Interned text);

 private:
  static std::uint32_t IdOf(std::string_view text);
  static std::uint32_t IdInTable(std::string_view text);

  std::uint32_t id_ = 0;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_INTERNED_H_
