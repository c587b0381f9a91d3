// Reading a corpus from a TSV manifest.
#include "pipeline/manifest.h"

#include <filesystem>
#include <map>
#include <system_error>
#include <vector>

#include "text/input_file.h"
#include "text/lang_tag.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;

// The columns of a row, in kManifestHeader's order.
enum Column { kId, kSource, kTarget, kSourceLang, kTargetLang, kColumns };

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Why `id` cannot name a pair's outputs (it becomes part of file names), or "".
std::string BadId(std::string_view id) {
  if (id.empty()) return "the id is empty";
  if (id == "." || id == "..") return "the id '" + std::string(id) + "' names a folder";
  for (char c : id) {
    if (c == '/') return "the id '" + DisplayName(id) + "' holds a '/'";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return "the id '" + DisplayName(id) + "' holds a control character";
    }
  }
  return "";
}

// Reads the rows of one manifest into a Corpus.
class ManifestReader {
 public:
  ManifestReader(const std::string& manifest, std::string_view source_lang,
                 std::string_view target_lang)
      : manifest_(manifest),
        shown_(DisplayName(manifest)),
        folder_(fs::path(manifest).parent_path()),
        source_lang_(text::PrimaryLanguage(source_lang)),
        target_lang_(text::PrimaryLanguage(target_lang)) {}

  text::Result<Corpus> Read() {
    text::Result<std::string> bytes = text::ReadInput(manifest_, text::InputKind::kText);
    if (!bytes.ok()) return bytes.status();
    std::string_view rest = *bytes;
    bool header_seen = false;
    for (std::size_t line_number = 1; !rest.empty(); ++line_number) {
      std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      if (!header_seen) {
        if (line != kManifestHeader) {
          return text::Status::Error(
              text::ErrorCode::kParse,
              Where(line_number) + "the first line is not the manifest's header (the columns "
                                   "id, source, target, source_lang, target_lang, separated by tabs)");
        }
        header_seen = true;
        continue;
      }
      std::string error = Row(line, line_number);
      if (!error.empty()) corpus_.errors.push_back(Where(line_number) + error);
    }
    if (!header_seen || (corpus_.documents.empty() && corpus_.errors.empty())) {
      return text::Status::Error(text::ErrorCode::kParse,
                                 shown_ + ": no document pair in the manifest");
    }
    return std::move(corpus_);
  }

 private:
  std::string Where(std::size_t line_number) const {
    return shown_ + ":" + std::to_string(line_number) + ": ";
  }

  // Adds the row's documents and pair; why the row was left out otherwise.
  std::string Row(std::string_view line, std::size_t line_number) {
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != kColumns) {
      return std::to_string(fields.size()) + " field" + (fields.size() == 1 ? "" : "s") +
             ", expected 5 separated by tabs (id, source, target, source_lang, target_lang)";
    }
    std::string id(fields[kId]);
    if (std::string bad = BadId(id); !bad.empty()) return bad;
    if (auto [seen, added] = ids_.emplace(id, line_number); !added) {
      return "the id '" + DisplayName(id) + "' is already on line " +
             std::to_string(seen->second);
    }
    if (fields[kSource].empty() && fields[kTarget].empty()) {
      return "no source and no target file";
    }
    CorpusDocument sides[2];
    for (int side = 0; side < 2; ++side) {
      std::string_view file = fields[kSource + side];
      if (file.empty()) continue;
      std::string_view lang = fields[kSourceLang + side];
      if (lang.empty()) lang = side == 0 ? source_lang_ : target_lang_;
      std::string error = Document(id, file, lang, &sides[side]);
      if (!error.empty()) return error;
    }
    const bool paired = !fields[kSource].empty() && !fields[kTarget].empty();
    if (paired && (sides[0].lang != source_lang_ || sides[1].lang != target_lang_)) {
      return "a " + sides[0].lang + "-" + sides[1].lang + " pair, but this run aligns " +
             source_lang_ + " to " + target_lang_ + " (see --src-lang and --tgt-lang)";
    }
    std::size_t first = corpus_.documents.size();
    for (CorpusDocument& document : sides) {
      if (!document.path.empty()) corpus_.documents.push_back(std::move(document));
    }
    if (paired) {
      corpus_.pairs.push_back({first, first + 1});
    } else {
      corpus_.monolingual.push_back(first);
    }
    return "";
  }

  // Fills `document` for `file` in `lang`; why it cannot be read otherwise.
  std::string Document(const std::string& id, std::string_view file, std::string_view lang,
                       CorpusDocument* document) const {
    text::Result<text::LangTag> tag = text::LangTag::ParseLoose(lang);
    if (!tag.ok()) return "'" + DisplayName(lang) + "' is no language tag";
    fs::path path(file);
    if (path.is_relative()) path = folder_ / path;
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) return DisplayName(file) + ": no such file";
    if (status.type() != fs::file_type::regular) {
      return DisplayName(file) + ": not a regular file";
    }
    document->path = path.string();
    document->file_name = path.filename().string();
    document->display_name = DisplayName(file);
    document->display_path = DisplayName(document->path);
    document->name = id;
    document->lang = text::PrimaryLanguage(tag->str());
    document->tag = text::LangTagKey(tag->str());
    return "";
  }

  const std::string& manifest_;
  std::string shown_;
  fs::path folder_;
  std::string source_lang_;
  std::string target_lang_;
  std::map<std::string, std::size_t> ids_;  // id -> the line that gave it first
  Corpus corpus_;
};

}  // namespace

text::Result<Corpus> ReadManifest(const std::string& manifest, std::string_view source_lang,
                                  std::string_view target_lang) {
  return ManifestReader(manifest, source_lang, target_lang).Read();
}

text::Result<Corpus> OpenCorpus(const std::string& path, std::string_view source_lang,
                                std::string_view target_lang, const ScanOptions& options) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) return ReadManifest(path, source_lang, target_lang);
  return ScanCorpus(path, source_lang, target_lang, options);
}

}  // namespace termalign::pipeline
