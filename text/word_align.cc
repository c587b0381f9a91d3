// Word alignment: fast_align's diagonal IBM Model 2 both ways, then grow-diag-final-and.
//
// The word pairs seen together get dense indices once (an open-addressing table per source
// word), and every word-pair cell of every sentence pair stores its index, so an EM iteration
// is a linear scan with no hashing. The trained table is kept in rows by source word.
#include "text/word_align.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace termalign::text {
namespace {

// The longest side aligned: positions are 16-bit.
constexpr std::size_t kMaxWords = 0xFFFF;
// A cell whose word pair was pruned (WordAlignOptions::prune_below).
constexpr std::uint32_t kPruned = 0xFFFFFFFFu;
// t(f | e) of a pruned pair: far below any trained probability, so that such a pair only wins
// when nothing else explains the word, and above 0 so that posteriors stay defined.
constexpr double kPrunedProbability = 1e-7;
// Bounds of the learnt tension, fast_align's: beyond 14 the prior would forbid the local
// reordering of short sentences ("cloud storage" / "stockage cloud").
constexpr double kMinTension = 0.1;
constexpr double kMaxTension = 14.0;
// Bisection steps when re-estimating the tension, on a log scale: the ratio of the interval's
// ends goes from 140 to 140^(2^-20).
constexpr int kTensionSteps = 20;
// The tension is fitted on this many of the most frequent sentence sizes: enough to represent
// the corpus, and a bounded cost on one with sentences of every length.
constexpr std::size_t kTensionSizes = 256;

// The word pairs seen together, numbered densely in the order they are first inserted. Each
// source word has an open-addressing table of its own targets: the cells of one source word in
// a sentence pair are looked up one after the other, within one small table, where a single
// table of every pair would miss the cache at almost every cell.
class PairIndex {
 public:
  explicit PairIndex(std::size_t source_vocabulary) : rows_(source_vocabulary) {}

  // The index of (source, target), inserted with the next free index when absent.
  std::uint32_t Insert(std::uint32_t source, std::uint32_t target) {
    Row& row = rows_[source];
    if ((row.size + 1) * 2 > row.slots.size()) Grow(&row);
    std::uint64_t* slot = Probe(row, target);
    if (*slot == kEmptySlot) {
      *slot = (std::uint64_t{target} << 32) | size_;
      ++row.size;
      ++size_;
    }
    return static_cast<std::uint32_t>(*slot);
  }

  // The index of (source, target), or kPruned when absent.
  std::uint32_t Find(std::uint32_t source, std::uint32_t target) const {
    if (source >= rows_.size() || rows_[source].slots.empty()) return kPruned;
    const std::uint64_t slot = *Probe(rows_[source], target);
    return slot == kEmptySlot ? kPruned : static_cast<std::uint32_t>(slot);
  }

  std::size_t size() const { return size_; }

  // Calls fn(source, target, index) for every pair, row by row.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (std::size_t source = 0; source < rows_.size(); ++source) {
      for (std::uint64_t slot : rows_[source].slots) {
        if (slot != kEmptySlot) {
          fn(static_cast<std::uint32_t>(source), static_cast<std::uint32_t>(slot >> 32),
             static_cast<std::uint32_t>(slot));
        }
      }
    }
  }

 private:
  // A slot holds target << 32 | index; no target is 0xFFFFFFFF (ids are vocabulary indices).
  static constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
  struct Row {
    std::vector<std::uint64_t> slots;  // a power of two, at most half full
    std::uint32_t size = 0;
  };

  // The slot of `target` in `row`, or the empty slot where it would go.
  template <typename R>
  static auto Probe(R& row, std::uint32_t target) -> decltype(&row.slots[0]) {
    const std::size_t mask = row.slots.size() - 1;
    std::size_t at = (target * std::size_t{0x9E3779B97F4A7C15}) >> 32 & mask;
    while (row.slots[at] != kEmptySlot && (row.slots[at] >> 32) != target) at = (at + 1) & mask;
    return &row.slots[at];
  }

  static void Grow(Row* row) {
    std::vector<std::uint64_t> old = std::move(row->slots);
    row->slots.assign(old.empty() ? 8 : old.size() * 2, kEmptySlot);
    for (std::uint64_t slot : old) {
      if (slot != kEmptySlot) *Probe(*row, static_cast<std::uint32_t>(slot >> 32)) = slot;
    }
  }

  std::vector<Row> rows_;
  std::size_t size_ = 0;
};

