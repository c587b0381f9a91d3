// Bad input, end to end: each kind of broken or hostile file a client may send, fed to the
// commands that read it. The tool answers with a message naming the file (and the place in it)
// and exit code 2, never a crash, a hang, unbounded memory or a damaged termbase. These cases
// back the bad-input table in the README.
#include <algorithm>
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

std::string Tmx(const std::string& doctype, const std::string& units) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype +
         "<tmx version=\"1.4\"><header srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" "
         "adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/><body>" +
         units + "</body></tmx>\n";
}

std::string Tbx(const std::string& doctype, const std::string& term) {
  return "<?xml version=\"1.0\"?>\n" + doctype +
         "<martif type=\"TBX\"><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>" + term +
         "</term></tig></langSet><langSet xml:lang=\"fr\"><tig><term>pompe</term></tig></langSet>"
         "</termEntry></body></text></martif>\n";
}

const char kUnit[] =
    "<tu><tuv xml:lang=\"en\"><seg>&c;</seg></tuv><tuv xml:lang=\"fr\"><seg>x</seg></tuv></tu>";

// `text` (ASCII) as UTF-16 without a byte order mark, little- or big-endian.
std::string Utf16(const std::string& text, bool big_endian) {
  std::string encoded;
  for (char c : text) {
    encoded += big_endian ? '\0' : c;
    encoded += big_endian ? c : '\0';
  }
  return encoded;
}

