#include "tmx/merge.h"

#include "text/lang_tag.h"
#include "tmx/import.h"
#include "tmx/reader.h"
#include "tmx/writer.h"
#include "unit_key.h"

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

std::string Excerpt(const std::string& text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

// The first unit with a given source segment.
struct FirstSeen {
  KeyDigest targets;  // of the VariantsKey of its other languages
  std::size_t input;  // index in the inputs
  std::size_t line;
};

// Where a unit is and which languages it holds, for a message.
std::string Describe(const TranslationUnit& unit) {
  std::string langs;
  for (const Variant& variant : unit.variants) langs += (langs.empty() ? "" : ", ") + variant.lang;
  return "line " + std::to_string(unit.line) + " (languages: " +
         (langs.empty() ? "none" : langs) + ")";
}

// The language `unit`'s source is in: the one the user asked for, else the unit's own srclang
// (TMX 1.4b: a <tu srclang> overrides the header's for its unit), else `src`, the first input's
// header srclang. The same order as import's.
const std::string& UnitSource(const TranslationUnit& unit, const std::string& src, bool asked) {
  if (asked || unit.srclang == "*all*") return src;
  return unit.SourceLang(src);
}

}  // namespace

Status MergeTmx(const std::vector<std::string>& inputs, const std::string& output,
                const MergeOptions& options,
                const std::function<void(Severity, const std::string&)>& report,
                MergeStats* stats) {
  *stats = MergeStats();
  if (inputs.empty()) return Status::Error(ErrorCode::kUsage, "no TMX file to merge");
  TmxWriter writer;
  std::string src = options.src_lang;
  DigestTable seen_units;
  DigestTable seen_sources;  // source segment -> index in `first_seen`
  std::vector<FirstSeen> first_seen;
  bool open = false;
  for (std::size_t input_index = 0; input_index < inputs.size(); ++input_index) {
    const std::string& input = inputs[input_index];
    TmxReader reader;
    Status status = reader.Open(input);
    if (!status.ok()) return status.WithContext("merging");
    for (const std::string& warning : reader.warnings()) report(Severity::kWarning, warning);
    if (!open) {
      if (src.empty()) src = reader.info().srclang;
      if (src.empty() || src == "*all*") {
        return Status::Error(ErrorCode::kUsage, input + ": srclang is " +
                                                    (src.empty() ? "missing" : "'*all*'") +
                                                    ": choose the source language with --src-lang");
      }
      TmxHeader header;
      header.src_lang = src;
      status = writer.Open(output, header);
      if (!status.ok()) return status;
      open = true;
    }
    std::size_t missing = 0;
    std::string first_missing;  // "line N (languages: ...)"
    TranslationUnit unit;
    while (reader.Next(&unit)) {
      ++stats->units_read;
      const Variant* source = ChooseVariant(unit, UnitSource(unit, src, !options.src_lang.empty()));
      if (source == nullptr) {
        if (missing++ == 0) first_missing = Describe(unit);
        continue;
      }
      if (!seen_units.Insert(Digest(VariantsKey(unit, "")), 0).second) {
        ++stats->duplicates;
        continue;
      }
      std::string location = input + ":" + std::to_string(unit.line);
      KeyDigest targets = Digest(VariantsKey(unit, source->lang));
      auto [index, fresh] = seen_sources.Insert(Digest(VariantKey(*source)),
                                                static_cast<std::uint32_t>(first_seen.size()));
      if (fresh) {
        first_seen.push_back({targets, input_index, unit.line});
      } else if (!(first_seen[index].targets == targets)) {
        const FirstSeen& first = first_seen[index];
        ++stats->conflicts;
        report(Severity::kWarning, location + ": same source as " + inputs[first.input] + ":" +
                                       std::to_string(first.line) +
                                       " but a different translation: '" +
                                       Excerpt(source->text) + "'");
      }
      unit.tuid.clear();
      // Found under another tag of the language ("en" for "en-US"): the unit says so.
      unit.srclang = text::SameLangTag(source->lang, src) ? "" : source->lang;
      status = writer.Write(unit);
      if (!status.ok()) return status.WithContext("merging " + location);
    }
    if (!reader.status().ok()) return reader.status().WithContext("merging");
    stats->missing_source += missing;
    if (missing > 0) {
      report(Severity::kError, input + ": " + std::to_string(missing) +
                                   " unit(s) with no variant in " + src +
                                   " (nor another tag of its language) not merged; first at " +
                                   first_missing);
    }
  }
  stats->written = writer.stats().units;
  return writer.Close();
}

}  // namespace termalign::tmx
