// Word alignment (text/word_align.h) on synthetic corpora whose true links are known.
#include "text/word_align.h"

#include <algorithm>
#include <ostream>
#include <random>
#include <set>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace termalign::text {

// For Boost.Test's messages.
std::ostream& operator<<(std::ostream& out, const AlignmentPoint& point) {
  return out << point.source << "-" << point.target;
}

namespace {

// A synthetic corpus: target word id = source word id + kOffset, with the gold links.
constexpr std::uint32_t kOffset = 1000;

struct Synthetic {
  std::vector<TokenIdPair> corpus;
  std::vector<std::set<AlignmentPoint>> gold;
};

// `pairs` sentence pairs of 4-12 words from a vocabulary of `vocabulary` words (Zipf-like
// frequencies). Each adjacent source pair is swapped on the target side with probability
// `swap` ("cloud storage" / "stockage cloud"); `shuffle` reorders whole target sentences.
Synthetic MakeCorpus(unsigned seed, int pairs, std::uint32_t vocabulary, double swap,
                     bool shuffle) {
  BOOST_TEST_MESSAGE("synthetic corpus seed " << seed);
  std::mt19937 random(seed);
  std::vector<double> weights(vocabulary);
  for (std::uint32_t w = 0; w < vocabulary; ++w) weights[w] = 1.0 / (w + 1);
  std::discrete_distribution<std::uint32_t> word(weights.begin(), weights.end());
  std::uniform_int_distribution<int> length(4, 12);
  std::bernoulli_distribution swapped(swap);
  Synthetic s;
  for (int p = 0; p < pairs; ++p) {
    TokenIdPair pair;
    const int n = length(random);
    for (int i = 0; i < n; ++i) pair.source.push_back(word(random));
    std::vector<std::uint16_t> order(n);
    for (int i = 0; i < n; ++i) order[i] = static_cast<std::uint16_t>(i);
    if (shuffle) {
      std::shuffle(order.begin(), order.end(), random);
    } else {
      for (int i = 0; i + 1 < n; ++i) {
        if (swapped(random)) std::swap(order[i], order[i + 1]), ++i;
      }
    }
    std::set<AlignmentPoint> gold;
    for (int j = 0; j < n; ++j) {
      pair.target.push_back(pair.source[order[j]] + kOffset);
      gold.insert({order[j], static_cast<std::uint16_t>(j)});
    }
    s.corpus.push_back(std::move(pair));
    s.gold.push_back(std::move(gold));
  }
  return s;
}

// Precision and recall of the alignment against the gold links over the whole corpus.
std::pair<double, double> Accuracy(const WordAlignment& alignment, const Synthetic& s) {
  std::size_t found = 0, right = 0, gold = 0;
  for (std::size_t p = 0; p < s.corpus.size(); ++p) {
    for (const AlignmentPoint& point : alignment.Links(p)) {
      ++found;
      right += s.gold[p].count(point);
    }
    gold += s.gold[p].size();
  }
  return {static_cast<double>(right) / found, static_cast<double>(right) / gold};
}

BOOST_AUTO_TEST_SUITE(word_align)

BOOST_AUTO_TEST_CASE(learns_a_monotone_corpus) {
  const Synthetic s = MakeCorpus(7, 600, 60, 0.0, false);
  const WordAlignment alignment = AlignWords(s.corpus, {});
  BOOST_TEST(alignment.pairs() == s.corpus.size());
  const auto [precision, recall] = Accuracy(alignment, s);
  BOOST_TEST(precision > 0.95);
  BOOST_TEST(recall > 0.95);
}

BOOST_AUTO_TEST_CASE(follows_local_reordering) {
  // Half the adjacent word pairs cross, as an English noun compound and its French rendering.
  const Synthetic s = MakeCorpus(11, 800, 60, 0.5, false);
  const auto [precision, recall] = Accuracy(AlignWords(s.corpus, {}), s);
  BOOST_TEST(precision > 0.9);
  BOOST_TEST(recall > 0.9);
}

BOOST_AUTO_TEST_CASE(cloud_storage_crosses_stockage_cloud) {
  // Ids: 1 cloud, 2 storage, 4 price, 5 rises, 6 is, 7 cheap, 8-11 other words; French 1001
  // cloud, 1002 stockage, and so on. "cloud storage" always crosses; each word is also seen
  // alone.
  std::vector<TokenIdPair> corpus;
  for (int k = 0; k < 6; ++k) {
    corpus.push_back({{8, 9, 1, 2, 4, 5, 10, 11}, {1008, 1009, 1002, 1001, 1004, 1005, 1010, 1011}});
    corpus.push_back({{8, 9, 1, 2, 6, 7, 10, 11}, {1008, 1009, 1002, 1001, 1006, 1007, 1010, 1011}});
    corpus.push_back({{8, 1, 4, 5, 11}, {1008, 1001, 1004, 1005, 1011}});
    corpus.push_back({{9, 6, 7, 2, 10}, {1009, 1006, 1007, 1002, 1010}});
  }
  // "cloud" is spelt alike in both languages: the identity prior pairing gives. The tension
  // stays at its start: learnt on a corpus this monotone it would reach its bound and forbid
  // every crossing (tension_follows_the_corpus_order tests the learning).
  const PriorLink identity[] = {{1, 1001, 2.0}};
  WordAlignOptions options;
  options.learn_tension = false;
  const WordAlignment alignment = AlignWords(corpus, identity, options);
  const std::span<const AlignmentPoint> links = alignment.Links(1);
  const std::vector<AlignmentPoint> expected = {{0, 0}, {1, 1}, {2, 3}, {3, 2},
                                                {4, 4}, {5, 5}, {6, 6}, {7, 7}};
  BOOST_TEST(std::vector<AlignmentPoint>(links.begin(), links.end()) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_prior_decides_a_pair_seen_once) {
  // "... tariff rise ..." / "... hausse du tarif ...": seen once, crossing, among words seen
  // often; the diagonal alone links tariff to hausse, a dictionary prior links it to tarif.
  std::vector<TokenIdPair> corpus = {{{30, 31, 32, 10, 11, 33, 34}, {40, 41, 42, 21, 20, 43, 44}}};
  for (int k = 0; k < 5; ++k) corpus.push_back({{30, 31, 32, 33, 34}, {40, 41, 42, 43, 44}});
  WordAlignOptions options;
  options.learn_tension = false;
  auto tariff_links = [](const WordAlignment& alignment) {
    std::vector<AlignmentPoint> out;
    for (const AlignmentPoint& point : alignment.Links(0)) {
      if (point.source == 3 || point.source == 4) out.push_back(point);
    }
    return out;
  };
  const std::vector<AlignmentPoint> crossed = {{3, 4}, {4, 3}};
  BOOST_TEST((tariff_links(AlignWords(corpus, {}, options)) != crossed));
  const PriorLink prior[] = {{10, 20, 2.0}};
  BOOST_TEST(tariff_links(AlignWords(corpus, prior, options)) == crossed,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tension_follows_the_corpus_order) {
  WordAlignOptions options;
  const WordAlignment monotone = AlignWords(MakeCorpus(3, 400, 40, 0.0, false).corpus, {}, options);
  const WordAlignment shuffled = AlignWords(MakeCorpus(3, 400, 40, 0.0, true).corpus, {}, options);
  BOOST_TEST(monotone.forward_tension() > options.tension);
  BOOST_TEST(monotone.backward_tension() > options.tension);
  BOOST_TEST(shuffled.forward_tension() < options.tension);
  BOOST_TEST(shuffled.backward_tension() < options.tension);
}

BOOST_AUTO_TEST_CASE(empty_sides_have_no_links) {
  std::vector<TokenIdPair> corpus = {{{1, 2}, {}}, {{}, {3}}, {{1}, {1001}}};
  const WordAlignment alignment = AlignWords(corpus, {});
  BOOST_TEST(alignment.Links(0).empty());
  BOOST_TEST(alignment.Links(1).empty());
  BOOST_TEST(alignment.Links(2).size() == 1u);
  BOOST_TEST(alignment.Links(3).empty());  // past the corpus
}

BOOST_AUTO_TEST_CASE(pruning_keeps_the_frequent_translations) {
  // With every rare pair of frequent words pruned, the corpus still aligns.
  const Synthetic s = MakeCorpus(5, 600, 60, 0.2, false);
  WordAlignOptions options;
  options.prune_frequency = 1;
  options.prune_below = 3;
  const auto [precision, recall] = Accuracy(AlignWords(s.corpus, {}, options), s);
  BOOST_TEST(precision > 0.9);
  BOOST_TEST(recall > 0.9);
}

BOOST_AUTO_TEST_CASE(grow_diag_final_and_by_hand) {
  // Source a b c, target x y z. Forward (target -> source): x-a, y-a, z-c.
  // Backward (source -> target): a-x, b-y, c-NULL.
  // Intersection: a-x. Grow-diag adds y-a? a is aligned, y unaligned: yes (neighbour of a-x).
  // b-y is in the union and a diagonal neighbour of a-x; b is unaligned: it joins. c-z, a
  // diagonal neighbour of b-y with c unaligned, joins too.
  const int forward[] = {0, 0, 2};
  const int backward[] = {0, 1, -1};
  const std::vector<AlignmentPoint> got = Symmetrise(3, 3, forward, backward);
  const std::vector<AlignmentPoint> expected = {{0, 0}, {0, 1}, {1, 1}, {2, 2}};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(final_and_takes_forward_links_first_when_directions_disagree) {
  // Forward x-a, y-b; backward a-y, b-x: no agreement, no intersection to grow from; final-and
  // adds the forward links, whose words were all unaligned, and then no backward link fits.
  const int forward[] = {0, 1};
  const int backward[] = {1, 0};
  const std::vector<AlignmentPoint> got = Symmetrise(2, 2, forward, backward);
  const std::vector<AlignmentPoint> expected = {{0, 0}, {1, 1}};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(translation_probabilities_of_the_trained_pairs) {
  const Synthetic s = MakeCorpus(7, 600, 60, 0.0, false);
  const WordAlignment alignment = AlignWords(s.corpus, {});
  // Every gold link of the first pair is a likely translation both ways; a word pair never
  // seen together, or past the vocabularies, has none.
  const TokenIdPair& first = s.corpus[0];
  for (const AlignmentPoint& point : s.gold[0]) {
    BOOST_TEST(alignment.Translation(first.source[point.source], first.target[point.target]) >
               0.5);
  }
  BOOST_TEST(alignment.Translation(first.source[0], 0xFFFFFFF0u) == 0.0);
  BOOST_TEST(alignment.Translation(0xFFFFFFF0u, first.target[0]) == 0.0);
}

// Looking a pair up by its positions in a sentence pair gives what looking it up by its words
// gives, pruned pairs included, and 0 outside the pair.
BOOST_AUTO_TEST_CASE(translation_by_position_equals_translation_by_word) {
  const Synthetic s = MakeCorpus(13, 500, 300, 0.0, true);
  const WordAlignment alignment = AlignWords(s.corpus, {});
  std::size_t cells = 0, trained = 0;
  for (std::size_t p = 0; p < s.corpus.size(); ++p) {
    const TokenIdPair& pair = s.corpus[p];
    for (std::size_t i = 0; i < pair.source.size(); ++i) {
      for (std::size_t j = 0; j < pair.target.size(); ++j) {
        const double by_word = alignment.Translation(pair.source[i], pair.target[j]);
        BOOST_TEST(alignment.Translation(p, i, j) == by_word);
        ++cells;
        trained += by_word > 0.0;
      }
    }
    BOOST_TEST(alignment.Translation(p, pair.source.size(), 0) == 0.0);
    BOOST_TEST(alignment.Translation(p, 0, pair.target.size()) == 0.0);
  }
  BOOST_TEST(trained > cells / 2);
  BOOST_TEST(alignment.Translation(s.corpus.size(), 0, 0) == 0.0);
}

// Every word pair seen together, and no other, has a translation probability: frequent words
// meet hundreds of others, so the table's rows grow and are searched at every length.
BOOST_AUTO_TEST_CASE(every_pair_seen_together_is_in_the_table) {
  const Synthetic s = MakeCorpus(11, 800, 400, 0.0, true);
  WordAlignOptions options;
  options.prune_below = 0;  // nothing pruned: every pair seen together is trained
  const WordAlignment alignment = AlignWords(s.corpus, {}, options);
  std::set<std::pair<std::uint32_t, std::uint32_t>> together;
  for (const TokenIdPair& pair : s.corpus) {
    for (std::uint32_t source : pair.source) {
      for (std::uint32_t target : pair.target) together.insert({source, target});
    }
  }
  std::size_t missing = 0, extra = 0;
  for (std::uint32_t source = 0; source < 400; ++source) {
    for (std::uint32_t target = kOffset; target < kOffset + 400; ++target) {
      const bool seen = together.count({source, target}) > 0;
      const double t = alignment.Translation(source, target);
      missing += seen && t <= 0.0;
      extra += !seen && t != 0.0;
    }
  }
  BOOST_TEST(missing == 0u);
  BOOST_TEST(extra == 0u);
  BOOST_TEST(together.size() > 10000u);  // long rows: the most frequent word meets most others
}

BOOST_AUTO_TEST_CASE(decoding_tension_decides_between_words_seen_once) {
  // Two words seen once side by side, "x y" / "y' x'" in the same order as the frequent words
  // around them: trained without the diagonal, both target words are equally likely for
  // either; decoding with it links them in order.
  std::vector<TokenIdPair> corpus = {{{30, 31, 10, 11, 32}, {40, 41, 20, 21, 42}}};
  for (int k = 0; k < 5; ++k) corpus.push_back({{30, 31, 32}, {40, 41, 42}});
  WordAlignOptions options;
  options.tension = 0.0;
  options.learn_tension = false;
  options.decode_tension = 4.0;
  const WordAlignment alignment = AlignWords(corpus, {}, options);
  const std::span<const AlignmentPoint> links = alignment.Links(0);
  const std::vector<AlignmentPoint> expected = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}};
  BOOST_TEST(std::vector<AlignmentPoint>(links.begin(), links.end()) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(smoothing_lowers_the_pairs_of_a_rare_word) {
  // Word 1000 is seen once, beside 2000 and the synthetic corpus' frequent words: EM gives it
  // most of the probability of the one target word nothing else explains (Moore 2004's
  // "garbage collection"); add-n smoothing spreads it, and the frequent pairs keep theirs.
  Synthetic s = MakeCorpus(7, 600, 60, 0.0, false);
  s.corpus[0].source.push_back(1000);
  s.corpus[0].target.push_back(2000);
  WordAlignOptions options;
  options.tension = 0.0;
  options.learn_tension = false;
  const double plain = AlignWords(s.corpus, {}, options).Translation(1000, 2000);
  options.smoothing = 0.5;
  const WordAlignment smoothed = AlignWords(s.corpus, {}, options);
  BOOST_TEST(plain > 0.5);
  BOOST_TEST(smoothed.Translation(1000, 2000) < plain);
  const AlignmentPoint gold = *s.gold[1].begin();
  BOOST_TEST(smoothed.Translation(s.corpus[1].source[gold.source],
                                  s.corpus[1].target[gold.target]) > 0.5);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::text
