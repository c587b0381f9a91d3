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

// What a scan leaves of a picture ("r \\", "h * \"") is noise; a line of punctuation alone is a
// piece of a sentence, and a Roman numeral or a short word a heading.
BOOST_AUTO_TEST_CASE(scanning_fragments_are_noise) {
  const std::vector<std::string_view> lines = {"r \\", "h * \"", "f r", "IV", "...", "Oh !",
                                               "A house."};
  internal::SideFeatures side = internal::ExtractFeatures(lines, "en");
  BOOST_TEST(side.noise[0] == internal::SideFeatures::kFragmentLine);
  BOOST_TEST(side.noise[1] == internal::SideFeatures::kFragmentLine);
  BOOST_TEST(side.noise[2] == internal::SideFeatures::kFragmentLine);
  for (std::size_t k = 3; k < lines.size(); ++k) BOOST_TEST(side.noise[k] == 0, lines[k]);
}

// Lines with the same words in the same order share their wording, whatever their case and
// punctuation; other lines do not.
BOOST_AUTO_TEST_CASE(repeated_lines_share_their_wording) {
  const std::vector<std::string_view> lines = {"Row, Maria, row away!", "Row Maria row away",
                                               "Maria, row away!", "...", "Row, row away."};
  internal::SideFeatures side = internal::ExtractFeatures(lines, "en");
  BOOST_TEST(side.wording[0] != 0u);
  BOOST_TEST(side.wording[0] == side.wording[1]);
  BOOST_TEST(side.wording[0] != side.wording[2]);
  BOOST_TEST(side.wording[3] == 0u);
  BOOST_TEST(side.wording[0] != side.wording[4]);
}

// A French line in an English text is foreign when the French side is the other one; a line
// with too few function words to tell, or mostly English ones, is not.
BOOST_AUTO_TEST_CASE(sentences_in_the_other_language_are_foreign) {
  const std::vector<std::string_view> lines = {
      "Nous avons laissé la voiture au barrage avec les enfants et le chien.",
      "We left the car at the dam with the children and the dog.",
      "Mattmark, Saas, Macugnaga.",
      "The café de la Poste is open from June to the end of September."};
  internal::SideFeatures side = internal::ExtractFeatures(lines, "en", "fr");
  BOOST_TEST(side.foreign[0] == 1);
  BOOST_TEST(side.foreign[1] == 0);
  BOOST_TEST(side.foreign[2] == 0);
  BOOST_TEST(side.foreign[3] == 0);
  internal::SideFeatures alone = internal::ExtractFeatures(lines, "en");
  BOOST_TEST(alone.foreign[0] == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
