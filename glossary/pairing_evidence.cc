// Pairing, phase 5: word links in each aligned pair and the coverage of each co-occurrence of
// a source and a target candidate.
#include <algorithm>
#include <cmath>

#include "pairing_phases.h"
#include "text/fold.h"

namespace termalign::glossary::internal {
namespace {

// A local score weighs the weaker side's coverage by kWeakerSideWeight and the mean of both
// sides by kMeanWeight (together 1): both sides must be explained. Hand-set with the pairing;
// the seed and demo glossary tests fix the rankings they give.
constexpr double kWeakerSideWeight = 0.85;
constexpr double kMeanWeight = 0.15;
// Each content word one occurrence has more than the other costs this share of the score
// (up to kMaxWordCountDifference words). Hand-set, as above.
constexpr double kWordCountPenalty = 0.1;

// Channel order when two links are equally strong: the more specific evidence wins.
int ChannelPriority(LinkChannel channel) {
  switch (channel) {
    case LinkChannel::kIdentical:
      return 6;
    case LinkChannel::kAcronym:
      return 5;
    case LinkChannel::kDictionary:
      return 4;
    case LinkChannel::kCognate:
      return 3;
    case LinkChannel::kModel:
      return 2;
    case LinkChannel::kPosition:
      return 1;
    case LinkChannel::kNone:
      return 0;
  }
  return 0;
}

// t(target | source) from the row of `source` (TranslationTable::Translations); 0 when absent.
double ProbabilityIn(std::span<const text::TranslationTable::Entry> row, std::uint32_t target) {
  auto it = std::lower_bound(row.begin(), row.end(), target,
                             [](const auto& entry, std::uint32_t t) { return entry.target < t; });
  return it != row.end() && it->target == target ? it->probability : 0.0;
}

// IBM Model 1 link strengths of aligned pair `i` into `model` ([a * columns + b]), symmetrised
// by intersection.
void ModelLinks(std::size_t i, const ContentIndex& index, const WordModels& models,
                PairLinks* out) {
  const std::size_t rows = index.source_words[i].size(), columns = index.target_words[i].size();
  std::vector<double>& model = out->model;
  std::vector<double> best_row(rows, 0.0), best_column(columns, 0.0);
  out->backward_rows.clear();
  for (std::uint32_t t_id : index.ids[i].target) {
    out->backward_rows.push_back(models.backward.Translations(t_id));
  }
  for (std::size_t a = 0; a < rows; ++a) {
    const std::uint32_t s_id = index.ids[i].source[a];
    const auto forward_row = models.forward.Translations(s_id);
    for (std::size_t b = 0; b < columns; ++b) {
      const std::uint32_t t_id = index.ids[i].target[b];
      // A word seen once or twice gets whatever probability EM leaves over: trust it by how
      // often both words were seen.
      double seen =
          static_cast<double>(std::min(index.source_frequency[s_id], index.target_frequency[t_id]));
      double p =
          std::sqrt(ProbabilityIn(forward_row, t_id) * ProbabilityIn(out->backward_rows[b], s_id)) *
          (1.0 - std::exp2(-seen));
      model[a * columns + b] = p;
      best_row[a] = std::max(best_row[a], p);
      best_column[b] = std::max(best_column[b], p);
    }
  }
  for (std::size_t a = 0; a < rows; ++a) {
    for (std::size_t b = 0; b < columns; ++b) {
      double& p = model[a * columns + b];
      if (p < best_row[a] || p < best_column[b]) p = 0.0;
    }
  }
}

// Content positions each target occurrence of aligned pair `i` spans, as a 64-bit mask.
std::vector<std::uint64_t> TargetMasks(const std::vector<Occurrence>& occurrences,
                                       const PairLinks& links) {
  std::vector<std::uint64_t> masks;
  masks.reserve(occurrences.size());
  for (const Occurrence& ot : occurrences) {
    std::uint64_t mask = 0;
    for (int w = ot.first; w < ot.last; ++w) {
      if (links.target_position[w] >= 0) {
        mask |= std::uint64_t{1} << std::min(links.target_position[w], kMaskBits - 1);
      }
    }
    masks.push_back(mask);
  }
  return masks;
}

// Target content positions linked from kLinked on to a word of `os`, as a 64-bit mask.
std::uint64_t LinkedMask(const Occurrence& os, const PairLinks& links) {
  std::uint64_t mask = 0;
  for (int w = os.first; w < os.last; ++w) {
    int a = links.source_position[w];
    if (a < 0) continue;
    for (std::size_t b = 0; b < links.columns; ++b) {
      if (links.links[a * links.columns + b].strength >= kLinked) {
        mask |= std::uint64_t{1} << std::min<std::size_t>(b, kMaskBits - 1);
      }
    }
  }
  return mask;
}

}  // namespace

void LinkWords(std::size_t pair, const CandidateSet& source, const CandidateSet& target,
               const ContentIndex& index, const LinkTable& link_table, const WordModels& models,
               PairLinks* out) {
  const std::vector<std::uint16_t>& sc = index.source_words[pair];
  const std::vector<std::uint16_t>& tc = index.target_words[pair];
  out->columns = tc.size();
  out->links.assign(sc.size() * tc.size(), WordLink{});
  out->row_max.assign(sc.size(), 0.0);
  out->column_max.assign(tc.size(), 0.0);
  out->model.assign(sc.size() * tc.size(), 0.0);
  if (models.trained) ModelLinks(pair, index, models, out);
  for (std::size_t a = 0; a < sc.size(); ++a) {
    for (std::size_t b = 0; b < tc.size(); ++b) {
      WordLink link = link_table.Get(index.ids[pair].source[a], index.ids[pair].target[b]);
      if (out->model[a * tc.size() + b] > link.strength) {
        link = {out->model[a * tc.size() + b], LinkChannel::kModel};
      }
      out->links[a * tc.size() + b] = link;
      out->row_max[a] = std::max(out->row_max[a], link.strength);
      out->column_max[b] = std::max(out->column_max[b], link.strength);
    }
  }
  out->source_position.assign(source.words[pair].size(), -1);
  out->target_position.assign(target.words[pair].size(), -1);
  for (std::size_t a = 0; a < sc.size(); ++a) out->source_position[sc[a]] = static_cast<int>(a);
  for (std::size_t b = 0; b < tc.size(); ++b) out->target_position[tc[b]] = static_cast<int>(b);
}

std::optional<LocalScore> ScoreOccurrences(const Occurrence& os, const Occurrence& ot,
                                           int source_words, int target_words,
                                           const PairLinks& links) {
  if (std::abs(source_words - target_words) > kMaxWordCountDifference) return std::nullopt;
  const std::size_t columns = links.columns;
  // Coverage of each side by links into the other occurrence.
  double source_sum = 0.0, target_sum = 0.0;
  int source_unlinked = 0, target_unlinked = 0;
  LocalScore score;
  double channel_strength = 0.0;
  for (int w = os.first; w < os.last; ++w) {
    int a = links.source_position[w];
    if (a < 0) continue;
    double best = 0.0;
    for (int v = ot.first; v < ot.last; ++v) {
      int b = links.target_position[v];
      if (b < 0) continue;
      const WordLink& link = links.links[a * columns + b];
      best = std::max(best, link.strength);
      if (link.strength > channel_strength ||
          (link.strength == channel_strength &&
           ChannelPriority(link.channel) > ChannelPriority(score.channel))) {
        score.channel = link.channel;
        channel_strength = link.strength;
      }
    }
    if (best < kLinked && links.row_max[a] < kLinkedElsewhere) {
      ++source_unlinked;
    } else {
      source_sum += best;
    }
  }
  for (int v = ot.first; v < ot.last; ++v) {
    int b = links.target_position[v];
    if (b < 0) continue;
    double best = 0.0;
    for (int w = os.first; w < os.last; ++w) {
      int a = links.source_position[w];
      if (a >= 0) best = std::max(best, links.links[a * columns + b].strength);
    }
    if (best < kLinked && links.column_max[b] < kLinkedElsewhere) {
      ++target_unlinked;
    } else {
      target_sum += best;
    }
  }
  // Words no link explains, one each side and facing each other, probably translate each
  // other ("language translation" / "traduction linguistique").
  score.guessed = source_unlinked > 0 && source_unlinked == target_unlinked;
  if (score.guessed) {
    source_sum += kPositionCredit * source_unlinked;
    target_sum += kPositionCredit * target_unlinked;
  }
  double source_cover = source_sum / source_words;
  double target_cover = target_sum / target_words;
  // Both sides must be explained: the weaker side counts most, and each content word one
  // side has more than the other costs a little.
  score.local = (kWeakerSideWeight * std::min(source_cover, target_cover) +
                 kMeanWeight * (source_cover + target_cover) / 2.0) *
                (1.0 - kWordCountPenalty * std::abs(source_words - target_words));
  return score;
}

void Accumulate(std::uint32_t pair, const LocalScore& score, Accumulator* acc) {
  if (acc->last_pair == pair) {
    if (score.local > acc->current)
      acc->sum += score.local - acc->current, acc->current = score.local;
  } else {
    ++acc->joint;
    acc->sum += score.local;
    acc->current = score.local;
    acc->last_pair = pair;
  }
  if (score.local > acc->best) {
    acc->best = score.local;
    acc->example = pair;
    acc->channel = score.channel;
    acc->guessed = score.guessed;
  }
}

Accumulators GatherEvidence(const CandidateSet& source, const CandidateSet& target,
                            const ContentIndex& index, const LinkTable& link_table,
                            const WordModels& models, const WordLinker& linker, double min_local) {
  // Folded phrases, for whole-phrase dictionary entries.
  auto folded_phrases = [](const CandidateSet& set) {
    std::vector<std::string> out(set.candidates.size());
    for (std::size_t c = 0; c < set.candidates.size(); ++c) {
      if (set.candidates[c].content_words >= 2) out[c] = text::FoldForMatch(set.candidates[c].text);
    }
    return out;
  };
  const std::vector<std::string> source_phrases = folded_phrases(source);
  const std::vector<std::string> target_phrases = folded_phrases(target);

  Accumulators accumulators;
  PairLinks links;
  for (std::size_t i = 0; i < index.pairs(); ++i) {
    if (!index.Usable(i)) continue;
    LinkWords(i, source, target, index, link_table, models, &links);
    const std::vector<std::uint64_t> target_masks = TargetMasks(target.occurrences[i], links);
    for (const Occurrence& os : source.occurrences[i]) {
      const std::uint64_t linked_mask = LinkedMask(os, links);
      if (linked_mask == 0) continue;
      const int source_words = source.candidates[os.candidate].content_words;
      for (std::size_t k = 0; k < target.occurrences[i].size(); ++k) {
        if ((target_masks[k] & linked_mask) == 0) continue;
        const Occurrence& ot = target.occurrences[i][k];
        const int target_words = target.candidates[ot.candidate].content_words;
        std::optional<LocalScore> score =
            ScoreOccurrences(os, ot, source_words, target_words, links);
        if (!score) continue;
        if (source_words >= 2 && target_words >= 2 &&
            linker.PhraseInDictionary(source_phrases[os.candidate], target_phrases[ot.candidate])) {
          score->local = 1.0;
          score->channel = LinkChannel::kDictionary;
          score->guessed = false;
        }
        if (score->local < min_local) continue;
        Accumulate(
            static_cast<std::uint32_t>(i), *score,
            &accumulators[(std::uint64_t{os.candidate} << 32) | std::uint64_t{ot.candidate}]);
      }
    }
  }
  return accumulators;
}

}  // namespace termalign::glossary::internal
