// Numbers and dates: found through the tokenizer, compared by canonical value.
#include "qa/numbers.h"

#include <algorithm>
#include <cstdio>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "text/fold.h"
#include "text/language.h"
#include "text/tokenizer.h"

namespace termalign::qa {
namespace {

using Table = std::unordered_map<std::string, int>;

void AddFolded(Table& table, std::span<const text::WordValue> entries) {
  for (const text::WordValue& entry : entries) {
    table.emplace(text::FoldForMatch(entry.word), entry.value);
  }
}

// Month and number-word tables of one language, folded; a language without a profile gets
// those of every language.
struct Tables {
  Table months;
  Table numbers;
};

const Tables& TablesFor(std::string_view lang) {
  static const auto* const tables = [] {
    auto* built = new std::unordered_map<const text::LanguageProfile*, Tables>;
    Tables& all = (*built)[nullptr];
    for (const text::LanguageProfile* profile : text::AllLanguages()) {
      Tables& own = (*built)[profile];
      AddFolded(own.months, profile->month_names);
      AddFolded(own.numbers, profile->number_values);
      AddFolded(all.months, profile->month_names);
      AddFolded(all.numbers, profile->number_values);
    }
    return built;
  }();
  return tables->at(text::FindLanguage(lang));
}

const Table& MonthTable(std::string_view lang) { return TablesFor(lang).months; }

const Table& NumberWordTable(std::string_view lang) { return TablesFor(lang).numbers; }

int Lookup(const Table& table, std::string_view key) {
  auto it = table.find(std::string(key));
  return it == table.end() ? 0 : it->second;
}

// Leading zeros carry no value: "07" and "7" are the same day.
std::string StripLeadingZeros(std::string number) {
  std::size_t zeros = 0;
  while (zeros + 1 < number.size() && number[zeros] == '0' && number[zeros + 1] != '.') ++zeros;
  return number.substr(zeros);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
};

std::string DateCanonical(const Date& date) {
  char buffer[32];
  if (date.year != 0 && date.day != 0) {
    std::snprintf(buffer, sizeof buffer, "date:%04d-%02d-%02d", date.year, date.month, date.day);
  } else if (date.year != 0) {
    std::snprintf(buffer, sizeof buffer, "date:%04d-%02d", date.year, date.month);
  } else {
    std::snprintf(buffer, sizeof buffer, "date:--%02d-%02d", date.month, date.day);
  }
  return buffer;
}

// A tokenised sentence with what each token means for dates and numbers.
class Scanner {
 public:
  Scanner(std::string_view sentence, std::string_view lang)
      : sentence_(sentence), lang_(lang), profile_(text::LanguageFor(lang)),
        tokens_(text::Tokenize(sentence)), used_(tokens_.size(), false) {}

