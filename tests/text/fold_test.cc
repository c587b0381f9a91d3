// Folding for matching: case, accents, Arabic normalisation, numbers.
#include "text/fold.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <random>

#include "fold_internal.h"
#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(fold)

BOOST_AUTO_TEST_CASE(case_and_accents) {
  BOOST_TEST(text::FoldForMatch("Défense") == "defense");
  BOOST_TEST(text::FoldForMatch("DÉFENSE") == "defense");
  BOOST_TEST(text::FoldForMatch("De\xCC\x81" "fense") == "defense");  // decomposed
  BOOST_TEST(text::FoldForMatch("Œuvre") == "oeuvre");
  BOOST_TEST(text::FoldForMatch("l’armée") == "l'armee");
  BOOST_TEST(text::FoldForMatch("Straße") == "strasse");
  BOOST_TEST(text::FoldForMatch("TRAM") == "tram");
}

BOOST_AUTO_TEST_CASE(arabic_normalisation) {
  // Tashkeel and tatweel go; alef forms, ta marbuta and alef maqsura are unified.
  BOOST_TEST(text::NormalizeArabic("مَدِينَة") == "مدينه");
  BOOST_TEST(text::NormalizeArabic("مـــدينة") == "مدينه");
  BOOST_TEST(text::NormalizeArabic("أحمد إلى آخر") == "احمد الي اخر");
  BOOST_TEST(text::NormalizeArabic("٢٠٢٤ و۳") == "2024 و3");
  BOOST_TEST(text::NormalizeArabic("Tram line") == "Tram line");
  BOOST_TEST(text::FoldForMatch("الإدارة") == "الاداره");
  BOOST_TEST(text::FoldForMatch("Tram الإدارة") == "tram الاداره");
}

BOOST_AUTO_TEST_CASE(arabic_block_folds_like_its_normalisation) {
  // FoldForMatch takes a shortcut for text in ASCII and the Arabic block; it must agree with
  // the full fold, which leaves Arabic letters to NormalizeArabic. The Latin letter in front
  // forces the full path.
  for (unsigned c = 0x0600; c <= 0x06FF; ++c) {
    std::string letter = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    BOOST_TEST_CONTEXT("U+" << std::hex << c) {
      BOOST_TEST(text::FoldForMatch(letter) == text::NormalizeArabic(letter));
      BOOST_TEST(text::FoldForMatch("\u00C9" + letter) == "e" + text::NormalizeArabic(letter));
    }
  }
}

// FoldForMatch folds text in ASCII and the Latin letters U+00C0..U+024F with a table of
// the transliterator's folds, letter by letter: it must agree with the transliterator on whole
// texts.
BOOST_AUTO_TEST_CASE(latin_letters_fold_as_the_transliterator_folds_them) {
  for (unsigned c = 0x00C0; c <= 0x024F; ++c) {
    std::string letter = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    BOOST_TEST_CONTEXT("U+" << std::hex << c) {
      for (const std::string& text : {letter, "A" + letter + "b", letter + letter + " " + letter,
                                      "l'" + letter + "-" + letter + "X"}) {
        BOOST_TEST(text::FoldForMatch(text) == text::internal::FoldWithTransliterator(text));
      }
    }
  }
}

