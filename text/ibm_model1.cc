#include "text/ibm_model1.h"

#include <algorithm>
#include <utility>

namespace termalign::text {
namespace {

// Dense numbers 0..size()-1 for a set of ids, in increasing id order: a table when the ids are
// small (the aligner's word type ids), a binary search otherwise.
class DenseIds {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  explicit DenseIds(std::vector<std::uint32_t> ids) : sorted_(std::move(ids)) {
    std::sort(sorted_.begin(), sorted_.end());
    sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
    // A table of up to four slots per id (plus a constant) costs little next to the ids.
    if (!sorted_.empty() && sorted_.back() < 4 * sorted_.size() + 65536) {
      table_.assign(std::size_t{sorted_.back()} + 1, kAbsent);
      for (std::size_t k = 0; k < sorted_.size(); ++k) {
        table_[sorted_[k]] = static_cast<std::uint32_t>(k);
      }
    }
  }

  // The dense number of `id`, which must be one of the ids given.
  std::uint32_t operator()(std::uint32_t id) const {
    if (!table_.empty()) return table_[id];
    return static_cast<std::uint32_t>(std::lower_bound(sorted_.begin(), sorted_.end(), id) -
                                      sorted_.begin());
  }
  std::uint32_t Id(std::uint32_t dense) const { return sorted_[dense]; }
  std::size_t size() const { return sorted_.size(); }

 private:
  std::vector<std::uint32_t> sorted_;
  std::vector<std::uint32_t> table_;
};

}  // namespace

void TranslationTable::Train(const std::vector<TokenIdPair>& pairs, int iterations) {
  sorted_sources_.clear();
  slot_of_source_.clear();
  begin_.clear();
  entries_.clear();

  // The pairs with both sides, and the first cell of each in the (target, source) grid of all
  // pairs: pair p's cell for target position t and source row r (0 the NULL word, k + 1 source
  // position k) is cell_begin[p] + t * (|source| + 1) + r.
  std::vector<const TokenIdPair*> used;
  std::vector<std::size_t> cell_begin;
  std::vector<std::uint32_t> all_sources, all_targets;
  std::size_t work = 0;
  for (const TokenIdPair& pair : pairs) {
    if (pair.source.empty() || pair.target.empty()) continue;
    used.push_back(&pair);
    cell_begin.push_back(work);
    work += (pair.source.size() + 1) * pair.target.size();
    all_sources.insert(all_sources.end(), pair.source.begin(), pair.source.end());
    all_targets.insert(all_targets.end(), pair.target.begin(), pair.target.end());
  }
  // Dense slots for the source words (slot 0 is NULL, slot d + 1 the source of dense number d)
  // and dense numbers for the targets, looked up once per word of the pairs: every later step
  // indexes arrays instead of hashing pairs of ids.
  const DenseIds source_ids(all_sources);
  const DenseIds target_ids(all_targets);
  std::vector<std::uint32_t> pair_slots(all_sources.size()), pair_targets(all_targets.size());
  std::vector<std::size_t> slots_begin(used.size() + 1, 0), targets_begin(used.size() + 1, 0);
  for (std::size_t p = 0, a = 0, b = 0; p < used.size(); ++p) {
    for (std::uint32_t source : used[p]->source) pair_slots[a++] = source_ids(source) + 1;
    for (std::uint32_t target : used[p]->target) pair_targets[b++] = target_ids(target);
    slots_begin[p + 1] = a;
    targets_begin[p + 1] = b;
  }
  const std::size_t slot_count = source_ids.size() + 1;

  // The rows each slot takes in the pairs, as (pair, row), grouped by slot (a counting sort).
  struct Occurrence {
    std::uint32_t pair;
    std::uint32_t row;
  };
  std::vector<std::size_t> occurrence_begin(slot_count + 1, 0);
  occurrence_begin[1] = used.size();  // NULL: row 0 of every pair
  for (std::uint32_t slot : pair_slots) ++occurrence_begin[slot + 1];
  for (std::size_t s = 0; s < slot_count; ++s) occurrence_begin[s + 1] += occurrence_begin[s];
  std::vector<Occurrence> occurrences(occurrence_begin[slot_count]);
  {
    std::vector<std::size_t> next(occurrence_begin.begin(), occurrence_begin.end() - 1);
    for (std::size_t p = 0; p < used.size(); ++p) {
      occurrences[next[0]++] = {static_cast<std::uint32_t>(p), 0};
      for (std::size_t k = slots_begin[p]; k < slots_begin[p + 1]; ++k) {
        occurrences[next[pair_slots[k]]++] = {static_cast<std::uint32_t>(p),
                                              static_cast<std::uint32_t>(k - slots_begin[p] + 1)};
      }
    }
  }

  // The entry index of every cell of every pair, found once rather than once per iteration,
  // unless that would take too much memory.
  constexpr std::size_t kMaxCachedCells = std::size_t{1} << 25;  // 128 MiB of indices
  const bool cache_cells = work <= kMaxCachedCells && iterations > 1;
  std::vector<std::uint32_t> cached(cache_cells ? work : 0);

  // Slot by slot, the targets it co-occurs with (sorted: the entries of a slot are searched by
  // binary search), each marked with the slot so that it is listed once, then the cells of the
  // slot's rows pointed at their entries.
  begin_.assign(slot_count + 1, 0);
  std::vector<std::uint32_t> listed_by(target_ids.size(), 0xFFFFFFFFu);
  std::vector<std::uint32_t> entry_of(target_ids.size());
  std::vector<std::uint32_t> seen;
  for (std::size_t slot = 0; slot < slot_count; ++slot) {
    seen.clear();
    for (std::size_t o = occurrence_begin[slot]; o < occurrence_begin[slot + 1]; ++o) {
      const std::uint32_t p = occurrences[o].pair;
      for (std::size_t k = targets_begin[p]; k < targets_begin[p + 1]; ++k) {
        const std::uint32_t target = pair_targets[k];
        if (listed_by[target] == slot) continue;
        listed_by[target] = static_cast<std::uint32_t>(slot);
        seen.push_back(target);
      }
    }
    std::sort(seen.begin(), seen.end());  // dense numbers keep the ids' order
    // Uniform start: every target seen with a source is equally likely.
    const float uniform = seen.empty() ? 0.0f : 1.0f / static_cast<float>(seen.size());
    for (std::uint32_t target : seen) {
      entry_of[target] = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back({target_ids.Id(target), uniform});
    }
    begin_[slot + 1] = entries_.size();
    if (!cache_cells) continue;
    for (std::size_t o = occurrence_begin[slot]; o < occurrence_begin[slot + 1]; ++o) {
      const Occurrence& occurrence = occurrences[o];
      const std::size_t p = occurrence.pair;
      const std::size_t rows = slots_begin[p + 1] - slots_begin[p] + 1;
      std::uint32_t* cell = cached.data() + cell_begin[p] + occurrence.row;
      for (std::size_t k = targets_begin[p]; k < targets_begin[p + 1]; ++k, cell += rows) {
        *cell = entry_of[pair_targets[k]];
      }
    }
  }
  // Without the cache: a pair's cells found again in each iteration, by binary search among
  // the entries of each slot.
  std::vector<std::uint32_t> uncached;
  auto fill_cells = [&](std::size_t p) {
    const std::size_t rows = slots_begin[p + 1] - slots_begin[p] + 1;
    uncached.resize(rows * (targets_begin[p + 1] - targets_begin[p]));
    std::uint32_t* out = uncached.data();
    for (std::size_t k = targets_begin[p]; k < targets_begin[p + 1]; ++k) {
      const std::uint32_t target = target_ids.Id(pair_targets[k]);
      for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t slot = r == 0 ? 0 : pair_slots[slots_begin[p] + r - 1];
        auto first = entries_.begin() + static_cast<std::ptrdiff_t>(begin_[slot]);
        auto last = entries_.begin() + static_cast<std::ptrdiff_t>(begin_[slot + 1]);
        auto it = std::lower_bound(first, last, target,
                                   [](const Entry& e, std::uint32_t t) { return e.target < t; });
        *out++ = static_cast<std::uint32_t>(it - entries_.begin());
      }
    }
  };

