// The built-in sentence rules written as SRX rules, generated from the same lists the built-in
// segmenter uses (each profile's abbreviations, ICU's abbreviation lists, the shared list of
// abbreviations a lowercase word may follow). Rules are tried in order and the first one that
// matches at a position decides it, so exceptions come before the breaks they guard against.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sentence_rules.h"
#include "text/language.h"
#include "text/srx.h"

namespace termalign::text {
namespace {

// Character classes, as the built-in rules define them (text/unicode_util.h).
constexpr std::string_view kSpace = R"([\p{White_Space}\u200B\uFEFF])";
constexpr std::string_view kUpper = R"([\p{Uppercase}\p{Lt}])";
constexpr std::string_view kLower = R"(\p{Lowercase})";
// A word starts after white space, an opening bracket or quote, or the paragraph start.
constexpr std::string_view kWordStart = R"((?<![^\p{White_Space}\u200B\uFEFF(\[\{«“‘‹"'„]))";
// The same after an elision too: the abbreviation of "l’art." is "art".
constexpr std::string_view kAbbreviationStart =
    R"((?<![^\p{White_Space}\u200B\uFEFF(\[\{«“‘‹"'„’]))";
// Letters of a word, up to the built-in rules' longest word (48 bytes).
constexpr std::string_view kWordChars = R"([^\p{White_Space}\u200B\uFEFF(\[\{«“‘‹"'„.])";
// Sentence-final punctuation: full stops, question and exclamation marks (Arabic ones too).
constexpr std::string_view kTerminal = R"([.!?؟۔‼⁇⁈⁉])";
// Closing quotes and brackets that stay with the sentence before them.
constexpr std::string_view kClosing = R"([»”’"'›)\]\}])";
// Closing punctuation the built-in rules keep with the sentence even after a space ("« Non ! »").
constexpr std::string_view kSpacedClosing = R"([»”›)\]\}!?.…؟])";
constexpr std::string_view kArabicLetter =
    R"([\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC\u0750-\u077F])";

std::string S(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

// `word` as a regular expression matching it literally: ASCII punctuation escaped.
std::string Literal(std::string_view word) {
  std::string out;
  for (char c : word) {
    auto byte = static_cast<unsigned char>(c);
    bool plain =
        byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!plain) out += '\\';
    out += c;
  }
  return out;
}

// "(?:a|b|c)" of the literal words, longest first; "" when there are none.
std::string Alternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.empty()) return "";
  std::string out = "(?:";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += '|';
    out += Literal(words[i]);
  }
  return out + ")";
}

std::vector<std::string> Strings(std::span<const std::string_view> words) {
  return std::vector<std::string>(words.begin(), words.end());
}

void Add(std::vector<SrxRule>* rules, bool breaks, std::string before, std::string after) {
  rules->push_back({breaks, std::move(before), std::move(after), 0});
}

