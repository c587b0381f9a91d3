// Pairing, phase 5: word links in each aligned pair, the co-occurrences of a source and a
// target candidate consistent with them, and their coverage.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <tuple>

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
      return 5;
    case LinkChannel::kAcronym:
      return 4;
    case LinkChannel::kDictionary:
      return 3;
    case LinkChannel::kCognate:
      return 2;
    case LinkChannel::kAligned:
      return 1;
    case LinkChannel::kNone:
      return 0;
  }
  return 0;
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

// Target content positions aligned to a word of `os`, as a 64-bit mask.
std::uint64_t LinkedMask(const Occurrence& os, const PairLinks& links) {
  std::uint64_t mask = 0;
  for (const text::AlignmentPoint& point : links.points) {
    const int a = point.source;
    bool inside = false;
    for (int w = os.first; w < os.last && !inside; ++w) inside = links.source_position[w] == a;
    if (inside) mask |= std::uint64_t{1} << std::min<int>(point.target, kMaskBits - 1);
  }
  return mask;
}

// The content positions [first, last] an occurrence spans on its side, or nullopt when it has
// no content word. Content positions of consecutive words are consecutive.
std::optional<std::pair<int, int>> ContentSpan(const Occurrence& o, const std::vector<int>& position) {
  int first = -1, last = -1;
  for (int w = o.first; w < o.last; ++w) {
    if (position[w] < 0) continue;
    if (first < 0) first = position[w];
    last = position[w];
  }
  if (first < 0) return std::nullopt;
  return std::pair{first, last};
}

// Keeps, of the points of one word linked to several words of the other side, those in the
// contiguous run around its most probable partner (text::WordAlignment::Translation): one word
// translates a block ("update" / "mise à jour"), and a second, distant partner that
// grow-diag-final-and added ("software" / "logiciels" ... "stockage") would make every phrase
// between them inconsistent.
void KeepContiguous(std::size_t pair, const text::WordAlignment& alignment,
                    std::vector<text::AlignmentPoint>* points) {
  auto translation = [&](const text::AlignmentPoint& point) {
    return alignment.Translation(pair, point.source, point.target);
  };
  // `side` 0 groups by source word, 1 by target word.
  for (int side : {0, 1}) {
    auto word = [side](const text::AlignmentPoint& p) { return side == 0 ? p.source : p.target; };
    auto other = [side](const text::AlignmentPoint& p) { return side == 0 ? p.target : p.source; };
    std::sort(points->begin(), points->end(), [&](const auto& x, const auto& y) {
      return std::pair(word(x), other(x)) < std::pair(word(y), other(y));
    });
    std::vector<text::AlignmentPoint> kept;
    for (std::size_t begin = 0; begin < points->size();) {
      std::size_t end = begin;
      while (end < points->size() && word((*points)[end]) == word((*points)[begin])) ++end;
      std::size_t best = begin;
      for (std::size_t k = begin; k < end; ++k) {
        if (translation((*points)[k]) > translation((*points)[best])) best = k;
      }
      std::size_t first = best, last = best;
      while (first > begin && other((*points)[first - 1]) + 1 == other((*points)[first])) --first;
      while (last + 1 < end && other((*points)[last]) + 1 == other((*points)[last + 1])) ++last;
      kept.insert(kept.end(), points->begin() + static_cast<std::ptrdiff_t>(first),
                  points->begin() + static_cast<std::ptrdiff_t>(last + 1));
      begin = end;
    }
    *points = std::move(kept);
  }
}

