#include "align/eval.h"

#include <algorithm>
#include <utility>

namespace termalign::align {
namespace {

// A bead's identity: its two index lists as written.
using BeadKey = std::pair<std::vector<std::size_t>, std::vector<std::size_t>>;

bool Matched(const BeadIndices& bead) { return !bead.source.empty() && !bead.target.empty(); }

// The distinct non-empty beads, sorted (duplicates count once, as in a set).
std::vector<BeadKey> DistinctKeys(const std::vector<BeadIndices>& beads) {
  std::vector<BeadKey> keys;
  keys.reserve(beads.size());
  for (const BeadIndices& bead : beads) {
    if (bead.source.empty() && bead.target.empty()) continue;
    keys.emplace_back(bead.source, bead.target);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<BeadIndices> MatchedOnly(const std::vector<BeadIndices>& beads) {
  std::vector<BeadIndices> out;
  for (const BeadIndices& bead : beads) {
    if (Matched(bead)) out.push_back(bead);
  }
  return out;
}

std::vector<BeadIndices> ToIndexLists(const std::vector<Bead>& beads) {
  std::vector<BeadIndices> out;
  out.reserve(beads.size());
  for (const Bead& bead : beads) out.push_back(ToIndices(bead));
  return out;
}

}  // namespace

EvalTally Judge(const std::vector<BeadIndices>& reference, const std::vector<BeadIndices>& judged) {
  std::vector<BeadKey> reference_keys = DistinctKeys(reference);
  std::vector<BeadKey> judged_keys = DistinctKeys(judged);

  // The (source, target) sentence links of the reference, sorted: a judged bead that is not a
  // reference bead is a lax hit when one of its source sentences is linked to one of its
  // target sentences.
  std::vector<std::pair<std::size_t, std::size_t>> links;
  for (const BeadKey& key : reference_keys) {
    for (std::size_t s : key.first) {
      for (std::size_t t : key.second) links.emplace_back(s, t);
    }
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());

  EvalTally tally;
  tally.total = judged_keys.size();
  for (const BeadKey& key : judged_keys) {
    if (std::binary_search(reference_keys.begin(), reference_keys.end(), key)) {
      ++tally.strict_hits;
      ++tally.lax_hits;
      continue;
    }
    bool lax = false;
    for (std::size_t s : key.first) {
      auto first = std::lower_bound(links.begin(), links.end(), std::pair{s, std::size_t{0}});
      for (auto it = first; it != links.end() && it->first == s && !lax; ++it) {
        lax = std::find(key.second.begin(), key.second.end(), it->second) != key.second.end();
      }
      if (lax) break;
    }
    if (lax) ++tally.lax_hits;
  }
  return tally;
}

void Evaluation::Add(const std::vector<BeadIndices>& gold, const std::vector<BeadIndices>& test) {
  std::vector<BeadIndices> matched_test = MatchedOnly(test);
  EvalTally precision = Judge(gold, matched_only_ ? matched_test : test);
  EvalTally recall = Judge(matched_test, MatchedOnly(gold));
  for (auto [sum, part] : {std::pair{&precision_, &precision}, std::pair{&recall_, &recall}}) {
    sum->strict_hits += part->strict_hits;
    sum->lax_hits += part->lax_hits;
    sum->total += part->total;
  }
}

void Evaluation::Add(const std::vector<Bead>& gold, const std::vector<Bead>& test) {
  Add(ToIndexLists(gold), ToIndexLists(test));
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