BOOST_DATA_TEST_CASE(latin_words_fold_as_the_transliterator_folds_them,
                     boost::unit_test::data::xrange(300), index) {
  const unsigned seed = 9100u + static_cast<unsigned>(index);
  std::mt19937 random(seed);
  std::uniform_int_distribution<unsigned> latin(0x00C0, 0x024F), ascii(0x20, 0x7E),
      kind(0, 2);
  std::string text;
  for (int i = 0; i < 16; ++i) {
    if (kind(random) == 0) {
      text += static_cast<char>(ascii(random));
    } else {
      const unsigned c = latin(random);
      text += static_cast<char>(0xC0 | (c >> 6));
      text += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  BOOST_TEST_CONTEXT("seed " << seed << ": " << text) {
    BOOST_TEST(text::FoldForMatch(text) == text::internal::FoldWithTransliterator(text));
  }
}

BOOST_AUTO_TEST_CASE(long_texts_fold_piece_by_piece) {
  // A long text is folded in pieces: the same result as word by word, in linear time.
  std::string words, expected;
  for (int i = 0; i < 3000; ++i) {
    words += "Défense Œuvre مَدِينَة ";
    expected += "defense oeuvre مدينه ";
  }
  BOOST_TEST(text::FoldForMatch(words) == expected);
  std::string one_word, one_expected;
  for (int i = 0; i < 200000; ++i) {  // 600 KB without a space: e + combining acute
    one_word += "E\xCC\x81";
    one_expected += "e";
  }
  BOOST_TEST(text::FoldForMatch(one_word) == one_expected);
}

BOOST_AUTO_TEST_CASE(arabic_article) {
  BOOST_TEST(text::StripArabicArticle("والغارديان") == "غارديان");
  BOOST_TEST(text::StripArabicArticle("المدينه") == "مدينه");
  BOOST_TEST(text::StripArabicArticle("بالترام") == "ترام");
  BOOST_TEST(text::StripArabicArticle("للمدينه") == "مدينه");
  BOOST_TEST(text::StripArabicArticle("الي") == "الي");  // three letters: kept
  BOOST_TEST(text::StripArabicArticle("ترام") == "ترام");
}

BOOST_AUTO_TEST_CASE(numbers) {
  BOOST_TEST(text::NormalizeNumber("64,000", "en") == "64000");
  BOOST_TEST(text::NormalizeNumber("64 000", "fr") == "64000");
  BOOST_TEST(text::NormalizeNumber("64\u00A0000", "fr") == "64000");
  BOOST_TEST(text::NormalizeNumber("64\u202F000", "fr") == "64000");
  BOOST_TEST(text::NormalizeNumber("3,5", "fr") == "3.5");
  // German and Spanish group with a point and write a decimal comma.
  BOOST_TEST(text::NormalizeNumber("64.000", "de") == "64000");
  BOOST_TEST(text::NormalizeNumber("64.000", "en") == "64");
  BOOST_TEST(text::NormalizeNumber("0,125", "de") == "0.125");
  BOOST_TEST(text::NormalizeNumber("0,125", "en") == "0125");
  BOOST_TEST(text::NormalizeNumber("12,5", "es-ES") == "12.5");
  BOOST_TEST(text::NormalizeNumber("45.000", "es") == "45000");
  BOOST_TEST(text::NormalizeNumber("3.5", "en") == "3.5");
  BOOST_TEST(text::NormalizeNumber("3.50", "en") == "3.5");
  BOOST_TEST(text::NormalizeNumber("1,234,567.25", "en") == "1234567.25");
  BOOST_TEST(text::NormalizeNumber("1.234.567,25", "fr") == "1234567.25");
  BOOST_TEST(text::NormalizeNumber("1 234,56", "fr") == "1234.56");
  BOOST_TEST(text::NormalizeNumber("٦٤٬٠٠٠", "ar") == "64000");
  BOOST_TEST(text::NormalizeNumber("٣٫٥", "ar") == "3.5");
  BOOST_TEST(text::NormalizeNumber("-12", "en") == "-12");
  BOOST_TEST(text::NormalizeNumber("2024", "fr") == "2024");
  BOOST_TEST(text::NormalizeNumber("tram", "en") == "");
  BOOST_TEST(text::NormalizeNumber("1,2,3", "en") == "");
  BOOST_TEST(text::NormalizeNumber("", "en") == "");
}

BOOST_AUTO_TEST_CASE(roman_numerals) {
  BOOST_TEST(text::RomanNumeral("III") == "3");
  BOOST_TEST(text::RomanNumeral("XXIII") == "23");
  BOOST_TEST(text::RomanNumeral("XIV") == "14");
  BOOST_TEST(text::RomanNumeral("XCIX") == "99");
  BOOST_TEST(text::RomanNumeral("CCCXCIX") == "399");
  BOOST_TEST(text::RomanNumeral("I") == "");      // a pronoun
  BOOST_TEST(text::RomanNumeral("iii") == "");    // capitals only
  BOOST_TEST(text::RomanNumeral("IIII") == "");   // not the usual spelling
  BOOST_TEST(text::RomanNumeral("VX") == "");
  BOOST_TEST(text::RomanNumeral("CIVIL") == "");
  BOOST_TEST(text::RomanNumeral("DIX") == "");    // 509, and the French for ten
  BOOST_TEST(text::RomanNumeral("XIIth") == "");
}

BOOST_DATA_TEST_CASE(fold_is_idempotent, boost::unit_test::data::xrange(200), index) {
  unsigned seed = 4200u + static_cast<unsigned>(index);
  BOOST_TEST_CONTEXT("seed " << seed) {
    static const std::vector<std::string> pieces = {
        "A", "é", "E\xCC\x81", "Œ", "ß", "İ", "ﬁ", "ℌ", "’", "«", "Σ", " ", "أ", "ـ",
        "\xD9\x8E", "ة", "ى", "٣", "ﻻ", "ئ", "Ǆ", "ǅ", "Ⅻ", "½", "x"};
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::string text;
    for (int i = 0; i < 12; ++i) text += pieces[pick(random)];
    std::string once = text::FoldForMatch(text);
    BOOST_TEST(text::FoldForMatch(once) == once);
    std::string arabic = text::NormalizeArabic(text);
    BOOST_TEST(text::NormalizeArabic(arabic) == arabic);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
