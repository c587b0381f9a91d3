// Reading a TMX file as a bitext for QA.
#include "qa/tmx_input.h"

#include <cstdlib>

#include "text/lang_tag.h"
#include "tmx/reader.h"

namespace termalign::qa {
namespace {

// The variant that serves `lang`: the same tag, else the first that matches it ("en-US" for
// "en", "en" for "en-US"; never "en-GB" for "en-US").
const tmx::Variant* FindVariant(const tmx::TranslationUnit& unit, const std::string& lang) {
  if (const tmx::Variant* same = unit.Find(lang)) return same;
  for (const tmx::Variant& variant : unit.variants) {
    if (text::LangTagMatches(variant.lang, lang)) return &variant;
  }
  return nullptr;
}

// The variant's text as one sentence: trimmed, line breaks as spaces (a sentence is one line).
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  std::size_t last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

text::TaggedText Tagged(const tmx::Variant& variant) {
  return text::TaggedText{variant.text, variant.codes};
}

}  // namespace

text::Result<TmxBitext> ReadTmxBitext(const std::string& path, const std::string& source_lang,
                                      const std::string& target_lang) {
  tmx::TmxReader reader;
  text::Status status = reader.Open(path);
  if (!status.ok()) return status;
  std::string source =
      text::CanonicalLangTag(source_lang.empty() ? reader.info().srclang : source_lang);
  if (source.empty() || source == "*all*") {
    return text::Status::Error(text::ErrorCode::kUsage,
                               path + ": the header gives no source language; use --src-lang");
  }
  std::string target = text::CanonicalLangTag(target_lang);
  tmx::TranslationUnit unit;
  if (target.empty()) {
    while (target.empty() && reader.Next(&unit)) {
      for (const tmx::Variant& variant : unit.variants) {
        if (!text::LangTagMatches(variant.lang, source)) {
          target = variant.lang;
          break;
        }
      }
    }
    if (!reader.status().ok()) return reader.status();
    status = reader.Rewind();
    if (!status.ok()) return status;
  }
  TmxBitext bitext;
  bitext.source.name = path;
  bitext.source.lang = source;
  bitext.target.name = path;
  bitext.target.lang = target;
  std::size_t paired = 0;
  while (reader.Next(&unit)) {
    const tmx::Variant* source_variant = FindVariant(unit, source);
    const tmx::Variant* target_variant = target.empty() ? nullptr : FindVariant(unit, target);
    std::string source_text = source_variant ? OneLine(source_variant->text) : "";
    std::string target_text = target_variant ? OneLine(target_variant->text) : "";
    if (source_text.empty() && target_text.empty()) continue;
    align::Bead bead;
    bead.source_begin = bitext.source.sentences.size();
    bead.target_begin = bitext.target.sentences.size();
    bead.score = 1.0;
    if (const std::string* score = unit.FindProp(tmx::kPropScore)) {
      bead.score = std::strtod(score->c_str(), nullptr);
    }
    if (!source_text.empty()) {
      text::Sentence sentence;
      sentence.text = std::move(source_text);
      sentence.paragraph = bitext.source.sentences.size();
      bitext.source.sentences.push_back(std::move(sentence));
      bead.source_count = 1;
    }
    if (!target_text.empty()) {
      text::Sentence sentence;
      sentence.text = std::move(target_text);
      sentence.paragraph = bitext.target.sentences.size();
      bitext.target.sentences.push_back(std::move(sentence));
      bead.target_count = 1;
    }
    paired += bead.matched();
    bitext.alignment.beads.push_back(bead);
    Segment segment;
    segment.id = unit.tuid;
    segment.line = unit.line;
    if (source_variant != nullptr) segment.source = Tagged(*source_variant);
    if (target_variant != nullptr) segment.target = Tagged(*target_variant);
    bitext.segments.push_back(std::move(segment));
  }
  if (!reader.status().ok()) return reader.status();
  bitext.warnings = reader.warnings();
  if (paired == 0) {
    return text::Status::Error(text::ErrorCode::kParse,
                               path + ": no translation unit holds both " + source + " and " +
                                   (target.empty() ? std::string("another language") : target));
  }
  return bitext;
}

}  // namespace termalign::qa
