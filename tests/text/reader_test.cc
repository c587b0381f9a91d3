// Reading: UTF-8 validation messages, BOM and newline clean-up, NFC and the offset map.
#include "text/reader.h"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <random>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(reader)

BOOST_AUTO_TEST_CASE(valid_utf8_passes) {
  BOOST_TEST(text::ValidateUtf8("plain ASCII", "a.txt").ok());
  BOOST_TEST(text::ValidateUtf8("D\xC3\xA9" "fense \xD8\xB9\xD8\xB1\xD8\xA8 \xF0\x9F\x98\x80",
                                "a.txt").ok());
  BOOST_TEST(text::ValidateUtf8("", "a.txt").ok());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_line_and_byte) {
  text::Status status = text::ValidateUtf8("one\ntwo\nab\xC3\x28z", "a.txt");
  BOOST_TEST(!status.ok());
  BOOST_TEST((status.code() == text::ErrorCode::kParse));
  BOOST_TEST(status.message() == "a.txt: line 3, byte 10: invalid UTF-8 sequence 0xC3 0x28");
}

BOOST_AUTO_TEST_CASE(rejects_overlong_surrogate_and_out_of_range) {
  BOOST_TEST(!text::ValidateUtf8("\xC0\xAF", "x").ok());          // overlong "/"
  BOOST_TEST(!text::ValidateUtf8("\xE0\x80\xAF", "x").ok());      // overlong
  BOOST_TEST(!text::ValidateUtf8("\xED\xA0\x80", "x").ok());      // surrogate U+D800
  BOOST_TEST(!text::ValidateUtf8("\xF4\x90\x80\x80", "x").ok());  // past U+10FFFF
  BOOST_TEST(!text::ValidateUtf8("\x80", "x").ok());              // stray continuation
  BOOST_TEST(text::ValidateUtf8("ab\xE2\x82", "x").message() ==
             "x: line 1, byte 2: invalid UTF-8 sequence 0xE2 0x82 (cut off at the end of the "
             "text)");
}

BOOST_AUTO_TEST_CASE(bom_and_newlines_are_normalised_with_offsets) {
  std::string input = "\xEF\xBB\xBFone\r\ntwo\rthree\n";
  text::Result<text::NormalizedText> result = text::NormalizeText(input, "a.txt");
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result->text == "one\ntwo\nthree\n");
  BOOST_TEST(result->OriginalOffset(0) == 3u);  // "o" after the BOM
  BOOST_TEST(result->OriginalOffset(4) == 8u);  // "t" of two, after CRLF
  BOOST_TEST(result->OriginalOffset(8) == 12u);  // "t" of three, after CR
  BOOST_TEST(result->OriginalOffset(result->text.size()) == input.size());
}

BOOST_AUTO_TEST_CASE(nfc_composes_and_maps_back) {
  // "e" + combining acute -> "é"; the composed bytes map to the start of the original "e".
  std::string input = "Cafe\xCC\x81 noir";
  text::Result<text::NormalizedText> result = text::NormalizeText(input, "a.txt");
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result->text == "Caf\xC3\xA9 noir");
  BOOST_TEST(result->OriginalOffset(3) == 3u);
  BOOST_TEST(result->OriginalOffset(5) == 6u);  // the space
  BOOST_TEST(result->OriginalOffset(result->text.size()) == input.size());
}

BOOST_AUTO_TEST_CASE(binary_and_utf16_are_refused) {
  std::string binary("text\0more", 9);
  text::Result<text::NormalizedText> result = text::NormalizeText(binary, "b.bin");
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.status().message() ==
             "b.bin: line 1, byte 4: NUL byte; this looks like a binary file, not text");
  std::string utf16("\xFF\xFEh\0i\0", 6);
  result = text::NormalizeText(utf16, "u.txt");
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.status().message() ==
             "u.txt: line 1, byte 0: is UTF-16 (byte order mark); convert it to UTF-8");
}

BOOST_AUTO_TEST_CASE(utf16_without_bom_is_told_from_binary) {
  std::string le("h\0i\0.\0\n\0", 8), be("\0h\0i\0.\0\n", 8);
  BOOST_TEST(text::CheckText(le, "le.txt").message() ==
             "le.txt: line 1, byte 0: looks like UTF-16LE without a byte order mark (NUL bytes at "
             "every other position); convert it to UTF-8");
  BOOST_TEST(text::CheckText(be, "be.txt").message().find("looks like UTF-16BE without") !=
             std::string::npos);
  // NULs at both parities, or a single one, are a binary file.
  std::string binary("ab\0\0cd\0", 7);
  BOOST_TEST(text::CheckText(binary, "b.bin").message() ==
             "b.bin: line 1, byte 2: NUL byte; this looks like a binary file, not text");
  std::string one("abc\0", 4);
  BOOST_TEST(text::CheckText(one, "one.bin").message().find("NUL byte") != std::string::npos);
  BOOST_TEST(text::CheckText("plain \xC3\xA9", "ok.txt").ok());
}

BOOST_AUTO_TEST_CASE(paragraphs_are_non_blank_lines) {
  std::string text = "first\n\n  \nsecond line\nthird";
  std::vector<text::Paragraph> paragraphs = text::SplitParagraphs(text);
  BOOST_REQUIRE(paragraphs.size() == 3u);
  BOOST_TEST(text.substr(paragraphs[1].begin, paragraphs[1].end - paragraphs[1].begin) ==
             "second line");
  BOOST_TEST(text::SplitParagraphs("").empty());
}

