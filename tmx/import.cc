#include "tmx/import.h"

#include <cstdlib>

#include "tmx/lang_tag.h"
#include "tmx/reader.h"

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "none" : out;
}

// Every variant language of the file, in order of first appearance.
std::vector<std::string> Languages(TmxReader* reader) {
  std::vector<std::string> langs;
  TranslationUnit unit;
  reader->Rewind();
  while (reader->Next(&unit)) {
    for (const Variant& variant : unit.variants) {
      bool known = false;
      for (const std::string& lang : langs) known = known || SameLangTag(lang, variant.lang);
      if (!known) langs.push_back(variant.lang);
    }
  }
  reader->Rewind();
  return langs;
}

// Checks a language the user gave and returns it canonical.
text::Result<std::string> UserLang(const std::string& lang, const char* option) {
  text::Result<LangTag> tag = LangTag::Parse(lang);
  if (!tag.ok()) return tag.status().WithContext(option);
  return tag->str();
}

}  // namespace

const Variant* ChooseVariant(const TranslationUnit& unit, std::string_view lang) {
  if (const Variant* exact = unit.Find(lang)) return exact;
  const Variant* found = nullptr;
  std::string primary = PrimaryLanguage(lang);
  for (const Variant& variant : unit.variants) {
    if (PrimaryLanguage(variant.lang) != primary) continue;
    if (found != nullptr && !SameLangTag(found->lang, variant.lang)) return nullptr;  // ambiguous
    if (found == nullptr) found = &variant;
  }
  return found;
}

Status ImportTmx(const std::string& path, const ImportOptions& options,
                 const std::function<void(const ImportedPair&)>& sink, ImportSummary* summary) {
  *summary = ImportSummary();
  TmxReader reader;
  Status status = reader.Open(path);
  if (!status.ok()) return status;

  std::string src, tgt;
  if (!options.src_lang.empty()) {
    text::Result<std::string> lang = UserLang(options.src_lang, "--src-lang");
    if (!lang.ok()) return lang.status();
    src = *lang;
  } else {
    src = reader.info().srclang;
    if (src.empty() || src == "*all*") {
      return Status::Error(ErrorCode::kUsage,
                           path + ": the header's srclang is " +
                               (src.empty() ? std::string("missing") : "'*all*'") +
                               ": choose the source language with --src-lang (languages in "
                               "the file: " +
                               Join(Languages(&reader)) + ")");
    }
  }
  if (!options.tgt_lang.empty()) {
    text::Result<std::string> lang = UserLang(options.tgt_lang, "--tgt-lang");
    if (!lang.ok()) return lang.status();
    tgt = *lang;
  } else {
    std::vector<std::string> others;
    for (const std::string& lang : Languages(&reader)) {
      // Variants of the source language with another region ("en" for "en-US") are not targets.
      if (PrimaryLanguage(lang) != PrimaryLanguage(src)) others.push_back(lang);
    }
    // "fr-FR" and "fr" in one file are one target language: ChooseVariant matches either.
    bool one_language = !others.empty();
    for (const std::string& lang : others) {
      one_language = one_language && PrimaryLanguage(lang) == PrimaryLanguage(others[0]);
    }
    if (!one_language) {
      return Status::Error(ErrorCode::kUsage,
                           path + ": " +
                               (others.empty() ? "no language other than " + src + " in the file"
                                               : "several target languages (" + Join(others) +
                                                     "): choose one with --tgt-lang"));
    }
    tgt = others[0];
  }
  if (SameLangTag(src, tgt)) {
    return Status::Error(ErrorCode::kUsage, "source and target languages are both " + src);
  }
  summary->src_lang = src;
  summary->tgt_lang = tgt;

  TranslationUnit unit;
  ImportedPair pair;
  while (reader.Next(&unit)) {
    ++summary->units;
    const Variant* source = ChooseVariant(unit, src);
    const Variant* target = ChooseVariant(unit, tgt);
    if (source == target) target = nullptr;
    if (source == nullptr) ++summary->missing_source;
    if (target == nullptr) ++summary->missing_target;
    if (source == nullptr || target == nullptr) continue;
    pair.source = source->text;
    pair.target = target->text;
    pair.tuid = unit.tuid;
    pair.line = unit.line;
    pair.score = -1;
    if (const std::string* score = unit.FindProp(kPropScore)) {
      char* end = nullptr;
      double value = std::strtod(score->c_str(), &end);
      if (end != score->c_str() && *end == '\0') pair.score = value;
    }
    ++summary->pairs;
    sink(pair);
  }
  summary->warnings = reader.warnings();
  return Status::Ok();
}

}  // namespace termalign::tmx
