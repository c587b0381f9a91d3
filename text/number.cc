// NormalizeNumber: one canonical spelling for "64,000", "64 000", "64 000" and "٦٤٬٠٠٠";
// RomanNumeral: "XXIII" read as "23".
#include <string>
#include <utility>
#include <vector>

#include "text/fold.h"
#include "text/language.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

// Digits, separators and sign as ASCII; grouping spaces dropped. False on any other character.
bool ToAsciiNumber(std::string_view token, std::string* out, bool* had_space) {
  for (std::size_t i = 0; i < token.size();) {
    std::size_t next;
    UChar32 c = internal::CodePointAt(token, i, &next);
    i = next;
    if (c >= '0' && c <= '9') {
      *out += static_cast<char>(c);
    } else if (u_isdigit(c)) {
      int32_t value = u_charDigitValue(c);
      if (value < 0 || value > 9) return false;
      *out += static_cast<char>('0' + value);
    } else if (c == ',' || c == '.') {
      *out += static_cast<char>(c);
    } else if (c == 0x066B) {  // Arabic decimal separator
      *out += '.';
    } else if (c == 0x066C) {  // Arabic thousands separator
      *out += ',';
    } else if (c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009) {
      *had_space = true;
    } else if ((c == '-' || c == '+' || c == 0x2212) && out->empty()) {
      *out += c == '+' ? '+' : '-';
    } else {
      return false;
    }
  }
  return true;
}

// True when every group after the first has exactly three digits and the first has 1-3.
bool ValidGroups(const std::vector<std::string>& groups) {
  if (groups.empty() || groups[0].empty() || groups[0].size() > 3) return false;
  for (std::size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3) return false;
  }
  return true;
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += part;
  return out;
}

// "3.50" -> "3.5", "3.0" -> "3", ".5" -> "0.5".
std::string TidyDecimal(std::string integer, std::string fraction) {
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (integer.empty()) integer = "0";
  return fraction.empty() ? integer : integer + "." + fraction;
}

}  // namespace

std::string NormalizeNumber(std::string_view token, std::string_view lang) {
  std::string ascii;
  bool had_space = false;
  if (!ToAsciiNumber(token, &ascii, &had_space)) return "";
  std::string sign;
  if (!ascii.empty() && (ascii[0] == '-' || ascii[0] == '+')) {
    if (ascii[0] == '-') sign = "-";
    ascii.erase(0, 1);
  }
  if (ascii.find_first_of("0123456789") == std::string::npos) return "";
  if (ascii.front() == ',' || ascii.back() == ',' || ascii.back() == '.') return "";
  std::size_t commas = 0, points = 0;
  for (char c : ascii) {
    commas += c == ',';
    points += c == '.';
  }
  std::string integer, fraction;
  if (commas > 0 && points > 0) {
    // Both: the last one is the decimal mark, the other groups ("1,234.5", "1.234,5").
    char decimal = ascii.find_last_of(",.") == ascii.rfind('.') ? '.' : ',';
    char grouping = decimal == '.' ? ',' : '.';
    std::size_t mark = ascii.rfind(decimal);
    std::string head = ascii.substr(0, mark);
    if (head.find(decimal) != std::string::npos) return "";
    std::vector<std::string> groups = Split(head, grouping);
    if (!ValidGroups(groups)) return "";
    integer = Join(groups);
    fraction = ascii.substr(mark + 1);
  } else if (commas + points > 1) {
    // One kind, several times: grouping ("1,234,567", "1.234.567").
    std::vector<std::string> groups = Split(ascii, commas > 0 ? ',' : '.');
    if (!ValidGroups(groups)) return "";
    integer = Join(groups);
  } else if (commas + points == 1) {
    char mark = commas > 0 ? ',' : '.';
    std::size_t at = ascii.find(mark);
    std::string head = ascii.substr(0, at), tail = ascii.substr(at + 1);
    // A lone grouping mark before exactly three digits groups thousands ("64,000" in English,
    // "64.000" in German); any other lone mark, or one after space grouping ("1 234,5"), is
    // the decimal mark.
    bool groups = mark == LanguageFor(lang).grouping_mark && !had_space && tail.size() == 3 &&
                  !head.empty() && head.size() <= 3;
    if (groups) {
      integer = head + tail;
    } else {
      integer = head;
      fraction = tail;
    }
  } else {
    integer = ascii;
  }
  return sign + TidyDecimal(integer, fraction);
}

std::string RomanNumeral(std::string_view word) {
  if (word.size() < 2 || word.size() > 15) return "";
  constexpr std::string_view kLetters = "IVXLCDM";
  constexpr int kValues[] = {1, 5, 10, 50, 100, 500, 1000};
  int value = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::size_t at = kLetters.find(word[i]);
    if (at == std::string_view::npos) return "";
    std::size_t next = i + 1 < word.size() ? kLetters.find(word[i + 1]) : std::string_view::npos;
    const bool subtract = next != std::string_view::npos && kValues[next] > kValues[at];
    value += subtract ? -kValues[at] : kValues[at];
  }
  // Chapters, articles and annexes run to a few hundred; larger values are more often words
  // in capitals ("DIX", "MIX").
  if (value <= 0 || value >= 400) return "";
  // Only the usual spelling counts ("IIII", "VX" and "IIX" are no numbers): write the value
  // back and compare.
  std::string written;
  constexpr std::pair<int, std::string_view> kParts[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},   {4, "IV"},  {1, "I"}};
  for (int rest = value; const auto& [part, letters] : kParts) {
    for (; rest >= part; rest -= part) written += letters;
  }
  return written == word ? std::to_string(value) : "";
}

}  // namespace termalign::text
