#include "tmx/merge.h"

#include <unordered_map>
#include <unordered_set>

#include "tmx/lang_tag.h"
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

struct FirstSeen {
  std::string targets;   // VariantsKey of the other languages
  std::string location;  // "file:line"
};

}  // namespace

Status MergeTmx(const std::vector<std::string>& inputs, const std::string& output,
                const MergeOptions& options, const std::function<void(const std::string&)>& report,
                MergeStats* stats) {
  *stats = MergeStats();
  if (inputs.empty()) return Status::Error(ErrorCode::kUsage, "no TMX file to merge");
  TmxWriter writer;
  std::string src = options.src_lang;
  std::unordered_set<std::string> seen_units;
  std::unordered_map<std::string, FirstSeen> seen_sources;
  bool open = false;
  for (const std::string& input : inputs) {
    TmxReader reader;
    Status status = reader.Open(input);
    if (!status.ok()) return status.WithContext("merging");
    for (const std::string& warning : reader.warnings()) report(warning);
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
    TranslationUnit unit;
    while (reader.Next(&unit)) {
      ++stats->units_read;
      const Variant* source = unit.Find(src);
      if (source == nullptr) {
        ++missing;
        continue;
      }
      if (!seen_units.insert(VariantsKey(unit, "")).second) {
        ++stats->duplicates;
        continue;
      }
      std::string location = input + ":" + std::to_string(unit.line);
      std::string targets = VariantsKey(unit, src);
      auto [first, fresh] = seen_sources.emplace(VariantKey(*source), FirstSeen{targets, location});
      if (!fresh && first->second.targets != targets) {
        ++stats->conflicts;
        report(location + ": same source as " + first->second.location +
               " but a different translation: '" + Excerpt(source->text) + "'");
      }
      unit.tuid.clear();
      status = writer.Write(unit);
      if (!status.ok()) return status.WithContext("merging " + location);
    }
    stats->missing_source += missing;
    if (missing > 0) {
      report(input + ": " + std::to_string(missing) + " unit(s) with no " + src +
             " variant left out");
    }
  }
  stats->written = writer.stats().units;
  return writer.Close();
}

}  // namespace termalign::tmx
