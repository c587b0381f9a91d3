// German-French and Spanish-English texts written for these tests: each language's profile
// segments them (abbreviations, ordinals, decimal commas) and the aligner pairs the sentences.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "align/aligner.h"
#include "text/segmenter.h"

namespace termalign::align {
namespace {

using Sentences = std::vector<std::string>;
// "source_begin+source_count/target_begin+target_count", e.g. "10+2/10+1".
using BeadShape = std::string;

BeadShape Shape(std::size_t source_begin, std::size_t source_count, std::size_t target_begin,
                std::size_t target_count) {
  return std::to_string(source_begin) + "+" + std::to_string(source_count) + "/" +
         std::to_string(target_begin) + "+" + std::to_string(target_count);
}

text::Document Segment(const std::string& text, const std::string& lang) {
  text::Document document;
  document.lang = lang;
  document.sentences = text::SegmentSentences(text, lang);
  return document;
}

Sentences Texts(const text::Document& document) {
  Sentences out;
  for (const text::Sentence& sentence : document.sentences) out.push_back(sentence.text);
  return out;
}

std::vector<BeadShape> Shapes(const text::Document& source, const text::Document& target) {
  AlignOptions options;
  options.source_lang = source.lang;
  options.target_lang = target.lang;
  auto alignment = Align(source, target, options);
  BOOST_TEST_REQUIRE(alignment.ok());
  std::vector<BeadShape> shapes;
  for (const Bead& bead : alignment->beads) {
    shapes.push_back(
        Shape(bead.source_begin, bead.source_count, bead.target_begin, bead.target_count));
  }
  return shapes;
}

// Ten 1-1 beads, then a 2-1 bead: the last two source sentences are one target sentence.
std::vector<BeadShape> TenThenTwoToOne() {
  std::vector<BeadShape> shapes;
  for (std::size_t i = 0; i < 10; ++i) shapes.push_back(Shape(i, 1, i, 1));
  shapes.push_back(Shape(10, 2, 10, 1));
  return shapes;
}

const std::string kGerman =
    "Die Grimselbahn wurde am 12. März 2019 in Bern vorgestellt. Dr. Anna Keller leitete das "
    "Projekt bis 2021.\n"
    "Die neue Linie ist ca. 14,5 km lang und hat z. B. einen Tunnel von 1.200 Metern. Der Bau "
    "kostet rund 3,5 Mio. Franken.\n"
    "Laut Bericht Nr. 7 fahren täglich 8.400 Personen über den Pass. Im Winter sind es etwa "
    "2.000 weniger.\n"
    "Die Gemeinde prüft bzw. plant weitere Haltestellen, z. B. in Guttannen. Prof. Meier warnt "
    "vor zu hohen Kosten.\n"
    "Der Kanton zahlt 40 Prozent, der Bund den Rest. Die Steigung beträgt bis zu 12,5 Prozent. "
    "Die Eröffnung ist für den 1. Juni 2024 geplant. Tickets kosten 9,80 Franken.\n";

const std::string kFrench =
    "Le train du Grimsel a été présenté à Berne le 12 mars 2019. Mme Anna Keller a dirigé le "
    "projet jusqu’en 2021.\n"
    "La nouvelle ligne mesure env. 14,5 km et comprend p. ex. un tunnel de 1 200 mètres. Les "
    "travaux coûtent environ 3,5 millions de francs.\n"
    "Selon le rapport n° 7, 8 400 personnes franchissent le col chaque jour. En hiver, elles "
    "sont environ 2 000 de moins.\n"
    "La commune étudie ou prévoit d’autres arrêts, p. ex. à Guttannen. M. Meier met en garde "
    "contre des coûts trop élevés.\n"
    "Le canton paie 40 pour cent, la Confédération le reste. La pente atteint jusqu’à 12,5 pour "
    "cent. L’inauguration est prévue le 1er juin 2024 et les billets coûtent 9,80 francs.\n";

const std::string kSpanish =
    "El nuevo tranvía de Valencia se presentó el 3 de mayo de 2022. La Dra. Lucía Ortega "
    "dirigió el proyecto.\n"
    "La línea mide aprox. 12,5 km y tiene 18 paradas. El Sr. Gómez, alcalde de la ciudad, "
    "asistió al acto.\n"
    "Según el informe núm. 4, el coste fue de 2,75 millones de euros. Cada día viajarán unas "
    "45.000 personas.\n"
    "La Sra. Ruiz explicó que las obras duraron 26 meses. Los vecinos de la calle Colón se "
    "quejaron del ruido, p. ej. de noche.\n"
    "Las primeras pruebas se hicieron en enero. El servicio comenzará el 1 de septiembre de "
    "2022. El billete sencillo cuesta 1,50 euros. Los estudiantes pagan la mitad.\n";

const std::string kEnglish =
    "The new Valencia tram was presented on 3 May 2022. Dr. Lucía Ortega led the project.\n"
    "The line is approx. 12.5 km long and has 18 stops. Mr. Gómez, the mayor of the city, "
    "attended the event.\n"
    "According to report No. 4, the cost was 2.75 million euros. About 45,000 people will "
    "travel every day.\n"
    "Mrs. Ruiz explained that the works lasted 26 months. Residents of Colón street complained "
    "about the noise, e.g. at night.\n"
    "The first tests were carried out in January. The service will start on 1 September 2022. "
    "A single ticket costs 1.50 euros, and students pay half.\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(languages)

BOOST_AUTO_TEST_CASE(german_french) {
  text::Document german = Segment(kGerman, "de");
  text::Document french = Segment(kFrench, "fr");
  BOOST_TEST(Texts(german) ==
                 (Sentences{
                     "Die Grimselbahn wurde am 12. März 2019 in Bern vorgestellt.",
                     "Dr. Anna Keller leitete das Projekt bis 2021.",
                     "Die neue Linie ist ca. 14,5 km lang und hat z. B. einen Tunnel von 1.200 "
                     "Metern.",
                     "Der Bau kostet rund 3,5 Mio. Franken.",
                     "Laut Bericht Nr. 7 fahren täglich 8.400 Personen über den Pass.",
                     "Im Winter sind es etwa 2.000 weniger.",
                     "Die Gemeinde prüft bzw. plant weitere Haltestellen, z. B. in Guttannen.",
                     "Prof. Meier warnt vor zu hohen Kosten.",
                     "Der Kanton zahlt 40 Prozent, der Bund den Rest.",
                     "Die Steigung beträgt bis zu 12,5 Prozent.",
                     "Die Eröffnung ist für den 1. Juni 2024 geplant.",
                     "Tickets kosten 9,80 Franken."}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(french.sentences.size() == 11u);
  BOOST_TEST(french.sentences[2].text ==
             "La nouvelle ligne mesure env. 14,5 km et comprend p. ex. un tunnel de 1 200 "
             "mètres.");
  BOOST_TEST(french.sentences[6].text ==
             "La commune étudie ou prévoit d’autres arrêts, p. ex. à Guttannen.");
  BOOST_TEST(Shapes(german, french) == TenThenTwoToOne(), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spanish_english) {
  text::Document spanish = Segment(kSpanish, "es");
  text::Document english = Segment(kEnglish, "en");
  BOOST_TEST(Texts(spanish) ==
                 (Sentences{
                     "El nuevo tranvía de Valencia se presentó el 3 de mayo de 2022.",
                     "La Dra. Lucía Ortega dirigió el proyecto.",
                     "La línea mide aprox. 12,5 km y tiene 18 paradas.",
                     "El Sr. Gómez, alcalde de la ciudad, asistió al acto.",
                     "Según el informe núm. 4, el coste fue de 2,75 millones de euros.",
                     "Cada día viajarán unas 45.000 personas.",
                     "La Sra. Ruiz explicó que las obras duraron 26 meses.",
                     "Los vecinos de la calle Colón se quejaron del ruido, p. ej. de noche.",
                     "Las primeras pruebas se hicieron en enero.",
                     "El servicio comenzará el 1 de septiembre de 2022.",
                     "El billete sencillo cuesta 1,50 euros.",
                     "Los estudiantes pagan la mitad."}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(english.sentences.size() == 11u);
  BOOST_TEST(english.sentences[1].text == "Dr. Lucía Ortega led the project.");
  BOOST_TEST(Shapes(spanish, english) == TenThenTwoToOne(), boost::test_tools::per_element());
}

// Without the German profile (the root rules) "am 12. März" and "den 1. Juni" end sentences.
BOOST_AUTO_TEST_CASE(german_ordinals_need_the_profile) {
  const std::string text = "Die Bahn fährt ab dem 1. Juni 2024 jede Stunde.";
  BOOST_TEST(text::SegmentSentences(text, "de").size() == 1u);
  BOOST_TEST(text::SegmentSentences(text, "und").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::align
