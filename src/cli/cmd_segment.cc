// termalign segment: one sentence per line, or JSON Lines with byte offsets.
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "commands.h"
#include "text/reader.h"

namespace termalign::cli {
namespace {

struct SegmentOptions {
  std::string input;
  std::string lang;
  bool json = false;
};

int RunSegment(const SegmentOptions& options) {
  text::Result<text::Document> document = text::ReadDocument(options.input, options.lang);
  if (!document.ok()) return ReportStatus(document.status());
  std::string out;
  for (std::size_t i = 0; i < document->sentences.size(); ++i) {
    const text::Sentence& sentence = document->sentences[i];
    if (options.json) {
      nlohmann::json line = {{"index", i},
                             {"text", sentence.text},
                             {"begin", sentence.begin},
                             {"end", sentence.end},
                             {"paragraph", sentence.paragraph},
                             {"lang", document->lang}};
      out += line.dump();
    } else {
      out += sentence.text;
    }
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Handler SetupSegment(CLI::App& app) {
  auto options = std::make_shared<SegmentOptions>();
  app.add_option("input", options->input, "Text file to segment ('-' for stdin)")->required();
  app.add_option("--lang", options->lang, "Language: en, fr, ar (guessed when not given)");
  app.add_flag("--json", options->json,
               "JSON Lines: {index, text, begin, end, paragraph, lang}; offsets in bytes of the "
               "original file");
  return [options] { return RunSegment(*options); };
}

}  // namespace termalign::cli