  std::vector<NumberMention> Scan() {
    std::vector<NumberMention> mentions;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != text::TokenKind::kWord) continue;
      std::size_t month_tokens = 0;
      int month = MonthAt(i, &month_tokens);
      if (month == 0) continue;
      Date date;
      date.month = month;
      std::size_t first = i, last = i + month_tokens - 1;
      // "7 October", "7 octobre", "le 1er mai", "7 أكتوبر", "7. Oktober", "7 de octubre".
      std::size_t day = i;
      if (day > 0 && IsDayJoiner(day - 1)) --day;
      if (day > 0 && !used_[day - 1] && (date.day = DayAt(day - 1)) != 0) first = day - 1;
      std::size_t next = last + 1;
      if (date.day == 0 && next < tokens_.size() && (date.day = DayAt(next)) != 0) {
        last = next++;  // "October 7"
        if (next < tokens_.size() && Text(next) == ",") ++next;
      }
      std::size_t year = next;
      if (year < tokens_.size() && IsDateParticle(year)) ++year;  // "octubre de 2023"
      if (year < tokens_.size() && (date.year = YearAt(year)) != 0) last = year;
      if (date.day == 0 && date.year == 0) continue;  // "may" alone is not a date
      for (std::size_t k = first; k <= last; ++k) used_[k] = true;
      mentions.push_back({DateCanonical(date), tokens_[first].begin, tokens_[last].end});
      i = last;
    }
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (used_[i] || tokens_[i].kind != text::TokenKind::kNumber) continue;
      std::string canonical = text::NormalizeNumber(Text(i), lang_);
      if (canonical.empty()) continue;
      mentions.push_back({StripLeadingZeros(canonical), tokens_[i].begin, tokens_[i].end});
    }
    std::sort(mentions.begin(), mentions.end(),
              [](const NumberMention& a, const NumberMention& b) { return a.begin < b.begin; });
    return mentions;
  }

 private:
  std::string_view Text(std::size_t i) const { return tokens_[i].text(sentence_); }

  int MonthAt(std::size_t i, std::size_t* count) const {
    const Table& table = MonthTable(lang_);
    if (i + 1 < tokens_.size() && tokens_[i + 1].kind == text::TokenKind::kWord) {
      std::string two = text::FoldForMatch(Text(i)) + " " + text::FoldForMatch(Text(i + 1));
      if (int month = Lookup(table, two)) {
        *count = 2;
        return month;
      }
    }
    std::string one = text::FoldForMatch(Text(i));
    // "Oct." and "janv." are abbreviations: the point is a separate token.
    *count = 1;
    return Lookup(table, one);
  }

  // A word the language writes between the parts of a date: "de" in "7 de octubre de 2023".
  bool IsDateParticle(std::size_t i) const {
    if (tokens_[i].kind != text::TokenKind::kWord) return false;
    std::string folded = text::FoldForMatch(Text(i));
    return std::find(profile_.date_particles.begin(), profile_.date_particles.end(), folded) !=
           profile_.date_particles.end();
  }

  // What may stand between a day and its month: a date particle, or the full stop of an
  // ordinal day ("7. Oktober") in a language that writes one.
  bool IsDayJoiner(std::size_t i) const {
    return IsDateParticle(i) || (profile_.ordinal_full_stop && Text(i) == ".");
  }

  // A day of the month: "7", "07", "1er", "1st", "22nd".
  int DayAt(std::size_t i) const {
    std::string_view token = Text(i);
    std::string digits;
    if (tokens_[i].kind == text::TokenKind::kNumber) {
      digits = text::NormalizeNumber(token, lang_);
    } else {
      std::size_t n = 0;
      while (n < token.size() && token[n] >= '0' && token[n] <= '9') ++n;
      std::string suffix = text::FoldForMatch(token.substr(n));
      if (n == 0 || (suffix != "er" && suffix != "re" && suffix != "e" && suffix != "st" &&
                     suffix != "nd" && suffix != "rd" && suffix != "th")) {
        return 0;
      }
      digits = std::string(token.substr(0, n));
    }
    if (!AllDigits(digits) || digits.size() > 2) return 0;
    int day = std::stoi(digits);
    return day >= 1 && day <= 31 ? day : 0;
  }

  int YearAt(std::size_t i) const {
    if (tokens_[i].kind != text::TokenKind::kNumber) return 0;
    std::string digits = text::NormalizeNumber(Text(i), lang_);
    if (!AllDigits(digits) || digits.size() != 4) return 0;
    int year = std::stoi(digits);
    return year >= 1000 && year <= 2999 ? year : 0;
  }

  std::string_view sentence_;
  std::string lang_;
  const text::LanguageProfile& profile_;
  std::vector<text::Token> tokens_;
  std::vector<bool> used_;
};

}  // namespace

int MonthFromName(std::string_view folded_word, std::string_view lang) {
  return Lookup(MonthTable(lang), folded_word);
}

int NumberWordValue(std::string_view folded_word, std::string_view lang) {
  const Table& table = NumberWordTable(lang);
  auto it = table.find(std::string(folded_word));
  return it == table.end() ? -1 : it->second;
}

std::vector<NumberMention> FindNumbers(std::string_view sentence, std::string_view lang) {
  return Scanner(sentence, lang).Scan();
}

}  // namespace termalign::qa
