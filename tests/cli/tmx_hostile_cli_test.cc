// Hostile TMX input for the streamed reader, end to end: a huge text node or comment, a unit of
// 100,000 variants, a device file, encodings the file does not hold. Each is refused with its
// file and line and exit 2 (or read in linear time when it is valid), in bounded memory. These
// back rows of the README's bad-input table.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kHead[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
    "<header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" "
    "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n";
const char kTail[] = "</body>\n</tmx>\n";
const char kUnit[] =
    "<tu><tuv xml:lang=\"en\"><seg>Hello</seg></tuv><tuv xml:lang=\"fr\"><seg>Bonjour</seg>"
    "</tuv></tu>\n";

// Writes a TMX whose second line of the body, line 6, starts with `open`, then holds `mib` MiB of
// 'a', then `close`; a good unit before and after.
void WriteHuge(const fs::path& path, const std::string& open, std::size_t mib,
               const std::string& close) {
  std::ofstream out(path, std::ios::binary);
  out << kHead << kUnit << open;
  std::string chunk(std::size_t{1} << 20, 'a');
  for (std::size_t i = 0; i < mib; ++i) out << chunk;
  out << close << kUnit << kTail;
}

// The peak resident memory, in KiB, of `args` run as RunCli does, or 0 (with a message) when
// /usr/bin/time is not installed. The result of the run goes to `*result`.
long PeakKib(const std::string& args, const TempDir& dir, RunResult* result) {
  if (std::system("test -x /usr/bin/time") != 0) {
    BOOST_TEST_MESSAGE("memory not checked: /usr/bin/time is not installed");
    *result = RunCli(args, dir.path());
    return 0;
  }
  *result = RunCli(args, dir.path(), "", "/usr/bin/time -f %M -o rss.txt");
  return std::atol(ReadFile(dir / "rss.txt").c_str());
}

BOOST_AUTO_TEST_SUITE(tmx_hostile_cli)

BOOST_AUTO_TEST_CASE(a_huge_text_node_is_refused_at_its_unit_in_bounded_memory) {
  TempDir dir;
  WriteHuge(dir / "big.tmx", "<tu><tuv xml:lang=\"en\"><seg>", 40,
            "</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n");
  const std::string why =
      "big.tmx:6:1: the <tu> that starts here is over 16 MiB (elements are read one at a time, "
      "each held in memory)\n";
  for (auto [command, doing] : {std::pair{"tmx stats", ""}, std::pair{"tmx validate", ""},
                                std::pair{"tmx merge -o out.tmx", "merging: "}}) {
    BOOST_TEST_CONTEXT(command) {
      RunResult result;
      long peak = PeakKib(std::string(command) + " big.tmx", dir, &result);
      BOOST_TEST(result.exit_code == 2);
      BOOST_TEST(result.err == "termalign: error: " + std::string(doing) + why);
      // The 40 MiB unit is never held whole (it was, twice, and scanned again at each block).
      BOOST_TEST(peak < 40 * 1024, peak << " KiB");
    }
  }
  RunResult imported = RunCli("tmx import big.tmx", dir.path());
  BOOST_TEST(imported.exit_code == 2);
  BOOST_TEST(imported.err == "termalign: error: importing big.tmx: " + why);
  BOOST_TEST(!fs::exists(dir / "out.tmx"));
}

BOOST_AUTO_TEST_CASE(a_huge_comment_is_refused_where_it_starts) {
  TempDir dir;
  WriteHuge(dir / "comment.tmx", "<!--", 20, "-->\n");
  RunResult result = RunCli("tmx stats comment.tmx", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: comment.tmx:6:1: the text or markup that starts here is over 16 "
             "MiB (elements are read one at a time, each held in memory)\n");
}

