// Sentence break fix-ups: abbreviations, initials, closing punctuation after a space, glued
// sentences. Each rule looks at a bounded window around a break, so the whole pass is linear.
#include "sentence_rules.h"

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>
#include <span>
#include <string>

#include "text/fold.h"
#include "text/language.h"
#include "unicode_util.h"

namespace termalign::text::internal {
namespace {

// How far back a rule looks for the word before a full stop (bytes). Longer words are not
// abbreviations; the bound keeps a 10 MB line without spaces linear.
constexpr std::size_t kMaxWordBytes = 48;

// Abbreviations that a lowercase word may follow without a new sentence ("etc. and", "approx.
// the"), compared in ASCII lower case, in every language (English and French ones appear in
// all texts); each profile's before_lowercase list adds its own. A full stop after any other
// word, then a space and a lowercase word, is taken as a sentence end with a missing capital.
constexpr std::array<std::string_view, 100> kLowercaseFollows = {
    "etc",  "cf",   "vs",   "viz",  "al",   "approx", "ca",   "resp", "incl", "esp",
    "fig",  "figs", "no",   "nos",  "vol",  "vols",   "ed",   "eds",  "dept", "gov",
    "govt", "inc",  "ltd",  "co",   "corp", "jr",     "sr",   "st",   "mt",   "op",
    "cit",  "ibid", "env",  "av",   "apr",  "éd",     "coll", "pp",   "chap", "art",
    "min",  "max",  "sq",   "ft",   "lb",   "lbs",    "oz",   "km",   "kg",   "cm",
    "mm",   "hr",   "hrs",  "sec",  "mr",   "mrs",    "ms",   "dr",   "prof", "gen",
    "col",  "lt",   "sgt",  "capt", "rev",  "hon",    "mme",  "mlle", "mgr",  "pr",
    "me",   "jan",  "feb",  "mar",  "jun",  "jul",    "aug",  "sep",  "sept", "oct",
    "nov",  "dec",  "janv", "févr", "fév",  "avr",    "juil", "déc",  "cie",  "bd",
    "tél",  "tel",  "ex",   "mlles", "mmes", "sté",   "ste",  "pt",   "pts",  "id"};

// Entries of ICU's "@ss=standard" lists that are ordinary words or usually end a sentence
// ("la mer.", "un jeu.", "Inc.", "DC."). ICU also matches its entries as word suffixes
// ("chevaux." hits "aux."), which is why the lists are applied here, on whole words.
constexpr std::array<std::string_view, 84> kIcuEntriesIgnored = {
    "By.",   "Up.",   "To.",   "Do.",    "Is.",    "In.",   "On.",   "As.",   "Go.",
    "Or.",   "Ok.",   "OK.",   "Job.",   "Joe.",   "Act.",  "Long.", "Hat.",  "Link.",
    "Card.", "Cont.", "Lev.",  "Pro.",   "Lib.",   "Diff.", "Def.",  "Id.",   "AB.",
    "AA.",   "AD.",   "A.D.",  "PC.",    "Jam.",   "Min.",  "Num.",  "Org.",  "Abs.",
    "Alt.",  "Yr.",   "Gb.",   "Mb.",    "Kb.",    "Hz.",   "DC.",   "D.C.",  "Inc.",
    "Etc.",  "Var.",  "Misc.", "Est.",   "Phys.",  "Ex.",   "L.A.",  "N.Y.",  "a.m.",
    "A.M.",  "P.M.",  "I.T.",  "Fn.",    "Cap.",   "Adj.",  "Conn.", "Md.",   "Ed.",
    "aux.",  "mer.",  "jeu.",  "quart.", "doc.",   "config.", "cam.", "ann.", "mar.",
    "sam.",  "ven.",  "lun.",  "dim.",   "All.",   "Op.",   "Desc.", "Comm.", "dir.",
    "dest.", "anon.", "graph."};

bool Contains(std::span<const std::string_view> list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsOpening(UChar32 c) {
  return c == '(' || c == '[' || c == '{' || c == 0x00AB || c == 0x201C || c == 0x2018 ||
         c == 0x2039 || c == '"' || c == '\'' || c == 0x201E;
}

// Closing punctuation ICU may leave at the start of the next sentence when a space precedes it
// (French typography: "« Non ! »", "(voir ci-dessus . )").
bool IsLeadingCloser(UChar32 c) {
  return c == 0x00BB || c == 0x201D || c == 0x203A || c == ')' || c == ']' || c == '}' ||
         c == '!' || c == '?' || c == '.' || c == 0x2026 || c == ';' || c == ':' ||
         c == 0x061F || c == 0x061B || c == 0x060C || c == ',';
}

// The word before the full stop ending at `dot` (paragraph[dot] == '.'): back to white space
// or an opening bracket or quote, at most kMaxWordBytes. Empty when too long.
std::string_view WordBeforeDot(std::string_view paragraph, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && dot - start <= kMaxWordBytes) {
    std::size_t previous;
    UChar32 c = CodePointBefore(paragraph, start, &previous);
    if (IsSpace(c) || IsOpening(c)) break;
    start = previous;
  }
  if (dot - start > kMaxWordBytes) return {};
  return paragraph.substr(start, dot - start);
}

// Number of code points in a short string.
std::size_t CodePoints(std::string_view word) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < word.size(); CodePointAt(word, i, &i)) ++count;
  return count;
}