// Links the content words of aligned pair `pair` that `out->points` leaves without a link, by
// the aligner's translation probabilities where they clearly prefer a pair (ClearlyTranslates),
// the most probable pair first and each word once. The aligner decodes a pair with its
// diagonal prior, which on a crossing ("serial number" / "numéro de série") attaches a word to
// the neighbour of its partner; once a lexical anchor takes that neighbour, the word and its
// partner are left over, and the trained probabilities, not their positions, say whether they
// translate each other. Between equal probabilities (words seen once) the order of the words
// would decide: no link.
void LinkLeftovers(std::size_t pair, const ContentIndex& index, PairLinks* out) {
  const std::size_t rows = index.source_words[pair].size(), columns = out->columns;
  std::vector<char> source_linked(rows, 0), target_linked(columns, 0);
  for (const text::AlignmentPoint& point : out->points) {
    source_linked[point.source] = target_linked[point.target] = 1;
  }
  struct Candidate {
    double translation;
    text::AlignmentPoint point;
  };
  std::vector<Candidate> candidates;
  for (std::size_t a = 0; a < rows; ++a) {
    if (source_linked[a]) continue;
    for (std::size_t b = 0; b < columns; ++b) {
      if (target_linked[b]) continue;
      if (ClearlyTranslates(*out, a, b)) {
        candidates.push_back({out->translation[a * columns + b],
                              {static_cast<std::uint16_t>(a), static_cast<std::uint16_t>(b)}});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return std::tie(y.translation, x.point) < std::tie(x.translation, y.point);
  });
  for (const Candidate& c : candidates) {
    if (source_linked[c.point.source] || target_linked[c.point.target]) continue;
    source_linked[c.point.source] = target_linked[c.point.target] = 1;
    out->points.push_back(c.point);
  }
}

// The content word right before (`before`) or after occurrence `o` in the same phrase (no
// punctuation between), as its content position, or -1.
int ContentNeighbour(const Occurrence& o, bool before, const std::vector<int>& position,
                     const std::vector<char>& breaks) {
  auto broken = [&](std::size_t w) { return w < breaks.size() && breaks[w] != 0; };
  if (before) return o.first > 0 && !broken(o.first) ? position[o.first - 1] : -1;
  return o.last < position.size() && !broken(o.last) ? position[o.last] : -1;
}

// Whether a loose boundary (a content word no link reaches at the start or the end of `loose`,
// against `tight`, whose every content word is linked into it) makes the two spans no
// co-occurrence. It does when an unlinked word of the same phrase lies beside `tight`: the
// loose word's partner is that neighbour, and the same correspondence without the loose word
// is the pair ("Israeli" / "armée israélienne", where "military" / "armée" lies outside). It
// does when the loose end cuts a phrase, a content word following on right beside it ("rights
// and freedoms of data" in "... of data subjects"). Otherwise the loose word has no partner of
// its own and the two spans name one thing ("data subject" / "personne concernée", "video
// surveillance" / "vidéosurveillance"). The neighbour counts as the loose word's partner only
// when the aligner gives the two some probability, `partners(neighbour, loose word)` (content
// positions): a verb after the span ("the policy schedule states" / "les conditions
// particulières indiquent") is no partner of a noun of the other span.
template <typename Partners, typename Aligned>
bool LooseBoundary(const Occurrence& loose, const std::vector<double>& loose_best,
                   const std::vector<int>& loose_position, const std::vector<char>& loose_breaks,
                   const Occurrence& tight, const std::vector<int>& tight_position,
                   const std::vector<char>& tight_breaks, const std::vector<char>& tight_linked,
                   const Partners& partners, const Aligned& aligned) {
  const bool loose_start = loose_best.front() == 0.0, loose_end = loose_best.back() == 0.0;
  if (!loose_start && !loose_end) return false;
  // A content word right beside the loose end continues its phrase, unless the alignment gives
  // it a partner right beside the other end of `tight`: then it is a modifier the two languages
  // put on opposite sides of the same head ("flooded farmland" / "terres agricoles inondées":
  // "inondées" after the loose "agricoles" is "flooded", before "farmland"). A partner beside
  // the same end continues the other phrase in parallel ("subjects" after the loose "data" of
  // "freedoms of data" is "personnes" after "libertés" in "libertés des personnes concernées"
  // when the article is not there to part them).
  auto cuts_phrase = [&](bool before) {
    const int neighbour = ContentNeighbour(loose, before, loose_position, loose_breaks);
    if (neighbour < 0) return false;
    const int crossed = ContentNeighbour(tight, !before, tight_position, tight_breaks);
    return crossed < 0 || !aligned(neighbour, crossed);
  };
  if ((loose_start && cuts_phrase(true)) || (loose_end && cuts_phrase(false))) return true;
  const auto [first, last] = *ContentSpan(loose, loose_position);
  for (bool before : {true, false}) {
    const int neighbour = ContentNeighbour(tight, before, tight_position, tight_breaks);
    if (neighbour < 0 || tight_linked[neighbour]) continue;
    if ((loose_start && partners(neighbour, first)) || (loose_end && partners(neighbour, last))) {
      return true;
    }
  }
  return false;
}

// Whether some spelling of a source word and some spelling of a target word are SpeltAlike; the
// first few spellings of each (inflections spell a word alike anyway).
bool FormsSpeltAlike(const std::vector<const Word*>& source, const std::vector<const Word*>& target) {
  constexpr std::size_t kFormsTried = 3;
  for (std::size_t i = 0; i < source.size() && i < kFormsTried; ++i) {
    for (std::size_t j = 0; j < target.size() && j < kFormsTried; ++j) {
      if (SpeltAlike(source[i]->folded, target[j]->folded)) return true;
    }
  }
  return false;
}

}  // namespace

