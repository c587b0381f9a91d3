// What ICU's sentence rules miss, as fix-ups on a paragraph's break positions. Private.
#ifndef TERMALIGN_TEXT_SENTENCE_RULES_H_
#define TERMALIGN_TEXT_SENTENCE_RULES_H_

#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::text::internal {

// Takes ICU's sentence breaks in one paragraph (ascending byte offsets strictly inside it) and
// returns the corrected breaks, ascending and unique:
//  - a break after a title or abbreviation ICU lacks ("Dr.", "Mme", "M.", "No. 5") or after an
//    initial ("J. R. R. Tolkien") is dropped;
//  - closing punctuation ICU put at the start of the next sentence ("« Non ! »") goes back to
//    the previous one, and the break goes when a lowercase word follows;
//  - a full stop glued to the next sentence ("interne.Elle") becomes a break, except inside
//    URLs, e-mail addresses, numbers and abbreviations with capitals (U.S., 3.5).
// Linear in the paragraph size.
std::vector<std::size_t> FixSentenceBreaks(std::string_view paragraph, std::string_view lang,
                                           std::vector<std::size_t> breaks);

// ICU's sentence-break suppressions for ICU locale `locale` (its "@ss=standard" list: "Mr.",
// "U.S.", each with its final full stop), minus the entries that are ordinary words. Loaded once
// per locale; empty when ICU has none.
const std::set<std::string>& IcuSuppressions(const std::string& locale);

// Abbreviations (ASCII lower case, without their full stop) that a lowercase word may follow
// without a new sentence in every language ("etc. and"); profiles add their own.
std::span<const std::string_view> LowercaseFollows();

// True when the white-space delimited chunk [begin, end) looks like a URL, an e-mail address
// or a domain name ("https://a.b", "www.x.org", "a@b.fr", "example.com").
bool LooksLikeUrlOrEmail(std::string_view chunk);

}  // namespace termalign::text::internal

#endif  // TERMALIGN_TEXT_SENTENCE_RULES_H_
