// XML bytes in a declared encoding to UTF-8: the encodings other tools write, and what is not
// readable (an unknown encoding, bytes invalid in the declared one) refused with its place.
#include "text/xml_encoding.h"

#include <boost/test/unit_test.hpp>

#include <string>

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(xml_encoding)

BOOST_AUTO_TEST_CASE(a_declared_single_byte_encoding_is_converted_and_redeclared) {
  // "é" is 0xE9 in windows-1254 as in Latin-1; "İ" is 0xDD in windows-1254 only.
  std::string bytes = "<?xml version=\"1.0\" encoding=\"windows-1254\"?><a>\xE9\xDD</a>";
  auto utf8 = text::XmlToUtf8(bytes, "t.tbx");
  BOOST_REQUIRE(utf8.ok());
  BOOST_TEST(*utf8 == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xC3\xA9\xC4\xB0</a>");
}

BOOST_AUTO_TEST_CASE(utf16_with_or_without_a_mark_is_found_and_converted) {
  const std::string le_with_mark("\xFF\xFE<\0a\0/\0>\0", 10);
  const std::string be_without_mark("\0<\0a\0/\0>", 8);
  for (const std::string& bytes : {le_with_mark, be_without_mark}) {
    auto utf8 = text::XmlToUtf8(bytes, "t.tbx");
    BOOST_REQUIRE(utf8.ok());
    BOOST_TEST(*utf8 == "<a/>");
  }
  BOOST_TEST(text::DetectXmlEncoding(le_with_mark) == "UTF-16LE");
  BOOST_TEST(text::DetectXmlEncoding(be_without_mark) == "UTF-16BE");
}

BOOST_AUTO_TEST_CASE(utf8_is_returned_as_it_is_without_its_mark) {
  auto utf8 = text::XmlToUtf8("\xEF\xBB\xBF<a>\xC3\xA9</a>", "t.tbx");
  BOOST_REQUIRE(utf8.ok());
  BOOST_TEST(*utf8 == "<a>\xC3\xA9</a>");
}

BOOST_AUTO_TEST_CASE(an_unknown_encoding_is_refused_by_name) {
  auto utf8 = text::XmlToUtf8("<?xml version=\"1.0\" encoding=\"x-no-such\"?><a/>", "t.tbx");
  BOOST_REQUIRE(!utf8.ok());
  BOOST_TEST(utf8.status().message() ==
             "t.tbx: the file declares encoding 'x-no-such', which termalign cannot read");
}

BOOST_AUTO_TEST_CASE(bytes_invalid_in_the_declared_encoding_are_refused_with_their_offset) {
  // 0x81 has no character in Shift_JIS as a lone lead byte at the end.
  auto utf8 = text::XmlToUtf8("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a>\x81</a>", "t.tbx");
  BOOST_REQUIRE(!utf8.ok());
  BOOST_TEST(utf8.status().message().find("t.tbx: byte ") == 0u);
  BOOST_TEST(utf8.status().message().find("not valid Shift_JIS") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