bool ClearlyTranslates(const PairLinks& links, std::size_t a, std::size_t b) {
  const std::size_t columns = links.columns, rows = links.translation.size() / columns;
  const double t = links.translation[a * columns + b];
  if (t < kLeftoverTranslation) return false;
  for (std::size_t other = 0; other < columns; ++other) {
    if (other != b && kClearTranslation * links.translation[a * columns + other] > t) return false;
  }
  for (std::size_t other = 0; other < rows; ++other) {
    if (other != a && kClearTranslation * links.translation[other * columns + b] > t) return false;
  }
  return true;
}

bool Outweighed(const PairLinks& links, std::size_t a, std::size_t b) {
  const std::size_t columns = links.columns;
  const std::size_t rows = links.lexical.size() / columns;
  auto lexical_row = [&](std::size_t x) {
    for (std::size_t y = 0; y < columns; ++y) {
      if (links.lexical[x * columns + y] >= kSeedStrength) return true;
    }
    return false;
  };
  auto lexical_column = [&](std::size_t y) {
    for (std::size_t x = 0; x < rows; ++x) {
      if (links.lexical[x * columns + y] >= kSeedStrength) return true;
    }
    return false;
  };
  const double bar =
      std::max(kOutweighing * links.translation[a * columns + b], kOutweighingFloor);
  for (std::size_t x = 0; x < rows; ++x) {
    if (x != a && links.translation[x * columns + b] >= bar && !lexical_row(x)) return true;
  }
  for (std::size_t y = 0; y < columns; ++y) {
    if (y != b && links.translation[a * columns + y] >= bar && !lexical_column(y)) return true;
  }
  return false;
}