  std::vector<double> counts(entries_.size());
  std::vector<double> totals(slot_count);
  std::vector<std::uint32_t> slot_of_entry(entries_.size());
  for (std::size_t slot = 0; slot < slot_count; ++slot) {
    for (std::size_t e = begin_[slot]; e < begin_[slot + 1]; ++e) {
      slot_of_entry[e] = static_cast<std::uint32_t>(slot);
    }
  }
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::fill(counts.begin(), counts.end(), 0.0);
    std::fill(totals.begin(), totals.end(), 0.0);
    for (std::size_t p = 0; p < used.size(); ++p) {
      const std::size_t rows = slots_begin[p + 1] - slots_begin[p] + 1;
      const std::size_t targets = targets_begin[p + 1] - targets_begin[p];
      const std::uint32_t* cell;
      if (cache_cells) {
        cell = cached.data() + cell_begin[p];
      } else {
        fill_cells(p);
        cell = uncached.data();
      }
      for (std::size_t t = 0; t < targets; ++t) {
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

  // The source -> slot map as a sorted vector pair for lookups; NULL, the largest id, last.
  for (std::size_t d = 0; d < source_ids.size(); ++d) {
    sorted_sources_.push_back(source_ids.Id(static_cast<std::uint32_t>(d)));
    slot_of_source_.push_back(static_cast<std::uint32_t>(d + 1));
  }
  sorted_sources_.push_back(kNullSource);
  slot_of_source_.push_back(0);
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