std::size_t CountLines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A termbase with one entity, made through the CLI.
void MakeTermbase(const TempDir& dir) {
  RunResult add = RunCli("glossary add pump --lang en --db t.db", dir.path());
  BOOST_REQUIRE_EQUAL(add.exit_code, 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_with_line_and_byte) {
  TempDir dir;
  WriteFile(dir / "bad.txt", "A first line.\nThe pump \xC3\x28 stopped.\n");
  WriteFile(dir / "ok.txt", "One.\nTwo.\n");
  RunResult segment = RunCli("segment bad.txt", dir.path());
  BOOST_TEST(segment.exit_code == 2);
  BOOST_TEST(segment.out == "");
  BOOST_TEST(segment.err ==
             "termalign: error: reading bad.txt: line 2, byte 23: invalid UTF-8 sequence 0xC3 "
             "0x28\n");
  RunResult align = RunCli("align ok.txt bad.txt", dir.path());
  BOOST_TEST(align.exit_code == 2);
  BOOST_TEST(align.err.find("bad.txt: line 2, byte 23: invalid UTF-8 sequence 0xC3 0x28") !=
             std::string::npos);

  // Glossary import: nothing stored, rather than a term with a broken sequence.
  WriteFile(dir / "bad.tsv", "valve\tvanne\npump\tpompe \xC3\x28\n");
  RunResult import = RunCli("glossary import bad.tsv --db t.db", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.err ==
             "termalign: error: reading bad.tsv: line 2, byte 23: invalid UTF-8 sequence 0xC3 "
             "0x28\n");
  BOOST_TEST(RunCli("lookup valve --db t.db", dir.path()).exit_code == 1);

  std::string tmx = Tmx("", "<tu><tuv xml:lang=\"en\"><seg>pump</seg></tuv><tuv xml:lang=\"fr\">"
                            "<seg>pomp\xC3\x28</seg></tuv></tu>");
  WriteFile(dir / "bad.tmx", tmx);
  RunResult tmx_import = RunCli("tmx import bad.tmx", dir.path());
  BOOST_TEST(tmx_import.exit_code == 2);
  BOOST_TEST(tmx_import.err.find("bad.tmx:2:") != std::string::npos);
  BOOST_TEST(tmx_import.err.find("invalid UTF-8 (byte 0xC3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf16_without_bom_is_named_as_such) {
  TempDir dir;
  const std::string utf16le = Utf16("The pump stopped.\tLa pompe\n", /*big_endian=*/false);
  WriteFile(dir / "u16.txt", utf16le);
  RunResult segment = RunCli("segment u16.txt", dir.path());
  BOOST_TEST(segment.exit_code == 2);
  BOOST_TEST(segment.err ==
             "termalign: error: reading u16.txt: line 1, byte 0: looks like UTF-16LE without a byte "
             "order mark (NUL bytes at every other position); convert it to UTF-8\n");
  WriteFile(dir / "u16.tsv", utf16le);
  RunResult import = RunCli("glossary import u16.tsv --db t.db", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.err ==
             "termalign: error: reading u16.tsv: line 1, byte 0: looks like UTF-16LE without a byte "
             "order mark (NUL bytes at every other position); convert it to UTF-8\n");

  // Big-endian, and a TMX (XML declares its own encoding: read, not refused).
  WriteFile(dir / "be.txt", Utf16("Une phrase.\n", /*big_endian=*/true));
  RunResult be = RunCli("segment be.txt", dir.path());
  BOOST_TEST(be.exit_code == 2);
  BOOST_TEST(be.err.find("looks like UTF-16BE without a byte order mark") != std::string::npos);
  std::string tmx = Tmx("", "<tu><tuv xml:lang=\"en\"><seg>pump</seg></tuv><tuv xml:lang=\"fr\">"
                            "<seg>pompe</seg></tuv></tu>");
  WriteFile(dir / "u16.tmx", Utf16(tmx, /*big_endian=*/false));
  RunResult tmx_import = RunCli("tmx import u16.tmx", dir.path());
  BOOST_TEST(tmx_import.exit_code == 0);
  BOOST_TEST(tmx_import.out == "pump\tpompe\n");
}

BOOST_AUTO_TEST_CASE(binary_files_are_refused) {
  TempDir dir;
  std::string binary("\x7F" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", 20);
  for (int i = 0; i < 64; ++i) binary += static_cast<char>(i * 37 % 256);
  WriteFile(dir / "prog.bin", binary);
  RunResult segment = RunCli("segment prog.bin", dir.path());
  BOOST_TEST(segment.exit_code == 2);
  BOOST_TEST(segment.err ==
             "termalign: error: reading prog.bin: line 1, byte 7: NUL byte; this looks like a "
             "binary file, not text\n");
  WriteFile(dir / "prog.tbx", binary);
  RunResult import = RunCli("glossary import prog.tbx --db t.db", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.err ==
             "termalign: error: reading prog.tbx: line 1, byte 7: NUL byte; this looks like a "
             "binary file, not text\n");
  RunResult tmx_import = RunCli("tmx import prog.bin", dir.path());
  BOOST_TEST(tmx_import.exit_code == 2);
  BOOST_TEST(tmx_import.err.find("termalign: error: importing prog.bin: prog.bin:1:") == 0);
}

BOOST_AUTO_TEST_CASE(empty_files) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  // An empty text has no sentences: nothing to print, not an error.
  RunResult segment = RunCli("segment empty.txt", dir.path());
  BOOST_TEST(segment.exit_code == 0);
  BOOST_TEST(segment.out == "");
  RunResult align = RunCli("align empty.txt empty.txt", dir.path());
  BOOST_TEST(align.exit_code == 0);
  BOOST_TEST(align.out == "");
  // An empty TMX or TBX is not a document.
  WriteFile(dir / "empty.tmx", "");
  RunResult tmx_import = RunCli("tmx import empty.tmx", dir.path());
  BOOST_TEST(tmx_import.exit_code == 2);
  BOOST_TEST(tmx_import.err ==
             "termalign: error: importing empty.tmx: empty.tmx:1:1: no root element: the file is "
             "empty or holds no XML element\n");
  WriteFile(dir / "empty.tbx", "");
  RunResult tbx = RunCli("glossary import empty.tbx --db t.db", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err.find("empty.tbx:1:1: error: ") != std::string::npos);
  // An empty TSV imports nothing.
  WriteFile(dir / "empty.tsv", "");
  RunResult tsv = RunCli("glossary import empty.tsv --db t.db", dir.path());
  BOOST_TEST(tsv.exit_code == 0);
  BOOST_TEST(tsv.err == "empty.tsv: 0 new entities, 0 new terms, 0 already known\n");
}

BOOST_AUTO_TEST_CASE(a_1_gb_file_is_refused_before_it_is_read) {
  TempDir dir;
  // A sparse file: 1 GB long, no disk blocks.
  { std::ofstream touch(dir / "big.txt"); }
  fs::resize_file(dir / "big.txt", 1'000'000'000);
  RunResult segment = RunCli("segment big.txt", dir.path());
  BOOST_TEST(segment.exit_code == 2);
  BOOST_TEST(segment.err ==
             "termalign: error: cannot read big.txt: the file is 953 MiB; texts over 256 MiB are "
             "not read (they are held in memory): split it\n");
  WriteFile(dir / "small.txt", "One sentence.\n");
  RunResult align = RunCli("align small.txt big.txt", dir.path());
  BOOST_TEST(align.exit_code == 2);
  BOOST_TEST(align.err.find("cannot read big.txt: the file is 953 MiB") != std::string::npos);
  RunResult build = RunCli("glossary build small.txt big.txt --db t.db -q", dir.path());
  BOOST_TEST(build.exit_code == 2);
  BOOST_TEST(build.err.find("cannot read big.txt: the file is 953 MiB") != std::string::npos);
  BOOST_TEST(!fs::exists(dir / "t.db"));
}

BOOST_AUTO_TEST_CASE(an_endless_stream_stops_at_the_limit) {
  TempDir dir;
  // A character device has no size: reading stops once the limit is passed.
  RunResult segment = RunCli("segment /dev/zero", dir.path());
  BOOST_TEST(segment.exit_code == 2);
  BOOST_TEST(segment.err ==
             "termalign: error: cannot read /dev/zero: more than 256 MiB; texts over 256 MiB are "
             "not read (they are held in memory): split it\n");
}

BOOST_AUTO_TEST_CASE(a_10_mb_line_is_segmented) {
  TempDir dir;
  std::string line;
  std::size_t sentences = 0;
  while (line.size() < 10'000'000) {
    line += "The pump number " + std::to_string(sentences) + " moves water uphill. ";
    ++sentences;
  }
  line += "\n";
  WriteFile(dir / "line.txt", line);
  RunResult segment = RunCli("segment line.txt", dir.path());
  BOOST_TEST(segment.exit_code == 0);
  BOOST_TEST(CountLines(segment.out) == sentences);
  const std::string first = "The pump number 0 moves water uphill.\n";
  BOOST_TEST(segment.out.substr(0, first.size()) == first);
  std::string last = "The pump number " + std::to_string(sentences - 1) + " moves water uphill.\n";
  BOOST_TEST(segment.out.substr(segment.out.size() - last.size()) == last);
}

BOOST_AUTO_TEST_CASE(entity_expansion_is_refused) {
  TempDir dir;
  const std::string laughs =
      "<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n";
  WriteFile(dir / "laughs.tmx", Tmx(laughs, kUnit));
  const std::string expected =
      "laughs.tmx:2:16: the DOCTYPE declares entities in an internal subset; termalign refuses "
      "entity declarations (they can expand without bound, as in the 'billion laughs' attack)\n";
  RunResult import = RunCli("tmx import laughs.tmx", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.out == "");
  BOOST_TEST(import.err == "termalign: error: importing laughs.tmx: " + expected);
  RunResult validate = RunCli("tmx validate laughs.tmx", dir.path());
  BOOST_TEST(validate.exit_code == 2);
  BOOST_TEST(validate.err == "termalign: error: " + expected);

  WriteFile(dir / "laughs.tbx", Tbx("<!DOCTYPE martif [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                                    "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n",
                                    "&b;"));
  RunResult tbx = RunCli("glossary import laughs.tbx --db t.db", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err ==
             "laughs.tbx:2:19: error: the DOCTYPE declares entities in an internal subset; "
             "termalign refuses entity declarations (they can expand without bound, as in the "
             "'billion laughs' attack)\n");
  BOOST_TEST(RunCli("lookup pompe --db t.db", dir.path()).exit_code == 1);
  // A DOCTYPE naming the DTD, as exports carry it, is fine.
  WriteFile(dir / "plain.tbx", Tbx("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n", "pump"));
  RunResult plain = RunCli("glossary import plain.tbx --db t.db", dir.path());
  BOOST_TEST(plain.exit_code == 0);
  BOOST_TEST(plain.err == "plain.tbx: 1 new entities, 2 new terms, 0 already known\n");
}

BOOST_AUTO_TEST_CASE(external_entities_are_never_read) {
  TempDir dir;
  WriteFile(dir / "secret.txt", "SECRET-CONTENT");
  const std::string doctype =
      "<!DOCTYPE tmx [<!ENTITY ext SYSTEM \"" + (dir / "secret.txt").string() + "\">]>\n";
  WriteFile(dir / "ext.tmx",
            Tmx(doctype, "<tu><tuv xml:lang=\"en\"><seg>&ext;</seg></tuv><tuv xml:lang=\"fr\">"
                         "<seg>x</seg></tuv></tu>"));
  RunResult import = RunCli("tmx import ext.tmx", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.out == "");
  BOOST_TEST(import.err.find("ext.tmx:2:16: the DOCTYPE declares entities") != std::string::npos);
  BOOST_TEST(import.err.find("SECRET") == std::string::npos);
  // Without a declaration, a reference to it is an undeclared entity.
  WriteFile(dir / "ref.tmx", Tmx("", "<tu><tuv xml:lang=\"en\"><seg>&ext;</seg></tuv>"
                                     "<tuv xml:lang=\"fr\"><seg>x</seg></tuv></tu>"));
  RunResult ref = RunCli("tmx import ref.tmx", dir.path());
  BOOST_TEST(ref.exit_code == 2);
  BOOST_TEST(ref.err.find("reference to undeclared entity '&ext;'") != std::string::npos);

  WriteFile(dir / "ext.tbx", Tbx("<!DOCTYPE martif [<!ENTITY ext SYSTEM \"" +
                                     (dir / "secret.txt").string() + "\">]>\n",
                                 "&ext;"));
  RunResult tbx = RunCli("glossary import ext.tbx --db t.db", dir.path());
  BOOST_TEST(tbx.exit_code == 2);
  BOOST_TEST(tbx.err.find("ext.tbx:2:19: error: the DOCTYPE declares entities") !=
             std::string::npos);
  BOOST_TEST(RunCli("lookup pompe --db t.db", dir.path()).exit_code == 1);
}

BOOST_AUTO_TEST_CASE(a_tmx_with_many_units_is_read_whole) {
  TempDir dir;
  // Stands in for the 1M-unit file measured by hand (README): 20,000 units through export,
  // stats and import.
  const int kUnits = 20'000;
  std::string pairs;
  for (int i = 0; i < kUnits; ++i) {
    pairs += "Valve " + std::to_string(i) + " is open.\tLa vanne " + std::to_string(i) +
             " est ouverte.\n";
  }
  WriteFile(dir / "pairs.tsv", pairs);
  RunResult exported =
      RunCli("tmx export --src-lang en --tgt-lang fr --pairs pairs.tsv -o big.tmx", dir.path());
  BOOST_REQUIRE_EQUAL(exported.exit_code, 0);
  RunResult stats = RunCli("tmx stats --json big.tmx", dir.path());
  BOOST_TEST(stats.exit_code == 0);
  BOOST_TEST(stats.out.find("\"units\":20000") != std::string::npos);
  RunResult import = RunCli("tmx import big.tmx", dir.path());
  BOOST_TEST(import.exit_code == 0);
  BOOST_TEST(import.out == pairs);
}

BOOST_AUTO_TEST_CASE(sql_like_text_is_just_text) {
  TempDir dir;
  const std::string drop = "x'); DROP TABLE terms; --";
  RunResult add = RunCli("glossary add \"" + drop + "\" --lang en --db t.db", dir.path());
  BOOST_REQUIRE_EQUAL(add.exit_code, 0);
  BOOST_REQUIRE_EQUAL(RunCli("glossary add pump --lang en --db t.db", dir.path()).exit_code, 0);
  for (std::string probe : {"' OR '1'='1", "%", "_ump", "none' OR 'a'='a", "*"}) {
    RunResult lookup = RunCli("lookup \"" + probe + "\" --db t.db", dir.path());
    BOOST_TEST(lookup.exit_code == 1, probe);
    BOOST_TEST(lookup.err == "termalign: no term matches '" + probe + "' in t.db\n");
  }
  RunResult found = RunCli("lookup \"" + drop + "\" --db t.db", dir.path());
  BOOST_TEST(found.exit_code == 0);
  BOOST_TEST(found.out.find("en  " + drop + "  [approved, manual]") != std::string::npos);
  RunResult stats = RunCli("glossary stats --db t.db", dir.path());
  BOOST_TEST(stats.out.find("terms\t2\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_termbase_from_a_newer_schema_is_left_alone) {
  TempDir dir;
  MakeTermbase(dir);
  BOOST_REQUIRE(!fs::exists(dir / "t.db-wal"));
  // PRAGMA user_version is the big-endian 32-bit number at byte 60 of an SQLite file.
  {
    std::fstream db(dir / "t.db", std::ios::in | std::ios::out | std::ios::binary);
    db.seekp(60);
    db.write("\0\0\0\x07", 4);
  }
  std::string before = ReadFile(dir / "t.db");
  const std::string expected =
      "termalign: error: opening t.db: the termbase has schema version 7, newer than this "
      "termalign reads (2); use a newer termalign\n";
  RunResult lookup = RunCli("lookup pump --db t.db", dir.path());
  BOOST_TEST(lookup.exit_code == 2);
  BOOST_TEST(lookup.err == expected);
  WriteFile(dir / "more.tsv", "valve\tvanne\n");
  RunResult import = RunCli("glossary import more.tsv --db t.db", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.err == expected);
  BOOST_TEST((ReadFile(dir / "t.db") == before));
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_not_touched) {
  TempDir dir;
  const std::string notes = "These are my notes, not a termbase.\n";
  WriteFile(dir / "notes.txt", notes);
  const std::string expected =
      "termalign: error: opening: notes.txt: not a termbase (the file is not an SQLite "
      "database)\n";
  RunResult lookup = RunCli("lookup pump --db notes.txt", dir.path());
  BOOST_TEST(lookup.exit_code == 2);
  BOOST_TEST(lookup.err == expected);
  RunResult add = RunCli("glossary add pump --lang en --db notes.txt", dir.path());
  BOOST_TEST(add.exit_code == 2);
  BOOST_TEST(add.err == expected);
  WriteFile(dir / "more.tsv", "valve\tvanne\n");
  RunResult import = RunCli("glossary import more.tsv --db notes.txt", dir.path());
  BOOST_TEST(import.exit_code == 2);
  BOOST_TEST(import.err == expected);
  BOOST_TEST(ReadFile(dir / "notes.txt") == notes);
  BOOST_TEST(!fs::exists(dir / "notes.txt-wal"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
