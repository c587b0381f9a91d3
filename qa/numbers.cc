// Numbers and dates: found through the tokenizer, compared by canonical value.
#include "qa/numbers.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <utility>

#include "text/fold.h"
#include "text/tokenizer.h"

namespace termalign::qa {
namespace {

struct NameValue {
  const char* name;
  int value;
};

// Month names as people write them; folded (FoldForMatch) when the tables are built.
constexpr NameValue kEnglishMonths[] = {
    {"January", 1}, {"February", 2}, {"March", 3},     {"April", 4},    {"May", 5},
    {"June", 6},    {"July", 7},     {"August", 8},    {"September", 9}, {"October", 10},
    {"November", 11}, {"December", 12}, {"Jan", 1},    {"Feb", 2},      {"Mar", 3},
    {"Apr", 4},     {"Jun", 6},      {"Jul", 7},       {"Aug", 8},      {"Sep", 9},
    {"Sept", 9},    {"Oct", 10},     {"Nov", 11},      {"Dec", 12}};
constexpr NameValue kFrenchMonths[] = {
    {"janvier", 1}, {"février", 2}, {"mars", 3},       {"avril", 4},    {"mai", 5},
    {"juin", 6},    {"juillet", 7}, {"août", 8},       {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"janv", 1},   {"févr", 2},     {"avr", 4},
    {"juil", 7},    {"sept", 9},    {"oct", 10},       {"nov", 11},     {"déc", 12}};
constexpr NameValue kArabicMonths[] = {
    // Egyptian and Gulf usage.
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"إبريل", 4}, {"مايو", 5},
    {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8}, {"سبتمبر", 9},
    {"أكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    // Levantine and Iraqi usage; two-word names are matched as two tokens.
    {"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6},
    {"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"تشرين الأول", 10}, {"تشرين الثاني", 11},
    {"كانون الأول", 12},
    // Maghreb usage.
    {"جانفي", 1}, {"فيفري", 2}, {"أفريل", 4}, {"ماي", 5}, {"جوان", 6}, {"جويلية", 7},
    {"أوت", 8}};

constexpr NameValue kEnglishNumbers[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},    {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},    {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},   {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"thousand", 1000}};
constexpr NameValue kFrenchNumbers[] = {
    {"zéro", 0},      {"un", 1},        {"une", 1},       {"deux", 2},     {"trois", 3},
    {"quatre", 4},    {"cinq", 5},      {"six", 6},       {"sept", 7},     {"huit", 8},
    {"neuf", 9},      {"dix", 10},      {"onze", 11},     {"douze", 12},   {"treize", 13},
    {"quatorze", 14}, {"quinze", 15},   {"seize", 16},    {"vingt", 20},   {"trente", 30},
    {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"cent", 100},  {"mille", 1000}};
constexpr NameValue kArabicNumbers[] = {
    {"صفر", 0},   {"واحد", 1},  {"واحدة", 1}, {"اثنان", 2}, {"اثنين", 2}, {"اثنتان", 2},
    {"ثلاث", 3},  {"ثلاثة", 3}, {"أربع", 4},  {"أربعة", 4}, {"خمس", 5},   {"خمسة", 5},
    {"ست", 6},    {"ستة", 6},   {"سبع", 7},   {"سبعة", 7},  {"ثمان", 8},  {"ثمانية", 8},
    {"تسع", 9},   {"تسعة", 9},  {"عشر", 10},  {"عشرة", 10}, {"عشرون", 20}, {"عشرين", 20},
    {"مئة", 100}, {"مائة", 100}, {"ألف", 1000}};

using Table = std::unordered_map<std::string, int>;

template <std::size_t N>
void AddFolded(Table& table, const NameValue (&entries)[N]) {
  for (const NameValue& entry : entries) table.emplace(text::FoldForMatch(entry.name), entry.value);
}

// Tables by language: 0 en, 1 fr, 2 ar, 3 all.
int LangSlot(std::string_view lang) {
  if (lang == "en") return 0;
  if (lang == "fr") return 1;
  if (lang == "ar") return 2;
  return 3;
}

const Table& MonthTable(std::string_view lang) {
  static const Table* tables = [] {
    static Table built[4];
    AddFolded(built[0], kEnglishMonths);
    AddFolded(built[1], kFrenchMonths);
    AddFolded(built[2], kArabicMonths);
    AddFolded(built[3], kEnglishMonths);
    AddFolded(built[3], kFrenchMonths);
    AddFolded(built[3], kArabicMonths);
    return built;
  }();
  return tables[LangSlot(lang)];
}

const Table& NumberWordTable(std::string_view lang) {
  static const Table* tables = [] {
    static Table built[4];
    AddFolded(built[0], kEnglishNumbers);
    AddFolded(built[1], kFrenchNumbers);
    AddFolded(built[2], kArabicNumbers);
    AddFolded(built[3], kEnglishNumbers);
    AddFolded(built[3], kFrenchNumbers);
    AddFolded(built[3], kArabicNumbers);
    return built;
  }();
  return tables[LangSlot(lang)];
}

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
      : sentence_(sentence), lang_(lang), tokens_(text::Tokenize(sentence)),
        used_(tokens_.size(), false) {}

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
      // "7 October", "7 octobre", "le 1er mai", "7 أكتوبر".
      if (i > 0 && !used_[i - 1] && (date.day = DayAt(i - 1)) != 0) first = i - 1;
      std::size_t next = last + 1;
      if (date.day == 0 && next < tokens_.size() && (date.day = DayAt(next)) != 0) {
        last = next++;  // "October 7"
        if (next < tokens_.size() && Text(next) == ",") ++next;
      }
      if (next < tokens_.size() && (date.year = YearAt(next)) != 0) last = next;
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