// The corpus as cells: for sentence pair p with n source and m target words, cell i * m + j
// holds the pair index of (source i, target j), or kPruned.
struct Cells {
  std::vector<std::size_t> begin;  // pair p's cells are index[begin[p], begin[p + 1])
  std::vector<std::uint32_t> index;
  std::vector<std::uint16_t> rows, columns;  // n and m of each pair (0 when a side is empty)
  std::size_t pair_count = 0;                // distinct word pairs kept
  std::vector<float> prior;                  // per pair index
  std::vector<std::uint32_t> source_of, target_of;  // the words of each pair index
};

Cells IndexCells(const std::vector<TokenIdPair>& corpus, std::span<const PriorLink> priors,
                 std::size_t source_vocabulary, std::size_t target_vocabulary,
                 const WordAlignOptions& options) {
  Cells cells;
  cells.begin.assign(corpus.size() + 1, 0);
  cells.rows.assign(corpus.size(), 0);
  cells.columns.assign(corpus.size(), 0);
  std::size_t total = 0;
  for (std::size_t p = 0; p < corpus.size(); ++p) {
    if (corpus[p].source.empty() || corpus[p].target.empty()) continue;
    cells.rows[p] = static_cast<std::uint16_t>(std::min(corpus[p].source.size(), kMaxWords));
    cells.columns[p] = static_cast<std::uint16_t>(std::min(corpus[p].target.size(), kMaxWords));
    total += std::size_t{cells.rows[p]} * cells.columns[p];
  }
  cells.index.resize(total);

  PairIndex pairs(source_vocabulary);
  std::vector<std::uint32_t> together;  // cells per raw pair index
  std::vector<std::int64_t> source_seen(source_vocabulary), target_seen(target_vocabulary);
  std::size_t at = 0;
  for (std::size_t p = 0; p < corpus.size(); ++p) {
    cells.begin[p] = at;
    for (std::size_t i = 0; i < cells.rows[p]; ++i) {
      const std::uint32_t source = corpus[p].source[i];
      ++source_seen[source];
      for (std::size_t j = 0; j < cells.columns[p]; ++j) {
        const std::uint32_t k = pairs.Insert(source, corpus[p].target[j]);
        if (k == together.size()) together.push_back(0);
        ++together[k];
        cells.index[at++] = k;
      }
    }
    for (std::size_t j = 0; j < cells.columns[p]; ++j) ++target_seen[corpus[p].target[j]];
  }
  cells.begin[corpus.size()] = at;
  // The words of each raw pair index, read back from the index once its size is known (filled
  // as the pairs come, these two grew by doubling to twice what they hold on a large corpus).
  std::vector<std::uint32_t> source_of(pairs.size()), target_of(pairs.size());
  pairs.ForEach([&](std::uint32_t source, std::uint32_t target, std::uint32_t k) {
    source_of[k] = source;
    target_of[k] = target;
  });

  std::vector<float> prior(pairs.size(), 0.0f);
  for (const PriorLink& link : priors) {
    std::uint32_t k = pairs.Find(link.source, link.target);
    if (k != kPruned) prior[k] += static_cast<float>(link.count);
  }
  // Prune, then renumber the kept pairs densely.
  std::vector<std::uint32_t> renumber(pairs.size(), kPruned);
  pairs = PairIndex(0);
  for (std::uint32_t k = 0; k < renumber.size(); ++k) {
    const bool rare = together[k] < static_cast<std::uint32_t>(options.prune_below);
    const bool frequent = source_seen[source_of[k]] >= options.prune_frequency &&
                          target_seen[target_of[k]] >= options.prune_frequency;
    if (rare && frequent && prior[k] == 0.0f) continue;
    renumber[k] = static_cast<std::uint32_t>(cells.pair_count++);
  }
  cells.prior.assign(cells.pair_count, 0.0f);
  cells.source_of.resize(cells.pair_count);
  cells.target_of.resize(cells.pair_count);
  for (std::uint32_t k = 0; k < renumber.size(); ++k) {
    if (renumber[k] == kPruned) continue;
    cells.prior[renumber[k]] = prior[k];
    cells.source_of[renumber[k]] = source_of[k];
    cells.target_of[renumber[k]] = target_of[k];
  }
  for (std::uint32_t& k : cells.index) k = renumber[k];
  return cells;
}

