#include "sentence_features.h"

#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace termalign::testing {

namespace internal = align::internal;

BOOST_AUTO_TEST_SUITE(sentence_features)

// Noise lines are the ones a page layout adds (page numbers, "Page 12"): a line of one ordinary
// word, or of a word written with digits ("word12", "K4"), is text and must still anchor.
BOOST_AUTO_TEST_CASE(only_number_lines_are_noise) {
  const std::vector<std::string_view> lines = {"141", "- 7 -", "Page 12", "word12",
                                               "glacier", "K4", "The river rose in 1871."};
  internal::SideFeatures side = internal::ExtractFeatures(lines, "en");
  BOOST_REQUIRE_EQUAL(side.noise.size(), lines.size());
  BOOST_TEST(side.noise[0] == internal::SideFeatures::kNumberLine);
  BOOST_TEST(side.noise[1] == internal::SideFeatures::kNumberLine);
  BOOST_TEST(side.noise[2] == internal::SideFeatures::kNumberedWordLine);
  BOOST_TEST(side.noise[3] == 0);
  BOOST_TEST(side.noise[4] == 0);
  BOOST_TEST(side.noise[5] == 0);
  BOOST_TEST(side.noise[6] == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
