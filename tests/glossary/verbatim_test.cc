// Code spans: the shape classifier, command lines, and what extraction does with them.
#include "verbatim.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "glossary/extract.h"

namespace termalign::glossary::internal {
namespace {

// A tiny language for the command tests: these words are known, these are function words.
WordTests TestWords() {
  WordTests tests;
  tests.known = [](std::string_view w) {
    for (std::string_view known : {"run", "use", "backup", "start", "restore", "check", "status",
                                   "config", "tool", "option", "prints"}) {
      if (w == known) return true;
    }
    return false;
  };
  tests.stop = [](std::string_view w) {
    for (std::string_view stop : {"the", "to", "a", "is", "with", "and"}) {
      if (w == stop) return true;
    }
    return false;
  };
  return tests;
}

std::vector<std::string> SpanTexts(std::string_view sentence,
                                   const std::set<std::string>& commands) {
  std::vector<std::string> out;
  for (const VerbatimSpan& span : FindVerbatimSpans(sentence, commands, TestWords())) {
    out.emplace_back(sentence.substr(span.begin, span.end - span.begin));
  }
  return out;
}

BOOST_AUTO_TEST_SUITE(verbatim)

BOOST_AUTO_TEST_CASE(code_shapes_are_code) {
  for (std::string_view chunk : {"MAX_RETRIES",
                                 "backup_window",
                                 "retentionDays",
                                 "--dry-run",
                                 "--verbose",
                                 "-v",
                                 "%s",
                                 "%1$d",
                                 "%(name)s",
                                 "{0}",
                                 "{name}",
                                 "{{user}}",
                                 "${HOME}",
                                 "$PATH",
                                 "<file>",
                                 "/etc/keystone/config.yaml",
                                 "./install.sh",
                                 "~/backups",
                                 "config.yaml",
                                 "archive.tar.gz",
                                 "https://example.org/x",
                                 "admin@example.org",
                                 "key=value",
                                 "std::string",
                                 "main()"}) {
    BOOST_TEST(IsCodeChunk(chunk), chunk);
  }
}

BOOST_AUTO_TEST_CASE(words_numbers_and_names_are_not_code) {
  for (std::string_view chunk :
       {"backup",     "Keystone", "K4",  "AES-256",  "self-test", "read-only", "e.g",    "i.e",
        "Ph.D",       "3.5",      "10%", "$5",       "-",         "--",        "iPhone", "eBay",
        "PowerShell", "and/or",   "UPS", "l’option", "état",      "<",         "{}",     "%"}) {
    BOOST_TEST(!IsCodeChunk(chunk), chunk);
  }
}

BOOST_AUTO_TEST_CASE(chunks_leave_sentence_punctuation_out) {
  std::string_view sentence = "Edit (config.yaml), then run main() and “{0}”.";
  std::vector<std::string> texts;
  for (const Chunk& chunk : Chunks(sentence)) {
    texts.emplace_back(sentence.substr(chunk.begin, chunk.end - chunk.begin));
  }
  std::vector<std::string> expected{"Edit", "config.yaml", "then", "run", "main()", "and", "{0}"};
  BOOST_TEST(texts == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_command_name_is_an_unknown_word_before_an_option) {
  std::set<std::string> commands =
      FindCommandNames({"Use tarx backup start --dry-run to see the files.",
                        "The option --verbose prints more.", "Run it with --force."},
                       TestWords());
  BOOST_TEST(commands == std::set<std::string>{"tarx"});
}

// A translation copies a command with its subcommand; it translates a phrase. The target
// language here knows "lancez", "pour", "voir", "statut", "le"... and nothing of "tsync".
BOOST_AUTO_TEST_CASE(a_command_name_is_a_word_the_translation_copies_with_its_neighbour) {
  WordTests french;
  french.known = [](std::string_view w) {
    for (std::string_view known : {"lancez", "voir", "statut", "pause", "valmeprazole"}) {
      if (w == known) return true;
    }
    return false;
  };
  french.stop = [](std::string_view w) { return w == "pour" || w == "le" || w == "la"; };
  const std::vector<std::string> english = {"Run tsync status to see the status.",
                                            "Run tsync pause to stop.",
                                            "Use valmeprazole tablets with water.",
                                            "Use valmeprazole tablets and water."};
  const std::vector<std::string> translated = {"Lancez tsync status pour voir le statut.",
                                               "Lancez tsync pause pour la pause.",
                                               "Prenez valmeprazole tablets avec de l'eau.",
                                               "Prenez valmeprazole tablets et de l'eau."};
  const std::set<std::string> names =
      FindCopiedCommandNames(english, translated, TestWords(), french);
  // "valmeprazole" is copied with its neighbour too, but the translation's language knows it.
  BOOST_TEST((names == std::set<std::string>{"tsync"}));
  // Copied in one aligned pair only, it is no command yet.
  BOOST_TEST(FindCopiedCommandNames({english[0]}, {translated[0]}, TestWords(), french).empty());
  // Nor when the translation does not copy the neighbour.
  BOOST_TEST(FindCopiedCommandNames(english, {"Lancez tsync pour voir.", "Lancez tsync.", "", ""},
                                    TestWords(), french)
                 .empty());
}

BOOST_AUTO_TEST_CASE(command_lines_run_to_the_end_of_the_clause) {
  const std::set<std::string> commands{"tarx"};
  BOOST_TEST(SpanTexts("Run tarx config check to validate it.", commands) ==
                 std::vector<std::string>{"tarx config check"},
             boost::test_tools::per_element());
  BOOST_TEST(SpanTexts("The command tarx restore --to /srv/restore restores the data.", commands) ==
                 std::vector<std::string>{"tarx restore --to /srv/restore"},
             boost::test_tools::per_element());
  BOOST_TEST(SpanTexts("The tool tarx is installed.", commands) == std::vector<std::string>{"tarx"},
             boost::test_tools::per_element());
  BOOST_TEST(
      SpanTexts("Quote `tarx status --json | head` in scripts; set MAX_RETRIES.", commands) ==
          (std::vector<std::string>{"tarx status --json | head", "MAX_RETRIES"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(extraction_keeps_code_out_of_candidates) {
  CandidateSet set =
      ExtractCandidates({"The key MAX_RETRIES sets how many times a failed backup job is retried.",
                         "Use tarx backup start --dry-run to test a backup job.",
                         "Run tarx config check after each change of the key retentionDays."},
                        "en");
  for (const Candidate& candidate : set.candidates) {
    BOOST_TEST(candidate.text.find("MAX_RETRIES") == std::string::npos, candidate.text);
    BOOST_TEST(candidate.text.find("retentionDays") == std::string::npos, candidate.text);
    BOOST_TEST(candidate.text.find("tarx") == std::string::npos, candidate.text);
    BOOST_TEST(candidate.text.find("dry") == std::string::npos, candidate.text);
  }
  std::vector<std::string> verbatim;
  for (const VerbatimTerm& term : set.verbatim) verbatim.push_back(term.text);
  std::vector<std::string> expected{"MAX_RETRIES", "tarx backup start --dry-run",
                                    "tarx config check", "retentionDays"};
  BOOST_TEST(verbatim == expected, boost::test_tools::per_element());
  bool backup_job = false;
  for (const Candidate& candidate : set.candidates) backup_job |= candidate.text == "backup job";
  BOOST_TEST(backup_job);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace termalign::glossary::internal
