// termalign glossary export / import: TBX v2 (OmegaT), TBX v3, OmegaT TSV, CSV.
#include <cstdio>
#include <memory>
#include <string>

#include "cli_util.h"
#include "glossary/exchange.h"
#include "glossary_cli.h"

namespace termalign::cli {
namespace {

struct ExchangeOptions {
  std::string db;
  std::string file;
  std::string format;
  std::string source_lang;
  std::string target_lang;
  std::string status = "approved";
  bool approved_only = false;
};

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

int RunExport(const ExchangeOptions& options) {
  glossary::ExportOptions exported;
  if (!ChooseFormat(options, &exported.format)) return kExitError;
  exported.source_lang = options.source_lang;
  exported.target_lang = options.target_lang;
  exported.include_candidates = !options.approved_only;
  auto termbase = OpenTermbase(options.db, /*read_only=*/true);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  auto stats = glossary::Export(**termbase, options.file, exported);
  if (!stats.ok()) return ReportStatus(stats.status());
  if (stats->removed_chars > 0) {
    PrintWarning("removed " + std::to_string(stats->removed_chars) +
                 " character(s) that XML 1.0 forbids (control characters, U+FFFE, U+FFFF) from "
                 "terms, notes and examples");
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
  if (!options.source_lang.empty()) imported.source_lang = options.source_lang;
  if (!options.target_lang.empty()) imported.target_lang = options.target_lang;
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
  std::fprintf(stderr, "%s: %lld new entities, %lld new terms, %lld already known\n",
               options.file.c_str(), static_cast<long long>(stats->entities_created),
               static_cast<long long>(stats->terms_added),
               static_cast<long long>(stats->terms_existing));
  return kExitOk;
}

void AddCommon(CLI::App& app, ExchangeOptions* options) {
  AddDbOption(app, &options->db);
  app.add_option("--format", options->format,
                 "tbx (TBX v2 martif, for OmegaT), tbx3 (TBX v3), tsv (OmegaT: source TAB target "
                 "TAB comment), csv; default: from the file name");
  app.add_option("--src-lang", options->source_lang,
                 "TSV source column language (default en); TBX/CSV export: only entities with "
                 "a term in it");
  app.add_option("--tgt-lang", options->target_lang, "TSV target column language (default fr)");
}

}  // namespace

Handler SetupGlossaryExport(CLI::App& app) {
  auto options = std::make_shared<ExchangeOptions>();
  app.add_option("-o,--output", options->file, "Output file ('-' for stdout)")->required();
  AddCommon(app, options.get());
  app.add_flag("--approved-only", options->approved_only, "Leave candidate terms out");
  return [options] { return RunExport(*options); };
}

Handler SetupGlossaryImport(CLI::App& app) {
  auto options = std::make_shared<ExchangeOptions>();
  app.add_option("file", options->file, "Glossary file: .tbx, .txt/.tab/.tsv, .csv")->required();
  AddCommon(app, options.get());
  app.add_option("--status", options->status,
                 "Status of imported terms when the file does not say (default approved)");
  return [options] { return RunImport(*options); };
}

}  // namespace termalign::cli
