// termalign glossary export / import: TBX v2 (OmegaT), TBX v3, CSV and TSV in three layouts.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli_util.h"
#include "glossary/exchange.h"
#include "glossary_cli.h"

namespace termalign::cli {
namespace {

struct ExchangeOptions {
  std::string db;
  std::string file;
  std::string format;
  std::string layout;   // export: concept, entity, bilingual
  std::string columns;  // import: a comma-separated list
  std::string source_lang;
  std::string target_lang;
  std::string status = "approved";
  std::string statuses;  // export: a comma-separated list
  bool approved_only = false;
  bool bilingual_only = false;
  bool merge_by_term = false;
};

// "approved,candidate" -> the export's status switches; false (with a message) on an unknown
// word.
bool ChooseStatuses(const std::string& list, glossary::ExportOptions* exported) {
  exported->include_candidates = false;
  exported->include_rejected = false;
  bool approved = false;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = std::min(list.find(',', start), list.size());
    std::string word = list.substr(start, end - start);
    glossary::TermStatus status;
    if (!glossary::ParseTermStatus(word, &status)) {
      PrintError("unknown status '" + word + "' in --status (approved, candidate, rejected)");
      return false;
    }
    approved = approved || status == glossary::TermStatus::kApproved;
    exported->include_candidates |= status == glossary::TermStatus::kCandidate;
    exported->include_rejected |= status == glossary::TermStatus::kRejected;
    start = end + 1;
  }
  if (!approved) {
    PrintError("--status must include approved: approved terms are always exported");
    return false;
  }
  return true;
}

// The format from --format, else from the file name; false (with a message) when neither says.
bool ChooseFormat(const ExchangeOptions& options, glossary::ExchangeFormat* format) {
  if (!options.format.empty()) {
    if (glossary::ParseExchangeFormat(options.format, format)) return true;
    PrintError("unknown --format '" + options.format + "' (tbx, tbx3, tsv, csv)");
    return false;
  }
  if (glossary::GuessExchangeFormat(options.file, format)) return true;
  PrintError("cannot tell the format of '" + options.file + "' from its name; give --format");
  return false;
}

bool IsTable(glossary::ExchangeFormat format) {
  return format == glossary::ExchangeFormat::kCsv || format == glossary::ExchangeFormat::kTsv;
}

// "en,fr,note" -> its words.
std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = std::min(list.find(',', start), list.size());
    words.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

int RunExport(const ExchangeOptions& options) {
  glossary::ExportOptions exported;
  if (!ChooseFormat(options, &exported.format)) return kExitError;
  if (!options.layout.empty()) {
    if (!IsTable(exported.format)) {
      PrintError("--layout is for CSV and TSV files; TBX has one layout");
      return kExitError;
    }
    if (!glossary::ParseTableLayout(options.layout, &exported.layout)) {
      PrintError("unknown --layout '" + options.layout + "' (concept, entity, bilingual)");
      return kExitError;
    }
  }
  exported.source_lang = options.source_lang;
  exported.target_lang = options.target_lang;
  exported.include_candidates = !options.approved_only;
  if (!options.statuses.empty() && !ChooseStatuses(options.statuses, &exported)) {
    return kExitError;
  }
  exported.bilingual_only = options.bilingual_only;
  auto termbase = OpenTermbase(options.db, /*read_only=*/true);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  auto stats = glossary::Export(**termbase, options.file, exported);
  if (!stats.ok()) return ReportStatus(stats.status());
  if (stats->removed_chars > 0) {
    PrintWarning("removed " + std::to_string(stats->removed_chars) +
                 " character(s) that XML 1.0 forbids (control characters, U+FFFE, U+FFFF) from "
                 "terms, notes and examples");
  }
  if (stats->left_out > 0) {
    PrintWarning("left out " + std::to_string(stats->left_out) +
                 " term(s) holding '|', which separates the terms of a cell in the concept "
                 "layout; --layout entity or TBX keeps them");
  }
  if (options.file != "-") {
    std::fprintf(stderr, "wrote %lld entries (%lld terms) to %s\n",
                 static_cast<long long>(stats->entities), static_cast<long long>(stats->terms),
                 options.file.c_str());
  }
  return kExitOk;
}

int RunImport(const ExchangeOptions& options) {
  glossary::ImportOptions imported;
  if (!ChooseFormat(options, &imported.format)) return kExitError;
  if (!options.columns.empty()) {
    imported.columns = SplitCommas(options.columns);
  } else if (!options.source_lang.empty() || !options.target_lang.empty()) {
    // A header-less source/target file, as OmegaT's glossaries are.
    imported.columns = {options.source_lang.empty() ? "en" : options.source_lang,
                        options.target_lang.empty() ? "fr" : options.target_lang, "note"};
  }
  if (!imported.columns.empty() && !IsTable(imported.format)) {
    PrintError("--columns, --src-lang and --tgt-lang describe a CSV or TSV file without a "
               "header; a TBX file names its languages");
    return kExitError;
  }
  imported.merge_by_term = options.merge_by_term;
  imported.warn = [](std::string_view line) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  };
  if (!glossary::ParseTermStatus(options.status, &imported.status)) {
    PrintError("unknown --status '" + options.status + "' (candidate, approved, rejected)");
    return kExitError;
  }
  auto termbase = OpenTermbase(options.db, /*read_only=*/false);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  auto stats = glossary::Import(**termbase, options.file, imported);
  if (!stats.ok()) {
    // Parse errors already read "file:line:col: error: ..."; others (an encoding error reads
    // "reading file: line 2, byte 17: ...") get the usual prefix.
    if (stats.status().code() == text::ErrorCode::kParse &&
        stats.status().message().find(": error: ") != std::string::npos) {
      std::fprintf(stderr, "%s\n", stats.status().message().c_str());
    } else {
      PrintError(stats.status().message());
    }
    return kExitError;
  }
  std::string summary = options.file + ": " + std::to_string(stats->entities_created) +
                        " new entities, " + std::to_string(stats->terms_added) + " new terms, " +
                        std::to_string(stats->terms_existing) + " already known";
  if (stats->entities_updated > 0) {
    summary += ", " + std::to_string(stats->entities_updated) + " entities updated";
  }
  if (stats->entities_joined > 0) {
    summary += ", " + std::to_string(stats->entities_joined) + " joined by term";
  }
  if (stats->skipped > 0) summary += ", " + std::to_string(stats->skipped) + " left out";
  std::fprintf(stderr, "%s\n", summary.c_str());
  return kExitOk;
}

