// Tokens: words, grouped numbers, URLs, e-mail addresses and French elisions.
#include "text/tokenizer.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <random>

#include "test_util.h"
#include "tokenizer_internal.h"

namespace termalign::testing {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const text::Token& token : text::Tokenize(text)) out.emplace_back(token.text(text));
  return out;
}

text::TokenKind KindOf(std::string_view text, std::string_view wanted) {
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.text(text) == wanted) return token.kind;
  }
  BOOST_FAIL("no token " << wanted);
  return text::TokenKind::kPunct;
}

using Strings = std::vector<std::string>;

// The tokens as "begin-end:kind" strings, for comparing two token lists.
Strings Described(const std::vector<text::Token>& tokens) {
  Strings out;
  for (const text::Token& token : tokens) {
    out.push_back(std::to_string(token.begin) + "-" + std::to_string(token.end) + ":" +
                  std::to_string(static_cast<int>(token.kind)));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tokenizer)

BOOST_AUTO_TEST_CASE(words_and_punctuation) {
  BOOST_TEST(Texts("The tram, finally!") == (Strings{"The", "tram", ",", "finally", "!"}),
             boost::test_tools::per_element());
  BOOST_TEST((KindOf("The tram, finally!", "tram") == text::TokenKind::kWord));
  BOOST_TEST((KindOf("The tram, finally!", ",") == text::TokenKind::kPunct));
  BOOST_TEST(text::Tokenize("").empty());
  BOOST_TEST(text::Tokenize(" \n\t ").empty());
}

BOOST_AUTO_TEST_CASE(numbers_keep_their_grouping) {
  BOOST_TEST(Texts("64,000 riders, 64 000 usagers, 64\u00A0000 et 64\u202F000, 3.5 km") ==
                 (Strings{"64,000", "riders", ",", "64 000", "usagers", ",", "64\u00A0000", "et",
                          "64\u202F000", ",", "3.5", "km"}),
             boost::test_tools::per_element());
  BOOST_TEST(Texts("1 234 567 passagers") == (Strings{"1 234 567", "passagers"}),
             boost::test_tools::per_element());
  // A year followed by a count is two numbers.
  BOOST_TEST(Texts("In 2023 500 trams") == (Strings{"In", "2023", "500", "trams"}),
             boost::test_tools::per_element());
  BOOST_TEST((KindOf("cost 3,5 euros", "3,5") == text::TokenKind::kNumber));
}

BOOST_AUTO_TEST_CASE(urls_and_emails_are_one_token) {
  std::string text = "See (https://tram.example.org/lines?id=4&x=1). Mail info@tram-city.org.";
  BOOST_TEST(Texts(text) == (Strings{"See", "(", "https://tram.example.org/lines?id=4&x=1", ")",
                                     ".", "Mail", "info@tram-city.org", "."}),
             boost::test_tools::per_element());
  BOOST_TEST((KindOf(text, "info@tram-city.org") == text::TokenKind::kEmail));
  BOOST_TEST((KindOf(text, "https://tram.example.org/lines?id=4&x=1") == text::TokenKind::kUrl));
  BOOST_TEST((KindOf("visit www.tram.fr now", "www.tram.fr") == text::TokenKind::kUrl));
}

BOOST_AUTO_TEST_CASE(french_elisions_are_split) {
  BOOST_TEST(Texts("l’armée d'Israël qu’il jusqu'à aujourd'hui") ==
                 (Strings{"l’", "armée", "d'", "Israël", "qu’", "il", "jusqu'", "à",
                          "aujourd'hui"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(arabic_words) {
  BOOST_TEST(Texts("افتتح الخط الجديد، يوم ٢٠٢٤.") ==
                 (Strings{"افتتح", "الخط", "الجديد", "،", "يوم", "٢٠٢٤", "."}),
             boost::test_tools::per_element());
}

// Tokens are in order, inside the text, non-empty and never contain white space only.
BOOST_DATA_TEST_CASE(tokens_are_ordered_spans, boost::unit_test::data::xrange(100), index) {
  unsigned seed = 9100u + static_cast<unsigned>(index);
  BOOST_TEST_CONTEXT("seed " << seed) {
    static const std::vector<std::string> pieces = {
        "a", "B", " ", "1", ",", ".", "000", "\u00A0", "@", "http://", "www.", "l’", "'",
        "é", "ب", "(", ")", "/", "\n"};
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::string text;
    for (int i = 0; i < 50; ++i) text += pieces[pick(random)];
    std::size_t previous_end = 0;
    for (const text::Token& token : text::Tokenize(text)) {
      BOOST_TEST(token.begin >= previous_end);
      BOOST_TEST(token.begin < token.end);
      BOOST_TEST(token.end <= text.size());
      previous_end = token.end;
    }
  }
}

// Plain texts (letters, digits, spaces, common punctuation) skip ICU's break iterator: the same
// tokens as through it, on random texts of plain pieces and of pieces that make a text not
// plain (a tab, a no-break space, a letter outside Latin, a URL's start, a joining apostrophe).
BOOST_DATA_TEST_CASE(plain_texts_split_as_icu_splits_them, boost::unit_test::data::xrange(400),
                     index) {
  const unsigned seed = 7300u + static_cast<unsigned>(index);
  static const std::vector<std::string> pieces = {
      "a", "Z", "é", "Œ", "ß", "ǂ", "ɏ", "×", "÷", "0", "7", "000", " ", " ", ".", ",", ";",
      ":", "'", "!", "?", "(", ")", "\"", "-", "word", "Lorem", "K4", "w123x", "4K", "www.(",
      "www.-", "\t",
      "\u00A0", "’", "_", "@", "/", "www.", "ب", "\xCC\x81", "\xC3", "ʼ", "…", "«"};
  std::mt19937 random(seed);
  // Half the texts from the plain pieces only (the first 30), half from all.
  const std::size_t last = index % 2 == 0 ? 29 : pieces.size() - 1;
  std::uniform_int_distribution<std::size_t> pick(0, last), length(1, 24);
  std::string text;
  for (std::size_t i = 0, n = length(random); i < n; ++i) text += pieces[pick(random)];
  BOOST_TEST_CONTEXT("seed " << seed << ": " << text) {
    BOOST_TEST(Described(text::Tokenize(text)) == Described(text::internal::TokenizeWithIcu(text)),
               boost::test_tools::per_element());
  }
}

// Every code point the plain path takes for a letter, and its neighbours, beside letters, digits
// and joining punctuation.
BOOST_AUTO_TEST_CASE(plain_letters_are_icu_letters) {
  for (unsigned c = 0x00A0; c <= 0x0260; ++c) {
    std::string letter;
    letter += static_cast<char>(0xC0 | (c >> 6));
    letter += static_cast<char>(0x80 | (c & 0x3F));
    BOOST_TEST_CONTEXT("U+" << std::hex << c) {
      for (const std::string& text :
           {letter, "ab" + letter + "c", letter + "1", "2" + letter, "x." + letter,
            letter + "'s", letter + " " + letter + "-" + letter}) {
        BOOST_TEST(Described(text::Tokenize(text)) ==
                       Described(text::internal::TokenizeWithIcu(text)),
                   boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
