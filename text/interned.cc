// The process-wide table of Interned strings.
#include "text/interned.h"

#include <mutex>
#include <ostream>
#include <unordered_map>
#include <vector>

namespace termalign::text {
namespace internal {

std::atomic<const std::string*> interned_chunks[kInternedChunks] = {};
const std::string interned_empty;

}  // namespace internal
namespace {

constexpr std::size_t kChunkSize = std::size_t{1} << internal::kInternedChunkBits;

// Text -> id under a lock; the texts live in the chunks, which never move, so the map's keys
// are views into them. Never destroyed: an Interned may be read while the process exits.
struct Table {
  std::mutex mutex;
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::string*> chunks;  // what interned_chunks publishes, writable
  std::uint32_t next = 1;            // id 0 is ""
};

Table& TheTable() {
  static Table* table = new Table;
  return *table;
}

}  // namespace

std::uint32_t Interned::IdOf(std::string_view text) {
  if (text.empty()) return 0;
  // What this thread has interned already, without the lock: a corpus interns each word
  // thousands of times, and the lock cost more than the look-up. Its keys are views into the
  // table, like the table's own.
  thread_local std::unordered_map<std::string_view, std::uint32_t> known;
  auto mine = known.find(text);
  if (mine != known.end()) return mine->second;
  Interned stored;
  stored.id_ = IdInTable(text);
  known.emplace(stored.str(), stored.id_);
  return stored.id_;
}

std::uint32_t Interned::IdInTable(std::string_view text) {
  Table& table = TheTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.ids.find(text);
  if (found != table.ids.end()) return found->second;
  const std::uint32_t id = table.next++;
  const std::size_t chunk_index = id >> internal::kInternedChunkBits;
  if (chunk_index == table.chunks.size()) {
    table.chunks.push_back(new std::string[kChunkSize]);
    internal::interned_chunks[chunk_index].store(table.chunks.back(), std::memory_order_release);
  }
  std::string& slot = table.chunks[chunk_index][id & (kChunkSize - 1)];
  slot.assign(text);
  table.ids.emplace(slot, id);
  return id;
}

std::ostream& operator<<(std::ostream& out, Interned text) { return out << text.str(); }

}  // namespace termalign::text
