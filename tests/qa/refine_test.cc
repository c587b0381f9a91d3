// Splitting unmatched headings and added lines out of merged beads.
#include <boost/test/unit_test.hpp>

#include "align/beads.h"
#include "qa/refine.h"
#include "qa_test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(qa_refine)

BOOST_AUTO_TEST_CASE(an_untranslated_heading_is_split_off_as_an_omission) {
  text::Document source = MakeDocument(
      "s", "en",
      {"Tram contracts with Alstom, Siemens, Stadler",
       "The Regional Transport Authority bought 40 trams in Cedarport last year."});
  text::Document target = MakeDocument(
      "t", "fr",
      {"L’Autorité régionale des transports a acheté 40 rames à Cedarport l’an dernier."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 2, 0, 1)};
  BOOST_TEST(qa::SplitUnmatchedEdges(source, target, &alignment) == 1u);
  BOOST_TEST(align::FormatBeads(alignment.beads) == "[0]:[]\n[1]:[0]\n");
  BOOST_TEST(alignment.beads[1].score == 0.9);
  BOOST_TEST(align::CheckCoverage(alignment.beads, 2, 1).ok());
}

BOOST_AUTO_TEST_CASE(an_added_advert_line_is_split_off_as_an_addition) {
  text::Document source =
      MakeDocument("s", "en", {"Microsoft has acknowledged that it sold services to Israel."});
  text::Document target = MakeDocument(
      "t", "fr",
      {"Protégez votre famille avec les appareils Quantiques Orgo-Life Publicité par Adpathway",
       "Microsoft a reconnu avoir vendu des services à Israël."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 1, 0, 2)};
  BOOST_TEST(qa::SplitUnmatchedEdges(source, target, &alignment) == 1u);
  BOOST_TEST(align::FormatBeads(alignment.beads) == "[]:[0]\n[0]:[1]\n");
}

BOOST_AUTO_TEST_CASE(a_real_two_to_one_bead_is_kept) {
  // "Microsoft added:" has no anchor past its first word; the 2-1 bead is right.
  text::Document source = MakeDocument(
      "s", "en", {"Microsoft added:", "We believe Microsoft followed its principles in Gaza."});
  text::Document target = MakeDocument(
      "t", "fr", {"Microsoft a ajouté : nous pensons que Microsoft a suivi ses principes à Gaza."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 2, 0, 1)};
  BOOST_TEST(qa::SplitUnmatchedEdges(source, target, &alignment) == 0u);
  BOOST_TEST(alignment.beads.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_heading_with_cognate_anchors_is_kept) {
  text::Document source = MakeDocument(
      "s", "en", {"Israeli contracts with Microsoft, Amazon", "Other details were given."});
  text::Document target =
      MakeDocument("t", "fr", {"Les contrats israéliens avec Amazon.", "D’autres détails."});
  align::Alignment alignment;
  alignment.beads = {MakeBead(0, 2, 0, 2)};
  BOOST_TEST(qa::SplitUnmatchedEdges(source, target, &alignment) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