// True when `paragraph` has a month name of `profile` at `pos` ("März 2019"), as a whole word.
bool MonthNameAt(std::string_view paragraph, std::size_t pos, const LanguageProfile& profile) {
  std::size_t end = pos;
  while (end < paragraph.size() && end - pos <= kMaxWordBytes) {
    std::size_t next;
    if (!IsLetter(CodePointAt(paragraph, end, &next))) break;
    end = next;
  }
  if (end == pos || end - pos > kMaxWordBytes) return false;
  std::string word = FoldForMatch(paragraph.substr(pos, end - pos));
  return std::any_of(profile.month_names.begin(), profile.month_names.end(),
                     [&](const WordValue& month) { return FoldForMatch(month.word) == word; });
}

// A day of the month written as an ordinal with a full stop: one or two digits.
bool IsDayNumber(std::string_view word) {
  return !word.empty() && word.size() <= 2 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Should the break at `cut` (after the sentence ending before it) be dropped because the
// sentence ends with an abbreviation, an initial, or an ordinal before a month name?
bool EndsWithAbbreviation(std::string_view paragraph, std::string_view lang,
                          const LanguageProfile& profile, std::size_t cut) {
  std::size_t end = TrimSpacesBack(paragraph, 0, cut);
  if (end == 0 || paragraph[end - 1] != '.') return false;
  std::string_view word = WordBeforeDot(paragraph, end - 1);
  // After an elision the abbreviation is what follows the apostrophe: "l’art. 5".
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    std::size_t at = word.rfind(apostrophe);
    if (at != std::string_view::npos) word.remove_prefix(at + apostrophe.size());
  }
  if (word.empty()) return false;
  std::size_t next_pos = SkipSpaces(paragraph, cut, paragraph.size());
  if (next_pos >= paragraph.size()) return false;
  UChar32 next = CodePointAt(paragraph, next_pos, nullptr);
  if (IcuSuppressions(SentenceLocale(lang)).count(std::string(word) + ".") > 0) return true;
  if (Contains(profile.titles, word)) return true;
  if (u_isdigit(next) && Contains(profile.before_number, word)) return true;
  if (profile.ordinal_full_stop && IsDayNumber(word) && MonthNameAt(paragraph, next_pos, profile)) {
    return true;
  }
  if (CodePoints(word) == 1) {
    UChar32 letter = CodePointAt(word, 0, nullptr);
    // An initial before a name: "J. R. R. Tolkien", "M. Dupont".
    if (IsUpper(letter) && IsUpper(next)) return true;
    // Arabic one-letter abbreviations: "د." (doctor), "م." (year, engineer).
    if (IsArabicLetter(letter) && IsArabicLetter(next)) return true;
  }
  return false;
}

