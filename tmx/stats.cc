#include "tmx/stats.h"

#include <unordered_map>

#include "text/lang_tag.h"
#include "tmx/reader.h"
#include "unit_key.h"

namespace termalign::tmx {
namespace {

// Length of the white space starting at `at` (0 when none): ASCII white space, U+00A0, U+1680,
// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
std::size_t SpaceAt(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t k) {
    return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0;
  };
  unsigned char c = byte(0);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && byte(1) == 0xA0) return 2;
  if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;
  if (c == 0xE2 && byte(1) == 0x80 &&
      ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xA8 || byte(2) == 0xA9 ||
       byte(2) == 0xAF)) {
    return 3;
  }
  if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;
  if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;
  return 0;
}

}  // namespace

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t space = SpaceAt(text, i);
    if (space > 0) {
      in_word = false;
      i += space;
    } else {
      if (!in_word) ++words;
      in_word = true;
      ++i;
    }
  }
  return words;
}

text::Result<TmxStats> ComputeStats(const std::string& path) {
  TmxReader reader;
  text::Status status = reader.Open(path);
  if (!status.ok()) return status;
  TmxStats stats;
  stats.srclang = reader.info().srclang;
  stats.encoding = reader.info().encoding;
  DigestTable units, sources;  // of the units' variants and of their source segments
  // LangTagKey -> index in stats.languages: a file of many languages is counted in linear time.
  std::unordered_map<std::string, std::size_t> language_index;
  TranslationUnit unit;
  while (reader.Next(&unit)) {
    ++stats.units;
    for (const Variant& variant : unit.variants) {
      auto [at, added] =
          language_index.try_emplace(text::LangTagKey(variant.lang), stats.languages.size());
      if (added) stats.languages.push_back({variant.lang, 0, 0});
      LanguageStats* entry = &stats.languages[at->second];
      ++entry->segments;
      entry->words += CountWords(variant.text);
    }
    if (!units.Insert(Digest(VariantsKey(unit, "")), 0).second) ++stats.duplicate_units;
    if (const Variant* source = unit.Find(unit.SourceLang(stats.srclang))) {
      if (!sources.Insert(Digest(VariantKey(*source)), 0).second) ++stats.repeated_sources;
    }
  }
  if (!reader.status().ok()) return reader.status();
  stats.warnings = reader.warnings();
  return stats;
}

}  // namespace termalign::tmx
