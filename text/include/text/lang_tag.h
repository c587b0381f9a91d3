// Language tags (BCP 47): parsing, canonical case, comparison and matching. Every module that
// reads or compares a tag asks here, so "en-us", "EN_US" and "en-US" mean the same everywhere.
#ifndef TERMALIGN_TEXT_LANG_TAG_H_
#define TERMALIGN_TEXT_LANG_TAG_H_

#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::text {

// A LangTag is a well-formed BCP 47 tag (RFC 5646 syntax, checked by ICU's strict parser) in
// canonical case: language and variants lower case, script title case, region upper case
// ("en-US", "zh-Hant-TW", "sr-Latn"). It is never empty. Only the case changes: subtags are
// kept as written ("iw" stays "iw"), and validity against the IANA registry is not checked.
class LangTag {
 public:
  // Parses `tag`, in any case. Fails with kUsage and a message that names the tag and, when
  // the fix is obvious, suggests it ("'en_US' is not a BCP 47 language tag: use 'en-US'").
  static Result<LangTag> Parse(std::string_view tag);

  const std::string& str() const { return tag_; }
  // The primary language subtag, lower case ("en" for "en-US").
  std::string_view language() const;

  friend bool operator==(const LangTag& a, const LangTag& b) { return a.tag_ == b.tag_; }

 private:
  explicit LangTag(std::string tag) : tag_(std::move(tag)) {}
  std::string tag_;
};

// `tag` in canonical case when it is well-formed, '_' read as '-' ("EN_us" gives "en-US");
// otherwise `tag` unchanged. For data written by other tools, where a tag is stored as found.
std::string CanonicalLangTag(std::string_view tag);

// True when `a` and `b` are the same tag: equal ignoring ASCII case, with '_' read as '-'
// (BCP 47 section 2.1.1: tags are case-insensitive; files from other tools carry "en_us").
bool SameLangTag(std::string_view a, std::string_view b);

// The primary language subtag of any tag-like string, lower case ("fr" for "fr_CA", "FR-fr").
std::string PrimaryLanguage(std::string_view tag);

// True when a text tagged `have` serves a request for `wanted`: the same tag, or `wanted` is a
// bare language and `have` one of its regional forms ("fr" is served by "fr-CA"), or `have` is
// the bare language of a regional `wanted` ("fr-CA" falls back to "fr"). Another region of the
// same language never serves ("fr-CA" is not served by "fr-FR").
bool LangTagMatches(std::string_view have, std::string_view wanted);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_LANG_TAG_H_
