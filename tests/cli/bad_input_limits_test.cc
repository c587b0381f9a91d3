// Every kind of input has a stated size limit (text/input_file.h): a file over it is refused
// before a byte is read when its size is known, and a stream without an end (/dev/zero) stops
// at the limit, with a message naming the file, never running out of memory. These cases back
// the README's bad-input rows on large files.
#include <filesystem>
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

// A sparse file of `bytes` zero bytes: no disk blocks used.
void MakeSparse(const fs::path& path, std::uintmax_t bytes) {
  { std::ofstream touch(path); }
  fs::resize_file(path, bytes);
}

std::string TooLarge(const std::string& file, const std::string& kind, int limit_mib) {
  return "cannot read " + file + ": the file is 1144 MiB; " + kind + " over " +
         std::to_string(limit_mib) + " MiB are not read (they are held in memory): split it\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(every_input_kind_is_refused_over_its_limit_before_it_is_read) {
  TempDir dir;
  // 1,200,000,000 bytes (1144 MiB): over every limit, the TMX one (1024 MiB) included.
  const std::uintmax_t kBig = 1'200'000'000;
  for (const char* name : {"big.tmx", "big.tbx", "big.tsv", "big.csv", "big.beads"}) {
    MakeSparse(dir / name, kBig);
  }
  WriteFile(dir / "a.en.txt", "The pump moves water.\n");
  WriteFile(dir / "a.fr.txt", "La pompe déplace l'eau.\n");

  RunResult tmx = RunCli("tmx import big.tmx", dir.path());
  BOOST_TEST(tmx.exit_code == 2);
  BOOST_TEST(tmx.err == "termalign: error: importing big.tmx: " +
                            TooLarge("big.tmx", "TMX files", 1024));
  RunResult validate = RunCli("tmx validate big.tmx", dir.path());
  BOOST_TEST(validate.exit_code == 2);
  BOOST_TEST(validate.err == "termalign: error: " + TooLarge("big.tmx", "TMX files", 1024));

  RunResult tbx = RunCli("glossary import big.tbx --db t.db", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err == "termalign: error: " + TooLarge("big.tbx", "TBX files", 256));
  for (const char* table : {"big.tsv", "big.csv"}) {
    RunResult imported = RunCli(std::string("glossary import ") + table + " --db t.db", dir.path());
    BOOST_TEST(imported.exit_code == 2);
    BOOST_TEST(imported.err == "termalign: error: " + TooLarge(table, "glossary tables", 256));
  }

  RunResult dict = RunCli("align --dict big.tsv a.en.txt a.fr.txt", dir.path());
  BOOST_TEST(dict.exit_code == 2);
  BOOST_TEST(dict.err == "termalign: error: reading the dictionary: " +
                             TooLarge("big.tsv", "dictionaries", 256));

  RunResult qa = RunCli("qa --src-lang en --tgt-lang fr --beads big.beads a.en.txt a.fr.txt",
                        dir.path());
  BOOST_TEST(qa.exit_code == 2);
  BOOST_TEST(qa.err.find(TooLarge("big.beads", "bead files", 256)) != std::string::npos, qa.err);
  RunResult eval = RunCli("eval --gold big.beads --test big.beads", dir.path());
  BOOST_TEST(eval.exit_code == 2);
  BOOST_TEST(eval.err.find(TooLarge("big.beads", "bead files", 256)) != std::string::npos,
             eval.err);
}

BOOST_AUTO_TEST_CASE(streams_without_an_end_stop_at_the_limit) {
  TempDir dir;
  WriteFile(dir / "a.en.txt", "The pump moves water.\n");
  WriteFile(dir / "a.fr.txt", "La pompe déplace l'eau.\n");
  // A character device has no size: reading stops once the limit is passed.
  RunResult tbx = RunCli("glossary import /dev/zero --format tbx --db t.db", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err ==
             "termalign: error: cannot read /dev/zero: more than 256 MiB; TBX files over 256 MiB "
             "are not read (they are held in memory): split it\n");
  RunResult dict = RunCli("align --dict /dev/zero a.en.txt a.fr.txt", dir.path());
  BOOST_TEST(dict.exit_code == 2);
  BOOST_TEST(dict.err.find("cannot read /dev/zero: more than 256 MiB; dictionaries over 256 MiB") !=
             std::string::npos);
  // Pairs are streamed a line at a time: a line without an end stops at the line limit, and no
  // output file is left.
  RunResult pairs = RunCli("tmx export --src-lang en --tgt-lang fr --pairs /dev/zero -o out.tmx",
                           dir.path());
  BOOST_TEST(pairs.exit_code == 2);
  BOOST_TEST(pairs.err ==
             "termalign: error: cannot read /dev/zero: line 1 is longer than 64 MiB; longer lines "
             "are not read (they are held in memory)\n");
  BOOST_TEST(!fs::exists(dir / "out.tmx"));
  // A TMX is streamed too: the first block read is refused.
  RunResult tmx = RunCli("tmx import /dev/zero", dir.path());
  BOOST_TEST(tmx.exit_code == 2);
  BOOST_TEST(tmx.err ==
             "termalign: error: importing /dev/zero: /dev/zero:1:1: control character U+0000 is "
             "not allowed in XML 1.0 (not well-formed)\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