// |i/n - j/m| with 1-based positions, fast_align's distance from the diagonal.
double Diagonal(std::size_t i, std::size_t n, std::size_t j, std::size_t m) {
  return std::abs(static_cast<double>(i + 1) / static_cast<double>(n) -
                  static_cast<double>(j + 1) / static_cast<double>(m));
}

// One direction of the model: each word of the generated side comes from one word of the
// conditioning side or from NULL.
struct Direction {
  bool transposed = false;         // generated = source side (target -> source model)
  std::vector<float> translation;  // t(generated | conditioning) per pair index
  std::vector<float> null;         // t(generated | NULL) per generated word id
  double tension = 0.0;
};

// The words of pair p on the generated and on the conditioning side of `direction`.
struct View {
  std::span<const std::uint32_t> generated, conditioning;
  std::size_t rows = 0, columns = 0;  // as in Cells (source, target)
};

View ViewOf(const std::vector<TokenIdPair>& corpus, const Cells& cells, std::size_t p,
            bool transposed) {
  View v;
  v.rows = cells.rows[p];
  v.columns = cells.columns[p];
  std::span<const std::uint32_t> source(corpus[p].source.data(), v.rows);
  std::span<const std::uint32_t> target(corpus[p].target.data(), v.columns);
  v.generated = transposed ? source : target;
  v.conditioning = transposed ? target : source;
  return v;
}

// The pair index of generated word g and conditioning word c in pair p.
std::uint32_t CellOf(const Cells& cells, std::size_t p, const View& v, std::size_t g,
                     std::size_t c, bool transposed) {
  const std::size_t i = transposed ? g : c, j = transposed ? c : g;
  return cells.index[cells.begin[p] + i * v.columns + j];
}

// The unnormalised diagonal weights exp(-lambda |(c+1)/c_len - (g+1)/g_len|) of every
// conditioning position c for generated position g, into `weights`; returns their sum. On each
// side of the diagonal they form a geometric series, so two exp() calls suffice.
double DiagonalWeights(std::size_t g, std::size_t g_len, std::size_t c_len, double lambda,
                       std::vector<double>* weights) {
  if (lambda == 0.0) {  // no diagonal: every position weighs 1 (IBM Model 1)
    weights->assign(c_len, 1.0);
    return static_cast<double>(c_len);
  }
  weights->resize(c_len);
  const double x = static_cast<double>(g + 1) / static_cast<double>(g_len);
  const double ratio = std::exp(-lambda / static_cast<double>(c_len));
  // Positions c with (c + 1) / c_len <= x lie before the diagonal: [0, split).
  std::size_t split = static_cast<std::size_t>(x * static_cast<double>(c_len) + 1e-9);
  split = std::min(split, c_len);
  double z = 0.0;
  if (split > 0) {
    double w = std::exp(-lambda * Diagonal(split - 1, c_len, g, g_len));
    for (std::size_t c = split; c-- > 0;) {
      (*weights)[c] = w;
      z += w;
      w *= ratio;
    }
  }
  if (split < c_len) {
    double w = std::exp(-lambda * Diagonal(split, c_len, g, g_len));
    for (std::size_t c = split; c < c_len; ++c) {
      (*weights)[c] = w;
      z += w;
      w *= ratio;
    }
  }
  return z;
}

// Sentence sizes (generated length, conditioning length) with their number of pairs, the most
// frequent first; the tension is fitted on the first kTensionSizes of them.
using Sizes = std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::int64_t>>;

