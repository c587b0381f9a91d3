// IBM Model 1: word translation probabilities learnt by EM from sentence pairs.
#ifndef TERMALIGN_TEXT_IBM_MODEL1_H_
#define TERMALIGN_TEXT_IBM_MODEL1_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace termalign::text {

// A TokenIdPair is one training example: the source and target token ids of a sentence pair.
// Ids are the caller's (any uint32 except kNullSource); source and target ids are separate
// vocabularies.
struct TokenIdPair {
  std::vector<std::uint32_t> source;
  std::vector<std::uint32_t> target;
};

// A TranslationTable holds t(target | source) for the (source, target) pairs that co-occur in
// the training data, plus t(target | NULL). It is sparse: memory grows with the number of
// distinct co-occurring pairs, never with the square of the vocabularies. Immutable after
// Train(); safe to read from several threads.
class TranslationTable {
 public:
  // The empty source word every target word may also come from.
  static constexpr std::uint32_t kNullSource = 0xFFFFFFFFu;

  // Replaces the table by IBM Model 1 trained on `pairs`: uniform start over co-occurring
  // targets, then `iterations` EM iterations. Each iteration is linear in
  // sum(|source| + 1) * |target| over the pairs. Pairs with an empty side are skipped.
  void Train(const std::vector<TokenIdPair>& pairs, int iterations);

  // t(target | source); 0 when the pair never co-occurred in training. `source` may be
  // kNullSource.
  double Probability(std::uint32_t source, std::uint32_t target) const;

  // One learnt translation of a source word.
  struct Entry {
    std::uint32_t target;
    float probability;
  };
  // Every target seen with `source` and its probability, in increasing target id order; empty
  // for an unknown source.
  std::span<const Entry> Translations(std::uint32_t source) const;

  // The number of (source, target) pairs stored, NULL included.
  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::size_t kNoSlot = ~std::size_t{0};
  // The dense slot of a source id (NULL included), or kNoSlot.
  std::size_t SourceSlot(std::uint32_t source) const;

  std::vector<std::uint32_t> sorted_sources_;  // source ids, increasing
  std::vector<std::uint32_t> slot_of_source_;  // slot of sorted_sources_[i]
  // The entries of slot s are entries_[begin_[s], begin_[s + 1]), sorted by target.
  std::vector<std::size_t> begin_;
  std::vector<Entry> entries_;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_IBM_MODEL1_H_
