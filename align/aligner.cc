// Align(): features, a first pass on dictionary, identity, cognates and length, a lexicon
// learnt from its confident beads, a second pass, bead posteriors, and unmatched edge
// sentences split out of merged beads.
#include "align/aligner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "band.h"
#include "cost_model.h"
#include "edge_split.h"
#include "sentence_features.h"
#include "lexicon.h"
#include "model1_pass.h"
#include "search.h"
#include "tuning.h"
#include "two_threads.h"

namespace termalign::align {
namespace {
// Each stage of an alignment reports its wall time, size, the peak memory and the CPU time of
// the process (all threads) through AlignOptions::trace when one is given (for profiling large
// documents).
class StageTrace {
 public:
  // The process's peak resident memory so far (Linux), or "?".
  static std::string PeakMemory() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (status == nullptr) return "?";
    char line[256];
    std::string peak = "?";
    while (std::fgets(line, sizeof line, status) != nullptr) {
      std::string_view text(line);
      if (text.starts_with("VmHWM:")) {
        text.remove_prefix(6);
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
        while (!text.empty() && (text.back() == '\n')) text.remove_suffix(1);
        peak = text;
      }
    }
    std::fclose(status);
    return peak;
  }

  // The CPU time of the process so far, in seconds.
  static double ProcessCpu() {
    timespec time{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) != 0) return 0.0;
    return static_cast<double>(time.tv_sec) + 1e-9 * static_cast<double>(time.tv_nsec);
  }

  explicit StageTrace(const std::function<void(std::string_view)>& sink) : sink_(sink) {
    if (sink_) last_cpu_ = ProcessCpu();
  }
  void operator()(const char* stage, std::size_t size = 0) {
    if (!sink_) return;
    auto now = std::chrono::steady_clock::now();
    const double cpu = ProcessCpu();
    char line[200];
    std::snprintf(line, sizeof line, "align: %-14s %8.3f s  %10zu  peak %s  cpu %.3f s", stage,
                  std::chrono::duration<double>(now - last_).count(), size, PeakMemory().c_str(),
                  cpu - last_cpu_);
    sink_(line);
    last_ = now;
    last_cpu_ = cpu;
  }

 private:
  const std::function<void(std::string_view)>& sink_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  double last_cpu_ = 0.0;
};

using internal::Band;
using internal::CostModel;
using internal::CostParams;
using internal::RunBoth;
using internal::SideFeatures;

// Documents up to this many cells are searched whole; larger ones inside a band.
constexpr std::size_t kFullSearchCells = 3'000'000;
// The two sides' features are extracted on two threads from this many sentences in all.
constexpr std::size_t kParallelSentences = 20'000;