// The expected distance from the diagonal under the prior alone, averaged over every
// generated word of `sizes`, for tension `lambda`: decreasing in `lambda`.
double PriorDistance(const Sizes& sizes, double lambda) {
  double sum = 0.0, words = 0.0;
  std::vector<double> weights;
  for (const auto& [size, count] : sizes) {
    const auto [g_len, c_len] = size;
    for (std::size_t g = 0; g < g_len; ++g) {
      const double z = DiagonalWeights(g, g_len, c_len, lambda, &weights);
      double weighted = 0.0;
      for (std::size_t c = 0; c < c_len; ++c) weighted += weights[c] * Diagonal(c, c_len, g, g_len);
      sum += static_cast<double>(count) * weighted / z;
    }
    words += static_cast<double>(count * static_cast<std::int64_t>(g_len));
  }
  return words > 0 ? sum / words : 0.0;
}

// The tension whose prior expects the observed distance from the diagonal (fast_align's
// moment-matching update), by bisection.
double FitTension(const Sizes& sizes,
                  double observed) {
  double low = kMinTension, high = kMaxTension;
  if (PriorDistance(sizes, high) >= observed) return high;
  if (PriorDistance(sizes, low) <= observed) return low;
  for (int step = 0; step < kTensionSteps; ++step) {
    const double mid = std::sqrt(low * high);  // the tension spans orders of magnitude
    (PriorDistance(sizes, mid) > observed ? low : high) = mid;
  }
  return std::sqrt(low * high);
}

double Translation(const Direction& d, std::uint32_t k) {
  return k == kPruned ? kPrunedProbability : d.translation[k];
}

// The diagonal prior of one EM iteration, or of decoding, (1 - p0) * w(c) / z for conditioning
// position c of generated position g, kept per sentence size: it depends on the sizes and the
// tension only, and a corpus has few sizes, so that each pair reads it instead of computing two
// exponentials and a division per cell. Sizes past kCachedLength are computed at each call. The values are
// those computed in place, bit for bit.
class PriorTable {
 public:
  explicit PriorTable(double p0) : p0_(p0) {}

  // A new iteration's tension: the table starts empty.
  void Reset(double tension) {
    tension_ = tension;
    for (std::vector<double>& size : sizes_) size.clear();
  }

  // The prior of every conditioning position for generated position g of g_len, c_len words.
  // Valid until the next call.
  std::span<const double> Of(std::size_t g, std::size_t g_len, std::size_t c_len) {
    if (g_len >= kCachedLength || c_len >= kCachedLength) {
      Fill(g, g_len, c_len, &scratch_);
      return scratch_;
    }
    std::vector<double>& size = sizes_[g_len * kCachedLength + c_len];
    if (size.empty()) {
      size.resize(g_len * c_len);
      for (std::size_t k = 0; k < g_len; ++k) {
        Fill(k, g_len, c_len, &scratch_);
        std::copy(scratch_.begin(), scratch_.end(),
                  size.begin() + static_cast<std::ptrdiff_t>(k * c_len));
      }
    }
    return {size.data() + g * c_len, c_len};
  }

  // (c + 1) / c_len for every position c of a side of c_len words.
  std::span<const double> Places(std::size_t c_len) {
    if (c_len >= places_.size()) places_.resize(c_len + 1);
    std::vector<double>& places = places_[c_len];
    if (places.size() != c_len) {
      places.resize(c_len);
      for (std::size_t c = 0; c < c_len; ++c) {
        places[c] = static_cast<double>(c + 1) / static_cast<double>(c_len);
      }
    }
    return places;
  }

 private:
  // Sides of this many words or more are not kept (sentences of 64 words and more are rare,
  // and a table of every size up to 65,535 would not fit).
  static constexpr std::size_t kCachedLength = 64;

  void Fill(std::size_t g, std::size_t g_len, std::size_t c_len, std::vector<double>* out) {
    const double z = DiagonalWeights(g, g_len, c_len, tension_, &weights_);
    out->resize(c_len);
    for (std::size_t c = 0; c < c_len; ++c) (*out)[c] = (1.0 - p0_) * (weights_[c] / z);
  }

