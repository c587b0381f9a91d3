// Linking Arabic candidates to known entities: transliteration, skeletons, regions, ranks.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "glossary/entity_link.h"
#include "text/regions.h"
#include "text/translit.h"

namespace termalign::glossary {
namespace {

Candidate Named(const std::string& text) {
  Candidate candidate;
  candidate.text = text;
  candidate.key = text;
  candidate.content_words = 1;
  candidate.frequency = 1;
  return candidate;
}

BOOST_AUTO_TEST_SUITE(arabic_link)

BOOST_AUTO_TEST_CASE(transliteration_to_latin) {
  BOOST_TEST(text::TransliterateToLatin("برلين") == "brlyn");
  BOOST_TEST(text::TransliterateToLatin("Défense") == "Defense");
  BOOST_TEST(text::TransliterateToLatin("") == "");
}

BOOST_AUTO_TEST_CASE(region_names_in_three_languages) {
  BOOST_TEST(text::RegionCodeForName("ألمانيا", "ar") == "DE");
  BOOST_TEST(text::RegionCodeForName("allemagne", "fr") == "DE");
  BOOST_TEST(text::RegionCodeForName("Germany", "en") == "DE");
  BOOST_TEST(text::RegionDisplayName("DE", "fr") == "Allemagne");
  BOOST_TEST(text::RegionCodeForName("بيت", "ar") == "");
  BOOST_TEST(text::RegionDisplayName("ZZZ", "en") == "");
}

BOOST_AUTO_TEST_CASE(skeletons_agree_across_scripts) {
  BOOST_TEST(ConsonantSkeleton("Berlin", "en") == ConsonantSkeleton("برلين", "ar"));
  BOOST_TEST(ConsonantSkeleton("Amazon", "en") == ConsonantSkeleton("أمازون", "ar"));
  BOOST_TEST(ConsonantSkeleton("the Philharmonic", "en") == "flhrmnk");
  BOOST_TEST(SkeletonSimilarity("brln", "brln") == 1.0);
  BOOST_TEST(SkeletonSimilarity("brln", "brn") == 0.75);
  BOOST_TEST(SkeletonSimilarity("", "brn") == 0.0);
}

BOOST_AUTO_TEST_CASE(names_link_to_their_entity_at_rank_one) {
  std::vector<KnownTerm> known = {
      {1, 11, "Amazon", "en"}, {2, 21, "Berlin", "en"}, {2, 22, "Berlin", "fr"},
      {3, 31, "Bernard", "en"}, {4, 41, "Germany", "en"}, {5, 51, "Brazil", "en"}};
  EntityLinker linker("ar", known, {});
  WordAnalyzer analyzer("ar");
  auto berlin = linker.Propose(Named("برلين"), analyzer);
  BOOST_REQUIRE(!berlin.empty());
  BOOST_TEST(berlin.front().entity == 2);
  BOOST_TEST(berlin.front().method == "skeleton");
  auto amazon = linker.Propose(Named("أمازون"), analyzer);
  BOOST_REQUIRE(!amazon.empty());
  BOOST_TEST(amazon.front().entity == 1);
  auto germany = linker.Propose(Named("ألمانيا"), analyzer);
  BOOST_REQUIRE(!germany.empty());
  BOOST_TEST(germany.front().entity == 4);
  BOOST_TEST(germany.front().method == "region");
  // One proposal per entity, best first.
  for (std::size_t k = 1; k < berlin.size(); ++k) {
    BOOST_TEST(berlin[k - 1].score >= berlin[k].score);
    BOOST_TEST(berlin[k - 1].entity != berlin[k].entity);
  }
}

// A phrase the text writes with the article is a common word, no transliterated name: its
// skeleton links it to nothing ("العبارات", the ferries, would link to "harbour"); the same
// letters without the article may be a name.
BOOST_AUTO_TEST_CASE(a_word_with_the_article_is_no_name) {
  std::vector<KnownTerm> known = {{2, 21, "Berlin", "en"}};
  EntityLinker linker("ar", known, {});
  WordAnalyzer analyzer("ar");
  auto name = linker.Propose(Named("برلين"), analyzer);
  BOOST_REQUIRE(!name.empty());
  BOOST_TEST(name.front().method == "skeleton");
  for (const LinkProposal& proposal : linker.Propose(Named("البرلين"), analyzer)) {
    BOOST_TEST(proposal.method != "skeleton");
  }
}

BOOST_AUTO_TEST_CASE(same_language_variants_and_identical_names) {
  std::vector<KnownTerm> known = {{7, 71, "National Water Agency", "en"},
                                  {8, 81, "Rhône Alliance", "fr"}};
  EntityLinker linker("en", known, {});
  WordAnalyzer analyzer("en");
  Candidate variant = Named("Nationale Water Agencies");
  variant.content_words = 3;
  auto found = linker.Propose(variant, analyzer);
  BOOST_REQUIRE(!found.empty());
  BOOST_TEST(found.front().entity == 7);
  BOOST_TEST(found.front().method == "variant");
  Candidate same = Named("Rhône Alliance");
  same.kind = CandidateKind::kName;
  same.content_words = 2;
  auto identical = linker.Propose(same, analyzer);
  BOOST_REQUIRE(!identical.empty());
  BOOST_TEST(identical.front().entity == 8);
  BOOST_TEST(identical.front().method == "identical");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary
