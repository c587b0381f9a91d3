#include "pipeline/bilingual_input.h"

#include <fstream>
#include <optional>

#include "formats/bilingual.h"
#include "glossary/termbase.h"
#include "text/input_file.h"
#include "text/lang_tag.h"

namespace termalign::pipeline {
namespace {

using text::ErrorCode;
using text::Status;

bool IsUnitFile(formats::Format format) {
  return format == formats::Format::kXliff || format == formats::Format::kPo;
}

// The file's units with the languages settled (see ImportBilingual).
text::Result<formats::BilingualFile> ReadUnits(const std::string& path, formats::Format format,
                                               const std::string& source_lang,
                                               const std::string& target_lang) {
  text::Result<std::string> bytes = text::ReadInput(path, text::InputKind::kTmx);
  if (!bytes.ok()) return bytes.status();
  text::Result<formats::BilingualFile> file = formats::ReadBilingual(*bytes, format, path);
  if (!file.ok()) return file.status();
  // `side` names the language in messages ("source"), `flag` its option ("src").
  auto settle = [&](std::string* declared, const std::string& requested, const char* side,
                    const char* flag, const char* fallback) -> Status {
    if (!declared->empty() && !requested.empty() && !text::LangTagMatches(*declared, requested) &&
        !text::LangTagMatches(requested, *declared)) {
      return Status::Error(ErrorCode::kUsage, path + ": the file's " + side + " language is " +
                                                  *declared + ", not " + requested +
                                                  " (give --" + flag + "-lang " + *declared +
                                                  ")");
    }
    if (declared->empty()) *declared = !requested.empty() ? requested : fallback;
    if (declared->empty()) {
      return Status::Error(ErrorCode::kUsage, path + ": the file does not say its " + side +
                                                  " language; give --" + flag + "-lang");
    }
    return Status::Ok();
  };
  Status status = settle(&file->source_lang, source_lang, "source", "src", "en");
  if (status.ok()) status = settle(&file->target_lang, target_lang, "target", "tgt", "");
  if (!status.ok()) return status;
  return file;
}

}  // namespace

formats::Format SniffFormat(const std::string& path) {
  if (path == "-") return formats::Format::kTmx;
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return formats::DetectFormat(head, path);
}

bool IsBilingualFormat(formats::Format format) {
  return IsUnitFile(format) || format == formats::Format::kTmx;
}

text::Status ImportBilingual(const std::string& path, const tmx::ImportOptions& options,
                             const std::function<void(const tmx::ImportedPair&)>& sink,
                             tmx::ImportSummary* summary) {
  formats::Format format = SniffFormat(path);
  if (!IsUnitFile(format)) return tmx::ImportTmx(path, options, sink, summary);
  text::Result<formats::BilingualFile> file =
      ReadUnits(path, format, options.src_lang, options.tgt_lang);
  if (!file.ok()) return file.status();
  summary->src_lang = file->source_lang;
  summary->tgt_lang = file->target_lang;
  summary->warnings = file->warnings;
  for (const formats::BilingualUnit& unit : file->units) {
    ++summary->units;
    if (unit.target.empty()) {
      ++summary->missing_target;
      continue;
    }
    tmx::ImportedPair pair;
    pair.source = unit.source;
    pair.target = unit.target;
    pair.tuid = unit.id;
    pair.line = unit.line;
    ++summary->pairs;
    sink(pair);
  }
  return Status::Ok();
}

text::Result<qa::TmxBitext> ReadBilingualBitext(const std::string& path,
                                                const std::string& source_lang,
                                                const std::string& target_lang) {
  formats::Format format = SniffFormat(path);
  if (!IsUnitFile(format)) return qa::ReadTmxBitext(path, source_lang, target_lang);
  text::Result<formats::BilingualFile> file = ReadUnits(path, format, source_lang, target_lang);
  if (!file.ok()) return file.status();
  qa::TmxBitext bitext;
  bitext.source.name = bitext.target.name = path;
  bitext.source.lang = file->source_lang;
  bitext.target.lang = file->target_lang;
  bitext.warnings = file->warnings;
  for (formats::BilingualUnit& unit : file->units) {
    align::Bead bead;
    bead.source_begin = bitext.source.sentences.size();
    bead.target_begin = bitext.target.sentences.size();
    bead.score = 1.0;
    qa::Segment segment;
    segment.id = unit.id;
    segment.line = unit.line;
    segment.source = std::move(unit.tagged_source);
    segment.target = std::move(unit.tagged_target);
    bitext.segments.push_back(std::move(segment));
    text::Sentence source;
    source.text = std::move(unit.source);
    source.paragraph = bitext.source.sentences.size();
    bitext.source.sentences.push_back(std::move(source));
    bead.source_count = 1;
    if (!unit.target.empty()) {
      text::Sentence target;
      target.text = std::move(unit.target);
      target.paragraph = bitext.target.sentences.size();
      bitext.target.sentences.push_back(std::move(target));
      bead.target_count = 1;
    }
    bitext.alignment.beads.push_back(bead);
  }
  return bitext;
}

text::Result<BilingualPair> LoadBilingualPair(const std::string& path, const std::string& name,
                                              const std::string& source_lang,
                                              const std::string& target_lang) {
  text::Result<qa::TmxBitext> bitext = ReadBilingualBitext(path, source_lang, target_lang);
  if (!bitext.ok()) return bitext.status();
  text::Result<std::string> bytes = text::ReadInput(path, text::InputKind::kTmx);
  if (!bytes.ok()) return bytes.status();
  const std::string hash = glossary::ContentHash(*bytes);
  BilingualPair pair;
  pair.source.document = std::move(bitext->source);
  pair.target.document = std::move(bitext->target);
  for (LoadedDocument* side : {&pair.source, &pair.target}) {
    side->document.name = name;
    side->content_hash = hash + ":" + side->document.lang;
    side->format = SniffFormat(path);
  }
  pair.alignment = std::move(bitext->alignment);
  pair.segments = std::move(bitext->segments);
  pair.warnings = std::move(bitext->warnings);
  return pair;
}

}  // namespace termalign::pipeline
