// End-to-end tests of SRX rules: `segment --export-srx`, `--srx` on the commands that segment,
// a corpus folder's segmentation.srx in `run`, and bad rules.
#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "test_util.h"

namespace termalign::testing {
namespace {

// Rules a translator keeps: version numbers, "e.g." and "Fig." end no sentence.
const char* kRules = R"(<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header segmentsubflows="yes" cascade="yes"/>
<body>
<languagerules>
<languagerule languagerulename="French">
<rule break="no"><beforebreak>(?&lt;=\s)v\.</beforebreak><afterbreak>\s+\d</afterbreak></rule>
</languagerule>
<languagerule languagerulename="Common">
<rule break="no"><beforebreak>\b(?i)(?:e\.g|fig|dr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\s+\p{Lu}</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
<languagemap languagepattern="fr.*" languagerulename="French"/>
<languagemap languagepattern=".*" languagerulename="Common"/>
</maprules>
</body>
</srx>
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(srx_cli)

BOOST_AUTO_TEST_CASE(segment_with_user_rules_keeps_abbreviations_in_their_sentence) {
  TempDir dir;
  WriteFile(dir / "rules.srx", kRules);
  WriteFile(dir / "a.fr.txt", "Installez la v. 4.2 du pilote. Redémarrez ensuite.\n");
  WriteFile(dir / "a.en.txt", "See e.g. Fig. 3 for the wiring. Dr. Lee agrees.\n");
  RunResult fr = RunCli("segment --lang fr --srx rules.srx a.fr.txt", dir.path());
  BOOST_TEST(fr.exit_code == 0);
  BOOST_TEST(fr.err == "");
  BOOST_TEST(fr.out == "Installez la v. 4.2 du pilote.\nRedémarrez ensuite.\n");
  RunResult en = RunCli("segment --lang en --srx rules.srx a.en.txt", dir.path());
  BOOST_TEST(en.exit_code == 0);
  BOOST_TEST(en.out == "See e.g. Fig. 3 for the wiring.\nDr. Lee agrees.\n");
}

BOOST_AUTO_TEST_CASE(exported_rules_are_well_formed_and_segment_as_the_built_in_ones) {
  TempDir dir;
  RunResult exported = RunCli("segment --export-srx -o builtin.srx", dir.path());
  BOOST_TEST(exported.exit_code == 0);
  BOOST_TEST(exported.out == "");
  std::string srx = ReadFile(dir / "builtin.srx");
  BOOST_TEST(srx.find("<languagerule languagerulename=\"English\">") != std::string::npos);
  BOOST_TEST(RunCli("segment --export-srx", dir.path()).out == srx);
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    std::string command = "xmllint --noout '" + (dir / "builtin.srx").string() + "'";
    BOOST_TEST(std::system(command.c_str()) == 0);
  } else {
    BOOST_TEST_MESSAGE("skipped: xmllint is not installed");
  }
  const fs::path examples = fs::path(TERMALIGN_SOURCE_DIR) / "examples";
  for (const char* lang : {"en", "fr", "ar"}) {
    std::string file = "'" + (examples / (std::string("tram.") + lang + ".txt")).string() + "'";
    RunResult built_in = RunCli(std::string("segment --lang ") + lang + " " + file, dir.path());
    RunResult from_srx =
        RunCli(std::string("segment --srx builtin.srx --lang ") + lang + " " + file, dir.path());
    BOOST_TEST(from_srx.exit_code == 0);
    BOOST_TEST(from_srx.out == built_in.out);
  }
}

BOOST_AUTO_TEST_CASE(every_command_that_segments_takes_srx) {
  TempDir dir;
  WriteFile(dir / "rules.srx", kRules);
  WriteFile(dir / "s.en.txt", "See e.g. Fig. 3 for the pump. The pump is new.\n");
  WriteFile(dir / "s.fr.txt", "Voir p. ex. la fig. 3 pour la pompe. La pompe est neuve.\n");
  RunResult align = RunCli("align --no-dict --srx rules.srx s.en.txt s.fr.txt", dir.path());
  BOOST_TEST(align.exit_code == 0);
  BOOST_TEST(align.out.find("See e.g. Fig. 3 for the pump.\t") != std::string::npos);
  RunResult qa = RunCli("qa --no-dict --srx rules.srx s.en.txt s.fr.txt", dir.path());
  BOOST_TEST(qa.exit_code <= 1);
  BOOST_TEST(qa.err.find("error") == std::string::npos);
  RunResult build =
      RunCli("glossary build --no-dict --db g.db --srx rules.srx s.en.txt s.fr.txt", dir.path());
  BOOST_TEST(build.exit_code == 0);
  RunResult add_doc = RunCli("glossary add-doc --no-dict --db g.db --lang en --srx rules.srx "
                             "s.en.txt",
                             dir.path());
  BOOST_TEST(add_doc.exit_code == 0, add_doc.err);
  // A bad file is refused the same way by each.
  WriteFile(dir / "bad.srx", "<srx version=\"2.0\"><body>");
  for (const char* command :
       {"segment --srx bad.srx s.en.txt", "align --srx bad.srx s.en.txt s.fr.txt",
        "qa --srx bad.srx s.en.txt s.fr.txt",
        "glossary build --db g.db --srx bad.srx s.en.txt s.fr.txt",
        "glossary add-doc --db g.db --lang en --srx bad.srx s.en.txt"}) {
    RunResult refused = RunCli(command, dir.path());
    BOOST_TEST_CONTEXT(command) {
      BOOST_TEST(refused.exit_code == 2);
      BOOST_TEST(refused.err ==
                 "termalign: error: --srx: bad.srx:1:25: unexpected end of file: the file is "
                 "truncated or an element is not closed (Start-end tags mismatch)\n");
    }
  }
}

BOOST_AUTO_TEST_CASE(run_uses_the_corpus_folders_segmentation_srx) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/pump.en.txt", "See e.g. Fig. 3 for the pump. The pump is new.\n");
  WriteFile(dir / "corpus/pump.fr.txt", "Voir la fig. 3 pour la pompe. La pompe est neuve.\n");
  WriteFile(dir / "corpus/segmentation.srx", kRules);
  RunResult run = RunCli("run corpus --no-dict --no-glossary -o out", dir.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("sentences   2 en 2 fr (segmented with corpus/segmentation.srx)") !=
             std::string::npos);
  BOOST_TEST(run.err.find("segmentation.srx") == std::string::npos);  // not "skipped"
  // --srx wins over the folder's file; bad rules stop the run before any document is read.
  WriteFile(dir / "bad.srx", kRules);
  {
    std::string text = ReadFile(dir / "bad.srx");
    text.replace(text.find("[.?!]+"), 6, "[.?!+");
    WriteFile(dir / "bad.srx", text);
  }
  RunResult bad = RunCli("run corpus --no-dict --no-glossary -o out2 --srx bad.srx", dir.path());
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err ==
             "termalign: error: reading the segmentation rules bad.srx: bad.srx:11: the "
             "beforebreak of a rule of 'Common' is not a valid regular expression "
             "(U_REGEX_MISSING_CLOSE_BRACKET at character 6): '[.?!+'\n");
  BOOST_TEST(!fs::exists(dir / "out2/tmx"));
}