BOOST_AUTO_TEST_CASE(a_huge_header_is_refused) {
  TempDir dir;
  {
    std::ofstream out(dir / "header.tmx", std::ios::binary);
    out << "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\">\n";
    std::string prop = "<prop type=\"x\">" + std::string(1000, 'p') + "</prop>\n";
    for (int i = 0; i < 20000; ++i) out << prop;
    out << "</header><body>" << kUnit << kTail;
  }
  RunResult result = RunCli("tmx validate header.tmx", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: header.tmx:") == 0, result.err);
  BOOST_TEST(
      result.err.find(": the document outside <body> is over 16 MiB here") != std::string::npos,
      result.err);
}

BOOST_AUTO_TEST_CASE(a_unit_of_100000_variants_is_read_in_linear_time) {
  TempDir dir;
  {
    std::ofstream out(dir / "many.tmx", std::ios::binary);
    out << kHead << kUnit << "<tu><tuv xml:lang=\"en\"><seg>Hello</seg></tuv>";
    for (int i = 0; i < 100000; ++i) {
      out << "<tuv xml:lang=\"x-l" << i << "\"><seg>v" << i << "</seg></tuv>";
    }
    out << "</tu>\n" << kUnit << kTail;
  }
  auto start = std::chrono::steady_clock::now();
  RunResult imported = RunCli("tmx import many.tmx --tgt-lang fr", dir.path());
  BOOST_TEST(imported.exit_code == 0, imported.err);
  BOOST_TEST(imported.out == "Hello\tBonjour\nHello\tBonjour\n");
  RunResult chosen = RunCli("tmx import many.tmx", dir.path());
  BOOST_TEST(chosen.exit_code == 0, chosen.err);
  BOOST_TEST(chosen.out == "Hello\tBonjour\nHello\tBonjour\n");
  RunResult stats = RunCli("tmx stats many.tmx --json", dir.path());
  BOOST_TEST(stats.exit_code == 0, stats.err);
  BOOST_TEST(stats.out.find("\"units\":3") != std::string::npos, stats.out.substr(0, 200));
  RunResult valid = RunCli("tmx validate many.tmx", dir.path());
  BOOST_TEST(valid.exit_code == 0, valid.out << valid.err);
  // Each took minutes when every variant was compared with every language seen (import over
  // 120 s, stats 23 s CPU); a generous bound for a loaded machine or a sanitizer build.
  auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
  BOOST_TEST(seconds.count() < 90);
}

BOOST_AUTO_TEST_CASE(a_device_is_refused_at_its_first_byte_by_every_reading_command) {
  TempDir dir;
  const std::string why =
      "/dev/zero:1:1: control character U+0000 is not allowed in XML 1.0 (not well-formed)\n";
  for (auto [command, doing] : {std::pair{"tmx stats", ""}, std::pair{"tmx validate", ""},
                                std::pair{"tmx merge -o out.tmx", "merging: "}}) {
    BOOST_TEST_CONTEXT(command) {
      RunResult result = RunCli(std::string(command) + " /dev/zero", dir.path());
      BOOST_TEST(result.exit_code == 2);
      BOOST_TEST(result.err == "termalign: error: " + std::string(doing) + why);
    }
  }
  BOOST_TEST(!fs::exists(dir / "out.tmx"));
}

BOOST_AUTO_TEST_CASE(encodings_the_file_does_not_hold_are_named_with_their_place) {
  TempDir dir;
  std::string head = kHead;
  // A declared encoding the reader does not convert: named at its name in the declaration.
  std::string declared = head;
  declared.replace(declared.find("UTF-8"), 5, "Shift_JIS");
  WriteFile(dir / "sjis.tmx", declared + kUnit + kTail);
  RunResult sjis = RunCli("tmx validate sjis.tmx", dir.path());
  BOOST_TEST(sjis.exit_code == 2);
  BOOST_TEST(sjis.err ==
             "termalign: error: sjis.tmx:1:31: encoding 'shift_jis' is not supported (UTF-8, "
             "UTF-16 with a byte-order mark, ISO-8859-1): convert to UTF-8\n");
  // Declared UTF-8, written in ISO-8859-1: the first byte that is no UTF-8, by line and byte.
  WriteFile(dir / "latin1.tmx",
            head + kUnit + "<tu><tuv xml:lang=\"en\"><seg>Caf\xE9</seg></tuv></tu>\n" + kTail);
  RunResult latin1 = RunCli("tmx stats latin1.tmx", dir.path());
  BOOST_TEST(latin1.exit_code == 2);
  BOOST_TEST(latin1.err.find("termalign: error: latin1.tmx:6:32: ") == 0, latin1.err);
  // A UTF-16 byte-order mark on a file cut in the middle of a character: the line it is on.
  std::string utf16 = "\xFF\xFE";
  for (char c : head + kUnit) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16 += std::string("\x00\xDC", 2);  // a low surrogate alone
  WriteFile(dir / "utf16.tmx", utf16);
  RunResult bad16 = RunCli("tmx import utf16.tmx", dir.path());
  BOOST_TEST(bad16.exit_code == 2);
  BOOST_TEST(bad16.err ==
             "termalign: error: importing utf16.tmx: utf16.tmx:6:1: invalid UTF-16 at byte 580 "
             "of the file (is it UTF-16LE?)\n");
  // UTF-32 is named as such.
  WriteFile(dir / "utf32.tmx", std::string("\xFF\xFE\0\0<\0\0\0", 8));
  RunResult utf32 = RunCli("tmx stats utf32.tmx", dir.path());
  BOOST_TEST(utf32.exit_code == 2);
  BOOST_TEST(utf32.err ==
             "termalign: error: utf32.tmx:1:1: UTF-32 is not supported: convert to UTF-8\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::testing
