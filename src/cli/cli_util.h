// Helpers shared by the subcommand handlers: messages, suggestions, status to exit code.
#ifndef TERMALIGN_CLI_CLI_UTIL_H_
#define TERMALIGN_CLI_CLI_UTIL_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "text/srx.h"
#include "text/status.h"

namespace termalign::cli {

// Prints "termalign: error: <message>" to stderr.
void PrintError(std::string_view message);
// Prints "termalign: warning: <message>" to stderr, unless --quiet was given.
void PrintWarning(std::string_view message);

// Adds `-q,--quiet` to a (sub)command: no progress line, no warnings (the libraries' included),
// no summary on stderr. Errors are still printed.
void AddQuietFlag(CLI::App& app);
// Adds `--no-dict` (and the older spelling `--no-dictionary`, hidden), bound to `*no_dict`: use
// no FreeDict dictionary.
void AddNoDictFlag(CLI::App& app, bool* no_dict);

// Adds `-o,--output` bound to `*output` with `description`; `old_name` ("--out"), when given,
// is kept as a hidden alias.
CLI::Option* AddOutputOption(CLI::App& app, std::string* output, const std::string& description,
                             const std::string& old_name = "");

// Adds `--srx FILE`, bound to `*path`: segment with the SRX 2.0 rules of FILE instead of the
// built-in ones. Every command that segments documents takes it.
CLI::Option* AddSrxOption(CLI::App& app, std::string* path);
// Reads and compiles the rules named by `--srx`: null when `path` is empty. Errors say
// "--srx: rules.srx:12: ...".
text::Result<std::shared_ptr<const text::SrxRules>> LoadSrxOption(const std::string& path);

// Checks the value of a language option (`flag`: "--lang"): a tag of a language termalign has a
// profile for ("en", "FR", "en-GB"), or, with `allow_auto`, "" or "auto" (guess it). Writes a
// well-formed tag in canonical case, '_' read as '-' ("EN-gb" and "en_GB" give "en-GB"). Otherwise prints "--lang:
// unknown language 'xx' (known: ar, de, en, es, fr)" and returns false.
bool CheckLanguage(std::string_view flag, std::string* tag, bool allow_auto);

// True once `--quiet` was given to any command.
bool Quiet();

// The sink for the aligner's stage lines: prints them to stderr when TERMALIGN_TRACE is set in
// the environment (and not --quiet); empty otherwise, so the aligner does no tracing work.
std::function<void(std::string_view)> AlignTrace();

// Reports a failed status and returns its exit code (2 for every error kind; kNotFound is 1).
int ReportStatus(const text::Status& status);

// The candidate closest to `word` by edit distance, or "" when none is close enough to suggest.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// Checks that every text given on the command line of the parsed (sub)commands of `app` is
// UTF-8, as the file reader checks files: terms, languages, notes, document names. Paths are
// bytes and are not checked. kParse naming the option and the byte.
text::Status CheckTextArguments(const CLI::App& app);

// A check for a number option: a finite decimal number from `low` to `high` ("nan" and "inf"
// are refused, which CLI::Range lets through).
CLI::Validator NumberFrom(double low, double high);

// A check for a count option: a whole number of at least `low`.
CLI::Validator CountFrom(long long low);

// True when the file descriptor 2 is a terminal (progress lines are shown only then).
bool StderrIsTerminal();

}  // namespace termalign::cli

#endif  // TERMALIGN_CLI_CLI_UTIL_H_
