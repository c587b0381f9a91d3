// Hunspell stems and the language guess.
#include "text/stemmer.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <thread>

#include "test_util.h"
#include "text/lang_guess.h"

namespace termalign::testing {
namespace {

bool Has(const std::vector<std::string>& stems, const std::string& stem) {
  return std::find(stems.begin(), stems.end(), stem) != stems.end();
}

// Stem tests need the Debian dictionaries; without one the stemmer must still answer.
const text::Stemmer* StemmerOrSkip(const char* lang) {
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage(lang);
  if (!stemmer.has_dictionary()) {
    BOOST_TEST_MESSAGE("skipped: no Hunspell dictionary for " << lang);
    BOOST_TEST(stemmer.Stems("Words") == std::vector<std::string>{"words"});
    return nullptr;
  }
  return &stemmer;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stemmer)

BOOST_AUTO_TEST_CASE(english) {
  const text::Stemmer* stemmer = StemmerOrSkip("en");
  if (stemmer == nullptr) return;
  BOOST_TEST(Has(stemmer->Stems("ministries"), "ministry"));
  BOOST_TEST(Has(stemmer->Stems("Stations"), "station"));
  BOOST_TEST(stemmer->Spell("Defence"));  // en_GB only
  BOOST_TEST(stemmer->Spell("defense"));  // en_US
  BOOST_TEST(!stemmer->Spell("qzxv"));
  BOOST_TEST(stemmer->Stems("qzxv") == std::vector<std::string>{"qzxv"});
  BOOST_TEST(stemmer->Stems("").empty());
}

BOOST_AUTO_TEST_CASE(french_keeps_the_surface_form_first) {
  const text::Stemmer* stemmer = StemmerOrSkip("fr");
  if (stemmer == nullptr) return;
  BOOST_TEST(Has(stemmer->Stems("ministères"), "ministere"));
  std::vector<std::string> stems = stemmer->Stems("armée");
  BOOST_REQUIRE(!stems.empty());
  BOOST_TEST(stems.front() == "armee");
}

BOOST_AUTO_TEST_CASE(arabic) {
  const text::Stemmer* stemmer = StemmerOrSkip("ar");
  if (stemmer == nullptr) return;
  // وزارات (ministries) -> وزارة, folded: ة -> ه.
  BOOST_TEST(Has(stemmer->Stems("وزارات"), "وزاره"));
  // Words already normalised for matching (ة -> ه, إ -> ا) are still found.
  BOOST_TEST(stemmer->Spell("الإسرائيلية"));
  BOOST_TEST(!stemmer->Spell("الاسرائيليه"));
  std::vector<std::string> stems = stemmer->Stems("الاسرائيليه");
  BOOST_TEST(stems.size() > 1u);
}

BOOST_AUTO_TEST_CASE(german) {
  const text::Stemmer* stemmer = StemmerOrSkip("de");
  if (stemmer == nullptr) return;
  BOOST_TEST(Has(stemmer->Stems("Häuser"), "haus"));
  BOOST_TEST(stemmer->Spell("Straße"));
  BOOST_TEST(&text::Stemmer::ForLanguage("de-CH") == stemmer);
}

BOOST_AUTO_TEST_CASE(spanish) {
  const text::Stemmer* stemmer = StemmerOrSkip("es");
  if (stemmer == nullptr) return;
  BOOST_TEST(Has(stemmer->Stems("ciudades"), "ciudad"));
  BOOST_TEST(stemmer->Spell("años"));
}

BOOST_AUTO_TEST_CASE(other_languages_return_the_folded_word) {
  for (const char* lang : {"it", "und", ""}) {
    const text::Stemmer& stemmer = text::Stemmer::ForLanguage(lang);
    BOOST_TEST(!stemmer.has_dictionary());
    BOOST_TEST(stemmer.Stems("Straßen") == std::vector<std::string>{"strassen"});
  }
}

BOOST_AUTO_TEST_CASE(shared_between_threads) {
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage("en");
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> results(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 50; ++j) results[i] = stemmer.Stems("hostages");
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) BOOST_TEST(result == results[0]);
  BOOST_TEST(&text::Stemmer::ForLanguage("en") == &stemmer);
}

BOOST_AUTO_TEST_CASE(language_guess) {
  BOOST_TEST(text::GuessLanguage("The new tram line opens on Monday and it will carry the "
                                 "first riders to the harbour.") == "en");
  BOOST_TEST(text::GuessLanguage("La nouvelle ligne de tramway ouvre lundi et elle conduira "
                                 "les premiers usagers jusqu’au port.") == "fr");
  BOOST_TEST(text::GuessLanguage("افتتحت المدينة خط الترام الجديد يوم الاثنين.") == "ar");
  BOOST_TEST(text::GuessLanguage("") == "und");
  BOOST_TEST(text::GuessLanguage("12 345 678") == "und");
  BOOST_TEST(text::GuessLanguage("Der neue Zug fährt morgen ab.") == "und");
  BOOST_TEST(text::GuessLanguage("Die neue Linie wird am Montag eröffnet und sie bringt die "
                                 "ersten Fahrgäste bis zum Hafen.") == "de");
  BOOST_TEST(text::GuessLanguage("La nueva línea se abre el lunes y llevará a los primeros "
                                 "viajeros hasta el puerto.") == "es");
}

BOOST_AUTO_TEST_CASE(stop_words) {
  BOOST_TEST(text::IsStopWord("the", "en"));
  BOOST_TEST(!text::IsStopWord("tram", "en"));
  BOOST_TEST(text::IsStopWord("les", "fr"));
  BOOST_TEST(text::IsStopWord("apres", "fr"));  // folded "après"
  BOOST_TEST(text::IsStopWord("في", "ar"));
  BOOST_TEST(text::IsStopWord("الي", "ar"));  // normalised إلى
  BOOST_TEST(!text::IsStopWord("the", "fr"));
}

BOOST_AUTO_TEST_CASE(arabic_proclitics) {
  const text::Stemmer* stemmer = StemmerOrSkip("ar");
  if (stemmer == nullptr) return;
  BOOST_TEST(text::ProcliticLength("والحريات", "ar") == 2u);
  BOOST_TEST(text::ProcliticLength("لوزارة", "ar") == 2u);
  BOOST_TEST(text::ProcliticLength("بالعبرية", "ar") == 2u);
  // The first letter is part of the word; the rest is too short.
  BOOST_TEST(text::ProcliticLength("كتاب", "ar") == 0u);
  BOOST_TEST(text::ProcliticLength("وزارة", "ar") == 0u);
  BOOST_TEST(text::ProcliticLength("بريطانيا", "ar") == 0u);
  BOOST_TEST(text::ProcliticLength("بحث", "ar") == 0u);
  // Languages without proclitics.
  BOOST_TEST(text::ProcliticLength("leader", "en") == 0u);
  // ل before an article that lost its alef stays with the article (ل + الشخص).
  BOOST_TEST(text::ProcliticLength("للشخص", "ar") == 0u);
  // A word the dictionary reads as a lemma of its own keeps its first letter: لجنة (committee)
  // is no ل + جنة.
  BOOST_TEST(text::ProcliticLength("لجنة", "ar") == 0u);
}

BOOST_AUTO_TEST_CASE(arabic_citation_forms) {
  const text::Stemmer* stemmer = StemmerOrSkip("ar");
  if (stemmer == nullptr) return;
  // A possessive pronoun gives way to the article; ة comes back where the pronoun made it ت.
  BOOST_TEST(text::CitationForm("بياناته", "ar") == "البيانات");
  BOOST_TEST(text::CitationForm("سياستها", "ar") == "السياسة");
  BOOST_TEST(text::CitationForm("حقوقهم", "ar") == "الحقوق");
  BOOST_TEST(text::CitationForm("صفتها", "ar") == "الصفة");
  // The article's alef dropped after ل.
  BOOST_TEST(text::CitationForm("للشخص", "ar") == "الشخص");
  // Written as stored: a word that only ends like a pronoun, an adjective in ي, a defined noun.
  BOOST_TEST(text::CitationForm("اتجاه", "ar") == "");
  BOOST_TEST(text::CitationForm("قانوني", "ar") == "");
  BOOST_TEST(text::CitationForm("الغرامة", "ar") == "");
  BOOST_TEST(text::CitationForm("غرامة", "ar") == "");
  BOOST_TEST(text::CitationForm("data", "en") == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