BOOST_AUTO_TEST_CASE(a_catastrophic_rule_and_a_huge_file_are_refused) {
  TempDir dir;
  WriteFile(dir / "slow.srx", R"(<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header segmentsubflows="yes" cascade="no"/><body><languagerules>
<languagerule languagerulename="slow"><rule><beforebreak>(\w+\s?)+$</beforebreak></rule></languagerule>
</languagerules><maprules><languagemap languagepattern=".*" languagerulename="slow"/></maprules>
</body></srx>)");
  WriteFile(dir / "a.en.txt", std::string(60, 'a') + "!\n");
  RunResult slow = RunCli("segment --lang en --srx slow.srx a.en.txt", dir.path());
  BOOST_TEST(slow.exit_code == 2);
  BOOST_TEST(slow.err ==
             "termalign: error: segmenting a.en.txt, line 1: slow.srx:3: the beforebreak "
             "'(\\w+\\s?)+$' ran past the time limit of the regular expression engine on a "
             "paragraph of 61 characters; nested repetition such as (a+)+ backtracks without "
             "end: simplify it\n");
  fs::resize_file(dir / "slow.srx", std::uintmax_t{20} << 20);
  RunResult huge = RunCli("segment --lang en --srx slow.srx a.en.txt", dir.path());
  BOOST_TEST(huge.exit_code == 2);
  BOOST_TEST(huge.err ==
             "termalign: error: --srx: cannot read slow.srx: the file is 20 MiB; SRX files over "
             "16 MiB are not read (they are held in memory): split it\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
