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
// kept as written ("iw" stays "iw", the grandfathered "i-klingon" is not replaced by "tlh"), and
// validity against the IANA registry is not checked. A private-use tag ("x-klingon") and a
// grandfathered one ("i-klingon") have no primary language subtag: the whole tag stands for
// its language, so "x-klingon" and "x-elvish" are two languages.
class LangTag {
 public:
  // Parses `tag`, in any case. Fails with kUsage and a message that names the tag and, when
  // the fix is obvious, suggests it ("'en_US' is not a BCP 47 language tag: use 'en-US'").
  static Result<LangTag> Parse(std::string_view tag);
  // As Parse, with '_' read as '-' ("EN_us" gives "en-US"): for tags in files written by other
  // tools and spreadsheets, where the caller may warn that the form is not BCP 47. Fails as
  // Parse does, with Parse's message for `tag` as written.
  static Result<LangTag> ParseLoose(std::string_view tag);

  const std::string& str() const { return tag_; }
  // The language the tag names, lower case: its primary subtag ("en" for "en-US"), or the
  // whole tag for a private-use or grandfathered one ("x-klingon", "i-klingon").
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

// The form in which tags compare, for keys and indexes: lower case, '_' read as '-' ("en-us"
// for "EN_US"). SameLangTag(a, b) is LangTagKey(a) == LangTagKey(b).
std::string LangTagKey(std::string_view tag);

// The language of any tag-like string, lower case, '_' read as '-': as LangTag::language()
// ("fr" for "fr_CA" and "FR-fr", "x-klingon" for "X-Klingon"); for a string that is no tag, the
// part before the first '-' or '_' ("english" for "English"). Empty for "".
std::string PrimaryLanguage(std::string_view tag);

// True when a text tagged `have` serves a request for `wanted` (RFC 4647 filtering and lookup,
// case-insensitive, '_' read as '-'): the subtags of one begin the other's. So the bare
// language asks for all its regional forms ("fr" is served by "fr-CA"), and a regional request
// falls back to the bare language ("fr-CA" is served by "fr"); another region of the same
// language never serves ("fr-CA" is not served by "fr-FR"). An empty tag never matches.
bool LangTagMatches(std::string_view have, std::string_view wanted);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_LANG_TAG_H_