  double p0_;
  double tension_ = 0.0;
  std::vector<std::vector<double>> sizes_ =
      std::vector<std::vector<double>>(kCachedLength * kCachedLength);
  std::vector<std::vector<double>> places_;
  std::vector<double> weights_, scratch_;
};

// A walk over the generated words of every sentence pair, in the E-step's order, that asks
// the cache for each word's table entries some words before the E-step reads them: the entries
// of a word's cells are scattered over a table far larger than the cache, and without this the
// E-step waited for memory at almost every cell (the load of the probability took 63% of its
// samples on 100,000 pairs).
class TablePrefetch {
 public:
  // How many generated words ahead of the E-step the walk runs. Hand-set: one word ahead was
  // too close (the load still held 65% of Train's samples), eight leaves the prefetches waiting
  // for free fill buffers instead.
  static constexpr int kAhead = 8;

  TablePrefetch(const Cells& cells, bool transposed, const void* table, std::size_t entry_size)
      : cells_(cells), transposed_(transposed), table_(static_cast<const char*>(table)),
        entry_size_(entry_size) {
    SkipEmpty();
    for (int k = 0; k < kAhead; ++k) Step();
  }

  // Prefetches the next word's entries and moves on.
  void Step() {
    if (p_ >= cells_.rows.size()) return;
    const std::size_t rows = cells_.rows[p_], columns = cells_.columns[p_];
    const std::uint32_t* index = cells_.index.data() + cells_.begin[p_];
    const std::size_t c_len = transposed_ ? columns : rows;
    for (std::size_t c = 0; c < c_len; ++c) {
      const std::uint32_t k = transposed_ ? index[g_ * columns + c] : index[c * columns + g_];
      if (k != kPruned) __builtin_prefetch(table_ + std::size_t{k} * entry_size_);
    }
    if (++g_ == (transposed_ ? rows : columns)) {
      g_ = 0;
      ++p_;
      SkipEmpty();
    }
  }

 private:
  void SkipEmpty() {
    while (p_ < cells_.rows.size() && cells_.rows[p_] == 0) ++p_;
  }

  const Cells& cells_;
  bool transposed_;
  const char* table_;
  std::size_t entry_size_;
  std::size_t p_ = 0, g_ = 0;
};

