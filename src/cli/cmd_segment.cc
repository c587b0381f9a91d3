// termalign segment: one sentence per line, or JSON Lines with byte offsets.
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "commands.h"
#include "formats/srx.h"
#include "pipeline/document.h"
#include "text/atomic_file.h"
#include "text/reader.h"
#include "text/srx.h"

namespace termalign::cli {
namespace {

struct SegmentOptions {
  std::string input;
  std::string lang;
  bool json = false;
  std::string srx;
  bool export_srx = false;
  std::string output = "-";  // for --export-srx
};

// Writes in pieces so a large document does not need a second copy in memory.
class Output {
 public:
  ~Output() { Flush(); }
  void Add(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() >= (1u << 16)) Flush();
  }
  void Flush() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

// Writes the built-in rules as an SRX 2.0 file, for a user to start their own from.
int ExportSrx(const SegmentOptions& options) {
  if (!options.input.empty() || !options.srx.empty()) {
    PrintError("segment --export-srx writes the built-in rules and reads no file; give only -o");
    return kExitError;
  }
  text::AtomicFile out;
  text::Status status = out.Open(options.output);
  if (status.ok()) {
    out.Write(formats::WriteSrx(text::BuiltInSrx()));
    status = out.Commit();
  }
  return status.ok() ? kExitOk : ReportStatus(status);
}

int RunSegment(SegmentOptions options) {
  if (options.export_srx) return ExportSrx(options);
  if (options.input.empty()) {
    PrintError("segment needs a file to segment (or --export-srx)");
    return kExitError;
  }
  if (options.output != "-") {
    PrintError("segment writes the sentences to standard output; -o goes with --export-srx");
    return kExitError;
  }
  if (!CheckLanguage("--lang", &options.lang, true)) return kExitError;
  text::Result<std::shared_ptr<const text::SrxRules>> srx = LoadSrxOption(options.srx);
  if (!srx.ok()) return ReportStatus(srx.status());
  // DOCX, ODT, HTML and PDF as their paragraphs' text, as every command reads documents.
  text::Result<pipeline::LoadedDocument> loaded = pipeline::LoadDocument(
      options.input, options.lang, pipeline::Segmentation{false, srx->get()});
  if (!loaded.ok()) return ReportStatus(loaded.status());
  const text::Document* document = &loaded->document;
  Output out;
  for (std::size_t i = 0; i < document->sentences.size(); ++i) {
    const text::Sentence& sentence = document->sentences[i];
    if (options.json) {
      nlohmann::json line = {{"index", i},
                             {"text", sentence.text},
                             {"begin", sentence.begin},
                             {"end", sentence.end},
                             {"paragraph", sentence.paragraph},
                             {"lang", document->lang}};
      out.Add(line.dump());
    } else {
      out.Add(sentence.text);
    }
    out.Add("\n");
  }
  out.Flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    PrintError("writing the sentences to standard output failed");
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

Handler SetupSegment(CLI::App& app) {
  auto options = std::make_shared<SegmentOptions>();
  app.add_option("input", options->input, "UTF-8 text file to segment ('-' for stdin)");
  app.add_option("--lang", options->lang,
                 "Language: en, fr, ar, or auto (the default: guessed from the text)");
  app.add_flag("--json", options->json,
               "JSON Lines: {index, text, begin, end, paragraph, lang}; begin and end are byte "
               "offsets in the original file");
  AddSrxOption(app, &options->srx)->type_name("FILE");
  app.add_flag("--export-srx", options->export_srx,
               "Write the built-in rules as an SRX 2.0 file (to -o, default stdout) to start "
               "your own rules from");
  AddOutputOption(app, &options->output, "With --export-srx: the SRX file to write ('-': stdout)");
  return [options] { return RunSegment(*options); };
}

}  // namespace termalign::cli
