#include "text/lang_tag.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <vector>

namespace termalign::text {
namespace {

constexpr std::size_t kShownLength = 64;  // longer input is cut in messages

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string Dashed(std::string_view tag) {
  std::string out(tag);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

// `tag` with '_' read as '-' and in lower case: the form in which two tags compare.
std::string Folded(std::string_view tag) {
  std::string out = Dashed(tag);
  for (char& c : out) c = Lower(c);
  return out;
}

// The language part of a tag in the form Folded gives: the first subtag, or the whole tag when
// that is a singleton ("x-klingon" is private use, "i-klingon" grandfathered: RFC 5646 section
// 2.2.7 and 2.2.8), since a lone "x" or "i" names no language.
std::string_view LanguagePart(std::string_view folded) {
  std::size_t dash = folded.find('-');
  if (dash == 1) return folded;
  return folded.substr(0, dash);
}

// True when ICU's strict BCP 47 parser consumes the whole of `tag`: uloc_forLanguageTag stops
// at the first subtag that breaks the grammar and reports how far it got.
bool IcuWellFormed(const std::string& tag) {
  char locale_id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(tag.c_str(), locale_id, sizeof locale_id, &parsed, &status);
  return U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING &&
         static_cast<std::size_t>(parsed) == tag.size();
}

// The canonical case of a well-formed tag (RFC 5646 section 2.1.1): after the first subtag and
// before any singleton, two letters are a region (upper case) and four letters a script (title
// case); everything else is lower case. The rule needs only each subtag's shape and position.
std::string CanonicalCase(std::string_view tag) {
  std::string out;
  bool after_singleton = false;
  std::size_t index = 0;
  for (std::size_t start = 0; start <= tag.size(); ++index) {
    std::size_t end = std::min(tag.find('-', start), tag.size());
    std::string part(tag.substr(start, end - start));
    for (char& c : part) c = Lower(c);
    bool letters = std::all_of(part.begin(), part.end(), IsAlpha);
    if (index > 0 && !after_singleton && letters && part.size() == 2) {
      for (char& c : part) c = Upper(c);
    } else if (index > 0 && !after_singleton && letters && part.size() == 4) {
      part[0] = Upper(part[0]);
    }
    if (part.size() == 1) after_singleton = true;
    if (index > 0) out += '-';
    out += part;
    start = end + 1;
  }
  return out;
}

// A primary language of five to eight letters is reserved for future registrations and none
// exists: such a "tag" is a language name written out ("english"), refused as a likely mistake.
bool ReservedLanguageLength(std::string_view tag) {
  std::string_view language = tag.substr(0, tag.find('-'));
  return language.size() >= 5 && std::all_of(language.begin(), language.end(), IsAlpha);
}

bool WellFormed(const std::string& tag) {
  return !tag.empty() && tag.find('_') == std::string::npos && !ReservedLanguageLength(tag) &&
         IcuWellFormed(tag);
}

}  // namespace

Result<LangTag> LangTag::Parse(std::string_view tag) {
  if (tag.empty()) return Status::Error(ErrorCode::kUsage, "empty language tag");
  std::string shown(tag.substr(0, kShownLength));
  if (WellFormed(std::string(tag))) return LangTag(CanonicalCase(tag));
  if (tag.find('_') != std::string_view::npos && WellFormed(Dashed(tag))) {
    return Status::Error(ErrorCode::kUsage, "'" + shown +
                                                "' is not a BCP 47 language tag: use '" +
                                                CanonicalCase(Dashed(tag)) + "'");
  }
  return Status::Error(ErrorCode::kUsage,
                       "'" + shown +
                           "' is not a well-formed BCP 47 language tag (examples: 'en', "
                           "'en-US', 'fr-FR', 'ar')");
}

Result<LangTag> LangTag::ParseLoose(std::string_view tag) {
  Result<LangTag> parsed = Parse(tag);
  if (parsed.ok() || tag.find('_') == std::string_view::npos) return parsed;
  Result<LangTag> dashed = Parse(Dashed(tag));
  return dashed.ok() ? dashed : parsed;
}

// Canonical case keeps a private-use or grandfathered tag all lower case, as LanguagePart needs.
std::string_view LangTag::language() const { return LanguagePart(tag_); }

std::string CanonicalLangTag(std::string_view tag) {
  std::string dashed = Dashed(tag);
  return WellFormed(dashed) ? CanonicalCase(dashed) : std::string(tag);
}

bool SameLangTag(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] == '_' ? '-' : Lower(a[i]);
    char y = b[i] == '_' ? '-' : Lower(b[i]);
    if (x != y) return false;
  }
  return true;
}

std::string LangTagKey(std::string_view tag) { return Folded(tag); }

std::string PrimaryLanguage(std::string_view tag) { return std::string(LanguagePart(Folded(tag))); }

bool LangTagMatches(std::string_view have, std::string_view wanted) {
  if (have.empty() || wanted.empty()) return false;
  std::string a = Folded(have);
  std::string b = Folded(wanted);
  if (a.size() > b.size()) std::swap(a, b);
  // The shorter is a whole-subtag prefix of the longer: "fr" begins "fr-CA", not "fra".
  return b.compare(0, a.size(), a) == 0 && (b.size() == a.size() || b[a.size()] == '-');
}

}  // namespace termalign::text
