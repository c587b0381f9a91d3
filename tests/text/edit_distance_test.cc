// Levenshtein distance over bytes.
#include "text/edit_distance.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <random>
#include <string>

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(edit_distance)

BOOST_AUTO_TEST_CASE(known_distances) {
  BOOST_TEST(text::EditDistance("", "") == 0u);
  BOOST_TEST(text::EditDistance("", "abc") == 3u);
  BOOST_TEST(text::EditDistance("abc", "") == 3u);
  BOOST_TEST(text::EditDistance("segment", "segment") == 0u);
  BOOST_TEST(text::EditDistance("segmnet", "segment") == 2u);  // a swap is two edits
  BOOST_TEST(text::EditDistance("kitten", "sitting") == 3u);
  BOOST_TEST(text::EditDistance("glosary", "glossary") == 1u);
  BOOST_TEST(text::EditDistance("lookup", "look") == 2u);
  // Bytes, not characters: "é" is two bytes.
  BOOST_TEST(text::EditDistance("e", "\xC3\xA9") == 2u);
}

// Properties on random strings over a small alphabet: symmetry, identity, the length bounds
// and the triangle inequality.
BOOST_DATA_TEST_CASE(metric_properties, boost::unit_test::data::xrange(50), seed) {
  std::mt19937 random(static_cast<unsigned>(seed));
  auto make = [&random] {
    std::string s(random() % 9, 'a');
    for (char& c : s) c = static_cast<char>('a' + random() % 3);
    return s;
  };
  const std::string a = make(), b = make(), c = make();
  BOOST_TEST_INFO("seed " << seed << ": " << a << " / " << b << " / " << c);
  const std::size_t ab = text::EditDistance(a, b);
  BOOST_TEST(ab == text::EditDistance(b, a));
  BOOST_TEST(text::EditDistance(a, a) == 0u);
  BOOST_TEST(ab >= (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()));
  BOOST_TEST(ab <= std::max(a.size(), b.size()));
  BOOST_TEST(ab <= text::EditDistance(a, c) + text::EditDistance(c, b));
  BOOST_TEST((ab == 0) == (a == b));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
