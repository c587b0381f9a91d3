// LangTag: a well-formed BCP 47 language tag in canonical case.
#ifndef TERMALIGN_TMX_LANG_TAG_H_
#define TERMALIGN_TMX_LANG_TAG_H_

#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::tmx {

// A LangTag is a BCP 47 tag (RFC 5646 syntax) in canonical case: language and variants lower
// case, script title case, region upper case ("en-US", "zh-Hant-TW", "sr-Latn"). It is never
// empty. Validity is checked against the grammar only, not the IANA registry.
class LangTag {
 public:
  // Parses `tag`. Fails with kUsage and a message that names the tag and, when the fix is
  // obvious, suggests it ("'en_US' is not a BCP 47 language tag: use 'en-US'").
  static text::Result<LangTag> Parse(std::string_view tag);

  const std::string& str() const { return tag_; }
  // The primary language subtag, lower case ("en" for "en-US").
  std::string_view language() const;

  friend bool operator==(const LangTag& a, const LangTag& b) { return a.tag_ == b.tag_; }

 private:
  explicit LangTag(std::string tag) : tag_(std::move(tag)) {}
  std::string tag_;
};

// True when `a` and `b` name the same language: equal ignoring ASCII case, with '_' taken as '-'
// (files written by other tools carry "en_us").
bool SameLangTag(std::string_view a, std::string_view b);

// The primary language subtag of any tag-like string, lower case ("fr" for "fr_CA", "FR-fr").
std::string PrimaryLanguage(std::string_view tag);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_LANG_TAG_H_