void LinkWords(std::size_t pair, const CandidateSet& source, const CandidateSet& target,
               const ContentIndex& index, const LinkTable& link_table,
               const text::WordAlignment& alignment, PairLinks* out) {
  const std::vector<std::uint16_t>& sc = index.source_words[pair];
  const std::vector<std::uint16_t>& tc = index.target_words[pair];
  const std::size_t columns = tc.size();
  out->columns = columns;
  out->links.assign(sc.size() * columns, WordLink{});
  out->lexical.assign(sc.size() * columns, 0.0);
  out->translation.resize(sc.size() * columns);
  for (std::size_t a = 0; a < sc.size(); ++a) {
    for (std::size_t b = 0; b < columns; ++b) {
      out->translation[a * columns + b] = alignment.Translation(pair, a, b);
    }
  }
  for (std::size_t a = 0; a < sc.size(); ++a) {
    for (const LinkTable::Entry& entry : link_table.Row(index.ids[pair].source[a])) {
      for (std::size_t b = 0; b < columns; ++b) {
        if (index.ids[pair].target[b] == entry.target) {
          out->lexical[a * columns + b] = entry.link.strength;
        }
      }
    }
  }
  // Lexical anchors: word pairs linked lexically from kSeedStrength that the corpus does not
  // outweigh (Outweighed), matched one to one. On a small corpus EM and grow-diag-final-and
  // attach a word to a neighbour of its evident partner ("Azure" to "storage"); an anchored
  // word keeps only its anchor. Words with a single candidate partner are matched first; then,
  // strongest first, among equally strong candidates ("services" twice on each side) the one
  // next to one of those first anchors on both sides ("professional services" / "services
  // professionnels"), then the aligner's choice, then the one nearest the diagonal.
  const std::span<const text::AlignmentPoint> aligned = alignment.Links(pair);
  std::vector<char> by_aligner(sc.size() * columns, 0);
  for (const text::AlignmentPoint& point : aligned) {
    by_aligner[point.source * columns + point.target] = 1;
  }
  std::vector<int> source_candidates(sc.size(), 0), target_candidates(columns, 0);
  std::vector<text::AlignmentPoint> candidates;
  for (std::size_t a = 0; a < sc.size(); ++a) {
    for (std::size_t b = 0; b < columns; ++b) {
      if (out->lexical[a * columns + b] < kSeedStrength) continue;
      if (Outweighed(*out, a, b)) continue;
      candidates.push_back({static_cast<std::uint16_t>(a), static_cast<std::uint16_t>(b)});
      ++source_candidates[a];
      ++target_candidates[b];
    }
  }
  std::vector<char> source_anchored(sc.size(), 0), target_anchored(columns, 0);
  out->points.clear();
  auto anchor = [&](const text::AlignmentPoint& point) {
    out->points.push_back(point);
    source_anchored[point.source] = target_anchored[point.target] = 1;
  };
  for (const text::AlignmentPoint& point : candidates) {
    if (source_candidates[point.source] == 1 && target_candidates[point.target] == 1) {
      anchor(point);
    }
  }
  // Next to an anchor of a word with a single candidate: the surest ones.
  const std::size_t sure = out->points.size();
  auto next_to_anchor = [&](const text::AlignmentPoint& point) {
    for (std::size_t k = 0; k < sure; ++k) {
      const text::AlignmentPoint& other = out->points[k];
      if (std::abs(other.source - point.source) == 1 && std::abs(other.target - point.target) == 1) {
        return true;
      }
    }
    return false;
  };
  auto diagonal = [&](const text::AlignmentPoint& point) {
    return std::abs((point.source + 0.5) / static_cast<double>(sc.size()) -
                    (point.target + 0.5) / static_cast<double>(columns));
  };
  // Greedy; the candidates of one aligned pair are a few dozen at most.
  for (;;) {
    const text::AlignmentPoint* best = nullptr;
    double best_strength = 0.0, best_diagonal = 0.0;
    bool best_next = false, best_aligned = false;
    for (const text::AlignmentPoint& point : candidates) {
      if (source_anchored[point.source] || target_anchored[point.target]) continue;
      const double strength = out->lexical[point.source * columns + point.target];
      const bool next = next_to_anchor(point);
      const bool by = by_aligner[point.source * columns + point.target] != 0;
      const double d = diagonal(point);
      if (best == nullptr || strength > best_strength ||
          (strength == best_strength &&
           std::tie(next, by) > std::tie(best_next, best_aligned)) ||
          (strength == best_strength && next == best_next && by == best_aligned &&
           d < best_diagonal)) {
        best = &point;
        best_strength = strength;
        best_next = next;
        best_aligned = by;
        best_diagonal = d;
      }
    }
    if (best == nullptr) break;
    anchor(*best);
  }
  // The aligner's points between words without an anchor, when its translation probabilities
  // back them: two words seen once, in a long sentence, share their probability with every
  // word beside them, and below kLeftoverTranslation the aligner's choice between those is the
  // diagonal's, a position guess. Such points between equals above it still count, as the
  // aligner's choice: alone they make no co-occurrence (LocalScore::anchored), and a pair seen
  // once with them stays a tentative proposal (requiring a clear preference here lost a fifth
  // of the test domains' glossary pairs).
  std::vector<text::AlignmentPoint> free_points;
  for (const text::AlignmentPoint& point : aligned) {
    if (!source_anchored[point.source] && !target_anchored[point.target] &&
        out->translation[point.source * columns + point.target] >= kLeftoverTranslation) {
      free_points.push_back(point);
    }
  }
  KeepContiguous(pair, alignment, &free_points);
  out->points.insert(out->points.end(), free_points.begin(), free_points.end());
  LinkLeftovers(pair, index, out);
  std::sort(out->points.begin(), out->points.end());
  for (const text::AlignmentPoint& point : out->points) {
    const std::uint32_t s = index.ids[pair].source[point.source];
    const std::uint32_t t = index.ids[pair].target[point.target];
    WordLink link = link_table.Get(s, t);
    if (link.strength < kLinked) {
      // Two words the alignment put together and that are spelt alike are cognates
      // ("storage" / "stockage"): lexical evidence, as a dictionary entry would be.
      const std::uint32_t known = out->spelt_index.Insert(std::uint64_t{s} << 32 | t);
      if (known == out->spelt_alike.size()) {
        out->spelt_alike.push_back(FormsSpeltAlike(index.source_forms[s], index.target_forms[t]));
      }
      if (out->spelt_alike[known]) {
        link = {kAlignedStrength, LinkChannel::kCognate};
        out->lexical[point.source * columns + point.target] = kSeedStrength;
      } else {
        link = {kAlignedStrength, LinkChannel::kAligned};
      }
    }
    out->links[point.source * columns + point.target] = link;
  }
  out->source_position.assign(source.words[pair].size(), -1);
  out->target_position.assign(target.words[pair].size(), -1);
  out->source_break.clear();
  out->target_break.clear();
  for (const Word& word : source.words[pair]) {
    out->source_break.push_back(word.break_before || word.phrase_start);
  }
  for (const Word& word : target.words[pair]) {
    out->target_break.push_back(word.break_before || word.phrase_start);
  }
  for (std::size_t a = 0; a < sc.size(); ++a) out->source_position[sc[a]] = static_cast<int>(a);
  for (std::size_t b = 0; b < tc.size(); ++b) out->target_position[tc[b]] = static_cast<int>(b);
}

