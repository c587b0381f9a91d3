// The HTML report on a 500-page book: size, build time and rendering in headless Chromium.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <random>

#include "qa/check.h"
#include "qa/report_html.h"
#include "qa_test_util.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

// A generated book: `count` English sentences and their "French" side, where every 97th
// sentence is left out, every 89th target sentence is added and every 50th number changes.
struct Book {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
  std::size_t omissions = 0;
  std::size_t additions = 0;
};

Book MakeBook(std::size_t count, unsigned seed) {
  static const char* kWords[] = {"river", "harbour", "council", "station", "winter", "tram",
                                 "library", "bridge", "market", "north",  "garden", "road"};
  static const char* kMots[] = {"rivière", "port",   "conseil", "gare",  "hiver", "tram",
                                "bibliothèque", "pont", "marché", "nord", "jardin", "route"};
  std::mt19937 random(seed);
  std::vector<std::string> en, fr;
  Book book;
  for (std::size_t i = 0; i < count; ++i) {
    std::string s = "The", t = "Le";
    for (int w = 0; w < 14; ++w) {
      std::size_t k = random() % 12;
      s += std::string(" ") + kWords[k];
      t += std::string(" ") + kMots[k];
    }
    unsigned number = random() % 90000 + 1000;
    s += " <" + std::to_string(number) + "> & \"more\".";
    t += " <" + std::to_string(i % 50 == 7 ? number + 1 : number) + "> & « plus ».";
    if (i % 97 == 5) {
      book.alignment.beads.push_back(MakeBead(en.size(), 1, fr.size(), 0));
      ++book.omissions;
      en.push_back(s);
      continue;
    }
    book.alignment.beads.push_back(MakeBead(en.size(), 1, fr.size(), 1, 0.2 + (i % 8) / 10.0));
    en.push_back(s);
    fr.push_back(t);
    if (i % 89 == 3) {
      book.alignment.beads.push_back(MakeBead(en.size(), 0, fr.size(), 1));
      ++book.additions;
      fr.push_back("Une phrase ajoutée au numéro " + std::to_string(i) + ".");
    }
  }
  book.source = MakeDocument("book.en.txt", "en", en);
  book.target = MakeDocument("book.fr.txt", "fr", fr);
  return book;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qa_report_html)

BOOST_AUTO_TEST_CASE(a_500_page_book_gives_a_page_of_reasonable_size_that_renders) {
  const std::size_t sentences = 12500;  // about 25 sentences a page
  unsigned seed = 20261124;
  BOOST_TEST_MESSAGE("book seed " << seed);
  Book book = MakeBook(sentences, seed);
  qa::CheckOptions options;
  auto start = std::chrono::steady_clock::now();
  text::Result<qa::Report> report =
      qa::CheckPair(book.source, book.target, book.alignment, options);
  BOOST_REQUIRE(report.ok());
  std::string html = qa::RenderHtml({&*report}, {});
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t text_bytes = 0;
  for (const auto& s : book.source.sentences) text_bytes += s.text.size();
  for (const auto& s : book.target.sentences) text_bytes += s.text.size();
  BOOST_TEST_MESSAGE("checked and rendered in " << seconds << " s: " << html.size()
                                                << " bytes of HTML for " << text_bytes
                                                << " bytes of text");
  BOOST_TEST(report->Count(qa::FindingKind::kOmission) == book.omissions);
  BOOST_TEST(report->Count(qa::FindingKind::kAddition) == book.additions);
  BOOST_TEST(book.omissions > 100u);
  // Markup stays within a small multiple of the text.
  BOOST_TEST(html.size() < 3 * text_bytes);
  // Escaped everywhere: the generated "<12345>" never reaches the page as a tag.
  BOOST_TEST(html.find("<1") == std::string::npos);
  BOOST_TEST(html.find("&lt;") != std::string::npos);

  if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("skipped: rendering needs chromium (scripts/install-deps.sh --ci)");
    return;
  }
  TempDir dir;
  WriteFile(dir / "book.html", html);
  std::string command = "chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://" +
                        (dir / "book.html").string() + "' >'" + (dir / "dom.html").string() +
                        "' 2>/dev/null";
  start = std::chrono::steady_clock::now();
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE("headless Chromium loaded and laid out the page in " << seconds << " s");
  std::string dom = ReadFile(dir / "dom.html");
  BOOST_TEST(dom.find("<h2>Summary</h2>") != std::string::npos);
  std::string last_bead = "id=\"p0-b" + std::to_string(book.alignment.beads.size() - 1) + "\"";
  BOOST_TEST(dom.find(last_bead) != std::string::npos);
  BOOST_TEST(dom.find("class=\"k k-number_mismatch\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
