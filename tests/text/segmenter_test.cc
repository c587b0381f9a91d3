// Sentence segmentation on our own sample sentences: what ICU does and what we add.
#include "text/segmenter.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <random>

#include "test_util.h"

namespace termalign::testing {
namespace {

std::vector<std::string> Split(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const text::Sentence& sentence : text::SegmentSentences(text, lang)) {
    out.push_back(sentence.text);
  }
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(segmenter)

BOOST_AUTO_TEST_CASE(english_basics_and_abbreviations) {
  BOOST_TEST(Split("The tram runs late. Riders complain! Why? Nobody knows.", "en") ==
                 (Sentences{"The tram runs late.", "Riders complain!", "Why?", "Nobody knows."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Dr. Patel met Mr. Jones at St. Mary's. They talked.", "en") ==
                 (Sentences{"Dr. Patel met Mr. Jones at St. Mary's.", "They talked."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("The book by J. R. R. Tolkien sold well in the U.S. market. Sales grew 3.5 "
                   "percent.",
                   "en") == (Sentences{"The book by J. R. R. Tolkien sold well in the U.S. market.",
                                       "Sales grew 3.5 percent."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("See No. 5 on the list. It is new.", "en") ==
                 (Sentences{"See No. 5 on the list.", "It is new."}),
             boost::test_tools::per_element());
  // "etc." before a capital ends the sentence; before a lowercase word it does not.
  BOOST_TEST(Split("We sold maps, tickets, etc. Then we closed.", "en") ==
                 (Sentences{"We sold maps, tickets, etc.", "Then we closed."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("We sold maps, tickets, etc. and then we closed.", "en") ==
                 (Sentences{"We sold maps, tickets, etc. and then we closed."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(list_markers_and_ellipses) {
  BOOST_TEST(Split("1. Opening of the line. 2. The stations.", "en") ==
                 (Sentences{"1. Opening of the line.", "2. The stations."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("IV. Conclusion du rapport.", "fr") ==
                 (Sentences{"IV. Conclusion du rapport."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Il a attendu… Puis le tram est arrivé… enfin.", "fr") ==
                 (Sentences{"Il a attendu…", "Puis le tram est arrivé… enfin."}),
             boost::test_tools::per_element());
  // ICU's French list holds "aux." and "oct."; only whole words count.
  BOOST_TEST(Split("Il y avait des chevaux. Le tram est parti le 7 oct. 2023 à midi.", "fr") ==
                 (Sentences{"Il y avait des chevaux.", "Le tram est parti le 7 oct. 2023 à midi."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(urls_emails_and_numbers_stay_whole) {
  BOOST_TEST(Split("Write to info@Tram.Example.org today. Or see https://www.Example.com/Lines.Html "
                   "now. Version 2.Beta ships.",
                   "en") == (Sentences{"Write to info@Tram.Example.org today.",
                                       "Or see https://www.Example.com/Lines.Html now.",
                                       "Version 2.", "Beta ships."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("It cost 64,000 dollars and 3.5 million more.", "en").size() == 1u);
}

BOOST_AUTO_TEST_CASE(glued_sentences_are_split) {
  BOOST_TEST(Split("La ligne dessert la gare.Elle ouvre lundi.", "fr") ==
                 (Sentences{"La ligne dessert la gare.", "Elle ouvre lundi."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("The line reaches the harbour.Construction ends in May.", "en") ==
                 (Sentences{"The line reaches the harbour.", "Construction ends in May."}),
             boost::test_tools::per_element());
  // A full stop, a space and a lowercase word: a missing capital, unless an abbreviation.
  BOOST_TEST(Split("Le chantier a pris du retard. ensuite les travaux ont repris.", "fr") ==
                 (Sentences{"Le chantier a pris du retard.", "ensuite les travaux ont repris."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Les bus, les trams, etc. sont gratuits.", "fr").size() == 1u);
}

BOOST_AUTO_TEST_CASE(french_titles_and_closing_punctuation) {
  BOOST_TEST(Split("M. Dupont et Mme Leroy sont venus. Ils ont parlé.", "fr") ==
                 (Sentences{"M. Dupont et Mme Leroy sont venus.", "Ils ont parlé."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Il a crié : « Non ! » Puis il est parti.", "fr") ==
                 (Sentences{"Il a crié : « Non ! »", "Puis il est parti."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("« Non ! » dit-elle.", "fr") == (Sentences{"« Non ! » dit-elle."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Voir l’art. 5 du règlement. Le texte (cf. annexe) est clair.", "fr") ==
                 (Sentences{"Voir l’art. 5 du règlement.", "Le texte (cf. annexe) est clair."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Il a dit : « Nous gagnerons. » La foule a applaudi.", "fr") ==
                 (Sentences{"Il a dit : « Nous gagnerons. »", "La foule a applaudi."}),
             boost::test_tools::per_element());
  BOOST_TEST(Split("Vous venez ? Oui, demain.", "fr") ==
                 (Sentences{"Vous venez ?", "Oui, demain."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(arabic_marks) {
  // "Did the line open? Yes, it opened on Monday. The mayor said: the city is proud."
  std::string text =
      "هل افتتح الخط؟ نعم، افتتح يوم الاثنين. وقال العمدة؛ إن المدينة فخورة.";
  Sentences sentences = Split(text, "ar");
  BOOST_TEST(sentences == (Sentences{"هل افتتح الخط؟", "نعم، افتتح يوم الاثنين.",
                                     "وقال العمدة؛ إن المدينة فخورة."}),
             boost::test_tools::per_element());
  // د. (doctor) is an abbreviation.
  BOOST_TEST(Split("التقى د. سامي بالعمدة. ثم غادر.", "ar").size() == 2u);
}

BOOST_AUTO_TEST_CASE(paragraph_ends_are_sentence_ends_and_offsets_point_back) {
  std::string text = "First line without a stop\nSecond line. Third sentence";
  std::vector<text::Sentence> sentences = text::SegmentSentences(text, "en");
  BOOST_REQUIRE(sentences.size() == 3u);
  for (const text::Sentence& sentence : sentences) {
    BOOST_TEST(text.substr(sentence.begin, sentence.end - sentence.begin) == sentence.text);
  }
  BOOST_TEST(sentences[0].paragraph == 0u);
  BOOST_TEST(sentences[2].paragraph == 1u);
  BOOST_TEST(text::SegmentSentences("", "en").empty());
  BOOST_TEST(text::SegmentSentences("  \n\n ", "fr").empty());
}

// Random texts from sentence-like pieces: sentences are in order, trimmed, non-overlapping, and
// together hold every non-space character of the text.
BOOST_DATA_TEST_CASE(sentences_cover_the_text, boost::unit_test::data::xrange(100), index) {
  unsigned seed = 7100u + static_cast<unsigned>(index);
  BOOST_TEST_CONTEXT("seed " << seed) {
    static const std::vector<std::string> pieces = {
        "Word", "word", " ", ". ", ".", "!", " ?", "« ", " »", "Dr. ", "U.S.", "3.5", "\n",
        "www.a.fr", "é", "مرحبا", "؟", "etc. ", "J. "};
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::string text;
    for (int i = 0; i < 60; ++i) text += pieces[pick(random)];
    std::vector<text::Sentence> sentences = text::SegmentSentences(text, index % 2 ? "fr" : "en");
    std::string joined, expected;
    std::size_t previous_end = 0;
    for (const text::Sentence& sentence : sentences) {
      BOOST_TEST(sentence.begin >= previous_end);
      BOOST_TEST(sentence.begin < sentence.end);
      BOOST_TEST(text.substr(sentence.begin, sentence.end - sentence.begin) == sentence.text);
      previous_end = sentence.end;
      joined += sentence.text;
    }
    for (char c : text) {
      if (c != ' ' && c != '\n') expected += c;
    }
    std::erase(joined, ' ');
    BOOST_TEST(joined == expected);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
