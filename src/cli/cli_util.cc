#include "cli_util.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "formats/srx.h"
#include "text/edit_distance.h"
#include "text/lang_tag.h"
#include "text/language.h"
#include "text/reader.h"

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
  // A well-formed tag goes on in canonical case, "en_US" as "en-US" (the form locales take on
  // the system), so a TMX written from it is well-formed.
  if (text::Result<text::LangTag> parsed = text::LangTag::ParseLoose(*tag); parsed.ok()) {
    *tag = parsed->str();
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

CLI::Option* AddSrxOption(CLI::App& app, std::string* path) {
  return app.add_option("--srx", *path,
                        "Segment with the SRX 2.0 rules of FILE (OmegaT's, Okapi's, or "
                        "'termalign segment --export-srx') instead of the built-in ones");
}

text::Result<std::shared_ptr<const text::SrxRules>> LoadSrxOption(const std::string& path) {
  if (path.empty()) return std::shared_ptr<const text::SrxRules>();
  text::Result<std::shared_ptr<const text::SrxRules>> loaded = formats::LoadSrxRules(path);
  if (!loaded.ok()) return loaded.status().WithContext("--srx");
  return loaded;
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

namespace {

// Options and positional arguments that name files or folders (by their first long name, or
// their name when positional): names are bytes, any bytes the system accepts.
constexpr std::array<std::string_view, 16> kPathOptions = {
    "files", "inputs", "input", "file", "corpus", "output", "out", "db",
    "dict",  "beads",  "html",  "tmx",  "pairs",  "gold",   "test", "srx"};

text::Status CheckOptionsOf(const CLI::App& app) {
  for (const CLI::Option* option : app.get_options()) {
    const std::string& name = option->get_single_name();
    if (option->count() == 0 ||
        std::find(kPathOptions.begin(), kPathOptions.end(), name) != kPathOptions.end()) {
      continue;
    }
    std::string label = option->get_lnames().empty() ? name : "--" + name;
    for (const std::string& value : option->results()) {
      text::Status status = text::ValidateUtf8(value, label);
      if (!status.ok()) return status.WithContext("reading the command line");
    }
  }
  for (const CLI::App* sub : app.get_subcommands()) {
    if (text::Status status = CheckOptionsOf(*sub); !status.ok()) return status;
  }
  return text::Status::Ok();
}

}  // namespace

text::Status CheckTextArguments(const CLI::App& app) { return CheckOptionsOf(app); }

CLI::Validator NumberFrom(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& value) -> std::string {
        errno = 0;
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        bool whole = !value.empty() && end == value.c_str() + value.size();
        if (!whole || !std::isfinite(number) || errno == ERANGE) {
          return "'" + value + "' is not a number";
        }
        if (number < low || number > high) {
          char range[64];
          std::snprintf(range, sizeof range, "%g to %g", low, high);
          return "'" + value + "' is out of range (" + range + ")";
        }
        return "";
      },
      "NUMBER");
}

CLI::Validator CountFrom(long long low) {
  return CLI::Validator(
      [low](std::string& value) -> std::string {
        errno = 0;
        char* end = nullptr;
        long long count = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || end != value.c_str() + value.size() || errno == ERANGE) {
          return "'" + value + "' is not a whole number";
        }
        if (count < low) return "'" + value + "': give " + std::to_string(low) + " or more";
        return "";
      },
      "COUNT");
}

bool StderrIsTerminal() { return ::isatty(2) == 1; }

}  // namespace termalign::cli
