#include "tmx/lang_tag.h"

#include <algorithm>
#include <array>
#include <vector>

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool AllOf(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::vector<std::string_view> Split(std::string_view tag) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return parts;
}

// Irregular tags kept by RFC 5646 for compatibility ("grandfathered").
constexpr std::array<std::string_view, 17> kIrregular = {
    "en-gb-oed", "i-ami", "i-bnn",     "i-default", "i-enochian", "i-hak",
    "i-klingon", "i-lux", "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",
    "i-tay",     "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"};

// Returns the canonical form of `tag`, or "" when it does not follow the RFC 5646 grammar.
std::string Canonical(std::string_view tag) {
  std::string lower = ToLower(tag);
  for (std::string_view irregular : kIrregular) {
    if (lower == irregular) return lower;
  }
  std::vector<std::string_view> parts = Split(tag);
  std::vector<std::string> out;
  std::size_t i = 0;
  auto take_private_use = [&]() -> bool {
    // "x" 1*("-" 1*8alphanum), to the end of the tag.
    out.push_back("x");
    ++i;
    if (i == parts.size()) return false;
    for (; i < parts.size(); ++i) {
      if (!AllOf(parts[i], IsAlnum) || parts[i].size() > 8) return false;
      out.push_back(ToLower(parts[i]));
    }
    return true;
  };
  bool ok = true;
  if (Lower(parts[0].empty() ? ' ' : parts[0][0]) == 'x' && parts[0].size() == 1) {
    ok = take_private_use();
  } else {
    // language: 2*3ALPHA (then up to three extlang subtags) or 4ALPHA; 5*8ALPHA is reserved for
    // registered languages and none exists, so it is refused as a likely mistake ("english").
    if (!AllOf(parts[0], IsAlpha) || parts[0].size() < 2 || parts[0].size() > 4) return "";
    out.push_back(ToLower(parts[0]));
    i = 1;
    if (parts[0].size() <= 3) {
      for (int extlang = 0;
           extlang < 3 && i < parts.size() && parts[i].size() == 3 && AllOf(parts[i], IsAlpha);
           ++extlang, ++i) {
        out.push_back(ToLower(parts[i]));
      }
    }
    if (i < parts.size() && parts[i].size() == 4 && AllOf(parts[i], IsAlpha)) {
      std::string script = ToLower(parts[i++]);
      script[0] = Upper(script[0]);
      out.push_back(script);
    }
    if (i < parts.size() && ((parts[i].size() == 2 && AllOf(parts[i], IsAlpha)) ||
                             (parts[i].size() == 3 && AllOf(parts[i], IsDigit)))) {
      std::string region(parts[i++]);
      for (char& c : region) c = Upper(c);
      out.push_back(region);
    }
    while (i < parts.size() && AllOf(parts[i], IsAlnum) &&
           ((parts[i].size() >= 5 && parts[i].size() <= 8) ||
            (parts[i].size() == 4 && IsDigit(parts[i][0])))) {
      out.push_back(ToLower(parts[i++]));
    }
    while (ok && i < parts.size() && parts[i].size() == 1 && IsAlnum(parts[i][0]) &&
           Lower(parts[i][0]) != 'x') {
      out.push_back(ToLower(parts[i++]));
      std::size_t first = i;
      while (i < parts.size() && parts[i].size() >= 2 && parts[i].size() <= 8 &&
             AllOf(parts[i], IsAlnum)) {
        out.push_back(ToLower(parts[i++]));
      }
      ok = i > first;
    }
    if (ok && i < parts.size() && parts[i].size() == 1 && Lower(parts[i][0]) == 'x') {
      ok = take_private_use();
    }
    ok = ok && i == parts.size();
  }
  if (!ok) return "";
  std::string joined;
  for (const std::string& part : out) {
    if (!joined.empty()) joined += '-';
    joined += part;
  }
  return joined;
}

}  // namespace

text::Result<LangTag> LangTag::Parse(std::string_view tag) {
  std::string shown(tag.substr(0, 64));
  if (tag.empty()) return Status::Error(ErrorCode::kUsage, "empty language tag");
  std::string canonical = Canonical(tag);
  if (!canonical.empty()) return LangTag(std::move(canonical));
  if (tag.find('_') != std::string_view::npos) {
    std::string dashed(tag);
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    std::string suggestion = Canonical(dashed);
    if (!suggestion.empty()) {
      return Status::Error(
          ErrorCode::kUsage,
          "'" + shown + "' is not a BCP 47 language tag: use '" + suggestion + "'");
    }
  }
  return Status::Error(ErrorCode::kUsage,
                       "'" + shown +
                           "' is not a well-formed BCP 47 language tag (examples: 'en', "
                           "'en-US', 'fr-FR', 'ar')");
}

std::string_view LangTag::language() const {
  std::string_view tag = tag_;
  return tag.substr(0, tag.find('-'));
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

std::string PrimaryLanguage(std::string_view tag) {
  std::size_t end = tag.find_first_of("-_");
  return ToLower(tag.substr(0, end));
}

}  // namespace termalign::tmx
