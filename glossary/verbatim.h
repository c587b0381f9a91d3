// Private to glossary/: the spans of a sentence that are code rather than language, which a
// translation copies unchanged (a do-not-translate list): identifiers ("MAX_RETRIES",
// "retentionDays"), option names ("--dry-run"), placeholders ("%s", "{name}"), paths and file
// names, text in backquotes, and command lines ("ksctl backup start --dry-run").
#ifndef TERMALIGN_GLOSSARY_VERBATIM_H_
#define TERMALIGN_GLOSSARY_VERBATIM_H_

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::glossary::internal {

// True when `chunk` (one white-space-delimited piece of text, without the sentence punctuation
// around it: see TrimChunk) has the shape of code: an identifier with an underscore or a
// lower-case run followed by a capital, an option ("--verbose", "-v"), a placeholder ("%s",
// "%1$d", "{0}", "{name}", "${HOME}", "$PATH", "<file>"), a path ("/etc/x", "./run",
// "C:\\x"), a file name ("config.yaml"), a URL or e-mail address, or an expression
// ("key=value", "ns::name", "main()"). Words, numbers, abbreviations ("e.g."), hyphenated
// compounds and names with capitals inside ("iPhone", "PowerShell") are not.
bool IsCodeChunk(std::string_view chunk);

// True when `chunk` is an option name: "--verbose", "-v".
bool IsOptionChunk(std::string_view chunk);

// A piece of a sentence between white space: [begin, end) in bytes, after TrimChunk.
struct Chunk {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool closes = false;  // sentence punctuation followed it (",", ".", ";", ":", ")"...)
};

// The white-space-delimited chunks of `sentence`, each without the quotes, brackets and
// sentence punctuation around it (kept when they are part of the code: "main()", "{0}").
std::vector<Chunk> Chunks(std::string_view sentence);

// Tells whether a folded word is a word of the language (its dictionary knows it) and whether
// it is a function word.
struct WordTests {
  std::function<bool(std::string_view)> known;
  std::function<bool(std::string_view)> stop;
};

// The command names of a text: a lower-case word the language does not know that starts a
// command line, i.e. comes at most kMaxSubcommands plain words before an option in some
// sentence ("ksctl" in "use ksctl backup start --dry-run").
std::set<std::string> FindCommandNames(const std::vector<std::string>& sentences,
                                       const WordTests& tests);

// The command names a translation copies: a lower-case word neither language knows, followed by
// the same plain word (a subcommand or an argument) in a sentence and in its translation, in at
// least two aligned pairs ("tsync" in "Run tsync status" / "Exécutez tsync status", "tsync pause"
// / "tsync pause"). A translator translates a phrase and copies a command line; a word of the
// text neither dictionary knows that is copied with its neighbour is a command. `source[i]` and
// `target[i]` are the sides of aligned pair i.
std::set<std::string> FindCopiedCommandNames(const std::vector<std::string>& source,
                                             const std::vector<std::string>& target,
                                             const WordTests& source_tests,
                                             const WordTests& target_tests);

// A span of code in a sentence, [begin, end) in bytes.
struct VerbatimSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The code spans of `sentence`, in order, not overlapping: text in backquotes, code chunks,
// and command lines (a name of `commands`, then its subcommands, options and their arguments).
std::vector<VerbatimSpan> FindVerbatimSpans(std::string_view sentence,
                                            const std::set<std::string>& commands,
                                            const WordTests& tests);

}  // namespace termalign::glossary::internal

#endif  // TERMALIGN_GLOSSARY_VERBATIM_H_
