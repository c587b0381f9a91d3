// End-to-end tests of `termalign segment`: output, JSON Lines, messages and exit codes.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(segment)

BOOST_AUTO_TEST_CASE(plain_output_one_sentence_per_line) {
  TempDir dir;
  WriteFile(dir / "tram.txt",
            "The tram opens today. Dr. Lee will ride it!\r\n\r\nTickets cost 2.50 euros.\r\n");
  RunResult result = RunCli("segment --lang en tram.txt", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out ==
             "The tram opens today.\nDr. Lee will ride it!\nTickets cost 2.50 euros.\n");
  BOOST_TEST(result.err.empty());
}

BOOST_AUTO_TEST_CASE(json_lines_with_original_offsets) {
  TempDir dir;
  std::string input = "\xEF\xBB\xBF« Non ! » Le tram part de la gare.\nIl arrive au port.";
  WriteFile(dir / "fr.txt", input);
  RunResult result = RunCli("segment --json fr.txt", dir.path());
  BOOST_TEST(result.exit_code == 0);
  std::istringstream lines(result.out);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  BOOST_REQUIRE(records.size() == 3u);
  BOOST_TEST(records[0]["text"] == "« Non ! »");
  BOOST_TEST(records[0]["lang"] == "fr");  // guessed
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::size_t begin = records[i]["begin"], end = records[i]["end"];
    BOOST_TEST(input.substr(begin, end - begin) == records[i]["text"].get<std::string>());
    BOOST_TEST(records[i]["index"] == i);
  }
  BOOST_TEST(records[0]["begin"] == 3);  // after the BOM
  BOOST_TEST(records[2]["paragraph"] == 1);
}

BOOST_AUTO_TEST_CASE(stdin_is_read_with_a_dash) {
  TempDir dir;
  RunResult result = RunCli("segment --lang fr -", dir.path(), "Bonjour. Au revoir.\n");
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == "Bonjour.\nAu revoir.\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_word_for_word) {
  TempDir dir;
  WriteFile(dir / "bad.txt", "Good line.\nBad \xC3\x28 byte.\n");
  RunResult result = RunCli("segment bad.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out.empty());
  BOOST_TEST(result.err ==
             "termalign: error: reading bad.txt: line 2, byte 15: invalid UTF-8 sequence 0xC3 "
             "0x28\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_on_stdin) {
  TempDir dir;
  RunResult result = RunCli("segment -", dir.path(), "caf\xE9\n");
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: reading <stdin>: line 1, byte 3: invalid UTF-8 sequence 0xE9 "
             "0x0A\n");
}

BOOST_AUTO_TEST_CASE(binary_empty_and_missing_files) {
  TempDir dir;
  WriteFile(dir / "image.bin", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  RunResult result = RunCli("segment image.bin", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: reading image.bin: line 3, byte 8: NUL byte; this looks like a "
             "binary file, not text\n");

  WriteFile(dir / "utf16.txt", std::string("\xFF\xFEH\0i\0", 6));
  result = RunCli("segment utf16.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: reading utf16.txt: line 1, byte 0: is UTF-16 (byte order mark); "
             "convert it to UTF-8\n");

  WriteFile(dir / "empty.txt", "");
  result = RunCli("segment empty.txt", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.empty());
  BOOST_TEST(result.err.empty());

  result = RunCli("segment missing.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "termalign: error: cannot open missing.txt: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_two) {
  TempDir dir;
  WriteFile(dir / "a.txt", "Text.");
  RunResult result = RunCli("segment --lang english a.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "termalign: error: --lang: unknown language 'english' (known: ar, de, en, es, fr; "
             "or auto to guess)\n");
  result = RunCli("segment", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out.empty());
  result = RunCli("segment --help", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("--json") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(large_single_line_file) {
  // 10 MB on one line, sentences without paragraph breaks: finishes and keeps every sentence.
  TempDir dir;
  std::string sentence = "The tram crossed the bridge at 12.5 km/h near www.tram.example.org. ";
  std::string text;
  std::size_t count = 0;
  while (text.size() < 10u * 1024 * 1024) {
    text += sentence;
    ++count;
  }
  WriteFile(dir / "big.txt", text);
  RunResult result = RunCli("segment --lang en big.txt", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(static_cast<std::size_t>(std::count(result.out.begin(), result.out.end(), '\n')) ==
             count);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