// The rules of one profile, in the order the built-in segmenter's decisions take precedence.
std::vector<SrxRule> RulesFor(const LanguageProfile& profile) {
  std::vector<SrxRule> rules;
  // A list marker alone is no sentence: "1. Introduction", "IV. Conclusion", "b) the".
  Add(&rules, false,
      S({"(?:^|(?<=[.!?؟…»”\")\\]]))", kSpace, "*(?:[0-9]{1,4}|[IVX]{1,4}|[A-Za-z])[.)]"}), "");
  // A full stop after a digit or a bracket, glued to a capital: "Version 2.Beta".
  Add(&rules, true, S({R"([^\p{Uppercase}\p{Lowercase}\p{White_Space}]\.)"}), S({kUpper}));
  // A full stop glued to the next sentence: "la gare.Elle ouvre", except in URLs and e-mail
  // addresses (the checks are in the afterbreak, which is tried only where the rest matched).
  Add(&rules, true, S({R"([^\p{White_Space}\u200B\uFEFF(\[\{«“‘‹"'„][\p{Lowercase}\p{Nd}]\.)"}),
      S({"(?=", kUpper, kLower, R"()(?<!(?:://|www\.|@)[^\p{White_Space}]{0,128}))",
         R"((?![^\p{White_Space}]{0,256}?(?:://|www\.|@[^\p{White_Space}]{0,256}?\.)))"}));
  // A lowercase word after an abbreviation continues the sentence: "etc. and", "(cf. annexe)".
  std::vector<std::string> lowercase_follows = Strings(internal::LowercaseFollows());
  for (std::string_view word : profile.before_lowercase) lowercase_follows.emplace_back(word);
  Add(&rules, false, S({kWordStart, "(?i:", Alternation(lowercase_follows), R"()\.[»”")\]]*)"}),
      S({kSpace, "+", kLower}));
  // After any other word of two letters or more without inner full stops, a full stop and a
  // lowercase word: a sentence whose capital is missing ("du retard. ensuite").
  Add(&rules, true,
      S({kWordStart, R"((?=)", kWordChars, R"({0,47}\p{L}))", kWordChars, R"({2,48}\.[»”")\]]*)"}),
      S({kSpace, "+", kLower}));
  // Otherwise a lowercase word continues the sentence: "« Non ! » dit-elle", "U.S. market".
  Add(&rules, false, R"([.!?؟۔‼…»”’"'›)\]\};:،؛,])",
      S({R"([\p{White_Space}\u200B\uFEFF»”›)\]\}!?.…;:؟؛،,]*)", kLower}));
  // An ellipsis before a capital ends a sentence: "Il a attendu… Puis".
  Add(&rules, true, S({R"([^\p{White_Space}\u200B\uFEFF]…)"}), S({kSpace, "+", kUpper}));
  // Abbreviations: ICU's list for the language, then the profile's titles, the abbreviations
  // before a number, ordinal days before a month, initials and Arabic one-letter abbreviations.
  std::string icu_words = Alternation(
      std::vector<std::string>(internal::IcuSuppressions(SentenceLocale(profile.tag)).begin(),
                               internal::IcuSuppressions(SentenceLocale(profile.tag)).end()));
  if (!icu_words.empty()) Add(&rules, false, S({kAbbreviationStart, icu_words}), S({kSpace}));
  std::string titles = Alternation(Strings(profile.titles));
  if (!titles.empty()) Add(&rules, false, S({kAbbreviationStart, titles, R"(\.)"}), S({kSpace}));
  std::string before_number = Alternation(Strings(profile.before_number));
  if (!before_number.empty()) {
    Add(&rules, false, S({kAbbreviationStart, before_number, R"(\.)"}), S({kSpace, R"(+\p{Nd})"}));
  }
  if (profile.ordinal_full_stop && !profile.month_names.empty()) {
    std::vector<std::string> months;
    for (const WordValue& month : profile.month_names) months.emplace_back(month.word);
    Add(&rules, false, S({kAbbreviationStart, R"([0-9]{1,2}\.)"}),
        S({kSpace, "+(?i:", Alternation(months), R"()(?![\p{L}]))"}));
  }
  Add(&rules, false, S({kAbbreviationStart, kUpper, R"(\.)"}), S({kSpace, "+", kUpper}));
  Add(&rules, false, S({kAbbreviationStart, kArabicLetter, R"(\.)"}),
      S({kSpace, "+", kArabicLetter}));
  // A full stop before a lowercase word further on, past digits or punctuation ("in 2019. 5
  // apples"), or before a comma or colon, ends nothing (Unicode's sentence rules SB8, SB8a).
  Add(&rules, false, S({R"(\.)", kClosing, "*"}), S({R"([^\p{Alphabetic}.!?؟۔]*)", kLower}));
  Add(&rules, false, S({kTerminal, kClosing, "*"}), S({kSpace, R"(*[,;:،؛])"}));
  // A sentence ends after its final punctuation and the closing quotes and brackets after it.
  Add(&rules, true,
      S({kTerminal, "(?:[.!?؟۔‼…]|", kClosing, ")*(?:", kSpace, "+", kSpacedClosing, "+)*"}),
      S({kSpace}));
  return rules;
}

// The language map pattern of a profile's primary tag: "en", "en-GB", "EN_us".
std::string TagPattern(std::string_view tag) { return std::string(tag) + "(?:[-_].*)?"; }

}  // namespace

SrxDocument BuiltInSrx() {
  SrxDocument document;
  document.cascade = false;
  for (const LanguageProfile* profile : AllLanguages()) {
    document.language_rules.push_back({std::string(profile->name), RulesFor(*profile)});
    document.maps.push_back({TagPattern(profile->tag), std::string(profile->name), 0});
  }
  // Every other language: the English abbreviations, as the built-in segmenter does.
  document.language_rules.push_back({"Default", RulesFor(LanguageFor("und"))});
  document.maps.push_back({".*", "Default", 0});
  return document;
}

}  // namespace termalign::text
