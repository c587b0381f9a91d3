// Bad input for term extraction, end to end: text without letters, a sentence of 10,000 words,
// a document in another language than its name says, empty documents and documents of
// punctuation. `run`, `glossary build` and `glossary add` give a clear message or learn nothing;
// they never crash and never store a term without a letter. These cases back the bad-input
// table in the README.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace termalign::testing {
namespace {

// Every term the termbase holds (any status), from `glossary export --format csv`.
std::vector<std::string> ExportedTerms(const TempDir& dir, const std::string& db) {
  RunResult exported = RunCli(
      "glossary export -q --db '" + db +
          "' --status approved,candidate,rejected --format csv --layout entity -o -",
      dir.path());
  BOOST_TEST_REQUIRE(exported.exit_code == 0, exported.err);
  std::vector<std::string> terms;
  std::istringstream lines(exported.out);
  std::string line;
  std::getline(lines, line);  // header: entity,lang,term,status,origin,note
  while (std::getline(lines, line)) {
    // entity,lang,term,...: the terms written here hold no comma or quote.
    std::size_t first = line.find(',');
    std::size_t second = line.find(',', first + 1);
    std::size_t third = line.find(',', second + 1);
    terms.push_back(line.substr(second + 1, third - second - 1));
  }
  return terms;
}

bool HasAsciiLetterOrMore(const std::string& term) {
  for (unsigned char c : term) {
    if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  }
  return false;
}

void ExpectOnlyTermsWithLetters(const TempDir& dir, const std::string& db) {
  for (const std::string& term : ExportedTerms(dir, db)) {
    BOOST_TEST(HasAsciiLetterOrMore(term), "a term without a letter: '" << term << "'");
  }
}

std::string Stat(const TempDir& dir, const std::string& db, const std::string& row) {
  RunResult stats = RunCli("glossary stats --db '" + db + "'", dir.path());
  BOOST_TEST_REQUIRE(stats.exit_code == 0, stats.err);
  std::size_t at = stats.out.find(row + "\t");
  BOOST_TEST_REQUIRE(at != std::string::npos, stats.out);
  std::size_t end = stats.out.find('\n', at);
  return stats.out.substr(at + row.size() + 1, end - at - row.size() - 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input_terms)

BOOST_AUTO_TEST_CASE(text_without_letters_makes_no_term) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus" / "a.en.txt", "--- *** 123 456\nThe pump stopped.\n... !!! ???\n");
  WriteFile(dir / "corpus" / "a.fr.txt", "--- *** 123 456\nLa pompe s'est arrêtée.\n... !!! ???\n");
  RunResult run = RunCli("run -q corpus -o out", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  ExpectOnlyTermsWithLetters(dir, "out/termalign.db");

  RunResult build = RunCli(
      "glossary build -q --db b.db --src-lang en --tgt-lang fr corpus/a.en.txt corpus/a.fr.txt",
      dir.path());
  BOOST_TEST(build.exit_code == 0, build.err);
  ExpectOnlyTermsWithLetters(dir, "b.db");

  // By hand: refused with a message, nothing stored. It used to make an entity of its own.
  RunResult add = RunCli("glossary add --db b.db --lang en '--- *** 123 456'", dir.path());
  BOOST_TEST(add.exit_code == 2);
  BOOST_TEST(add.out == "");
  BOOST_TEST(add.err ==
             "termalign: error: adding '--- *** 123 456': a term needs a letter (this one holds "
             "only digits, punctuation or symbols)\n");
  RunResult link = RunCli("glossary link --db b.db --lang fr '***' --to pump", dir.path());
  BOOST_TEST(link.exit_code == 2);
  BOOST_TEST(link.err.find("linking '***': a term needs a letter") != std::string::npos, link.err);
  ExpectOnlyTermsWithLetters(dir, "b.db");
  // Letters of any script, and words mixing letters and digits, are terms.
  for (const char* term : {"'Wi-Fi 6'", "'3G'", "'مضخة'", "'Ωmega'"}) {
    RunResult ok = RunCli(std::string("glossary add -q --db b.db --lang en ") + term, dir.path());
    BOOST_TEST(ok.exit_code == 0, term << ": " << ok.err);
  }
}

BOOST_AUTO_TEST_CASE(a_10000_word_sentence_is_left_out_of_extraction) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  // One line of 10,000 words without a full stop (a table flattened into text), then prose.
  std::string en, fr;
  const char* en_words[] = {"pump", "valve", "station", "water", "pressure", "tank"};
  const char* fr_words[] = {"pompe", "vanne", "station", "eau", "pression", "réservoir"};
  std::uint32_t state = 12345;
  for (int i = 0; i < 10000; ++i) {
    state = state * 1103515245u + 12345u;
    en += std::string(i ? " " : "") + en_words[(state >> 16) % 6];
    fr += std::string(i ? " " : "") + fr_words[(state >> 16) % 6];
  }
  WriteFile(dir / "corpus" / "long.en.txt",
            en + "\nThe water pump stopped at the station.\nThe water pump was repaired.\n");
  WriteFile(dir / "corpus" / "long.fr.txt",
            fr + "\nLa pompe à eau s'est arrêtée à la station.\nLa pompe à eau a été réparée.\n");
  RunResult run = RunCli("run corpus -o out", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(run.err.find("termalign: warning: long.en.txt + long.fr.txt: 1 aligned pair(s) with "
                          "a sentence of more than 300 words left out of term extraction") !=
                 std::string::npos,
             run.err);
  // The prose is still learnt; the 10,000 words made some 5,000 entities out of their n-grams.
  const int entities = std::stoi(Stat(dir, "out/termalign.db", "entities"));
  BOOST_TEST(entities > 0);
  BOOST_TEST(entities < 30);
  RunResult lookup = RunCli("lookup --db out/termalign.db 'water pump'", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
}

BOOST_AUTO_TEST_CASE(a_document_in_another_language_than_its_name_is_reported) {
  TempDir dir;
  fs::create_directories(dir / "corpus");
  const std::string french =
      "La pompe de la station est arrêtée depuis le matin.\n"
      "Les techniciens de la régie des eaux sont sur place et les travaux dureront deux jours.\n";
  WriteFile(dir / "corpus" / "wrong.en.txt", french);
  WriteFile(dir / "corpus" / "wrong.fr.txt", french);
  RunResult run = RunCli("run corpus -o out", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(run.err.find("termalign: warning: corpus/wrong.en.txt: named en, but the text looks "
                          "like fr; read as en") != std::string::npos,
             run.err);
  BOOST_TEST(run.err.find("wrong.fr.txt: named") == std::string::npos, run.err);
  ExpectOnlyTermsWithLetters(dir, "out/termalign.db");

  RunResult build = RunCli(
      "glossary build --db b.db --src-lang en --tgt-lang fr corpus/wrong.en.txt "
      "corpus/wrong.fr.txt",
      dir.path());
  BOOST_TEST(build.exit_code == 0, build.err);
  BOOST_TEST(build.err.find("termalign: warning: corpus/wrong.en.txt: given as --src-lang en, "
                            "but the text looks like fr; read as en") != std::string::npos,
             build.err);
  // -q silences it.
  RunResult quiet = RunCli(
      "glossary build -q --db q.db --src-lang en --tgt-lang fr corpus/wrong.en.txt "
      "corpus/wrong.fr.txt",
      dir.path());
  BOOST_TEST(quiet.exit_code == 0);
  BOOST_TEST(quiet.err == "");
}

BOOST_AUTO_TEST_CASE(empty_and_punctuation_documents_learn_nothing) {
  for (const std::string& content :
       {std::string(), std::string("\n\n"), std::string("... --- !!! ??? ***\n;;; ,,, ::\n")}) {
    TempDir dir;
    fs::create_directories(dir / "corpus");
    WriteFile(dir / "corpus" / "e.en.txt", content);
    WriteFile(dir / "corpus" / "e.fr.txt", content);
    WriteFile(dir / "corpus" / "solo.ar.txt", content);
    RunResult run = RunCli("run -q corpus -o out", dir.path());
    BOOST_TEST(run.exit_code == 0, run.err);
    BOOST_TEST(Stat(dir, "out/termalign.db", "entities") == "0");
    BOOST_TEST(Stat(dir, "out/termalign.db", "terms") == "0");

    RunResult build = RunCli(
        "glossary build --db b.db --src-lang en --tgt-lang fr corpus/e.en.txt corpus/e.fr.txt",
        dir.path());
    BOOST_TEST(build.exit_code == 0, build.err);
    BOOST_TEST(Stat(dir, "b.db", "entities") == "0");
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