void AddCommon(CLI::App& app, ExchangeOptions* options) {
  AddDbOption(app, &options->db);
  app.add_option("--format", options->format,
                 "tbx (TBX v2 martif, for OmegaT), tbx3 (TBX v3), csv, tsv; default: from the "
                 "file name");
}

}  // namespace

Handler SetupGlossaryExport(CLI::App& app) {
  auto options = std::make_shared<ExchangeOptions>();
  app.add_option("-o,--output", options->file, "Output file ('-' for stdout)")->required();
  AddCommon(app, options.get());
  app.add_option("--layout", options->layout,
                 "CSV/TSV: concept (one row per concept, a column per language; default), "
                 "entity (one row per term, with status), bilingual (OmegaT: source, target, "
                 "comment)");
  app.add_option("--src-lang", options->source_lang,
                 "Only entities with a term in this language, its column first; bilingual "
                 "layout: the source column (default en)");
  app.add_option("--tgt-lang", options->target_lang,
                 "The column after the source language's; bilingual layout: the target column "
                 "(default fr)");
  app.add_flag("--approved-only", options->approved_only, "Leave candidate terms out");
  app.add_option("--status", options->statuses,
                 "Statuses to export, comma-separated: approved, candidate, rejected (default "
                 "approved,candidate)");
  app.add_flag("--bilingual-only", options->bilingual_only,
               "Only entities named in two languages (with --src-lang and --tgt-lang: in both)");
  return [options] { return RunExport(*options); };
}

Handler SetupGlossaryImport(CLI::App& app) {
  auto options = std::make_shared<ExchangeOptions>();
  app.add_option("file", options->file, "Glossary file: .tbx, .csv, .tsv/.txt/.tab/.utf8")
      ->required();
  AddCommon(app, options.get());
  app.add_option("--columns", options->columns,
                 "CSV/TSV without a header row: what each column holds, as a header would name "
                 "it (en,fr,note)");
  app.add_option("--src-lang", options->source_lang,
                 "CSV/TSV without a header: the same as --columns SRC,TGT,note");
  app.add_option("--tgt-lang", options->target_lang, "See --src-lang (default fr)");
  app.add_option("--status", options->status,
                 "Status of imported terms when the file does not say (default approved)");
  app.add_flag("--merge-by-term", options->merge_by_term,
               "Join an entry to an existing entity that one of its terms names (default: every "
               "entry is a concept of its own)");
  return [options] { return RunImport(*options); };
}

}  // namespace termalign::cli
