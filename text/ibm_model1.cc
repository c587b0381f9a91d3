#include "text/ibm_model1.h"

#include <algorithm>
#include <unordered_map>

#include "text/key_index.h"

namespace termalign::text {
namespace {

std::uint64_t PairKey(std::size_t slot, std::uint32_t target) {
  return (static_cast<std::uint64_t>(slot) << 32) | target;
}

}  // namespace

void TranslationTable::Train(const std::vector<TokenIdPair>& pairs, int iterations) {
  slot_of_source_.clear();
  begin_.clear();
  entries_.clear();

  // Dense slots for the source words; the NULL word gets slot 0.
  std::unordered_map<std::uint32_t, std::uint32_t> slots;
  slots.emplace(kNullSource, 0);
  std::size_t work = 0;
  for (const TokenIdPair& pair : pairs) {
    if (pair.source.empty() || pair.target.empty()) continue;
    for (std::uint32_t source : pair.source) {
      slots.emplace(source, static_cast<std::uint32_t>(slots.size()));
    }
    work += (pair.source.size() + 1) * pair.target.size();
  }

  // Every co-occurring (slot, target), then entry indices in (slot, target) order so that the
  // finished table can be searched by binary search.
  KeyIndex index(std::min<std::size_t>(work, std::size_t{1} << 20));
  for (const TokenIdPair& pair : pairs) {
    if (pair.source.empty() || pair.target.empty()) continue;
    for (std::uint32_t target : pair.target) {
      index.Insert(PairKey(0, target));
      for (std::uint32_t source : pair.source) index.Insert(PairKey(slots[source], target));
    }
  }
  std::vector<std::uint64_t> keys = index.Keys();
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    index.Set(keys[i], static_cast<std::uint32_t>(i));
  }

  const std::size_t slot_count = slots.size();
  begin_.assign(slot_count + 1, 0);
  entries_.resize(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::size_t slot = static_cast<std::size_t>(keys[i] >> 32);
    entries_[i].target = static_cast<std::uint32_t>(keys[i] & 0xFFFFFFFFu);
    ++begin_[slot + 1];
  }
  for (std::size_t s = 0; s < slot_count; ++s) begin_[s + 1] += begin_[s];
  // Uniform start: every target seen with a source is equally likely.
  for (std::size_t s = 0; s < slot_count; ++s) {
    std::size_t n = begin_[s + 1] - begin_[s];
    for (std::size_t e = begin_[s]; e < begin_[s + 1]; ++e) {
      entries_[e].probability = 1.0f / static_cast<float>(n);
    }
  }

  // The entry index of every (target position, source position) cell of every pair, looked
  // up once rather than once per iteration, unless that would take too much memory.
  constexpr std::size_t kMaxCachedCells = std::size_t{1} << 25;  // 128 MiB of indices
  const bool cache_cells = work <= kMaxCachedCells && iterations > 1;
  std::vector<std::uint32_t> cached;
  std::vector<std::uint32_t> pair_slot;
  auto fill_cells = [&](const TokenIdPair& pair, std::uint32_t* out) {
    const std::size_t rows = pair.source.size() + 1;
    pair_slot.assign(1, 0);
    for (std::uint32_t source : pair.source) pair_slot.push_back(slots[source]);
    for (std::size_t t = 0; t < pair.target.size(); ++t) {
      for (std::size_t s = 0; s < rows; ++s) {
        out[t * rows + s] = index.Get(PairKey(pair_slot[s], pair.target[t]));
      }
    }
  };
  if (cache_cells) {
    cached.resize(work);
    std::size_t at = 0;
    for (const TokenIdPair& pair : pairs) {
      if (pair.source.empty() || pair.target.empty()) continue;
      fill_cells(pair, cached.data() + at);
      at += (pair.source.size() + 1) * pair.target.size();
    }
  }

  std::vector<double> counts(entries_.size());
  std::vector<double> totals(slot_count);
  std::vector<std::uint32_t> slot_of_entry(entries_.size());
  for (std::size_t slot = 0; slot < slot_count; ++slot) {
    for (std::size_t e = begin_[slot]; e < begin_[slot + 1]; ++e) {
      slot_of_entry[e] = static_cast<std::uint32_t>(slot);
    }
  }
  std::vector<std::uint32_t> uncached;  // the cells of one pair when they are not cached
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::fill(counts.begin(), counts.end(), 0.0);
    std::fill(totals.begin(), totals.end(), 0.0);
    std::size_t at = 0;
    for (const TokenIdPair& pair : pairs) {
      if (pair.source.empty() || pair.target.empty()) continue;
      const std::size_t rows = pair.source.size() + 1;
      const std::size_t size = rows * pair.target.size();
      const std::uint32_t* cell;
      if (cache_cells) {
        cell = cached.data() + at;
        at += size;
      } else {
        uncached.resize(size);
        fill_cells(pair, uncached.data());
        cell = uncached.data();
      }
      for (std::size_t t = 0; t < pair.target.size(); ++t) {
        const std::uint32_t* row = cell + t * rows;
        double denominator = 0.0;
        for (std::size_t s = 0; s < rows; ++s) denominator += entries_[row[s]].probability;
        if (denominator <= 0.0) continue;
        for (std::size_t s = 0; s < rows; ++s) {
          double share = entries_[row[s]].probability / denominator;
          counts[row[s]] += share;
          totals[slot_of_entry[row[s]]] += share;
        }
      }
    }
    for (std::size_t s = 0; s < slot_count; ++s) {
      if (totals[s] <= 0.0) continue;
      for (std::size_t e = begin_[s]; e < begin_[s + 1]; ++e) {
        entries_[e].probability = static_cast<float>(counts[e] / totals[s]);
      }
    }
  }

  // Keep the source -> slot map as a sorted vector pair for lookups.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted(slots.begin(), slots.end());
  std::sort(sorted.begin(), sorted.end());
  slot_of_source_.clear();
  sorted_sources_.clear();
  for (const auto& [source, slot] : sorted) {
    sorted_sources_.push_back(source);
    slot_of_source_.push_back(slot);
  }
}

std::size_t TranslationTable::SourceSlot(std::uint32_t source) const {
  auto it = std::lower_bound(sorted_sources_.begin(), sorted_sources_.end(), source);
  if (it == sorted_sources_.end() || *it != source) return kNoSlot;
  return slot_of_source_[static_cast<std::size_t>(it - sorted_sources_.begin())];
}

std::span<const TranslationTable::Entry> TranslationTable::Translations(
    std::uint32_t source) const {
  std::size_t slot = SourceSlot(source);
  if (slot == kNoSlot) return {};
  return std::span<const Entry>(entries_.data() + begin_[slot], begin_[slot + 1] - begin_[slot]);
}

double TranslationTable::Probability(std::uint32_t source, std::uint32_t target) const {
  std::span<const Entry> row = Translations(source);
  auto it = std::lower_bound(row.begin(), row.end(), target,
                             [](const Entry& e, std::uint32_t t) { return e.target < t; });
  if (it == row.end() || it->target != target) return 0.0;
  return it->probability;
}

}  // namespace termalign::text
