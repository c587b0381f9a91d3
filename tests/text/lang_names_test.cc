// Language names in spreadsheet headers: tags, and names in English and in the language itself.
#include "text/lang_names.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>

namespace text = termalign::text;

BOOST_AUTO_TEST_SUITE(lang_names)

BOOST_AUTO_TEST_CASE(tags_come_back_in_canonical_case) {
  for (auto [name, tag] :
       {std::pair{"en", "en"}, std::pair{"FR", "fr"}, std::pair{"fr-FR", "fr-FR"},
        std::pair{"fr_ca", "fr-CA"}, std::pair{"pt_BR", "pt-BR"},
        std::pair{"zh-hant-tw", "zh-Hant-TW"}, std::pair{" de ", "de"}, std::pair{"haw", "haw"},
        std::pair{"es-419", "es-419"}}) {
    BOOST_TEST(text::LangTagForName(name) == tag, name);
  }
}

BOOST_AUTO_TEST_CASE(names_in_english_and_in_the_language_itself) {
  for (auto [name, tag] :
       {std::pair{"English", "en"}, std::pair{"french", "fr"}, std::pair{"Français", "fr"},
        std::pair{"FRANCAIS", "fr"}, std::pair{"Arabic", "ar"}, std::pair{"العربية", "ar"},
        std::pair{"Deutsch", "de"}, std::pair{"German", "de"}, std::pair{"Español", "es"},
        std::pair{"日本語", "ja"}, std::pair{"French (Canada)", "fr-CA"},
        std::pair{"français - Canada", "fr-CA"}, std::pair{"German (Switzerland)", "de-CH"},
        std::pair{"Portuguese (Brazil)", "pt-BR"}}) {
    BOOST_TEST(text::LangTagForName(name) == tag, name);
  }
}

BOOST_AUTO_TEST_CASE(words_that_name_no_language) {
  // "car" and "new" are ISO 639-2 codes (Galibi Carib, Newari) without ICU locale data: in a
  // header they are far more likely words.
  for (const char* name :
       {"", "Source", "Target", "Comment", "term", "car", "new", "xx", "e1", "en-", "fr--CA",
        "en-toolongsubtag", "French Fries", "en-US-US", "x-klingon"}) {
    BOOST_TEST(text::LangTagForName(name).empty(), name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