// Trains one direction by EM over every sentence pair.
Direction Train(const std::vector<TokenIdPair>& corpus, const Cells& cells,
                std::size_t generated_vocabulary, std::size_t conditioning_vocabulary,
                bool transposed, const WordAlignOptions& options) {
  Direction d;
  d.transposed = transposed;
  d.tension = options.tension;
  // A uniform start, tilted towards the prior pairs.
  d.translation.resize(cells.pair_count);
  for (std::size_t k = 0; k < cells.pair_count; ++k) d.translation[k] = 1.0f + cells.prior[k];
  d.null.assign(generated_vocabulary, 1.0f);

  std::map<std::pair<std::size_t, std::size_t>, std::int64_t> size_counts;
  for (std::size_t p = 0; p < corpus.size(); ++p) {
    if (cells.rows[p] == 0) continue;
    const std::size_t g_len = transposed ? cells.rows[p] : cells.columns[p];
    const std::size_t c_len = transposed ? cells.columns[p] : cells.rows[p];
    ++size_counts[{g_len, c_len}];
  }
  Sizes sizes(size_counts.begin(), size_counts.end());
  std::stable_sort(sizes.begin(), sizes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (sizes.size() > kTensionSizes) sizes.resize(kTensionSizes);

  // Each pair's probability and its expected count side by side: a cell reads the one and adds
  // to the other, and pair indices are scattered, so one cache line serves both.
  struct Entry {
    double count = 0.0;
    float translation = 0.0f;
  };
  std::vector<Entry> table(cells.pair_count);
  for (std::size_t k = 0; k < cells.pair_count; ++k) table[k].translation = d.translation[k];
  auto translation = [&table](std::uint32_t k) {
    return k == kPruned ? kPrunedProbability : static_cast<double>(table[k].translation);
  };
  std::vector<double> null_counts(generated_vocabulary);
  std::vector<double> conditioning_total(conditioning_vocabulary);
  std::vector<double> posterior;
  std::vector<std::uint32_t> pair_of;  // the pair index of each conditioning position
  const double p0 = options.null_probability;
  PriorTable priors(p0);
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    for (Entry& entry : table) entry.count = 0.0;
    std::fill(null_counts.begin(), null_counts.end(), 0.0);
    priors.Reset(d.tension);
    double distance = 0.0, linked = 0.0;
    TablePrefetch ahead(cells, transposed, table.data(), sizeof(Entry));
    for (std::size_t p = 0; p < corpus.size(); ++p) {
      if (cells.rows[p] == 0) continue;
      const View v = ViewOf(corpus, cells, p, transposed);
      const std::size_t g_len = v.generated.size(), c_len = v.conditioning.size();
      posterior.resize(c_len);
      pair_of.resize(c_len);
      const std::span<const double> places = priors.Places(c_len);
      for (std::size_t g = 0; g < g_len; ++g) {
        ahead.Step();
        // The E-step of one generated word in one pass over its conditioning words.
        const std::span<const double> prior = priors.Of(g, g_len, c_len);
        const double from_null = p0 * d.null[v.generated[g]];
        double total = from_null;
        for (std::size_t c = 0; c < c_len; ++c) {
          pair_of[c] = CellOf(cells, p, v, g, c, transposed);
          posterior[c] = prior[c] * translation(pair_of[c]);
          total += posterior[c];
        }
        null_counts[v.generated[g]] += from_null / total;
        const double x = static_cast<double>(g + 1) / static_cast<double>(g_len);
        for (std::size_t c = 0; c < c_len; ++c) {
          const double share = posterior[c] / total;
          if (pair_of[c] != kPruned) table[pair_of[c]].count += share;
          if (!options.learn_tension) continue;
          linked += share;
          distance += share * std::abs(places[c] - x);
        }
      }
    }
    // M-step: t(g | c) = (count + prior) / the sum over every g of c.
    const std::vector<std::uint32_t>& conditioning_of = transposed ? cells.target_of : cells.source_of;
    const double n = options.smoothing;
    std::fill(conditioning_total.begin(), conditioning_total.end(), 0.0);
    for (std::size_t k = 0; k < cells.pair_count; ++k) {
      conditioning_total[conditioning_of[k]] += table[k].count + cells.prior[k] + n;
    }
    for (std::size_t k = 0; k < cells.pair_count; ++k) {
      const double sum = conditioning_total[conditioning_of[k]];
      table[k].translation =
          sum > 0 ? static_cast<float>((table[k].count + cells.prior[k] + n) / sum) : 0.0f;
    }
    double null_sum = 0.0;
    for (double c : null_counts) null_sum += c;
    for (std::size_t w = 0; w < null_counts.size(); ++w) {
      d.null[w] = null_sum > 0 ? static_cast<float>(null_counts[w] / null_sum) : 0.0f;
    }
    if (options.learn_tension && linked > 0) d.tension = FitTension(sizes, distance / linked);
  }
  for (std::size_t k = 0; k < cells.pair_count; ++k) d.translation[k] = table[k].translation;
  return d;
}

// The most probable source of each generated word of pair p (-1 for NULL), as positions.
// `priors` holds the decoding tension (PriorTable::Reset): the same prior as computed here.
std::vector<int> Decode(const std::vector<TokenIdPair>& corpus, const Cells& cells, std::size_t p,
                        const Direction& d, const WordAlignOptions& options, PriorTable* priors) {
  const View v = ViewOf(corpus, cells, p, d.transposed);
  std::vector<int> best(v.generated.size(), -1);
  const double p0 = options.null_probability;
  const std::size_t g_len = v.generated.size(), c_len = v.conditioning.size();
  for (std::size_t g = 0; g < g_len; ++g) {
    const std::span<const double> prior = priors->Of(g, g_len, c_len);
    double top = p0 * d.null[v.generated[g]];
    for (std::size_t c = 0; c < c_len; ++c) {
      const double score = prior[c] * Translation(d, CellOf(cells, p, v, g, c, d.transposed));
      if (score > top) top = score, best[g] = static_cast<int>(c);
    }
  }
  return best;
}

