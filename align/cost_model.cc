#include "cost_model.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <new>

#include "two_threads.h"

namespace termalign::align::internal {

void PairMasks(const SideFeatures& source, std::size_t s, const SideFeatures& target,
               std::size_t t, std::uint64_t* source_mask, std::uint64_t* target_mask) {
  std::span<const std::uint32_t> a = source.Keys(s);
  std::span<const std::uint32_t> b = target.Keys(t);
  std::uint64_t sm = 0, tm = 0;
  std::size_t ia = 0, ib = 0;
  while (ia < a.size() && ib < b.size()) {
    std::uint32_t ka = a[ia] >> 6, kb = b[ib] >> 6;
    if (ka < kb) {
      ++ia;
    } else if (kb < ka) {
      ++ib;
    } else {
      for (; ia < a.size() && (a[ia] >> 6) == ka; ++ia) sm |= std::uint64_t{1} << (a[ia] & 63);
      for (; ib < b.size() && (b[ib] >> 6) == kb; ++ib) tm |= std::uint64_t{1} << (b[ib] & 63);
    }
  }
  *source_mask = sm;
  *target_mask = tm;
}

double MaskedWeight(std::span<const float> weights, std::uint64_t mask) {
  double sum = 0.0;
  while (mask != 0) {
    sum += weights[static_cast<std::size_t>(std::countr_zero(mask))];
    mask &= mask - 1;
  }
  return sum;
}

namespace {

// The bits of Prepare()'s filter of a sentence's keys (a power of two, a multiple of 64).
constexpr std::uint32_t kFilterBits = 1024;

// A repeated line of a merged side is unexplained when the side without it is still this share
// of the length the other side calls for.
constexpr double kRepeatFit = 0.75;

}  // namespace

// -log erfc(x) at the table's steps, computed once at start-up (the search evaluates it tens of
// millions of times).
const std::array<double, kTailTableSteps + 2> kTailTable = [] {
  std::array<double, kTailTableSteps + 2> values{};
  for (int k = 0; k <= kTailTableSteps + 1; ++k) {
    values[k] = -std::log(std::erfc(k * kTailTableEnd / kTailTableSteps));
  }
  return values;
}();

CostModel::CostModel(const SideFeatures& source, const SideFeatures& target,
                     const CostParams& params)
    : source_(source),
      target_(target),
      params_(params),
      source_prefix_(source.size() + 1, 0.0),
      target_prefix_(target.size() + 1, 0.0),
      source_repeats_(RepeatBits(source)),
      target_repeats_(RepeatBits(target)),
      key_bits_(KeyIdBound(source, target), 0) {
  for (int n = 1; n <= kMaxBeadSide; ++n) {
    for (int m = 1; m <= kMaxBeadSide; ++m) {
      double cost = params.merge_penalty * ((n - 1) + (m - 1));
      if (n >= 3 || m >= 3) cost += params.three_penalty;
      if (n >= 2 && m >= 2) cost += params.many_to_many_penalty;
      size_penalty_[n][m] = cost;
    }
  }
  for (std::size_t s = 0; s < source.size(); ++s) {
    source_prefix_[s + 1] = source_prefix_[s] + source.char_length[s];
  }
  for (std::size_t t = 0; t < target.size(); ++t) {
    target_prefix_[t + 1] = target_prefix_[t] + target.char_length[t];
  }
}

void CostModel::SetBand(const Band& band) {
  band_ = &band;
  for (Slot& slot : slots_) slot.source = ~std::size_t{0};
}

void CostModel::ColumnRange(const Band& band, std::size_t columns, std::size_t s,
                            std::size_t* first, std::size_t* last) {
  // Beads holding source s start at rows s-3..s and end at rows s+1..s+4.
  std::size_t first_row = s >= kMaxBeadSide - 1 ? s - (kMaxBeadSide - 1) : 0;
  std::size_t last_row = std::min(band.rows, s + kMaxBeadSide);
  *first = band.lo[first_row];
  *last = std::max<std::size_t>(*first, std::min<std::size_t>(band.hi[last_row], columns));
}

void CostModel::ComputeColumns(std::size_t s, std::size_t first, std::size_t width,
                               std::vector<std::uint64_t>& key_bits, Column* out) const {
  // The same masks as PairMasks(), with one table lookup per target key instead of a merge.
  const std::span<const std::uint32_t> source_keys = source_.Keys(s);
  // A bit per key id modulo kFilterBits says which keys the sentence may hold: most target keys
  // are not among them, and the filter, unlike the table, stays in the first-level cache.
  std::array<std::uint64_t, kFilterBits / 64> filter{};
  for (std::uint32_t packed : source_keys) {
    const std::uint32_t key = packed >> 6;
    key_bits[key] |= std::uint64_t{1} << (packed & 63);
    filter[(key % kFilterBits) / 64] |= std::uint64_t{1} << (key % 64);
  }
  for (std::size_t k = 0; k < width; ++k) {
    std::uint64_t source_mask = 0, target_mask = 0;
    for (std::uint32_t packed : target_.Keys(first + k)) {
      const std::uint32_t key = packed >> 6;
      if ((filter[(key % kFilterBits) / 64] & (std::uint64_t{1} << (key % 64))) == 0) continue;
      std::uint64_t bits = key_bits[key];
      if (bits != 0) {
        source_mask |= bits;
        target_mask |= std::uint64_t{1} << (packed & 63);
      }
    }
    out[k] = {source_mask, target_mask,
              source_mask == 0 ? 0.0 : MaskedWeight(source_.Weights(s), source_mask),
              target_mask == 0 ? 0.0 : MaskedWeight(target_.Weights(first + k), target_mask)};
  }
  for (std::uint32_t packed : source_keys) key_bits[packed >> 6] = 0;
}

std::shared_ptr<const CostModel::Postings> CostModel::MakePostings(const SideFeatures& target,
                                                                  std::size_t key_bound) {
  auto postings = std::make_shared<Postings>();
  std::vector<std::uint32_t>& begin = postings->begin;
  begin.assign(key_bound + 1, 0);
  for (std::uint32_t packed : target.keys) ++begin[(packed >> 6) + 1];
  for (std::size_t key = 0; key < key_bound; ++key) begin[key + 1] += begin[key];
  postings->entries.resize(target.keys.size());
  std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
  for (std::size_t t = 0; t < target.size(); ++t) {
    for (std::uint32_t packed : target.Keys(t)) {
      postings->entries[next[packed >> 6]++] = static_cast<std::uint32_t>(t << 6) | (packed & 63);
    }
  }
  return postings;
}

void CostModel::ComputeColumns(std::size_t s, std::size_t first, std::size_t width,
                               const Postings& postings, Column* out) const {
  std::fill(out, out + width, Column{0, 0, 0.0, 0.0});
  const auto low = static_cast<std::uint32_t>(first << 6);
  const auto high = static_cast<std::uint32_t>((first + width) << 6);
  for (std::uint32_t packed : source_.Keys(s)) {
    const std::uint32_t key = packed >> 6;
    const std::uint64_t source_bit = std::uint64_t{1} << (packed & 63);
    const std::uint32_t* end = postings.entries.data() + postings.begin[key + 1];
    for (const std::uint32_t* at = std::lower_bound(
             postings.entries.data() + postings.begin[key], end, low);
         at != end && *at < high; ++at) {
      Column& column = out[(*at >> 6) - first];
      column.source_mask |= source_bit;
      column.target_mask |= std::uint64_t{1} << (*at & 63);
    }
  }
  for (std::size_t k = 0; k < width; ++k) {
    Column& column = out[k];
    if (column.source_mask != 0) {
      column.source_cover = MaskedWeight(source_.Weights(s), column.source_mask);
    }
    if (column.target_mask != 0) {
      column.target_cover = MaskedWeight(target_.Weights(first + k), column.target_mask);
    }
  }
}

void CostModel::Prepare(std::size_t s) {
  Slot& slot = slots_[s % slots_.size()];
  if (slot.source == s) return;
  slot.source = s;
  std::size_t first, last;
  ColumnRange(*band_, target_.size(), s, &first, &last);
  if (table_ != nullptr && s < table_->width.size() && table_->first[s] <= first &&
      last <= table_->first[s] + std::size_t{table_->width[s]}) {
    slot.first_column = table_->first[s];
    slot.columns = table_->columns.data() + table_->begin[s];
    slot.memo = table_->memo.get() + kMatchTypes.size() * table_->begin[s];
    return;
  }
  slot.memo = nullptr;
  slot.first_column = first;
  slot.own.resize(last - first);
  ComputeColumns(s, first, last - first, key_bits_, slot.own.data());
  slot.columns = slot.own.data();
}

namespace {

// Tables of fewer columns than this are filled on one thread.
constexpr std::size_t kParallelTableColumns = 20'000;

}  // namespace

void CostModel::PrepareBand(const Band& band, bool parallel) {
  const std::size_t rows = std::min(band.rows, source_.size());
  const Table* old = table_.get();
  // Whether the current table holds every row's columns (as it does for the sums after the
  // search of a pass, whose band is narrower): then it serves as it is.
  bool covered = old != nullptr && old->width.size() >= rows;
  std::size_t total = 0;
  for (std::size_t s = 0; s < rows && (covered || total <= kMaxTableColumns); ++s) {
    std::size_t first, last;
    ColumnRange(band, target_.size(), s, &first, &last);
    total += last - first;
    covered = covered && old->first[s] <= first &&
              last <= old->first[s] + std::size_t{old->width[s]};
  }
  for (Slot& slot : slots_) slot.source = ~std::size_t{0};
  if (covered) return;
  // The postings hold a target sentence number in 26 bits.
  if (total > kMaxTableColumns || target_.size() >= (std::size_t{1} << 26)) {
    table_.reset();
    return;
  }
  auto table = std::make_shared<Table>();
  table->begin.resize(rows + 1);
  table->first.resize(rows);
  table->width.resize(rows);
  total = 0;
  for (std::size_t s = 0; s < rows; ++s) {
    std::size_t first, last;
    ColumnRange(band, target_.size(), s, &first, &last);
    table->begin[s] = total;
    table->first[s] = static_cast<std::uint32_t>(first);
    table->width[s] = static_cast<std::uint32_t>(last - first);
    total += last - first;
  }
  table->begin[rows] = total;
  table->columns.resize(total);
  // Zero pages from the system, touched only where a cost is kept.
  table->memo.reset(static_cast<std::uint64_t*>(
      std::calloc(kMatchTypes.size() * total + 1, sizeof(std::uint64_t))));
  if (table->memo == nullptr) throw std::bad_alloc();
  if (postings_ == nullptr) postings_ = MakePostings(target_, key_bits_.size());
  // Rows [from, to).
  auto fill = [&](std::size_t from, std::size_t to) {
    for (std::size_t s = from; s < to; ++s) {
      const std::size_t first = table->first[s], width = table->width[s];
      Column* out = table->columns.data() + table->begin[s];
      if (old != nullptr && s < old->width.size() && old->first[s] <= first &&
          first + width <= old->first[s] + std::size_t{old->width[s]}) {
        const std::size_t at = old->begin[s] + (first - old->first[s]);
        std::copy(old->columns.data() + at, old->columns.data() + at + width, out);
        // No thread reads or writes either table now.
        const std::size_t types = kMatchTypes.size();
        std::copy(old->memo.get() + types * at, old->memo.get() + types * (at + width),
                  table->memo.get() + types * table->begin[s]);
      } else {
        ComputeColumns(s, first, width, *postings_, out);
      }
    }
  };
  if (parallel && total >= kParallelTableColumns) {
    // The second thread takes the rows after the middle column.
    std::size_t middle = 0;
    while (middle < rows && table->begin[middle] < total / 2) ++middle;
    RunBoth(true, [&] { fill(0, middle); }, [&] { fill(middle, rows); });
  } else {
    fill(0, rows);
  }
  table_ = std::move(table);
}

namespace {

// Whether a noise line whose coverage is `covered` of `total` counts as stray in a bead: the
// rule of Similarity()'s `stray_noise`, without the division into a share.
bool StrayNoise(std::uint8_t noise, double covered, double total, bool merged) {
  if (noise == 0 || (total > 0.0 && covered > 0.0)) return false;
  if (!merged) return noise == SideFeatures::kNumberLine && total > 0.0;
  return true;
}

// The harmonic mean of the two coverages, as Similarity() returns it.
double HarmonicCoverage(double covered_source, double total_source, double covered_target,
                        double total_target) {
  if (total_source <= 0.0 && total_target <= 0.0) return -1.0;
  if (total_source <= 0.0 || total_target <= 0.0) return 0.0;
  double rs = covered_source / total_source, rt = covered_target / total_target;
  return rs + rt > 0.0 ? 2.0 * rs * rt / (rs + rt) : 0.0;
}

}  // namespace

double CostModel::Similarity(std::size_t i, int n, std::size_t j, int m, double* orphan,
                             int* stray_noise) const {
  double covered_source = 0.0, total_source = 0.0;
  double covered_target = 0.0, total_target = 0.0;
  // Coverage share of each sentence, to spot one that the other side does not explain.
  std::array<double, kMaxBeadSide> share_source{}, share_target{};
  for (int a = 0; a < n; ++a) {
    const Slot& slot = SlotOf(i + a);
    std::uint64_t mask = 0;
    for (int b = 0; b < m; ++b) mask |= slot.columns[j + b - slot.first_column].source_mask;
    double covered = MaskedWeight(source_.Weights(i + a), mask);
    double total = source_.total_weight[i + a];
    share_source[a] = total > 0.0 ? covered / total : -1.0;
    covered_source += covered;
    total_source += total;
  }
  for (int b = 0; b < m; ++b) {
    std::uint64_t mask = 0;
    for (int a = 0; a < n; ++a) {
      const Slot& slot = SlotOf(i + a);
      mask |= slot.columns[j + b - slot.first_column].target_mask;
    }
    double covered = MaskedWeight(target_.Weights(j + b), mask);
    double total = target_.total_weight[j + b];
    share_target[b] = total > 0.0 ? covered / total : -1.0;
    covered_target += covered;
    total_target += total;
  }
  if (stray_noise != nullptr) {
    int stray = 0;
    // In a 1-1 bead only a line of a number alone counts ("141" facing a heading): a line of a
    // word and a number facing a word is as likely a word list. A noise line without a content
    // word ("- 7 -": single digits are not content words) counts only when glued to a neighbour.
    const bool merged = n + m > 2;
    auto counts = [&](std::uint8_t noise, double share) {
      if (noise == 0 || share > 0.0) return false;
      if (!merged) return noise == SideFeatures::kNumberLine && share == 0.0;
      return true;
    };
    for (int a = 0; a < n; ++a) stray += counts(source_.noise[i + a], share_source[a]);
    for (int b = 0; b < m; ++b) stray += counts(target_.noise[j + b], share_target[b]);
    if (merged) {
      // A sentence in the other side's language that shares nothing with it is an addition
      // (an advert, a passage left untranslated) glued to a neighbour.
      for (int a = 0; a < n; ++a) stray += source_.foreign[i + a] && share_source[a] <= 0.0;
      for (int b = 0; b < m; ++b) stray += target_.foreign[j + b] && share_target[b] <= 0.0;
      stray += RepeatedLines(i, n, j, m);
    }
    *stray_noise = stray;
  }
  if (orphan != nullptr) {
    // A sentence of a merged side covered far less than its side as a whole.
    double unexplained = 0.0;
    auto check = [&](const std::array<double, kMaxBeadSide>& shares, int count, double side) {
      if (count < 2 || side <= 0.0) return;
      for (int k = 0; k < count; ++k) {
        if (shares[k] >= 0.0) unexplained += std::clamp(1.0 - shares[k] / side, 0.0, 1.0);
      }
    };
    check(share_source, n, total_source > 0.0 ? covered_source / total_source : 0.0);
    check(share_target, m, total_target > 0.0 ? covered_target / total_target : 0.0);
    *orphan = unexplained;
  }
  return HarmonicCoverage(covered_source, total_source, covered_target, total_target);
}

template <int N, int M>
double CostModel::SimilarityOf(std::size_t i, std::size_t j, int* stray_noise) const {
  constexpr bool kMerged = N + M > 2;
  std::array<const Slot*, N> slots;
  std::array<std::size_t, N> at;  // column j's place in each slot
  for (int a = 0; a < N; ++a) {
    slots[a] = &SlotOf(i + a);
    at[a] = j - slots[a]->first_column;
  }
  int stray = 0;
  double covered_source = 0.0, total_source = 0.0;
  for (int a = 0; a < N; ++a) {
    std::uint64_t mask = 0;
    int sharing = 0, last = 0;  // target sentences sharing a key with source i + a
    for (int b = 0; b < M; ++b) {
      const std::uint64_t bits = slots[a]->columns[at[a] + b].source_mask;
      mask |= bits;
      if (bits != 0) ++sharing, last = b;
    }
    const double covered = sharing == 0   ? 0.0
                           : sharing == 1 ? slots[a]->columns[at[a] + last].source_cover
                                          : MaskedWeight(source_.Weights(i + a), mask);
    const double total = source_.total_weight[i + a];
    stray += StrayNoise(source_.noise[i + a], covered, total, kMerged);
    if constexpr (kMerged) stray += source_.foreign[i + a] && covered <= 0.0;
    covered_source += covered;
    total_source += total;
  }
  double covered_target = 0.0, total_target = 0.0;
  for (int b = 0; b < M; ++b) {
    std::uint64_t mask = 0;
    int sharing = 0, last = 0;  // source sentences sharing a key with target j + b
    for (int a = 0; a < N; ++a) {
      const std::uint64_t bits = slots[a]->columns[at[a] + b].target_mask;
      mask |= bits;
      if (bits != 0) ++sharing, last = a;
    }
    const double covered = sharing == 0   ? 0.0
                           : sharing == 1 ? slots[last]->columns[at[last] + b].target_cover
                                          : MaskedWeight(target_.Weights(j + b), mask);
    const double total = target_.total_weight[j + b];
    stray += StrayNoise(target_.noise[j + b], covered, total, kMerged);
    if constexpr (kMerged) stray += target_.foreign[j + b] && covered <= 0.0;
    covered_target += covered;
    total_target += total;
  }
  if constexpr (kMerged) stray += RepeatedLines(i, N, j, M);
  *stray_noise = stray;
  return HarmonicCoverage(covered_source, total_source, covered_target, total_target);
}

double CostModel::FastSimilarity(std::size_t i, int n, std::size_t j, int m,
                                 int* stray_noise) const {
  switch (n * 8 + m) {
    case 1 * 8 + 1:
      return SimilarityOf<1, 1>(i, j, stray_noise);
    case 1 * 8 + 2:
      return SimilarityOf<1, 2>(i, j, stray_noise);
    case 2 * 8 + 1:
      return SimilarityOf<2, 1>(i, j, stray_noise);
    case 2 * 8 + 2:
      return SimilarityOf<2, 2>(i, j, stray_noise);
    case 1 * 8 + 3:
      return SimilarityOf<1, 3>(i, j, stray_noise);
    case 3 * 8 + 1:
      return SimilarityOf<3, 1>(i, j, stray_noise);
    case 2 * 8 + 3:
      return SimilarityOf<2, 3>(i, j, stray_noise);
    case 3 * 8 + 2:
      return SimilarityOf<3, 2>(i, j, stray_noise);
    case 1 * 8 + 4:
      return SimilarityOf<1, 4>(i, j, stray_noise);
    case 4 * 8 + 1:
      return SimilarityOf<4, 1>(i, j, stray_noise);
    default:
      break;
  }
  // A bead type outside kMatchTypes: the general loops.
  return Similarity(i, n, j, m, nullptr, stray_noise);
}

int CostModel::Repeats(const SideFeatures& side, std::size_t begin, int count, double length,
                       double expected_length) {
  int repeats = 0;
  for (int a = 1; a < count; ++a) {
    const std::uint64_t wording = side.wording[begin + a];
    if (wording == 0) continue;
    for (int b = 0; b < a; ++b) {
      if (side.wording[begin + b] != wording) continue;
      // "Dring ... dring ..." rendered as two lines "Dring ..." needs both copies.
      if (length - side.char_length[begin + a] >= kRepeatFit * expected_length) {
        length -= side.char_length[begin + a];
        ++repeats;
      }
      break;
    }
  }
  return repeats;
}

std::vector<std::uint8_t> CostModel::RepeatBits(const SideFeatures& side) {
  std::vector<std::uint8_t> repeats(side.size(), 0);
  for (std::size_t s = 0; s < side.size(); ++s) {
    if (side.wording[s] == 0) continue;
    for (std::size_t d = 1; d < kMaxBeadSide && d <= s; ++d) {
      if (side.wording[s - d] == side.wording[s]) {
        repeats[s] |= static_cast<std::uint8_t>(1u << (d - 1));
      }
    }
  }
  return repeats;
}

int CostModel::RepeatedLines(std::size_t i, int n, std::size_t j, int m) const {
  // A line repeated within one side of the bead (a refrain sung once more) is covered by the
  // same words as its first copy, which the other side explains only once. Most beads hold
  // none: the bits say so without reading the wordings.
  if (!MayRepeat(source_repeats_, i, n) && !MayRepeat(target_repeats_, j, m)) return 0;
  const double l1 = source_prefix_[i + n] - source_prefix_[i];
  const double l2 = target_prefix_[j + m] - target_prefix_[j];
  return Repeats(source_, i, n, l1, l2 / params_.length_ratio) +
         Repeats(target_, j, m, l2, l1 * params_.length_ratio);
}

double CostModel::MatchLexical(std::size_t i, int n, std::size_t j, int m, double bound,
                               double cost) const {
  const CostParams& p = params_;
  const double size = 0.5 * (n + m);
  std::uint64_t pa = 0, pb = 0;
  for (int a = 0; a < n; ++a) pa += source_.punctuation[i + a];
  for (int b = 0; b < m; ++b) pb += target_.punctuation[j + b];
  if (pa != pb) cost += size * p.punctuation_weight * PunctuationDistance(pa, pb);
  if (cost >= bound) return cost;

  // Past the bound's last chance the cost depends on the bead alone: kept in the table, when
  // the row is the table's, for the other passes over the band and the other thread.
  const Slot& slot = SlotOf(i);
  std::uint64_t* memo = nullptr;
  if (slot.memo != nullptr) {
    memo = slot.memo + kMatchTypes.size() * (j - slot.first_column) + kTypeIndex[n][m];
    const std::uint64_t known =
        std::atomic_ref<std::uint64_t>(*memo).load(std::memory_order_relaxed);
    if (known != 0) return std::bit_cast<double>(known);
  }
  double orphan = 0.0;
  int stray_noise = 0;
  double sim = p.orphan_weight != 0.0 ? Similarity(i, n, j, m, &orphan, &stray_noise)
                                      : FastSimilarity(i, n, j, m, &stray_noise);
  double lexical;
  if (sim < 0.0) {
    lexical = p.empty_lexical;
  } else {
    double baseline = 0.5 * (p.baseline_source + p.baseline_target);
    lexical = (1.0 - sim) / std::max(0.1, 1.0 - baseline);
  }
  const double total = cost + size * p.lexical_weight * lexical + p.orphan_weight * orphan +
                       p.stray_noise * stray_noise;
  if (memo != nullptr) {
    std::atomic_ref<std::uint64_t>(*memo).store(std::bit_cast<std::uint64_t>(total),
                                                std::memory_order_relaxed);
  }
  return total;
}

}  // namespace termalign::align::internal
