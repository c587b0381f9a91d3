#include "text/input_file.h"

#include <fstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(input_file)

BOOST_AUTO_TEST_CASE(every_kind_has_a_named_limit) {
  for (text::InputKind kind :
       {text::InputKind::kText, text::InputKind::kTmx, text::InputKind::kTbx,
        text::InputKind::kTable, text::InputKind::kDictionary, text::InputKind::kBeads,
        text::InputKind::kPairs}) {
    const text::InputLimit& limit = text::LimitOf(kind);
    BOOST_TEST((limit.kind == kind));
    BOOST_TEST(!limit.name.empty());
    BOOST_TEST(limit.max_bytes >= (std::size_t{64} << 20));
  }
}

BOOST_AUTO_TEST_CASE(read_input_names_the_kind_and_its_limit) {
  TempDir dir;
  fs::path path = dir / "g.tbx";
  { std::ofstream touch(path); }
  fs::resize_file(path, std::size_t{300} << 20);
  text::Result<std::string> refused = text::ReadInput(path.string(), text::InputKind::kTbx);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().message() ==
             "cannot read " + path.string() +
                 ": the file is 300 MiB; TBX files over 256 MiB are not read (they are held in "
                 "memory): split it");
  fs::resize_file(path, 5);
  text::Result<std::string> read = text::ReadInput(path.string(), text::InputKind::kTbx);
  BOOST_REQUIRE(read.ok());
  BOOST_TEST(*read == std::string(5, '\0'));
}

BOOST_AUTO_TEST_CASE(read_file_head_reads_no_more_than_asked) {
  TempDir dir;
  WriteFile(dir / "a.txt", "0123456789");
  text::Result<std::string> head = text::ReadFileHead((dir / "a.txt").string(), 4);
  BOOST_REQUIRE(head.ok());
  BOOST_TEST(*head == "0123");
  head = text::ReadFileHead((dir / "a.txt").string(), 100);
  BOOST_REQUIRE(head.ok());
  BOOST_TEST(*head == "0123456789");
  head = text::ReadFileHead("/dev/zero", 1 << 20);
  BOOST_REQUIRE(head.ok());
  BOOST_TEST(head->size() == std::size_t{1} << 20);
}

BOOST_AUTO_TEST_CASE(line_reader_gives_every_line_as_written) {
  TempDir dir;
  // Lines across the reader's 64 KiB buffer, an empty line, a NUL byte, no final newline.
  std::string long_line(200'000, 'x');
  std::string nul("a\0b", 3);
  WriteFile(dir / "p.tsv", "one\n\n" + long_line + "\n" + nul + "\nlast");
  text::LineReader reader;
  BOOST_REQUIRE(reader.Open((dir / "p.tsv").string(), text::InputKind::kPairs).ok());
  std::vector<std::string> lines;
  std::string line;
  while (reader.Next(&line)) {
    lines.push_back(line);
    BOOST_TEST(reader.line_number() == lines.size());
  }
  BOOST_TEST(reader.status().ok());
  std::vector<std::string> expected = {"one", "", long_line, nul, "last"};
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(line_reader_stops_a_line_without_an_end) {
  text::LineReader reader;
  BOOST_REQUIRE(reader.Open("/dev/zero", text::InputKind::kPairs).ok());
  std::string line;
  BOOST_TEST(!reader.Next(&line));
  BOOST_TEST(reader.status().message() ==
             "cannot read /dev/zero: line 1 is longer than 64 MiB; longer lines are not read "
             "(they are held in memory)");
  BOOST_TEST(line.size() <= (std::size_t{64} << 20));
  text::LineReader missing;
  BOOST_TEST(missing.Open("/nonexistent-folder/p.tsv", text::InputKind::kPairs).message() ==
             "cannot open /nonexistent-folder/p.tsv: No such file or directory");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