std::size_t VocabularySize(const std::vector<TokenIdPair>& corpus, bool source) {
  std::uint32_t top = 0;
  bool any = false;
  for (const TokenIdPair& pair : corpus) {
    for (std::uint32_t id : source ? pair.source : pair.target) top = std::max(top, id), any = true;
  }
  return any ? std::size_t{top} + 1 : 0;
}

}  // namespace

std::span<const AlignmentPoint> WordAlignment::Links(std::size_t pair) const {
  if (pair + 1 >= begin_.size()) return {};
  return {points_.data() + begin_[pair], begin_[pair + 1] - begin_[pair]};
}

double WordAlignment::Translation(std::uint32_t source, std::uint32_t target) const {
  if (std::size_t{source} + 1 >= row_begin_.size()) return 0.0;
  const std::size_t size = row_begin_[source + 1] - row_begin_[source];
  if (size == 0) return 0.0;
  // A binary search without branches on the comparisons: rows of frequent words are long, and
  // lookups come in the order of the sentences' words, which a predictor cannot guess.
  const RowEntry* base = row_entries_.data() + row_begin_[source];
  for (std::size_t n = size; n > 1;) {
    const std::size_t half = n / 2;
    base = base[half].target <= target ? base + half : base;
    n -= half;
  }
  return base->target == target ? base->translation : 0.0;
}

double WordAlignment::Translation(std::size_t pair, std::size_t source_position,
                                  std::size_t target_position) const {
  if (pair + 1 >= cell_begin_.size()) return 0.0;
  const std::size_t columns = cell_columns_[pair];
  if (target_position >= columns) return 0.0;
  const std::size_t cell = cell_begin_[pair] + source_position * columns + target_position;
  if (cell >= cell_begin_[pair + 1]) return 0.0;
  const std::uint32_t k = cell_pair_[cell];
  return k == kPruned ? 0.0 : pair_translation_[k];
}

std::vector<AlignmentPoint> Symmetrise(std::size_t rows, std::size_t columns,
                                       std::span<const int> forward,
                                       std::span<const int> backward) {
  std::vector<char> in_union(rows * columns, 0), in_result(rows * columns, 0);
  std::vector<char> source_aligned(rows, 0), target_aligned(columns, 0);
  std::vector<AlignmentPoint> result;
  auto add = [&](std::size_t i, std::size_t j) {
    in_result[i * columns + j] = 1;
    source_aligned[i] = target_aligned[j] = 1;
    result.push_back({static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j)});
  };
  for (std::size_t j = 0; j < columns && j < forward.size(); ++j) {
    if (forward[j] >= 0) in_union[static_cast<std::size_t>(forward[j]) * columns + j] |= 1;
  }
  for (std::size_t i = 0; i < rows && i < backward.size(); ++i) {
    if (backward[i] >= 0) in_union[i * columns + static_cast<std::size_t>(backward[i])] |= 2;
  }
  // The intersection.
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < columns; ++j) {
      if (in_union[i * columns + j] == 3) add(i, j);
    }
  }
  // Grow-diag: union points next to (or diagonal to) a point, joining an unaligned word.
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t k = 0; k < result.size(); ++k) {
      const AlignmentPoint point = result[k];
      for (int di = -1; di <= 1; ++di) {
        for (int dj = -1; dj <= 1; ++dj) {
          const long i = static_cast<long>(point.source) + di;
          const long j = static_cast<long>(point.target) + dj;
          if ((di == 0 && dj == 0) || i < 0 || j < 0 || i >= static_cast<long>(rows) ||
              j >= static_cast<long>(columns)) {
            continue;
          }
          const std::size_t at = static_cast<std::size_t>(i) * columns + static_cast<std::size_t>(j);
          if (in_union[at] == 0 || in_result[at]) continue;
          if (source_aligned[i] && target_aligned[j]) continue;
          add(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
          grew = true;
        }
      }
    }
  }
  // Final-and: union points of either direction that join two unaligned words.
  for (int direction : {1, 2}) {
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < columns; ++j) {
        if ((in_union[i * columns + j] & direction) != 0 && !source_aligned[i] &&
            !target_aligned[j]) {
          add(i, j);
        }
      }
    }
  }
  std::sort(result.begin(), result.end());
  return result;
}