// A list marker alone: "1.", "12)", "IV.", "b)". ICU ends a sentence after it.
bool IsEnumerator(std::string_view text) {
  if (text.size() < 2 || text.size() > 5) return false;
  char last = text.back();
  if (last != '.' && last != ')') return false;
  std::string_view body = text.substr(0, text.size() - 1);
  bool digits = std::all_of(body.begin(), body.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool roman = std::all_of(body.begin(), body.end(),
                           [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
  bool letter = body.size() == 1 &&
                ((body[0] >= 'a' && body[0] <= 'z') || (body[0] >= 'A' && body[0] <= 'Z'));
  return digits || roman || letter;
}

// Moves a break that ICU put before closing punctuation to after it. Returns the new break,
// or paragraph.size() when only closing punctuation and spaces follow.
std::size_t MovePastClosers(std::string_view paragraph, std::size_t cut) {
  std::size_t pos = SkipSpaces(paragraph, cut, paragraph.size());
  std::size_t after = cut;
  while (pos < paragraph.size()) {
    std::size_t next;
    UChar32 c = CodePointAt(paragraph, pos, &next);
    if (!IsLeadingCloser(c)) break;
    after = next;
    pos = SkipSpaces(paragraph, next, paragraph.size());
  }
  if (after == cut) return cut;
  return pos >= paragraph.size() ? paragraph.size() : after;
}

// A chunk ending in a full stop (closing quotes or brackets may follow) before a lowercase
// word: "feux. par exemple" is two sentences unless the word is an abbreviation, an initial,
// has inner full stops ("e.g.", "U.S.") or the stop is part of an ellipsis.
bool EndsSentenceBeforeLowercase(std::string_view paragraph, const LanguageProfile& profile,
                                 std::size_t chunk_start, std::size_t chunk_end, std::size_t end) {
  std::size_t next_pos = SkipSpaces(paragraph, chunk_end, end);
  if (next_pos >= end || !IsLower(CodePointAt(paragraph, next_pos, nullptr))) return false;
  std::size_t stop = chunk_end;
  while (stop > chunk_start) {
    std::size_t start;
    UChar32 c = CodePointBefore(paragraph, stop, &start);
    if (c != 0x00BB && c != 0x201D && c != '"' && c != ')' && c != ']') break;
    stop = start;
  }
  if (stop <= chunk_start || paragraph[stop - 1] != '.') return false;
  std::size_t dot = stop - 1;
  if (dot > chunk_start && paragraph[dot - 1] == '.') return false;
  std::string_view word = WordBeforeDot(paragraph, dot);
  if (CodePoints(word) < 2 || word.find('.') != std::string_view::npos) return false;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t next;
    UChar32 c = CodePointAt(word, i, &next);
    letters += IsLetter(c) ? 1 : 0;
    i = next;
  }
  if (letters == 0) return false;  // "5. the" is more likely a list item
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return !Contains(kLowercaseFollows, lower) && !Contains(profile.before_lowercase, lower);
}

// "Il est parti… Puis": ICU does not end a sentence at an ellipsis; before a capital it does.
bool EndsWithEllipsisBeforeCapital(std::string_view paragraph, std::size_t chunk_start,
                                   std::size_t chunk_end, std::size_t end) {
  constexpr std::string_view kEllipsis = "\u2026";
  if (chunk_end - chunk_start <= kEllipsis.size() ||
      paragraph.substr(chunk_end - kEllipsis.size(), kEllipsis.size()) != kEllipsis) {
    return false;
  }
  std::size_t next_pos = SkipSpaces(paragraph, chunk_end, end);
  return next_pos > chunk_end && next_pos < end &&
         IsUpper(CodePointAt(paragraph, next_pos, nullptr));
}

// Full stops glued to the next sentence inside [begin, end): "israélienne.Microsoft". The stop
// must follow a lowercase letter or digit (not "U.S."), be followed by a capital and a
// lowercase letter (not "3.5", "e.ON"), and the chunk must not be a URL or e-mail address.
void AddGluedBreaks(std::string_view paragraph, const LanguageProfile& profile, std::size_t begin,
                    std::size_t end, std::vector<std::size_t>* out) {
  std::size_t chunk_start = begin;
  while (chunk_start < end) {
    chunk_start = SkipSpaces(paragraph, chunk_start, end);
    std::size_t chunk_end = chunk_start;
    bool has_dot = false;
    while (chunk_end < end) {
      std::size_t next;
      if (IsSpace(CodePointAt(paragraph, chunk_end, &next))) break;
      has_dot = has_dot || paragraph[chunk_end] == '.';
      chunk_end = next;
    }
    std::string_view chunk = paragraph.substr(chunk_start, chunk_end - chunk_start);
    if (has_dot && !LooksLikeUrlOrEmail(chunk)) {
      for (std::size_t dot = chunk.find('.'); dot != std::string_view::npos;
           dot = chunk.find('.', dot + 1)) {
        if (dot == 0 || dot + 1 >= chunk.size()) continue;
        std::size_t before_start;
        UChar32 before = CodePointBefore(chunk, dot, &before_start);
        if (!IsLower(before) && !u_isdigit(before)) continue;
        std::size_t second;
        UChar32 first = CodePointAt(chunk, dot + 1, &second);
        if (!IsUpper(first) || second >= chunk.size()) continue;
        if (!IsLower(CodePointAt(chunk, second, nullptr))) continue;
        // The word before the stop must not be a known abbreviation ("Mme.Dupont" is rare but
        // "etc.Le" is a real glued end); two letters at least, or a number.
        std::string_view word = WordBeforeDot(chunk, dot);
        if (CodePoints(word) < 2) continue;
        out->push_back(chunk_start + dot + 1);
      }
    }
    if (has_dot && EndsSentenceBeforeLowercase(paragraph, profile, chunk_start, chunk_end, end)) {
      out->push_back(chunk_end);
    } else if (EndsWithEllipsisBeforeCapital(paragraph, chunk_start, chunk_end, end)) {
      out->push_back(chunk_end);
    }
    chunk_start = chunk_end;
  }
}

}  // namespace

// ICU's sentence-break suppressions for ICU locale `locale` (from its "brkitr" data, the
// "@ss=standard" list), minus kIcuEntriesIgnored. Loaded once per locale; empty when ICU has
// none.
const std::set<std::string>& IcuSuppressions(const std::string& locale) {
  static std::mutex mutex;
  static std::map<std::string, std::set<std::string>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(locale);
  if (found != cache.end()) return found->second;
  std::set<std::string>& entries = cache[locale];
  UErrorCode error = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr",
                                            locale.c_str(), &error);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &error);
  UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &error);
  while (U_SUCCESS(error) && ures_hasNext(list)) {
    int32_t length = 0;
    const UChar* entry = ures_getNextString(list, &length, nullptr, &error);
    if (U_FAILURE(error)) break;
    char buffer[128];
    int32_t written = 0;
    u_strToUTF8(buffer, sizeof buffer, &written, entry, length, &error);
    if (U_FAILURE(error) || written >= static_cast<int32_t>(sizeof buffer)) break;
    std::string item(buffer, static_cast<std::size_t>(written));
    if (std::find(kIcuEntriesIgnored.begin(), kIcuEntriesIgnored.end(), item) ==
        kIcuEntriesIgnored.end()) {
      entries.insert(std::move(item));
    }
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  return entries;
}