BOOST_AUTO_TEST_CASE(read_document_and_presegmented) {
  TempDir dir;
  WriteFile(dir / "a.txt", "\xEF\xBB\xBFThe first sentence. The second one.\r\n\r\nA new paragraph.\r\n");
  text::Result<text::Document> document = text::ReadDocument((dir / "a.txt").string(), "en");
  BOOST_REQUIRE(document.ok());
  BOOST_REQUIRE(document->sentences.size() == 3u);
  BOOST_TEST(document->sentences[1].text == "The second one.");
  BOOST_TEST(document->sentences[1].begin == 23u);
  BOOST_TEST(document->sentences[2].paragraph == 1u);
  text::Result<text::Document> lines = text::ReadPresegmented((dir / "a.txt").string(), "en");
  BOOST_REQUIRE(lines.ok());
  BOOST_REQUIRE(lines->sentences.size() == 2u);
  BOOST_TEST(lines->sentences[0].text == "The first sentence. The second one.");
  BOOST_TEST(lines->sentences[0].begin == 3u);

  WriteFile(dir / "empty.txt", "");
  document = text::ReadDocument((dir / "empty.txt").string(), "");
  BOOST_REQUIRE(document.ok());
  BOOST_TEST(document->sentences.empty());
  BOOST_TEST(document->lang == "und");

  WriteFile(dir / "bad.txt", "ok\n\xFF");
  document = text::ReadDocument((dir / "bad.txt").string(), "en");
  BOOST_REQUIRE(!document.ok());
  BOOST_TEST(document.status().message() ==
             "reading " + (dir / "bad.txt").string() +
                 ": line 2, byte 3: invalid UTF-8 sequence 0xFF");
}

BOOST_AUTO_TEST_CASE(sentence_offsets_map_back_through_nfc) {
  TempDir dir;
  // "cafe" + combining acute becomes "café" (one byte shorter); the file also starts with a BOM.
  std::string original = "\xEF\xBB\xBFUn cafe\xCC\x81 noir. Deux.";
  WriteFile(dir / "c.txt", original);
  text::Result<text::Document> document = text::ReadDocument((dir / "c.txt").string(), "fr");
  BOOST_REQUIRE(document.ok());
  BOOST_REQUIRE(document->sentences.size() == 2u);
  const text::Sentence& first = document->sentences[0];
  std::size_t noir = first.text.find("noir");
  BOOST_TEST(text::SentenceOffsetToOriginal(first, noir, original) == original.find("noir"));
  BOOST_TEST(text::SentenceOffsetToOriginal(first, 0, original) == 3u);
  BOOST_TEST(text::SentenceOffsetToOriginal(first, first.text.size(), original) == first.end);
  const text::Sentence& second = document->sentences[1];
  BOOST_TEST(text::SentenceOffsetToOriginal(second, 1, original) == original.find("eux"));
}

// Random strings over an alphabet with the cases that change under normalisation.
std::string RandomText(std::mt19937& random, std::size_t length) {
  static const std::vector<std::string> pieces = {
      "a", "e", " ", "\n", "\r", "\r\n", "\xCC\x81" /* combining acute */,
      "\xC3\xA9" /* é */, "\xEF\xBB\xBF" /* BOM */, "\xEF\xAC\x81" /* ﬁ */,
      "\xD8\xA3" /* أ */, "\xD9\x8E" /* fatha */, "\xE1\x84\x80" /* Hangul L */,
      "\xE1\x85\xA1" /* Hangul V */, "\xCC\xA3" /* dot below */, "."};
  std::string text;
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (std::size_t i = 0; i < length; ++i) text += pieces[pick(random)];
  return text;
}

BOOST_DATA_TEST_CASE(normalize_is_idempotent_and_offsets_monotone,
                     boost::unit_test::data::xrange(200), index) {
  unsigned seed = 20261124u + static_cast<unsigned>(index);
  BOOST_TEST_CONTEXT("seed " << seed) {
    std::mt19937 random(seed);
    std::string input = RandomText(random, 1 + index % 40);
    text::Result<text::NormalizedText> once = text::NormalizeText(input, "r");
    BOOST_REQUIRE(once.ok());
    BOOST_REQUIRE(once->offsets.size() == once->text.size() + 1);
    for (std::size_t i = 1; i < once->offsets.size(); ++i) {
      BOOST_TEST(once->offsets[i - 1] <= once->offsets[i]);
    }
    BOOST_TEST(once->offsets.back() == input.size());
    for (std::size_t i = 0; i < once->offsets.size(); ++i) {
      BOOST_TEST(once->offsets[i] <= input.size());
    }
    text::Result<text::NormalizedText> twice = text::NormalizeText(once->text, "r");
    BOOST_REQUIRE(twice.ok());
    BOOST_TEST(twice->text == once->text);
  }
}

BOOST_AUTO_TEST_SUITE_END()


BOOST_AUTO_TEST_CASE(offset_map_matches_a_plain_table_at_every_byte) {
  // Runs that advance together, a stretch mapped to one byte (an NFC change), a skipped byte
  // (a CR dropped before LF).
  const std::vector<std::size_t> table = {0, 1, 2, 3, 3, 3, 5, 6, 7, 9, 10};
  text::OffsetMap map;
  for (std::size_t original : table) map.Append(original);
  BOOST_TEST(map.size() == table.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    BOOST_TEST(map[i] == table[i]);
    BOOST_TEST(map.Sequential(i, run) == table[i]);
  }
  BOOST_TEST(map.back() == 10u);
  text::OffsetMap identity = text::OffsetMap::Identity(1'000'000);
  BOOST_TEST(identity[999'999] == 999'999u);
}

}  // namespace termalign::testing