WordAlignment AlignWords(const std::vector<TokenIdPair>& corpus, std::span<const PriorLink> priors,
                         const WordAlignOptions& options) {
  WordAlignment alignment;
  const std::size_t source_vocabulary = VocabularySize(corpus, true);
  const std::size_t target_vocabulary = VocabularySize(corpus, false);
  Cells cells = IndexCells(corpus, priors, source_vocabulary, target_vocabulary, options);
  const Direction forward = Train(corpus, cells, target_vocabulary, source_vocabulary,
                                  /*transposed=*/false, options);
  const Direction backward = Train(corpus, cells, source_vocabulary, target_vocabulary,
                                   /*transposed=*/true, options);
  alignment.forward_tension_ = forward.tension;
  alignment.backward_tension_ = backward.tension;
  alignment.begin_.assign(corpus.size() + 1, 0);
  // The decoding priors, kept per sentence size as in training.
  PriorTable forward_priors(options.null_probability), backward_priors(options.null_probability);
  forward_priors.Reset(options.decode_tension >= 0.0 ? options.decode_tension : forward.tension);
  backward_priors.Reset(options.decode_tension >= 0.0 ? options.decode_tension : backward.tension);
  for (std::size_t p = 0; p < corpus.size(); ++p) {
    alignment.begin_[p] = alignment.points_.size();
    if (cells.rows[p] == 0) continue;
    const std::vector<int> f = Decode(corpus, cells, p, forward, options, &forward_priors);
    const std::vector<int> b = Decode(corpus, cells, p, backward, options, &backward_priors);
    for (const AlignmentPoint& point : Symmetrise(cells.rows[p], cells.columns[p], f, b)) {
      alignment.points_.push_back(point);
    }
  }
  alignment.begin_[corpus.size()] = alignment.points_.size();

  // The translation table in rows by source word, each row's targets in increasing order.
  std::vector<std::size_t>& row_begin = alignment.row_begin_;
  row_begin.assign(source_vocabulary + 1, 0);
  for (std::uint32_t source : cells.source_of) ++row_begin[source + 1];
  for (std::size_t s = 0; s < source_vocabulary; ++s) row_begin[s + 1] += row_begin[s];
  std::vector<std::size_t> next(row_begin.begin(), row_begin.end() - 1);
  alignment.row_entries_.resize(cells.pair_count);
  alignment.pair_translation_.resize(cells.pair_count);
  for (std::size_t k = 0; k < cells.pair_count; ++k) {
    const float translation =
        std::min(1.0f, std::sqrt(forward.translation[k] * backward.translation[k]));
    alignment.row_entries_[next[cells.source_of[k]]++] = {cells.target_of[k], translation};
    alignment.pair_translation_[k] = translation;
  }
  for (std::size_t s = 0; s < source_vocabulary; ++s) {
    std::sort(alignment.row_entries_.begin() + static_cast<std::ptrdiff_t>(row_begin[s]),
              alignment.row_entries_.begin() + static_cast<std::ptrdiff_t>(row_begin[s + 1]),
              [](const WordAlignment::RowEntry& a, const WordAlignment::RowEntry& b) {
                return a.target < b.target;
              });
  }
  // The cells stay, for lookups by position.
  alignment.cell_begin_ = std::move(cells.begin);
  alignment.cell_columns_ = std::move(cells.columns);
  alignment.cell_pair_ = std::move(cells.index);
  return alignment;
}

}  // namespace termalign::text