std::optional<LocalScore> ScoreOccurrences(const Occurrence& os, const Occurrence& ot,
                                           int source_words, int target_words,
                                           const PairLinks& links) {
  if (std::abs(source_words - target_words) > kMaxWordCountDifference) return std::nullopt;
  const auto source_span = ContentSpan(os, links.source_position);
  const auto target_span = ContentSpan(ot, links.target_position);
  if (!source_span || !target_span) return std::nullopt;
  auto in = [](int x, const std::pair<int, int>& span) {
    return x >= span.first && x <= span.second;
  };
  // Consistency, and the best link of each content word into the other span.
  const std::size_t columns = links.columns;
  const int rows = source_span->second - source_span->first + 1;
  const int cols = target_span->second - target_span->first + 1;
  std::vector<double> source_best(rows, 0.0), target_best(cols, 0.0);
  LocalScore score;
  double channel_strength = 0.0;
  bool linked = false;
  for (const text::AlignmentPoint& point : links.points) {
    const bool s_in = in(point.source, *source_span), t_in = in(point.target, *target_span);
    if (s_in != t_in) return std::nullopt;
    if (!s_in) continue;
    linked = true;
    const WordLink& link = links.links[point.source * columns + point.target];
    score.anchored = score.anchored || link.channel != LinkChannel::kAligned;
    double& sb = source_best[point.source - source_span->first];
    double& tb = target_best[point.target - target_span->first];
    sb = std::max(sb, link.strength);
    tb = std::max(tb, link.strength);
    if (link.strength > channel_strength ||
        (link.strength == channel_strength &&
         ChannelPriority(link.channel) > ChannelPriority(score.channel))) {
      score.channel = link.channel;
      channel_strength = link.strength;
    }
  }
  if (!linked) return std::nullopt;
  // Confirmed when every content word has a lexical link into the other span.
  score.confirmed = true;
  for (int a = source_span->first; a <= source_span->second && score.confirmed; ++a) {
    bool hit = false;
    for (int b = target_span->first; b <= target_span->second && !hit; ++b) {
      hit = links.lexical[a * columns + b] >= kSeedStrength;
    }
    score.confirmed = hit;
  }
  for (int b = target_span->first; b <= target_span->second && score.confirmed; ++b) {
    bool hit = false;
    for (int a = source_span->first; a <= source_span->second && !hit; ++a) {
      hit = links.lexical[a * columns + b] >= kSeedStrength;
    }
    score.confirmed = hit;
  }
  // Explained when every content word of both spans has its partner in the other and one of
  // the links is lexical.
  const auto source_unlinked = std::count(source_best.begin(), source_best.end(), 0.0);
  const auto target_unlinked = std::count(target_best.begin(), target_best.end(), 0.0);
  // A span that starts or ends with a word nothing links, against a fully linked other span,
  // may have a loose boundary (LooseBoundary).
  auto linked_positions = [&](bool source_side) {
    std::vector<char> linked(
        source_side ? links.source_position.size() : links.target_position.size(), 0);
    for (const text::AlignmentPoint& point : links.points) {
      const std::size_t at = source_side ? point.source : point.target;
      if (at < linked.size()) linked[at] = 1;
    }
    return linked;
  };
  auto open_ended = [](const std::vector<double>& best) {
    return best.front() == 0.0 || best.back() == 0.0;
  };
  // Whether the aligner gives two content words some probability.
  auto probable = [&](int source, int target) {
    return links.translation[source * columns + target] >= kLeftoverTranslation;
  };
  // Whether the alignment links two content words.
  auto aligned = [&](int source, int target) {
    return links.links[source * columns + target].strength > 0.0;
  };
  if (source_unlinked == 0 && open_ended(target_best) &&
      LooseBoundary(ot, target_best, links.target_position, links.target_break, os,
                    links.source_position, links.source_break, linked_positions(true), probable,
                    [&](int target, int source) { return aligned(source, target); })) {
    return std::nullopt;
  }
  if (target_unlinked == 0 && open_ended(source_best) &&
      LooseBoundary(os, source_best, links.source_position, links.source_break, ot,
                    links.target_position, links.target_break, linked_positions(false),
                    [&](int target, int source) { return probable(source, target); },
                    aligned)) {
    return std::nullopt;
  }
  // A loose end word the two spans hold together is explained by them as the aligner explains
  // a word: "data" in "data subject" / "personne concernée" is no weaker a part of the pair
  // than "subject", and without this credit the fragment "subject" would cover it better.
  auto credit_ends = [](std::vector<double>* best) {
    if (best->front() == 0.0) best->front() = kAlignedStrength;
    if (best->back() == 0.0) best->back() = kAlignedStrength;
  };
  if (target_unlinked == 0) credit_ends(&source_best);
  if (source_unlinked == 0) credit_ends(&target_best);
  score.complete = score.anchored && source_unlinked == 0 && target_unlinked == 0;
  double source_sum = 0.0, target_sum = 0.0;
  for (double x : source_best) source_sum += x;
  for (double x : target_best) target_sum += x;
  const double source_cover = source_sum / source_words;
  const double target_cover = target_sum / target_words;
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
  }
  acc->confirmed = acc->confirmed || score.confirmed;
  acc->anchored = acc->anchored || score.anchored;
  acc->complete = acc->complete || score.complete || score.confirmed;
}

