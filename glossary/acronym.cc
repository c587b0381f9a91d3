// Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
// biomedical text", over analysed words, plus a cross-lingual variant for long forms whose
// letters do not spell the short form (French keeps English acronyms: "... Défense (IMOD)").
#include "glossary/acronym.h"

#include <algorithm>
#include <cctype>

namespace termalign::glossary {
namespace {

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A plausible short form: one word of 2-10 bytes, starting alphanumeric, with a capital.
bool LooksLikeShortForm(std::string_view s) {
  if (s.size() < 2 || s.size() > 10 || !IsAsciiAlnum(s[0])) return false;
  bool capital = false;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == ';') return false;
    capital = capital || (c >= 'A' && c <= 'Z');
  }
  return capital;
}

// The index of the last word that ends at or before `offset`, or -1.
long LastWordBefore(const std::vector<Word>& words, std::size_t offset) {
  long last = -1;
  for (std::size_t i = 0; i < words.size() && words[i].end <= offset; ++i) {
    last = static_cast<long>(i);
  }
  return last;
}

// The core of Schwartz & Hearst: matches the letters of `short_form` right to left in
// `long_form` (both lower case); the first letter must start a word. Returns the byte where the
// long form starts, or npos.
std::size_t BestLongFormStart(std::string_view short_form, std::string_view long_form) {
  long s = static_cast<long>(short_form.size()) - 1;
  long l = static_cast<long>(long_form.size()) - 1;
  for (; s >= 0; --s) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(short_form[s])));
    if (!IsAsciiAlnum(c)) continue;
    while (l >= 0 && (long_form[l] != c ||
                      (s == 0 && l > 0 && IsAsciiAlnum(long_form[l - 1])))) {
      --l;
    }
    if (l < 0) return std::string_view::npos;
    --l;
  }
  std::size_t start = long_form.rfind(' ', l < 0 ? 0 : l);
  return start == std::string_view::npos ? 0 : start + 1;
}

// Runs the matcher over words [first, last] and fills `definition` when it succeeds.
bool MatchWindow(std::string_view sentence, const std::vector<Word>& words, std::size_t first,
                 std::size_t last, std::string_view short_form, AcronymDefinition* definition) {
  std::string joined;
  std::vector<std::size_t> starts;
  for (std::size_t i = first; i <= last; ++i) {
    if (!joined.empty()) joined += ' ';
    starts.push_back(joined.size());
    joined += words[i].folded;
  }
  std::size_t start = BestLongFormStart(short_form, joined);
  if (start == std::string_view::npos) return false;
  std::size_t word = first;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    if (starts[k] <= start) word = first + k;
  }
  // The long form starts with a content word and is longer than the short form.
  while (word <= last && !words[word].content) ++word;
  if (word > last) return false;
  definition->long_begin = words[word].begin;
  definition->long_end = words[last].end;
  definition->long_form =
      std::string(sentence.substr(definition->long_begin, definition->long_end - definition->long_begin));
  return definition->long_form.size() > short_form.size() && last > word;
}

}  // namespace

std::vector<ShortFormSite> FindShortFormSites(std::string_view sentence,
                                              const std::vector<Word>& words) {
  std::vector<ShortFormSite> sites;
  for (std::size_t open = 0; open < sentence.size(); ++open) {
    char bracket = sentence[open];
    if (bracket != '(' && bracket != '[') continue;
    char closing = bracket == '(' ? ')' : ']';
    std::size_t close = sentence.find(closing, open + 1);
    if (close == std::string_view::npos || close - open > 12) continue;
    std::string_view inside = sentence.substr(open + 1, close - open - 1);
    while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
    while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
    if (!LooksLikeShortForm(inside)) continue;
    long last = LastWordBefore(words, open);
    if (last < 0) continue;
    ShortFormSite site;
    site.short_form = std::string(inside);
    site.short_begin = static_cast<std::size_t>(inside.data() - sentence.data());
    site.short_end = site.short_begin + inside.size();
    site.last_word = static_cast<std::size_t>(last);
    sites.push_back(std::move(site));
  }
  return sites;
}

std::vector<AcronymDefinition> FindAcronymDefinitions(std::string_view sentence,
                                                      const std::vector<Word>& words) {
  std::vector<AcronymDefinition> definitions;
  for (const ShortFormSite& site : FindShortFormSites(sentence, words)) {
    std::size_t letters = site.short_form.size();
    std::size_t window = std::min(letters + 5, 2 * letters);
    std::size_t first = site.last_word + 1 > window ? site.last_word + 1 - window : 0;
    // The long form stays inside one clause: no punctuation between it and the bracket.
    for (std::size_t i = site.last_word; i > first; --i) {
      if (words[i].break_before) {
        first = i;
        break;
      }
    }
    AcronymDefinition definition;
    definition.short_form = site.short_form;
    definition.short_begin = site.short_begin;
    definition.short_end = site.short_end;
    if (MatchWindow(sentence, words, first, site.last_word, site.short_form, &definition)) {
      definitions.push_back(std::move(definition));
    }
  }
  // "SF (long form)": an acronym right before a bracket holding several words.
  for (std::size_t open = sentence.find('('); open != std::string_view::npos;
       open = sentence.find('(', open + 1)) {
    std::size_t close = sentence.find(')', open + 1);
    if (close == std::string_view::npos || close - open > 120) continue;
    long before = LastWordBefore(words, open);
    if (before < 0 || !words[before].acronym) continue;
    std::size_t first = words.size(), last = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i].begin > open && words[i].end <= close) {
        first = std::min(first, i);
        last = i;
      }
    }
    if (first >= words.size() || last <= first) continue;
    std::string_view short_form = sentence.substr(words[before].begin,
                                                  words[before].end - words[before].begin);
    AcronymDefinition definition;
    definition.short_form = std::string(short_form);
    definition.short_begin = words[before].begin;
    definition.short_end = words[before].end;
    if (MatchWindow(sentence, words, first, last, short_form, &definition)) {
      definitions.push_back(std::move(definition));
    }
  }
  return definitions;
}

bool LongFormByTranslation(std::string_view sentence, const std::vector<Word>& words,
                           const ShortFormSite& site, int known_content_words,
                           const WordMatcher& matches, AcronymDefinition* definition,
                           int max_words) {
  int matched = 0;
  const std::size_t last = site.last_word;
  for (std::size_t span = 1; span <= static_cast<std::size_t>(max_words) && span <= last + 1;
       ++span) {
    const std::size_t at = last + 1 - span;
    const Word& word = words[at];
    if (span > 1 && words[at + 1].break_before) return false;  // punctuation in between
    if (word.number) return false;
    if (word.content) {
      if (matches(word) <= 0) return false;
      if (++matched >= known_content_words) {
        definition->short_form = site.short_form;
        definition->short_begin = site.short_begin;
        definition->short_end = site.short_end;
        definition->long_begin = word.begin;
        definition->long_end = words[last].end;
        definition->long_form = std::string(sentence.substr(
            definition->long_begin, definition->long_end - definition->long_begin));
        return true;
      }
    } else if (span == 1) {
      return false;  // a long form does not end with a function word
    } else if (!word.connector && (at == 0 || !words[at - 1].connector)) {
      return false;  // only connectors, and articles right after one, join its words
    }
  }
  return false;
}

}  // namespace termalign::glossary
