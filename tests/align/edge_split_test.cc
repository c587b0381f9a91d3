#include "edge_split.h"

#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "align/beads.h"

namespace termalign::testing {

namespace internal = align::internal;

BOOST_AUTO_TEST_SUITE(edge_split)

// Splits the beads of `source` and `target` (English and French) and returns how many splits.
std::size_t Split(const std::vector<std::string_view>& source,
                  const std::vector<std::string_view>& target, std::vector<align::Bead>& beads) {
  return internal::SplitUnmatchedEdges(source, "en", target, "fr", nullptr, &beads);
}

BOOST_AUTO_TEST_CASE(an_untranslated_heading_is_split_off_as_an_omission) {
  std::vector<std::string_view> source = {
      "Tram contracts with Alstom, Siemens, Stadler",
      "The Regional Transport Authority bought 40 trams in Cedarport last year."};
  std::vector<std::string_view> target = {
      "L’Autorité régionale des transports a acheté 40 rames à Cedarport l’an dernier."};
  std::vector<align::Bead> beads = {{0, 2, 0, 1, 0.9}};
  BOOST_TEST(Split(source, target, beads) == 1u);
  BOOST_TEST(align::FormatBeads(beads) == "[0]:[]\n[1]:[0]\n");
  BOOST_TEST(beads[1].score == 0.9);
  BOOST_TEST(align::CheckCoverage(beads, 2, 1).ok());
}

BOOST_AUTO_TEST_CASE(the_aligners_keys_veto_a_split) {
  // The same heading, when the aligner's own keys (a dictionary, learnt links) explain it.
  std::vector<std::string_view> source = {
      "Tram contracts with Alstom, Siemens, Stadler",
      "The Regional Transport Authority bought 40 trams in Cedarport last year."};
  std::vector<std::string_view> target = {
      "L’Autorité régionale des transports a acheté 40 rames à Cedarport l’an dernier."};
  std::vector<align::Bead> beads = {{0, 2, 0, 1, 0.9}};
  std::vector<std::size_t> asked;
  auto explained = [&](bool source_side, std::size_t sentence, std::size_t begin,
                       std::size_t count) {
    BOOST_TEST(source_side);
    BOOST_TEST(begin == 0u);
    BOOST_TEST(count == 1u);
    asked.push_back(sentence);
    return true;
  };
  BOOST_TEST(internal::SplitUnmatchedEdges(source, "en", target, "fr", explained, &beads) == 0u);
  BOOST_TEST(align::FormatBeads(beads) == "[0, 1]:[0]\n");
  // Both edges have two anchors the French does not share: each is put to the veto.
  const std::vector<std::size_t> both = {0, 1};
  BOOST_TEST(asked == both, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_added_advert_line_is_split_off_as_an_addition) {
  std::vector<std::string_view> source = {
      "Microsoft has acknowledged that it sold services to Israel."};
  std::vector<std::string_view> target = {
      "Protégez votre famille avec les appareils Quantiques Orgo-Life Publicité par Adpathway",
      "Microsoft a reconnu avoir vendu des services à Israël."};
  std::vector<align::Bead> beads = {{0, 1, 0, 2, 0.9}};
  BOOST_TEST(Split(source, target, beads) == 1u);
  BOOST_TEST(align::FormatBeads(beads) == "[]:[0]\n[0]:[1]\n");
}

BOOST_AUTO_TEST_CASE(a_trailing_line_is_split_off_after_the_bead) {
  std::vector<std::string_view> source = {"The river flooded Rivington in 1871.",
                                          "Photos Marchetti and Oyelaran, archive 2019"};
  std::vector<std::string_view> target = {"Le fleuve a débordé à Rivington en 1871."};
  std::vector<align::Bead> beads = {{0, 2, 0, 1, 0.8}};
  BOOST_TEST(Split(source, target, beads) == 1u);
  BOOST_TEST(align::FormatBeads(beads) == "[0]:[0]\n[1]:[]\n");
  BOOST_TEST(align::CheckCoverage(beads, 2, 1).ok());
}

BOOST_AUTO_TEST_CASE(a_real_two_to_one_bead_is_kept) {
  // "Microsoft added:" has no anchor past its first word; the 2-1 bead is right.
  std::vector<std::string_view> source = {
      "Microsoft added:", "We believe Microsoft followed its principles in Gaza."};
  std::vector<std::string_view> target = {
      "Microsoft a ajouté : nous pensons que Microsoft a suivi ses principes à Gaza."};
  std::vector<align::Bead> beads = {{0, 2, 0, 1, 0.9}};
  BOOST_TEST(Split(source, target, beads) == 0u);
  BOOST_TEST(beads.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_heading_with_cognate_anchors_is_kept) {
  std::vector<std::string_view> source = {"Israeli contracts with Microsoft, Amazon",
                                          "Other details were given."};
  std::vector<std::string_view> target = {"Les contrats israéliens avec Amazon.",
                                          "D’autres détails."};
  std::vector<align::Bead> beads = {{0, 2, 0, 2, 0.9}};
  BOOST_TEST(Split(source, target, beads) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