Accumulators GatherEvidence(const CandidateSet& source, const CandidateSet& target,
                            const ContentIndex& index, const LinkTable& link_table,
                            const text::WordAlignment& alignment, const WordLinker& linker,
                            double min_local) {
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
    LinkWords(i, source, target, index, link_table, alignment, &links);
    const std::vector<std::uint64_t> target_masks = TargetMasks(target.occurrences[i], links);
    for (const Occurrence& os : source.occurrences[i]) {
      const std::uint64_t linked_mask = LinkedMask(os, links);
      if (linked_mask == 0) continue;
      const int source_words = source.candidates[os.candidate].content_words;
      for (std::size_t k = 0; k < target.occurrences[i].size(); ++k) {
        if ((target_masks[k] & linked_mask) == 0) continue;
        const Occurrence& ot = target.occurrences[i][k];
        const int target_words = target.candidates[ot.candidate].content_words;
        std::optional<LocalScore> score;
        // A whole-phrase dictionary entry needs only one link between the spans.
        if (source_words >= 2 && target_words >= 2 &&
            linker.PhraseInDictionary(source_phrases[os.candidate], target_phrases[ot.candidate])) {
          score = LocalScore{1.0, LinkChannel::kDictionary, true, true, true};
        } else if ((linked_mask & ~target_masks[k]) == 0) {
          score = ScoreOccurrences(os, ot, source_words, target_words, links);
        }
        if (!score || score->local < min_local) continue;
        Accumulate(
            static_cast<std::uint32_t>(i), *score,
            &accumulators[(std::uint64_t{os.candidate} << 32) | std::uint64_t{ot.candidate}]);
      }
    }
  }
  return accumulators;
}

}  // namespace termalign::glossary::internal
