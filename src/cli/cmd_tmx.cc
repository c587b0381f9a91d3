// termalign tmx: export, import, validate, merge and stats of TMX 1.4b translation memories.
#include <sys/types.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "pipeline/bilingual_input.h"
#include "text/input_file.h"
#include "tmx/import.h"
#include "tmx/merge.h"
#include "tmx/stats.h"
#include "tmx/validate.h"
#include "tmx/writer.h"

namespace termalign::cli {
namespace {

struct TmxOptions {
  // export
  std::string src_lang, tgt_lang, pairs = "-", output = "-", source_doc, target_doc;
  bool include_unmatched = false;
  // import
  std::string input, format = "tsv";
  // validate, merge, stats
  std::vector<std::string> inputs;
  bool json = false;
  bool strict = false;  // validate: warnings count as errors
};

void Print(const std::string& line) {
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
}

void WarnRemoved(std::size_t removed) {
  if (removed > 0) {
    PrintWarning("removed " + std::to_string(removed) +
                 " character(s) that XML 1.0 forbids (control characters, U+FFFE, U+FFFF) from "
                 "segments");
  }
}

// Parses a score column strictly: a finite decimal number, nothing else.
bool ParseScore(const std::string& field, double* score) {
  if (field.empty()) return false;
  char* end = nullptr;
  *score = std::strtod(field.c_str(), &end);
  return end == field.c_str() + field.size() && std::isfinite(*score);
}

int RunExport(const TmxOptions& options) {
  text::LineReader in;
  if (text::Status opened = in.Open(options.pairs, text::InputKind::kPairs); !opened.ok()) {
    return ReportStatus(opened);
  }
  tmx::TmxHeader header;
  header.src_lang = options.src_lang;
  header.tgt_lang = options.tgt_lang;
  header.source_doc = options.source_doc;
  header.target_doc = options.target_doc;
  header.include_unmatched = options.include_unmatched;
  tmx::TmxWriter writer;
  text::Status status = writer.Open(options.output, header);
  if (!status.ok()) return ReportStatus(status.WithContext("writing " + options.output));
  const std::string name = options.pairs == "-" ? "<stdin>" : options.pairs;
  std::string line;
  int exit_code = kExitOk;
  while (in.Next(&line)) {
    const std::size_t line_number = in.line_number();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty()) continue;
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    text::SentencePair pair;
    bool ok = fields.size() == 2 || fields.size() == 3;
    if (ok && fields.size() == 3) ok = ParseScore(fields[2], &pair.score);
    if (!ok) {
      std::fprintf(stderr, "%s:%zu: error: expected source<TAB>target[<TAB>score], found %s\n",
                   name.c_str(), line_number,
                   fields.size() == 3 ? ("score '" + fields[2] + "'").c_str()
                                      : (std::to_string(fields.size()) + " field(s)").c_str());
      exit_code = kExitError;
      break;
    }
    if (fields.size() == 2) pair.score = 1.0;
    pair.source = std::move(fields[0]);
    pair.target = std::move(fields[1]);
    pair.source_count = pair.source.empty() ? 0 : 1;
    pair.target_count = pair.target.empty() ? 0 : 1;
    status = writer.Write(pair);
    if (!status.ok()) {
      std::fprintf(stderr, "%s:%zu: error: %s\n", name.c_str(), line_number,
                   status.message().c_str());
      exit_code = kExitError;
      break;
    }
  }
  if (exit_code == kExitOk && !in.status().ok()) exit_code = ReportStatus(in.status());
  if (exit_code != kExitOk) return exit_code;  // the writer is dropped: no partial output file
  status = writer.Close();
  if (!status.ok()) return ReportStatus(status);
  const tmx::WriteStats& stats = writer.stats();
  WarnRemoved(stats.removed_chars);
  if (stats.skipped_unmatched > 0) {
    PrintWarning(std::to_string(stats.skipped_unmatched) +
                 " pair(s) with an empty side not exported (use --include-unmatched)");
  }
  return kExitOk;
}

std::string OneLine(std::string text, std::size_t* flattened) {
  bool changed = false;
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') {
      c = ' ';
      changed = true;
    }
  }
  if (changed) ++*flattened;
  return text;
}