// The mean similarity of random sentence pairs: what a bead's similarity is judged against.
double RandomPairSimilarity(const SideFeatures& source, const SideFeatures& target) {
  std::mt19937 random(12345);  // fixed: the same input gives the same alignment
  std::uniform_int_distribution<std::size_t> pick_source(0, source.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_target(0, target.size() - 1);
  double sum = 0.0;
  int count = 0;
  for (int k = 0; k < 2000; ++k) {
    std::size_t s = pick_source(random), t = pick_target(random);
    if (source.total_weight[s] <= 0.0f || target.total_weight[t] <= 0.0f) continue;
    std::uint64_t sm, tm;
    internal::PairMasks(source, s, target, t, &sm, &tm);
    double rs = internal::MaskedWeight(source.Weights(s), sm) / source.total_weight[s];
    double rt = internal::MaskedWeight(target.Weights(t), tm) / target.total_weight[t];
    sum += rs + rt > 0.0 ? 2.0 * rs * rt / (rs + rt) : 0.0;
    ++count;
  }
  return count == 0 ? 0.0 : sum / count;
}

double TotalLength(const SideFeatures& side) {
  double total = 0.0;
  for (std::uint32_t length : side.char_length) total += length;
  return total;
}

// The ratio of target to source characters: the median over the stretches between consecutive
// hapax anchors, when there are enough of them. Whole-document totals mislead when one side has
// text the other lacks (an extra paragraph, one huge line), and a median ignores such stretches.
double FirstLengthRatio(const SideFeatures& source, const SideFeatures& target,
                        const std::vector<internal::Point>& anchors) {
  std::vector<double> source_prefix(source.size() + 1, 0.0), target_prefix(target.size() + 1, 0.0);
  for (std::size_t i = 0; i < source.size(); ++i) {
    source_prefix[i + 1] = source_prefix[i] + source.char_length[i];
  }
  for (std::size_t j = 0; j < target.size(); ++j) {
    target_prefix[j + 1] = target_prefix[j] + target.char_length[j];
  }
  std::vector<double> ratios;
  for (std::size_t k = 0; k + 1 < anchors.size(); ++k) {
    const internal::Point& a = anchors[k];
    const internal::Point& b = anchors[k + 1];
    double l1 = source_prefix[b.i] - source_prefix[a.i];
    double l2 = target_prefix[b.j] - target_prefix[a.j];
    if (l1 > 0.0 && l2 > 0.0) ratios.push_back(l2 / l1);
  }
  if (ratios.size() >= 5) {
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    return std::clamp(ratios[ratios.size() / 2], 0.3, 3.0);
  }
  // Translations rarely differ in length by more than a quarter.
  return std::clamp(TotalLength(target) / std::max(1.0, TotalLength(source)), 0.8, 1.25);
}

// The Gale-Church ratio c, measured on the confident beads of the first pass (kept when there
// are too few). The variance stays at its default: measured on a document it comes out small
// (2-3 per character), and the sharper length term then outweighs the lexical evidence.
void EstimateLengthRatio(const SideFeatures& source, const SideFeatures& target,
                         const std::vector<Bead>& beads, CostParams& params) {
  double l1 = 0.0, l2 = 0.0;
  std::size_t count = 0;
  for (const Bead& bead : beads) {
    if (!bead.matched() || bead.score < 0.9) continue;
    for (std::size_t k = 0; k < bead.source_count; ++k) l1 += source.char_length[bead.source_begin + k];
    for (std::size_t k = 0; k < bead.target_count; ++k) l2 += target.char_length[bead.target_begin + k];
    ++count;
  }
  if (count >= 20 && l1 > 0.0) params.length_ratio = std::clamp(l2 / l1, 0.3, 3.0);
}

// The share of a sentence's content-word weight linked to the other side of its bead from
// which it is not split off the bead as unmatched (SplitUnmatchedEdges). Measured: at 0 (any
// shared key vetoes) the seed articles keep their glued headings; at 0.3 Text+Berg dev and the
// TransRead novels lose 0.004 strict F1; at 0.15 both are within 0.003 of no split at all.
constexpr double kExplainedShare = 0.15;

// Whether the keys link at least kExplainedShare of the content-word weight of sentence
// `sentence` of one side (the source when `source_side`) to sentences [begin, begin + count) of
// the other: the aligner's veto on splitting it off its bead (internal::SharesKey).
bool Explained(const SideFeatures& source, const SideFeatures& target, bool source_side,
               std::size_t sentence, std::size_t begin, std::size_t count) {
  const SideFeatures& side = source_side ? source : target;
  std::uint64_t covered = 0;
  for (std::size_t k = begin; k < begin + count; ++k) {
    std::uint64_t source_mask, target_mask;
    if (source_side) {
      internal::PairMasks(source, sentence, target, k, &source_mask, &target_mask);
    } else {
      internal::PairMasks(source, k, target, sentence, &source_mask, &target_mask);
    }
    covered |= source_side ? source_mask : target_mask;
  }
  const double total = side.total_weight[sentence];
  return total > 0.0 &&
         internal::MaskedWeight(side.Weights(sentence), covered) >= kExplainedShare * total;
}

// Bands smaller than this are searched whole.
constexpr std::size_t kSplitCells = 100'000;

// The best path in `band`, as two halves searched (on two threads when `parallel`) and joined at
// `middle` (a cell the path all but surely passes through, reached by a matched bead) when the
// band is large; the whole band otherwise. The halves do not depend on `parallel`.
std::vector<Bead> SplitBestPath(CostModel& model, const Band& band,
                                std::optional<internal::Point> middle, bool parallel) {
  if (!middle || band.cells() < kSplitCells || !band.Contains(middle->i, middle->j)) {
    return internal::BestPath(model, band);
  }
  CostModel second = model;  // a model caches masks: one per thread
  std::vector<Bead> path, tail;
  RunBoth(
      parallel, [&] { path = internal::BestPathBetween(model, band, {0, 0}, *middle); },
      [&] { tail = internal::BestPathBetween(second, band, *middle, {band.rows, band.columns}); });
  if (path.empty() || tail.empty()) return internal::BestPath(model, band);
  path.insert(path.end(), tail.begin(), tail.end());
  return path;
}

// A cell near the middle row after the second of three hapax anchors on one diagonal (three
// consecutive sentence pairs that each share a word found nowhere else).
std::optional<internal::Point> MiddleOfAnchors(const std::vector<internal::Point>& anchors,
                                               std::size_t rows) {
  auto distance = [&](const internal::Point& p) {
    return p.i > rows / 2 ? p.i - rows / 2 : rows / 2 - p.i;
  };
  std::optional<internal::Point> best;
  for (std::size_t k = 1; k + 1 < anchors.size(); ++k) {
    const internal::Point& a = anchors[k - 1];
    const internal::Point& b = anchors[k];
    const internal::Point& c = anchors[k + 1];
    if (b.i != a.i + 1 || b.j != a.j + 1 || c.i != b.i + 1 || c.j != b.j + 1) continue;
    internal::Point cell{b.i + 1, b.j + 1};
    if (!best || distance(cell) < distance(*best)) best = cell;
  }
  return best;
}

// The cell after the surest 1-1 bead of `path` among the middle fifth of its rows, judged by
// the least posterior of the bead and its two neighbours (all 1-1), if that is at least 0.5.
std::optional<internal::Point> MiddleOfPath(const std::vector<Bead>& path, std::size_t rows) {
  std::optional<internal::Point> best;
  double best_score = 0.5;
  for (std::size_t k = 1; k + 1 < path.size(); ++k) {
    const std::size_t row = path[k].source_begin;
    if (row < rows * 2 / 5 || row > rows * 3 / 5) continue;
    double score = 1.0;
    for (std::size_t n = k - 1; n <= k + 1; ++n) {
      if (path[n].source_count != 1 || path[n].target_count != 1) score = 0.0;
      score = std::min(score, path[n].score);
    }
    if (score >= best_score) {
      best_score = score;
      best = internal::Point{path[k].source_begin + 1, path[k].target_begin + 1};
    }
  }
  return best;
}

// The best path in `band`, widened where the path runs along its edge; after a widening only
// the stretches around the touches are searched again.
std::vector<Bead> SearchWithWidening(CostModel& model, Band& band, std::size_t extra,
                                     std::optional<internal::Point> middle, bool parallel,
                                     StageTrace& trace) {
  model.PrepareBand(band, parallel);
  std::vector<Bead> path = SplitBestPath(model, band, middle, parallel);
  trace("best path", band.cells());
  for (int round = 0; round < 4; ++round) {
    Band widened;
    std::vector<std::size_t> touched;
    if (!internal::WidenWhereTouched(band, path, extra, &widened, &touched)) break;
    band = std::move(widened);
    path = internal::ResearchAround(model, band, path, touched, 2 * extra);
    trace("widened path", touched.size());
    extra *= 2;
  }
  return path;
}

void Score(CostModel& model, const Band& search_band, std::vector<Bead>& path,
           double temperature, std::size_t width, bool parallel, StageTrace& trace) {
  Band band = search_band.rows * 1ull * search_band.columns <= kFullSearchCells
                  ? search_band
                  : internal::PathBand(path, search_band.rows, search_band.columns, width);
  model.PrepareBand(band, parallel);
  std::vector<double> posteriors = internal::PathPosteriors(model, band, path, temperature, parallel);
  for (std::size_t k = 0; k < path.size(); ++k) path[k].score = posteriors[k];
  trace("posteriors", band.cells());
}

// A long document's first pass scores only windows of its path: its posteriors pick the beads
// the lexicon learns from (LearntLinkOptions::max_pairs at most), the length ratio and the middle
// of the second search, and a sample of twice max_pairs beads serves all three. An odd number of
// windows puts one at the middle of the document (MiddleOfPath).
constexpr std::size_t kSampleWindows = 255;
// Beads before and after a window over which its sums run: the sums of a stretch assume that the
// path passes through its ends, which bends the posteriors of the beads near them.
constexpr std::size_t kContextBeads = 50;

// Score() for the first pass of a long document: the posteriors of `sample` beads in windows
// spread evenly along the path, 0 for the others; the whole path when the windows and their
// context would cover more than a third of it.
void ScoreSample(CostModel& model, const Band& search_band, std::vector<Bead>& path,
                 double temperature, std::size_t width, std::size_t sample, bool parallel,
                 StageTrace& trace) {
  const std::size_t covered = sample + 2 * kContextBeads * kSampleWindows;
  if (search_band.rows * 1ull * search_band.columns <= kFullSearchCells ||
      path.size() < 3 * covered) {
    Score(model, search_band, path, temperature, width, parallel, trace);
    return;
  }
  Band band = internal::PathBand(path, search_band.rows, search_band.columns, width);
  const std::size_t length = sample / kSampleWindows;
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  for (std::size_t k = 0; k < kSampleWindows; ++k) {
    const std::size_t centre = (2 * k + 1) * path.size() / (2 * kSampleWindows);
    windows.push_back({centre - length / 2, centre - length / 2 + length});
  }
  std::vector<double> posteriors =
      internal::SampledPathPosteriors(model, band, path, temperature, windows, kContextBeads,
                                      parallel);
  for (std::size_t k = 0; k < path.size(); ++k) path[k].score = posteriors[k];
  trace("posteriors", covered);
}

}  // namespace

