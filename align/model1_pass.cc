#include "model1_pass.h"

#include <algorithm>

#include "text/ibm_model1.h"
#include "two_threads.h"

namespace termalign::align::internal {

std::vector<std::vector<std::uint32_t>> LearnLinks(const SideFeatures& source,
                                                   const SideFeatures& target,
                                                   const std::vector<Bead>& beads,
                                                   double min_score,
                                                   const LearntLinkOptions& options,
                                                   bool parallel) {
  std::vector<std::vector<std::uint32_t>> links;
  std::vector<const Bead*> chosen;
  for (const Bead& bead : beads) {
    if (bead.source_count == 1 && bead.target_count == 1 && bead.score >= min_score) {
      chosen.push_back(&bead);
    }
  }
  if (chosen.size() < 8) return links;
  // Spread the sample evenly over the document when there are too many.
  std::size_t step = (chosen.size() + options.max_pairs - 1) / options.max_pairs;
  std::vector<text::TokenIdPair> forward, backward;
  for (std::size_t k = 0; k < chosen.size(); k += step) {
    std::span<const std::uint32_t> s = source.BitTypes(chosen[k]->source_begin);
    std::span<const std::uint32_t> t = target.BitTypes(chosen[k]->target_begin);
    if (s.empty() || t.empty()) continue;
    forward.push_back({{s.begin(), s.end()}, {t.begin(), t.end()}});
    backward.push_back({{t.begin(), t.end()}, {s.begin(), s.end()}});
  }
  text::TranslationTable source_to_target, target_to_source;
  // The two directions are independent.
  RunBoth(
      parallel, [&] { source_to_target.Train(forward, options.iterations); },
      [&] { target_to_source.Train(backward, options.iterations); });

  // (probability, target type) of every candidate link of each source type.
  std::vector<std::vector<std::pair<double, std::uint32_t>>> candidates(source.types.size());
  for (std::uint32_t s = 0; s < source.types.size(); ++s) {
    for (const auto& entry : source_to_target.Translations(s)) {
      if (entry.probability >= options.min_probability) {
        candidates[s].push_back({entry.probability, entry.target});
      }
    }
  }
  for (std::uint32_t t = 0; t < target.types.size(); ++t) {
    for (const auto& entry : target_to_source.Translations(t)) {
      if (entry.probability >= options.min_probability && entry.target < candidates.size()) {
        candidates[entry.target].push_back({entry.probability, t});
      }
    }
  }
  links.resize(source.types.size());
  for (std::size_t s = 0; s < candidates.size(); ++s) {
    auto& list = candidates[s];
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [probability, t] : list) {
      if (links[s].size() >= options.max_links) break;
      if (std::find(links[s].begin(), links[s].end(), t) == links[s].end()) links[s].push_back(t);
    }
  }
  return links;
}

}  // namespace termalign::align::internal
