// The corpus-wide steps `run` and the corpus reduce commands share.
#include "reduce_steps.h"

#include <filesystem>

#include "glossary/exchange.h"
#include "tmx/merge.h"

namespace termalign::pipeline {

text::Status MergeTmxFiles(const std::vector<std::string>& inputs, const std::string& output,
                           const std::string& source_lang,
                           const std::function<void(const std::string&)>& conflict,
                           std::size_t* units, std::size_t* conflicts) {
  tmx::MergeOptions merge;
  merge.src_lang = source_lang;
  tmx::MergeStats stats;
  std::string first_error;
  text::Status status = tmx::MergeTmx(
      inputs, output, merge,
      [&](tmx::Severity severity, const std::string& message) {
        if (severity == tmx::Severity::kError) {
          if (first_error.empty()) first_error = message;
        } else if (conflict) {
          conflict(message);
        }
      },
      &stats);
  if (!status.ok()) return status.WithContext("merging the TMX files");
  if (!first_error.empty()) {
    return text::Status::Error(text::ErrorCode::kParse, "merging the TMX files: " + first_error);
  }
  *units = stats.written;
  *conflicts = stats.conflicts;
  return text::Status::Ok();
}

text::Status ExportPairTbx(glossary::Termbase& termbase, const std::string& path,
                           const std::string& source_lang, const std::string& target_lang,
                           const std::function<void(const std::string&)>& warn, bool* written) {
  glossary::ExportOptions options;
  options.source_lang = source_lang;
  options.target_lang = target_lang;
  // A CAT tool's glossary pane shows entries to translate with: a concept named in one
  // language only is a hit with no translation.
  options.bilingual_only = true;
  *written = false;
  text::Result<glossary::ExportStats> exported = glossary::Export(termbase, path, options);
  if (!exported.ok()) {
    // No concept named in both languages yet: no TBX.
    if (exported.status().code() == text::ErrorCode::kNotFound) return text::Status::Ok();
    return exported.status().WithContext("exporting the glossary");
  }
  *written = true;
  if (exported->removed_chars > 0 && warn) {
    warn(std::filesystem::path(path).filename().string() + ": removed " + std::to_string(exported->removed_chars) +
         " character(s) that XML 1.0 forbids (control characters, U+FFFE, U+FFFF)");
  }
  return text::Status::Ok();
}

}  // namespace termalign::pipeline