std::span<const std::string_view> LowercaseFollows() { return kLowercaseFollows; }

bool LooksLikeUrlOrEmail(std::string_view chunk) {
  if (chunk.find("://") != std::string_view::npos) return true;
  if (chunk.substr(0, 4) == "www." || chunk.find("www.") != std::string_view::npos) return true;
  std::size_t at = chunk.find('@');
  if (at != std::string_view::npos && chunk.find('.', at) != std::string_view::npos) return true;
  // A bare domain: lowercase ASCII labels ending in a 2-6 letter top-level domain.
  std::string_view trimmed = chunk;
  while (!trimmed.empty() &&
         std::string_view(".,;:!?)»\"'").find(trimmed.back()) != std::string_view::npos) {
    trimmed.remove_suffix(1);
  }
  std::size_t slash = trimmed.find('/');
  std::string_view host = trimmed.substr(0, slash);
  std::size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return false;
  std::string_view tld = host.substr(last_dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::size_t> FixSentenceBreaks(std::string_view paragraph, std::string_view lang,
                                           std::vector<std::size_t> breaks) {
  const LanguageProfile& profile = LanguageFor(lang);
  std::vector<std::size_t> kept;
  kept.reserve(breaks.size());
  std::size_t consumed = 0;  // end of the last closing run scanned: each byte is scanned once
  for (std::size_t cut : breaks) {
    if (cut < consumed) continue;
    cut = MovePastClosers(paragraph, cut);
    consumed = cut;
    if (cut >= paragraph.size()) continue;
    std::size_t next_pos = SkipSpaces(paragraph, cut, paragraph.size());
    if (next_pos >= paragraph.size()) continue;
    // A lowercase word continues the sentence: "« Non ! » dit-il", "Vraiment ? demanda-t-il".
    if (IsLower(CodePointAt(paragraph, next_pos, nullptr))) continue;
    if (EndsWithAbbreviation(paragraph, lang, profile, cut)) continue;
    if (!kept.empty() && cut <= kept.back()) continue;
    std::size_t sentence_start = SkipSpaces(paragraph, kept.empty() ? 0 : kept.back(), cut);
    if (IsEnumerator(paragraph.substr(
            sentence_start, TrimSpacesBack(paragraph, sentence_start, cut) - sentence_start))) {
      continue;  // "1. Introduction", "IV. Conclusion"
    }
    kept.push_back(cut);
  }
  // Glued sentences, sentence by sentence.
  std::vector<std::size_t> result;
  result.reserve(kept.size());
  std::size_t start = 0;
  kept.push_back(paragraph.size());
  for (std::size_t cut : kept) {
    AddGluedBreaks(paragraph, profile, start, cut, &result);
    if (cut < paragraph.size()) result.push_back(cut);
    start = cut;
  }
  return result;
}

}  // namespace termalign::text::internal
