// The PDF reader on documents built here (tests/formats/pdf_maker.h): reading order on pages with
// two columns, running headers, footers and page numbers left out, hyphenated line ends joined,
// headings kept as paragraphs; and the PDFs it must refuse: damaged, encrypted, scanned.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "formats/document_text.h"
#include "pdf_maker.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

text::Result<formats::ExtractedText> Read(const std::string& bytes, const std::string& name) {
  BOOST_REQUIRE((formats::DetectFormat(bytes, name) == formats::Format::kPdf));
  return formats::ExtractText(bytes, formats::Format::kPdf, name);
}

// A page of a bulletin: a running header, a heading, a paragraph with a word broken at a line
// end, two columns, and a page number at the foot.
PdfPage BulletinPage(int number) {
  PdfPage page = TextLines({"The harbour office opens the new ferry terminal on Monday. Boats for",
                            "the islands leave from the east quay, where the old customs build-",
                            "ing stands.", "", "Tickets are sold on board."},
                           730);
  page.push_back(PdfLine{72, 800, 9, "Harbour news, issue " + std::to_string(40 + number)});
  page.push_back(PdfLine{72, 760, 14, "Ferry terminal " + std::to_string(number)});
  for (int row = 0; row < 3; ++row) {
    double y = 600 - 14 * row;
    page.push_back(PdfLine{72, y, 11, "West quay note " + std::to_string(row) + "."});
    page.push_back(PdfLine{330, y, 11, "East quay note " + std::to_string(row) + "."});
  }
  page.push_back(PdfLine{290, 40, 9, "- " + std::to_string(number) + " -"});
  return page;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf)

BOOST_AUTO_TEST_CASE(pages_in_reading_order_without_running_lines) {
  auto text = Read(MakePdf({BulletinPage(1), BulletinPage(2), BulletinPage(3)}), "b.pdf");
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  std::string page =
      "Ferry terminal #\n"
      "The harbour office opens the new ferry terminal on Monday. Boats for the islands leave "
      "from the east quay, where the old customs building stands.\n"
      "Tickets are sold on board.\n"
      "West quay note 0.\nWest quay note 1.\nWest quay note 2.\n"
      "East quay note 0.\nEast quay note 1.\nEast quay note 2.\n";
  std::string expected;
  for (char n : {'1', '2', '3'}) {
    std::string copy = page;
    copy[copy.find('#')] = n;
    expected += copy;
  }
  BOOST_TEST(text->text == expected);
  BOOST_REQUIRE_EQUAL(text->places.size(), 27u);
  BOOST_TEST(text->places[0].part == "page 1");
  BOOST_TEST(text->places[9].part == "page 2");
  BOOST_TEST(text->places[9].paragraph == 1u);
  BOOST_TEST(text->places[11].paragraph == 3u);
}

BOOST_AUTO_TEST_CASE(a_line_on_one_page_only_is_text_not_a_header) {
  // One page: its first line cannot be told from a running header, so it stays; the page
  // number goes, and so do the French letters' bytes come back as UTF-8.
  PdfPage page = TextLines({"Règlement du port", "", "Le bureau du port ouvre à huit heures."});
  page.push_back(PdfLine{290, 40, 9, "Page 7 of 9"});
  auto text = Read(MakePdf({page}), "one.pdf");
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  BOOST_TEST(text->text == "Règlement du port\nLe bureau du port ouvre à huit heures.\n");
}

BOOST_AUTO_TEST_CASE(damaged_encrypted_and_scanned_pdfs_are_refused_by_name) {
  std::string good = MakePdf({TextLines({"Some words."})});
  auto truncated = Read("%PDF-1.4\n1 0 obj\n<< /Type", "cut.pdf");
  BOOST_REQUIRE(!truncated.ok());
  BOOST_TEST(truncated.status().message().find("cut.pdf: not a readable PDF") !=
             std::string::npos);

  PdfOptions locked;
  locked.encrypted = true;
  auto encrypted = Read(MakePdf({TextLines({"Secret words."})}, locked), "locked.pdf");
  BOOST_REQUIRE(!encrypted.ok());
  BOOST_TEST(encrypted.status().message().find("locked.pdf: the PDF is encrypted") !=
             std::string::npos,
             encrypted.status().message());

  auto scanned = Read(MakePdf({PdfPage{}, PdfPage{}}), "scan.pdf");
  BOOST_REQUIRE(!scanned.ok());
  BOOST_TEST(scanned.status().message().find("scan.pdf: the PDF has no text layer (2 page(s)") !=
             std::string::npos,
             scanned.status().message());

  // The same bytes as a good file, with garbage in the middle: read or refused, never a crash.
  std::string damaged = good;
  for (std::size_t i = damaged.size() / 3; i < damaged.size() / 2; ++i) damaged[i] = '\x01';
  auto result = Read(damaged, "damaged.pdf");
  if (!result.ok()) {
    BOOST_TEST(result.status().message().find("damaged.pdf") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
