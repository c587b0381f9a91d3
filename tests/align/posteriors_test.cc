#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "band.h"
#include "cost_model.h"
#include "lexicon.h"
#include "search.h"
#include "sentence_features.h"

namespace termalign::testing {

namespace internal = align::internal;

namespace {

// A pair of texts with the same invented words on both sides (so that they share keys), one
// source sentence in twenty split in two on the target side.
struct Pair {
  std::vector<std::string> source, target;
};

Pair MakePair(std::size_t sentences, unsigned seed) {
  std::mt19937 random(seed);
  const std::string letters = "bcdfglmnprstvz", vowels = "aeiou";
  std::vector<std::string> vocabulary;
  for (int w = 0; w < 2000; ++w) {
    std::string word;
    for (int k = 2 + static_cast<int>(random() % 3); k > 0; --k) {
      word += letters[random() % letters.size()];
      word += vowels[random() % vowels.size()];
    }
    vocabulary.push_back(word);
  }
  Pair pair;
  for (std::size_t s = 0; s < sentences; ++s) {
    std::vector<std::string> words;
    for (int k = 6 + static_cast<int>(random() % 8); k > 0; --k) {
      words.push_back(vocabulary[random() % vocabulary.size()]);
    }
    auto join = [&](std::size_t from, std::size_t to) {
      std::string text;
      for (std::size_t k = from; k < to; ++k) text += (text.empty() ? "" : " ") + words[k];
      return text + ".";
    };
    pair.source.push_back(join(0, words.size()));
    if (s % 20 == 7) {
      pair.target.push_back(join(0, words.size() / 2));
      pair.target.push_back(join(words.size() / 2, words.size()));
    } else {
      pair.target.push_back(join(0, words.size()));
    }
  }
  return pair;
}

std::vector<std::string_view> Views(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(posteriors)

// Posteriors taken over windows of the path (each with the beads around it) agree with those
// over the whole band inside the windows and are 0 outside; one window over the whole path with
// no context gives exactly the whole band's.
BOOST_AUTO_TEST_CASE(sampled_posteriors_agree_with_the_whole_band_in_their_windows) {
  const Pair pair = MakePair(400, 5);
  internal::SideFeatures source = internal::ExtractFeatures(Views(pair.source), "en");
  internal::SideFeatures target = internal::ExtractFeatures(Views(pair.target), "en");
  internal::AssignKeys(nullptr, nullptr, internal::LexiconOptions{}, source, target);
  internal::CostParams params;
  internal::CostModel model(source, target, params);
  const internal::Band search = internal::FullBand(source.size(), target.size());
  const std::vector<align::Bead> path = internal::BestPath(model, search);
  BOOST_REQUIRE(path.size() > 300);
  const internal::Band band =
      internal::PathBand(path, source.size(), target.size(), /*width=*/2);
  const std::vector<double> whole = internal::PathPosteriors(model, band, path, 0.3);

  const std::vector<std::pair<std::size_t, std::size_t>> windows = {{40, 90}, {200, 260}};
  const std::vector<double> sampled =
      internal::SampledPathPosteriors(model, band, path, 0.3, windows, /*context=*/30);
  BOOST_REQUIRE_EQUAL(sampled.size(), path.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    const bool inside = (k >= 40 && k < 90) || (k >= 200 && k < 260);
    if (inside) {
      BOOST_TEST(std::abs(sampled[k] - whole[k]) < 0.01, "bead " << k << ": " << sampled[k]
                                                                  << " against " << whole[k]);
    } else {
      BOOST_TEST(sampled[k] == 0.0, "bead " << k);
    }
  }

  const std::vector<double> one = internal::SampledPathPosteriors(
      model, band, path, 0.3, {{0, path.size()}}, /*context=*/0);
  BOOST_TEST(one == whole);
}

// A model whose masks and bead costs come from a table of the band (PrepareBand, filled on two
// threads, then read and extended by the search and both sums) costs every bead exactly as a
// model computing them row by row: the same costs (again when read back from the table), the
// same best path and the same posteriors, also in a band the table only partly covers.
BOOST_AUTO_TEST_CASE(band_tables_change_no_cost) {
  const Pair pair = MakePair(1000, 11);
  internal::SideFeatures source = internal::ExtractFeatures(Views(pair.source), "en");
  internal::SideFeatures target = internal::ExtractFeatures(Views(pair.target), "en");
  internal::AssignKeys(nullptr, nullptr, internal::LexiconOptions{}, source, target);
  internal::CostParams params;
  internal::CostModel plain(source, target, params);
  const internal::Band full = internal::FullBand(source.size(), target.size());
  const std::vector<align::Bead> first = internal::BestPath(plain, full);
  const internal::Band search = internal::PathBand(first, source.size(), target.size(), 8);
  BOOST_REQUIRE(search.cells() > 10'000);  // large enough for the sums to take two threads

  internal::CostModel tabled(source, target, params);
  tabled.PrepareBand(search, /*parallel=*/true);
  const std::vector<align::Bead> path = internal::BestPath(tabled, search);
  const std::vector<align::Bead> plain_path = internal::BestPath(plain, search);
  BOOST_REQUIRE_EQUAL(path.size(), plain_path.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    BOOST_TEST((path[k].source_begin == plain_path[k].source_begin &&
                path[k].target_begin == plain_path[k].target_begin &&
                path[k].source_count == plain_path[k].source_count &&
                path[k].target_count == plain_path[k].target_count),
               "bead " << k);
  }
  const internal::Band narrow = internal::PathBand(path, source.size(), target.size(), 2);
  tabled.PrepareBand(narrow, /*parallel=*/true);  // inside the table: kept as it is
  BOOST_TEST(internal::PathPosteriors(tabled, narrow, path, 0.3, /*parallel=*/true) ==
             internal::PathPosteriors(plain, narrow, path, 0.3, /*parallel=*/true));

  // A wider band than the table's: rows it covers are copied, with their costs, others made.
  const internal::Band wide = internal::PathBand(path, source.size(), target.size(), 12);
  tabled.PrepareBand(wide, /*parallel=*/false);
  tabled.SetBand(wide);
  plain.SetBand(wide);
  int compared = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    for (std::size_t s = i; s < std::min(source.size(), i + internal::kMaxBeadSide); ++s) {
      tabled.Prepare(s);
      plain.Prepare(s);
    }
    for (std::size_t j = wide.lo[i]; j <= wide.hi[i]; ++j) {
      for (const internal::BeadType& type : internal::kMatchTypes) {
        const std::size_t end_i = i + type.n, end_j = j + type.m;
        if (!wide.Contains(end_i, end_j)) continue;
        const double cost = plain.Match(i, type.n, j, type.m);
        BOOST_TEST(tabled.Match(i, type.n, j, type.m) == cost);
        BOOST_TEST(tabled.Match(i, type.n, j, type.m) == cost);  // read back from the table
        ++compared;
      }
    }
  }
  BOOST_TEST(compared > 100'000);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
