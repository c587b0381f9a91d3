// The language registry: one table of profiles, found by the primary subtag of a tag.
#include "text/language.h"

#include <array>

#include "lang/profiles.h"
#include "text/lang_tag.h"

namespace termalign::text {
namespace {

// Ordered by tag. A new language is one row here and its file under lang/.
constexpr std::array<const LanguageProfile*, 5> kProfiles = {
    &lang::kArabic, &lang::kGerman, &lang::kEnglish, &lang::kSpanish, &lang::kFrench};

}  // namespace

const LanguageProfile* FindLanguage(std::string_view tag) {
  std::string primary = PrimaryLanguage(tag);
  for (const LanguageProfile* profile : kProfiles) {
    if (profile->tag == primary) return profile;
  }
  return nullptr;
}

const LanguageProfile& LanguageFor(std::string_view tag) {
  const LanguageProfile* profile = FindLanguage(tag);
  return profile != nullptr ? *profile : lang::kRoot;
}

std::span<const LanguageProfile* const> AllLanguages() { return kProfiles; }

std::vector<std::string> KnownLanguages() {
  std::vector<std::string> tags;
  for (const LanguageProfile* profile : kProfiles) tags.emplace_back(profile->tag);
  return tags;
}

std::string SentenceLocale(std::string_view tag) {
  if (const LanguageProfile* profile = FindLanguage(tag)) return std::string(profile->icu_locale);
  if (tag.empty() || PrimaryLanguage(tag) == lang::kRoot.tag) {
    return std::string(lang::kRoot.icu_locale);
  }
  return std::string(tag);
}

}  // namespace termalign::text