int RunImport(const TmxOptions& options) {
  tmx::ImportOptions import_options{options.src_lang, options.tgt_lang};
  tmx::ImportSummary summary;
  std::size_t flattened = 0;
  std::string out;
  auto flush = [&out] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  };
  text::Status status = pipeline::ImportBilingual(
      options.input, import_options,
      [&](const tmx::ImportedPair& pair) {
        if (options.format == "json") {
          nlohmann::json line = {{"source", pair.source},
                                 {"target", pair.target},
                                 {"tuid", pair.tuid},
                                 {"line", pair.line}};
          if (pair.score >= 0) line["score"] = pair.score;
          out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        } else {
          out += OneLine(pair.source, &flattened);
          out += '\t';
          out += OneLine(pair.target, &flattened);
        }
        out += '\n';
        if (out.size() > (1 << 16)) flush();
      },
      &summary);
  flush();
  if (!status.ok()) return ReportStatus(status.WithContext("importing " + options.input));
  for (const std::string& warning : summary.warnings) PrintWarning(warning);
  if (summary.missing_source > 0 || summary.missing_target > 0) {
    PrintWarning(options.input + ": " + std::to_string(summary.units - summary.pairs) + " of " +
                 std::to_string(summary.units) + " unit(s) skipped (" +
                 std::to_string(summary.missing_source) + " without " + summary.src_lang + ", " +
                 std::to_string(summary.missing_target) + " without " + summary.tgt_lang + ")");
  }
  if (flattened > 0) {
    PrintWarning(std::to_string(flattened) +
                 " segment(s) held tabs or line breaks, printed as spaces (use --format json to "
                 "keep them)");
  }
  return kExitOk;
}

