#include "cli_util.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "text/edit_distance.h"
#include "text/language.h"

namespace termalign::cli {

void PrintError(std::string_view message) {
  std::fprintf(stderr, "termalign: error: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

namespace {

bool quiet = false;

}  // namespace

void PrintWarning(std::string_view message) {
  if (quiet) return;
  std::fprintf(stderr, "termalign: warning: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

void AddQuietFlag(CLI::App& app) {
  if (app.get_option_no_throw("--quiet") != nullptr) return;
  app.add_flag("-q,--quiet", quiet, "No progress line, warnings or summary on stderr");
}

bool Quiet() { return quiet; }

bool CheckLanguage(std::string_view flag, std::string* tag, bool allow_auto) {
  if (allow_auto && (tag->empty() || *tag == "auto")) return true;
  for (char& c : *tag) {
    if (c == '-' || c == '_') break;
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (text::FindLanguage(*tag) != nullptr) return true;
  std::string known;
  for (const std::string& lang : text::KnownLanguages()) known += (known.empty() ? "" : ", ") + lang;
  PrintError(std::string(flag) + ": unknown language '" + *tag + "' (known: " + known +
             (allow_auto ? "; or auto to guess)" : ")"));
  return false;
}

void AddNoDictFlag(CLI::App& app, bool* no_dict) {
  app.add_flag("--no-dict", *no_dict,
               "Use no FreeDict dictionary (by default the installed one of the language pair)");
  app.add_flag("--no-dictionary", *no_dict)->group("");  // the older spelling
}

CLI::Option* AddOutputOption(CLI::App& app, std::string* output, const std::string& description,
                             const std::string& old_name) {
  if (!old_name.empty()) app.add_option(old_name, *output)->group("");  // the older spelling
  return app.add_option("-o,--output", *output, description);
}

std::function<void(std::string_view)> AlignTrace() {
  if (std::getenv("TERMALIGN_TRACE") == nullptr || quiet) return {};
  return [](std::string_view line) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  };
}

int ReportStatus(const text::Status& status) {
  PrintError(status.message());
  return status.code() == text::ErrorCode::kNotFound ? 1 : 2;
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    // A prefix ("seg" for "segment") is as good a hint as a typo.
    std::size_t distance = candidate.rfind(word, 0) == 0 && word.size() >= 2
                               ? 1
                               : text::EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

bool StderrIsTerminal() { return ::isatty(2) == 1; }

}  // namespace termalign::cli
