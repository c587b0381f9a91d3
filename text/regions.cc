// Region names from icu::Locale::getDisplayCountry, indexed by their folded form.
#include "text/regions.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <mutex>
#include <unordered_map>

#include "text/fold.h"
#include "text/language.h"

namespace termalign::text {
namespace {

// Folds a name the way candidate terms are keyed: FoldForMatch, then for Arabic the article
// removed from each word, words joined by one space.
std::string NameKey(std::string_view name, std::string_view lang) {
  std::string folded = FoldForMatch(name);
  const bool fused_article = LanguageFor(lang).fused_article;
  std::string key;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    std::size_t space = folded.find(' ', pos);
    if (space == std::string::npos) space = folded.size();
    std::string word = folded.substr(pos, space - pos);
    if (fused_article) word = StripArabicArticle(word);
    if (!word.empty()) {
      if (!key.empty()) key += ' ';
      key += word;
    }
    pos = space + 1;
  }
  return key;
}

const std::unordered_map<std::string, std::string>& NameTable(std::string_view lang) {
  static std::mutex mutex;
  static std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> tables;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = tables.find(lang);
  if (found != tables.end()) return found->second;
  std::unordered_map<std::string, std::string>& table = tables[std::string(lang)];
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    std::string name = RegionDisplayName(*code, lang);
    if (!name.empty() && name != *code) table.emplace(NameKey(name, lang), *code);
  }
  return table;
}

}  // namespace

std::string RegionDisplayName(std::string_view code, std::string_view lang) {
  std::string code_string(code), lang_string(lang);
  icu::Locale region("", code_string.c_str());
  icu::UnicodeString display;
  region.getDisplayCountry(icu::Locale(lang_string.c_str()), display);
  std::string out;
  display.toUTF8String(out);
  if (out == code_string) return {};  // ICU echoes unknown codes
  return out;
}

std::string RegionCodeForName(std::string_view name, std::string_view lang) {
  const std::unordered_map<std::string, std::string>& table = NameTable(lang);
  auto found = table.find(NameKey(name, lang));
  return found == table.end() ? std::string() : found->second;
}

}  // namespace termalign::text