// One finding as a JSON line: {file, line, column, severity, rule, message}.
std::string FindingJson(const std::string& path, const tmx::Problem& problem, bool strict) {
  tmx::Severity severity = strict ? tmx::Severity::kError : problem.severity;
  nlohmann::json line = {{"file", path},
                         {"line", problem.line},
                         {"column", problem.column},
                         {"severity", tmx::SeverityName(severity)},
                         {"rule", problem.rule},
                         {"message", problem.message}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int RunValidate(const TmxOptions& options) {
  int exit_code = kExitOk;
  for (const std::string& path : options.inputs) {
    text::Result<tmx::ValidationReport> report = tmx::ValidateTmx(path);
    if (!report.ok()) {
      ReportStatus(report.status());
      exit_code = kExitError;
      continue;
    }
    for (tmx::Problem problem : report->problems) {
      if (options.json) {
        Print(FindingJson(path, problem, options.strict));
      } else {
        if (options.strict) problem.severity = tmx::Severity::kError;
        Print(tmx::FormatProblem(path, problem));
      }
    }
    if (report->truncated) {
      std::fprintf(stderr, "%s: more than %zu problems; the rest are not listed\n", path.c_str(),
                   tmx::kMaxProblems);
    }
    std::size_t errors = report->Count(tmx::Severity::kError);
    std::size_t warnings = report->Count(tmx::Severity::kWarning);
    bool invalid = errors > 0 || (options.strict && warnings > 0);
    if (invalid && exit_code == kExitOk) exit_code = kExitNegative;
    std::string verdict = errors > 0 ? std::to_string(errors) + " error(s)"
                          : invalid  ? "invalid with --strict"
                                     : "valid TMX 1.4b";
    if (warnings > 0) verdict += ", " + std::to_string(warnings) + " warning(s)";
    std::fprintf(stderr, "%s: %s (%zu unit(s))\n", path.c_str(), verdict.c_str(), report->units);
  }
  return exit_code;
}

int RunMerge(const TmxOptions& options) {
  tmx::MergeStats stats;
  text::Status status = tmx::MergeTmx(
      options.inputs, options.output, tmx::MergeOptions{options.src_lang},
      [](tmx::Severity severity, const std::string& message) {
        if (severity == tmx::Severity::kError) {
          PrintError(message);
        } else {
          PrintWarning(message);
        }
      },
      &stats);
  if (!status.ok()) return ReportStatus(status);
  std::string lost = stats.missing_source > 0
                         ? ", " + std::to_string(stats.missing_source) + " unit(s) NOT merged"
                         : "";
  std::fprintf(stderr,
               "merged %zu unit(s) into %s: %zu exact duplicate(s) dropped, %zu conflict(s) "
               "(same source, other translation) kept%s\n",
               stats.written, options.output.c_str(), stats.duplicates, stats.conflicts,
               lost.c_str());
  // A unit left out is data lost: the command must not look successful.
  return stats.missing_source > 0 ? kExitError : kExitOk;
}

int RunStats(const TmxOptions& options) {
  int exit_code = kExitOk;
  for (const std::string& path : options.inputs) {
    text::Result<tmx::TmxStats> stats = tmx::ComputeStats(path);
    if (!stats.ok()) {
      ReportStatus(stats.status());
      exit_code = kExitError;
      continue;
    }
    for (const std::string& warning : stats->warnings) PrintWarning(warning);
    if (options.json) {
      nlohmann::json languages = nlohmann::json::array();
      for (const tmx::LanguageStats& language : stats->languages) {
        languages.push_back(
            {{"lang", language.lang}, {"segments", language.segments}, {"words", language.words}});
      }
      nlohmann::json line = {{"file", path},
                             {"encoding", stats->encoding},
                             {"srclang", stats->srclang},
                             {"units", stats->units},
                             {"languages", languages},
                             {"duplicate_units", stats->duplicate_units},
                             {"repeated_sources", stats->repeated_sources}};
      Print(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      continue;
    }
    Print("file: " + path);
    Print("encoding: " + stats->encoding);
    Print("srclang: " + stats->srclang);
    Print("units: " + std::to_string(stats->units));
    Print("duplicate units: " + std::to_string(stats->duplicate_units));
    Print("repeated sources: " + std::to_string(stats->repeated_sources));
    Print("language\tsegments\twords");
    for (const tmx::LanguageStats& language : stats->languages) {
      Print(language.lang + "\t" + std::to_string(language.segments) + "\t" +
            std::to_string(language.words));
    }
  }
  return exit_code;
}

}  // namespace

Handler SetupTmx(CLI::App& app) {
  auto options = std::make_shared<TmxOptions>();
  auto selected = std::make_shared<Handler>();

  CLI::App* exp = app.add_subcommand("export", "Write a tab-separated bitext as TMX 1.4b");
  exp->allow_extras(false);
  exp->add_option("--src-lang", options->src_lang, "Source language, BCP 47 (en-US)")->required();
  exp->add_option("--tgt-lang", options->tgt_lang, "Target language, BCP 47 (fr-FR)")->required();
  exp->add_option("--pairs", options->pairs,
                  "Bitext: source<TAB>target[<TAB>score] per line ('-' for stdin, the default)");
  exp->add_option("-o,--output", options->output, "TMX file to write ('-' for stdout)");
  exp->add_option("--source-doc", options->source_doc, "Source document name for each unit");
  exp->add_option("--target-doc", options->target_doc, "Target document name for each unit");
  exp->add_flag("--include-unmatched", options->include_unmatched,
                "Also write pairs with an empty side, as one-variant units");
  exp->callback([options, selected] { *selected = [options] { return RunExport(*options); }; });

  CLI::App* imp = app.add_subcommand(
      "import", "Print the sentence pairs of a TMX file (or of an XLIFF or PO file)");
  imp->allow_extras(false);
  imp->add_option("file", options->input,
                  "TMX file (TMX 1.1-1.4; UTF-8 or UTF-16), XLIFF 1.2/2.x or gettext PO")
      ->required();
  imp->add_option("--src-lang", options->src_lang, "Source language (default: header srclang)");
  imp->add_option("--tgt-lang", options->tgt_lang,
                  "Target language (default: the file's other language)");
  imp->add_option("--format", options->format, "tsv (source<TAB>target) or json (JSON Lines)")
      ->check(CLI::IsMember({"tsv", "json"}));
  imp->callback([options, selected] { *selected = [options] { return RunImport(*options); }; });

  CLI::App* val = app.add_subcommand("validate", "Check TMX files against TMX 1.4b and more");
  val->allow_extras(false);
  val->add_option("files", options->inputs, "TMX files")->required();
  val->add_flag("--strict", options->strict, "Count warnings as errors (exit 1 on any finding)");
  val->add_flag("--json", options->json,
                "One JSON object per finding: {file, line, column, severity, rule, message}");
  val->callback([options, selected] { *selected = [options] { return RunValidate(*options); }; });

  CLI::App* mrg = app.add_subcommand("merge", "Merge TMX files, dropping exact duplicates");
  mrg->allow_extras(false);
  mrg->add_option("files", options->inputs, "TMX files, in order of precedence")->required();
  mrg->add_option("-o,--output", options->output, "TMX file to write")->required();
  mrg->add_option("--src-lang", options->src_lang, "Source language (default: first file's)");
  mrg->callback([options, selected] { *selected = [options] { return RunMerge(*options); }; });

  CLI::App* sts = app.add_subcommand("stats", "Count units, languages, words and duplicates");
  sts->allow_extras(false);
  sts->add_option("files", options->inputs, "TMX files")->required();
  sts->add_flag("--json", options->json,
                "One JSON object per file: {file, encoding, srclang, units, languages: [{lang, "
                "segments, words}], duplicate_units, repeated_sources}");
  sts->callback([options, selected] { *selected = [options] { return RunStats(*options); }; });

  // main checks the command word (unknown, missing) before parsing.
  return [selected] {
    if (*selected) return (*selected)();
    PrintError("'tmx' needs a command (termalign tmx --help)");
    return kExitError;
  };
}

}  // namespace termalign::cli
