#include "align/eval.h"

#include <algorithm>
#include <array>
#include <utility>

namespace termalign::align {
namespace {

// A bead's identity: its two index ranges, with the begin of an empty side set to 0 so that
// "[3]:[]" is one bead whatever target position the aligner attached to it.
using BeadKey = std::array<std::size_t, 4>;

BeadKey KeyOf(const Bead& bead) {
  return {bead.source_count ? bead.source_begin : 0, bead.source_count,
          bead.target_count ? bead.target_begin : 0, bead.target_count};
}

bool Empty(const Bead& bead) { return bead.source_count == 0 && bead.target_count == 0; }

// The distinct non-empty beads, sorted by key (duplicates count once, as in a set).
std::vector<BeadKey> DistinctKeys(const std::vector<Bead>& beads, bool matched_only) {
  std::vector<BeadKey> keys;
  keys.reserve(beads.size());
  for (const Bead& bead : beads) {
    if (Empty(bead) || (matched_only && !bead.matched())) continue;
    keys.push_back(KeyOf(bead));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

EvalTally Judge(const std::vector<Bead>& reference, const std::vector<Bead>& judged) {
  std::vector<BeadKey> reference_keys = DistinctKeys(reference, false);
  std::vector<BeadKey> judged_keys = DistinctKeys(judged, false);

  // The reference's links, one row per (source sentence, target range), sorted by source
  // sentence: a judged bead is a lax hit when one of its source sentences has a linked target
  // range that overlaps its own target range.
  struct Link {
    std::size_t source;
    std::size_t target_begin;
    std::size_t target_end;
    bool operator<(const Link& other) const { return source < other.source; }
  };
  std::vector<Link> links;
  for (const BeadKey& key : reference_keys) {
    if (key[1] == 0 || key[3] == 0) continue;
    for (std::size_t s = key[0]; s < key[0] + key[1]; ++s) {
      links.push_back({s, key[2], key[2] + key[3]});
    }
  }
  std::stable_sort(links.begin(), links.end());

  EvalTally tally;
  tally.total = judged_keys.size();
  for (const BeadKey& key : judged_keys) {
    if (std::binary_search(reference_keys.begin(), reference_keys.end(), key)) {
      ++tally.strict_hits;
      ++tally.lax_hits;
      continue;
    }
    if (key[1] == 0 || key[3] == 0) continue;
    std::size_t target_begin = key[2], target_end = key[2] + key[3];
    bool lax = false;
    for (std::size_t s = key[0]; s < key[0] + key[1] && !lax; ++s) {
      auto [first, last] = std::equal_range(links.begin(), links.end(), Link{s, 0, 0});
      for (auto it = first; it != last && !lax; ++it) {
        lax = it->target_begin < target_end && target_begin < it->target_end;
      }
    }
    if (lax) ++tally.lax_hits;
  }
  return tally;
}

void Evaluation::Add(const std::vector<Bead>& gold, const std::vector<Bead>& test) {
  std::vector<Bead> matched_gold, matched_test;
  for (const Bead& bead : gold) {
    if (bead.matched()) matched_gold.push_back(bead);
  }
  for (const Bead& bead : test) {
    if (bead.matched()) matched_test.push_back(bead);
  }
  EvalTally precision = Judge(gold, matched_only_ ? matched_test : test);
  EvalTally recall = Judge(matched_test, matched_gold);
  for (auto [sum, part] : {std::pair{&precision_, &precision}, std::pair{&recall_, &recall}}) {
    sum->strict_hits += part->strict_hits;
    sum->lax_hits += part->lax_hits;
    sum->total += part->total;
  }
}

EvalScores Evaluation::Scores() const {
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  EvalScores scores;
  scores.precision_strict = precision_.strict();
  scores.recall_strict = recall_.strict();
  scores.f1_strict = f1(scores.precision_strict, scores.recall_strict);
  scores.precision_lax = precision_.lax();
  scores.recall_lax = recall_.lax();
  scores.f1_lax = f1(scores.precision_lax, scores.recall_lax);
  return scores;
}

}  // namespace termalign::align
