// Language names to tags: ICU's display names of its languages and locales, in English and in
// each language itself, indexed by a folded key.
#include "text/lang_names.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <mutex>
#include <set>
#include <unordered_map>

#include "text/fold.h"
#include "text/lang_tag.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// FoldForMatch, then runs of letters and digits joined by one space: "Français (Canada)" and
// "francais - canada" -> "francais canada".
std::string NameKey(std::string_view name) {
  std::string folded = FoldForMatch(name);
  std::string key;
  bool gap = false;
  for (std::size_t pos = 0; pos < folded.size();) {
    std::size_t next = 0;
    UChar32 c = internal::CodePointAt(folded, pos, &next);
    if (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) {
      if (gap && !key.empty()) key += ' ';
      key.append(folded, pos, next - pos);
      gap = false;
    } else {
      gap = true;
    }
    pos = next;
  }
  return key;
}

// The canonical BCP 47 form of an ICU locale ("fr_CA" -> "fr-CA"); "" when ICU cannot say.
std::string TagOf(const icu::Locale& locale) {
  UErrorCode error = U_ZERO_ERROR;
  std::string tag = locale.toLanguageTag<std::string>(error);
  if (U_FAILURE(error) || tag.empty() || tag == "und") return {};
  return tag;
}

struct Tables {
  std::set<std::string, std::less<>> codes;            // language subtags, lower case
  std::unordered_map<std::string, std::string> names;  // NameKey -> tag
};

// Adds the English and native display names of `locale` under `tag`; the first tag a name
// is given keeps it (languages come before their regional locales: "Chinese" is "zh").
void AddNames(const icu::Locale& locale, const std::string& tag, bool whole_name, Tables* t) {
  for (const icu::Locale& in : {icu::Locale::getEnglish(), locale}) {
    icu::UnicodeString display;
    if (whole_name) {
      locale.getDisplayName(in, display);
    } else {
      locale.getDisplayLanguage(in, display);
    }
    std::string name = Utf8(display);
    std::string key = NameKey(name);
    // ICU echoes a code it has no name for.
    if (key.empty() || name == locale.getLanguage() || name == locale.getName()) continue;
    t->names.emplace(key, tag);
  }
}

// Languages: the 2-letter ISO 639-1 codes and every language ICU has locale data for; names:
// those languages' and those locales' display names.
const Tables& LanguageTables() {
  static std::once_flag once;
  static Tables tables;
  std::call_once(once, [] {
    std::int32_t count = 0;
    const icu::Locale* available = icu::Locale::getAvailableLocales(count);
    for (std::int32_t i = 0; i < count; ++i) tables.codes.insert(available[i].getLanguage());
    for (const char* const* code = icu::Locale::getISOLanguages(); *code != nullptr; ++code) {
      if (std::string_view(*code).size() == 2) tables.codes.insert(*code);
    }
    for (const std::string& code : tables.codes) {
      icu::Locale language(code.c_str());
      std::string tag = TagOf(language);
      if (!tag.empty()) AddNames(language, tag, /*whole_name=*/false, &tables);
    }
    for (std::int32_t i = 0; i < count; ++i) {
      std::string tag = TagOf(available[i]);
      if (!tag.empty()) AddNames(available[i], tag, /*whole_name=*/true, &tables);
    }
  });
  return tables;
}

// `name` read as a tag (BCP 47, '_' read as '-': "pt_BR" as spreadsheets write it) whose
// language ICU knows. "" otherwise: "English" is a name, "x-klingon" names no known language.
std::string TagFromCode(std::string_view name) {
  Result<LangTag> tag = LangTag::ParseLoose(name);
  if (!tag.ok() || LanguageTables().codes.count(std::string(tag->language())) == 0) return {};
  UErrorCode error = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag->str(), error);
  if (U_FAILURE(error)) return {};
  return TagOf(locale);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string LangTagForName(std::string_view name) {
  name = Trim(name);
  if (name.empty()) return {};
  std::string tag = TagFromCode(name);
  if (!tag.empty()) return tag;
  const Tables& tables = LanguageTables();
  auto found = tables.names.find(NameKey(name));
  return found == tables.names.end() ? std::string() : found->second;
}

}  // namespace termalign::text