text::Result<Alignment> Align(const text::Document& source, const text::Document& target,
                              const AlignOptions& options) {
  std::vector<std::string_view> source_texts, target_texts;
  source_texts.reserve(source.sentences.size());
  for (const text::Sentence& s : source.sentences) source_texts.push_back(s.text);
  target_texts.reserve(target.sentences.size());
  for (const text::Sentence& s : target.sentences) target_texts.push_back(s.text);
  return AlignTexts(source_texts, target_texts, options);
}

text::Result<Alignment> AlignTexts(const std::vector<std::string_view>& source_texts,
                                   const std::vector<std::string_view>& target_texts,
                                   const AlignOptions& options) {
  const std::size_t rows = source_texts.size(), columns = target_texts.size();
  Alignment alignment;
  if (rows == 0 || columns == 0) {
    for (std::size_t i = 0; i < rows; ++i) alignment.beads.push_back({i, 1, 0, 0, 1.0});
    for (std::size_t j = 0; j < columns; ++j) alignment.beads.push_back({0, 0, j, 1, 1.0});
    return alignment;
  }
  const internal::Tuning& tuning = internal::GetTuning();
  StageTrace trace(options.trace);

  const bool parallel = internal::UseTwoThreads(options.threads);
  SideFeatures source, target;
  RunBoth(
      parallel && rows + columns > kParallelSentences,
      [&] {
        source = internal::ExtractFeatures(source_texts, options.source_lang, options.target_lang);
      },
      [&] {
        target = internal::ExtractFeatures(target_texts, options.target_lang, options.source_lang);
      });
  internal::TypeKeys type_keys =
      internal::InternKeys(options.dictionary, tuning.lexicon, source, target);
  internal::AssignKeys(type_keys, source, target, parallel);
  trace("features", source.keys.size() + target.keys.size());

  CostParams params = tuning.cost;
  const bool full = rows * columns <= kFullSearchCells;
  // A whole-matrix search takes only the length ratio from the anchors, measured as tuned
  // between hapax anchors; a band needs anchors all along the document.
  const std::vector<internal::Point> anchors =
      internal::HapaxAnchors(source, target, /*windows=*/!full);
  params.length_ratio = FirstLengthRatio(source, target, anchors);
  params.baseline_source = params.baseline_target = RandomPairSimilarity(source, target);

  Band band = full ? internal::FullBand(rows, columns)
                   : internal::AnchorBand(anchors, rows, columns, tuning.anchor_width, 400);
  trace("anchors", anchors.size());
  std::vector<Bead> path;
  {
    CostModel model(source, target, params);
    path = SearchWithWidening(model, band, tuning.anchor_width,
                              MiddleOfAnchors(anchors, rows), parallel, trace);
    // With a second pass, these posteriors only pick the beads the lexicon learns from.
    if (options.second_pass) {
      ScoreSample(model, band, path, tuning.temperature, tuning.selection_width,
                  2 * tuning.links.max_pairs, parallel, trace);
    } else {
      Score(model, band, path, tuning.temperature, tuning.posterior_width, parallel, trace);
    }
  }

  if (options.second_pass) {
    std::vector<std::vector<std::uint32_t>> links =
        internal::LearnLinks(source, target, path, tuning.confident, tuning.links, parallel);
    trace("learnt links", links.size());
    if (!links.empty()) {
      internal::AssignKeys(std::move(type_keys), links, source, target, parallel);
      EstimateLengthRatio(source, target, path, params);
      params.baseline_source = params.baseline_target = RandomPairSimilarity(source, target);
      if (!full) band = internal::PathBand(path, rows, columns, tuning.refine_width);
      CostModel model(source, target, params);
      path = SearchWithWidening(model, band, tuning.refine_width, MiddleOfPath(path, rows),
                                parallel, trace);
      Score(model, band, path, tuning.temperature, tuning.posterior_width, parallel, trace);
    }
  }
  // Every command gets the same beads: the split belongs to the alignment, not to its readers.
  auto shares_key = [&](bool source_side, std::size_t sentence, std::size_t begin,
                        std::size_t count) {
    return Explained(source, target, source_side, sentence, begin, count);
  };
  std::size_t splits = internal::SplitUnmatchedEdges(
      source_texts, options.source_lang, target_texts, options.target_lang, shares_key, &path);
  trace("split edges", splits);
  alignment.beads = std::move(path);
  return alignment;
}

std::vector<text::SentencePair> ToSentencePairs(const text::Document& source,
                                                const text::Document& target,
                                                const Alignment& alignment, double min_score,
                                                bool include_unmatched) {
  std::vector<text::SentencePair> pairs;
  auto join = [](const text::Document& document, std::size_t begin, std::size_t count) {
    std::string joined;
    for (std::size_t k = begin; k < begin + count; ++k) {
      if (!joined.empty()) joined += ' ';
      joined += document.sentences[k].text;
    }
    return joined;
  };
  for (const Bead& bead : alignment.beads) {
    if (!bead.matched() && !include_unmatched) continue;
    if (bead.matched() && bead.score < min_score) continue;
    text::SentencePair pair;
    pair.source = join(source, bead.source_begin, bead.source_count);
    pair.target = join(target, bead.target_begin, bead.target_count);
    pair.score = bead.score;
    pair.source_count = static_cast<int>(bead.source_count);
    pair.target_count = static_cast<int>(bead.target_count);
    pair.source_index = bead.source_begin;
    pair.target_index = bead.target_begin;
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace termalign::align
