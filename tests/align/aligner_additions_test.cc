// The sentence aligner on what real documents add to one side of a translation: scraps a scan
// leaves behind, a refrain sung once more, a passage left in the other language. Texts written
// for these tests.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "align/aligner.h"
#include "align/beads.h"
#include "text/dictionary.h"

namespace termalign::align {
namespace {

text::Document MakeDocument(const std::vector<std::string>& sentences, const std::string& lang) {
  text::Document document;
  document.lang = lang;
  for (const std::string& s : sentences) {
    text::Sentence sentence;
    sentence.text = s;
    document.sentences.push_back(sentence);
  }
  return document;
}

// A few entries of a bilingual dictionary for the texts below, as a user's dictionary covers
// some of the words of any text.
const text::BilingualDictionary& Dictionary() {
  static const text::BilingualDictionary dictionary = [] {
    text::BilingualDictionary entries;
    for (const auto& [english, french] : std::vector<std::pair<const char*, const char*>>{
             {"car", "voiture"},     {"morning", "matin"},   {"path", "sentier"},
             {"climbs", "monte"},    {"hours", "heures"},    {"customs", "douane"},
             {"shepherd", "berger"}, {"glacier", "glacier"}, {"weather", "temps"},
             {"snow", "neige"},      {"shelter", "refuge"},  {"soup", "soupe"},
             {"evening", "soir"},    {"clouds", "nuages"},   {"valley", "vallée"},
             {"harbour", "port"},    {"dawn", "aube"},       {"wife", "femme"},
             {"window", "fenêtre"},  {"bakers", "boulangers"}, {"ovens", "fours"},
             {"children", "enfants"}, {"school", "école"},   {"storm", "tempête"},
             {"boats", "bateaux"},   {"rain", "pluie"},      {"night", "nuit"},
             {"tavern", "taverne"},  {"sailors", "marins"},  {"sing", "chantent"},
             {"water", "eau"},       {"row", "rame"}}) {
      entries.Add(english, french);
    }
    return entries;
  }();
  return dictionary;
}

Alignment AlignOrFail(const std::vector<std::string>& english,
                      const std::vector<std::string>& french) {
  AlignOptions options;
  options.source_lang = "en";
  options.target_lang = "fr";
  options.dictionary = &Dictionary();
  text::Result<Alignment> result =
      Align(MakeDocument(english, "en"), MakeDocument(french, "fr"), options);
  BOOST_REQUIRE(result.ok());
  BOOST_REQUIRE(CheckCoverage(result->beads, english.size(), french.size()).ok());
  return result.value();
}

// Whether every bead of `expected` ("[3]:[4]") is a line of the alignment.
void CheckBeads(const Alignment& alignment, const std::vector<std::string>& expected) {
  const std::string lines = FormatBeads(alignment.beads);
  for (const std::string& bead : expected) {
    BOOST_TEST(lines.find(bead + "\n") != std::string::npos, bead << " in\n" << lines);
  }
}

// A walk to a mountain hut, in English and French, one sentence a line; names and numbers
// link the two sides, as they do in real texts aligned without a dictionary.
const std::vector<std::string> kHutEnglish = {
    "We left the car at the Mattmark dam at 6 in the morning.",
    "The path climbs 400 metres through larches to the Tälliboden.",
    "After two hours we reached the customs house of Distelalp.",
    "A shepherd from Saas told us that the Schwarzberg glacier had retreated.",
    "At 11 the weather turned, and snow fell on the Monte Moro moraine.",
    "We found shelter in the Oberto hut, where Giulia served soup.",
    "In the evening the clouds lifted over the 2868 metres of the pass.",
    "On 14 August we walked down to Macugnaga and the Anzasca valley."};
const std::vector<std::string> kHutFrench = {
    "Nous avons laissé la voiture au barrage de Mattmark à 6 heures du matin.",
    "Le sentier monte de 400 mètres à travers les mélèzes jusqu'au Tälliboden.",
    "Deux heures plus tard, nous étions à la douane de Distelalp.",
    "Un berger de Saas nous a dit que le glacier du Schwarzberg avait reculé.",
    "À 11 heures, le temps a changé et la neige est tombée sur la moraine du Monte Moro.",
    "Nous avons trouvé refuge à la cabane Oberto, où Giulia servait une soupe.",
    "Le soir, les nuages se sont levés sur les 2868 mètres du col.",
    "Le 14 août, nous sommes descendus à Macugnaga et dans la vallée Anzasca."};

BOOST_AUTO_TEST_CASE(leaves_scanning_fragments_unmatched) {
  // What a scan reads in a photograph or a torn corner, between sentences of either side: each
  // fragment stays a bead of its own instead of joining a neighbour.
  std::vector<std::string> english = kHutEnglish, french = kHutFrench;
  french.insert(french.begin() + 5, "h * \"");
  french.insert(french.begin() + 2, "r \\");
  english.insert(english.begin() + 4, "f r");
  Alignment alignment = AlignOrFail(english, french);
  CheckBeads(alignment, {"[]:[2]", "[4]:[]", "[]:[6]", "[0]:[0]", "[1]:[1]", "[2]:[3]",
                         "[3]:[4]", "[5]:[5]", "[6]:[7]", "[7]:[8]", "[8]:[9]"});
}

BOOST_AUTO_TEST_CASE(a_refrain_sung_once_more_is_not_shifted) {
  // A ballad whose refrain comes back after every verse; in the third the translation sings
  // the refrain's first line twice. The extra line is left unmatched, every other line keeps
  // its own translation: the repeated lines share their words, so their positions and lengths
  // decide, and the extra copy joins neither the verse before nor its twin.
  const std::vector<std::vector<std::string>> verses_english = {
      {"Giovanni leaves the harbour of Amalfi before dawn.",
       "His wife Lucia watches the Stella Maris from the window."},
      {"In Positano the bakers light their ovens at 4.",
       "Children run to the school of San Gennaro."},
      {"A storm rises over Ischia in the evening.", "The boats hurry home to Amalfi through the rain."},
      {"At night the tavern of Don Peppino fills with sailors.", "They sing of Sicily and of Malta far to the south."}};
  const std::vector<std::vector<std::string>> verses_french = {
      {"Giovanni quitte le port d'Amalfi avant l'aube.",
       "Sa femme Lucia regarde la Stella Maris depuis la fenêtre."},
      {"À Positano, les boulangers allument leurs fours à 4 heures.",
       "Les enfants courent à l'école de San Gennaro."},
      {"Le soir, une tempête se lève sur Ischia.", "Les bateaux rentrent en hâte à Amalfi sous la pluie."},
      {"La nuit, la taverne de Don Peppino se remplit de marins.", "Ils chantent la Sicile et Malte, loin au sud."}};
  const std::vector<std::string> refrain_english = {"Row, Maria, row away to Sorrento!",
                                                    "Over the water to Capri we go."};
  const std::vector<std::string> refrain_french = {"Rame, Maria, rame vers Sorrento !",
                                                   "Sur l'eau vers Capri nous partons."};
  std::vector<std::string> english, french, expected;
  auto add = [&](const std::string& source, const std::string& target) {
    expected.push_back("[" + std::to_string(english.size()) + "]:[" +
                       std::to_string(french.size()) + "]");
    english.push_back(source);
    french.push_back(target);
  };
  std::size_t extra = 0;
  for (std::size_t verse = 0; verse < verses_english.size(); ++verse) {
    for (std::size_t line = 0; line < verses_english[verse].size(); ++line) {
      add(verses_english[verse][line], verses_french[verse][line]);
    }
    if (verse == 2) {
      extra = french.size();
      french.push_back(refrain_french[0]);
    }
    add(refrain_english[0], refrain_french[0]);
    add(refrain_english[1], refrain_french[1]);
  }
  Alignment alignment = AlignOrFail(english, french);
  // Which of the two copies is the extra one is a matter of taste: each is a one-line bead.
  const std::string lines = FormatBeads(alignment.beads);
  const std::string first = "[]:[" + std::to_string(extra) + "]";
  const std::string second = "[]:[" + std::to_string(extra + 1) + "]";
  const bool first_extra = lines.find(first + "\n") != std::string::npos;
  BOOST_TEST((first_extra || lines.find(second + "\n") != std::string::npos), lines);
  for (std::string& bead : expected) {
    const std::string refrain_line = "]:[" + std::to_string(extra + 1) + "]";
    if (first_extra || bead.find(refrain_line) == std::string::npos) continue;
    bead.replace(bead.find(refrain_line), refrain_line.size(),
                 "]:[" + std::to_string(extra) + "]");
  }
  CheckBeads(alignment, expected);
}

BOOST_AUTO_TEST_CASE(a_passage_left_in_the_source_language_disturbs_no_neighbour) {
  // Three lines of the translation were left in English (an advert for the hut, with the names
  // of the walk): they stay unmatched, and the French sentences around them keep their own
  // English sentences instead of being pulled towards the English lines by shared names.
  std::vector<std::string> french = kHutFrench;
  const std::vector<std::string> untranslated = {
      "Book your stay at the Oberto hut above the Mattmark dam with our office in Saas.",
      "Giulia and her family welcome you from June to the end of September.",
      "From the hut it is only an hour to the Monte Moro pass and Macugnaga."};
  french.insert(french.begin() + 5, untranslated.begin(), untranslated.end());
  Alignment alignment = AlignOrFail(kHutEnglish, french);
  CheckBeads(alignment, {"[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[]:[5]",
                         "[]:[6]", "[]:[7]", "[5]:[8]", "[6]:[9]", "[7]:[10]"});
}

}  // namespace
}  // namespace termalign::align
