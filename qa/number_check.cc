// Comparing the numbers and dates of the two sides of each matched bead.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "qa/numbers.h"
#include "text/fold.h"
#include "text/tokenizer.h"

namespace termalign::qa {
namespace {

// A mention of one side of a bead, with the sentence it is in.
struct Located {
  NumberMention mention;
  std::size_t sentence = 0;
  std::string_view text;  // the sentence text
  bool matched = false;

  std::string_view Written() const {
    return text.substr(mention.begin, mention.end - mention.begin);
  }
};

struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Reads "date:2023-10-07", "date:2023-10" or "date:--10-07"; false for a plain number.
bool ParseDate(std::string_view canonical, DateParts* date) {
  if (canonical.rfind("date:", 0) != 0) return false;
  std::string rest(canonical.substr(5));
  if (rest.rfind("--", 0) == 0) {
    return std::sscanf(rest.c_str(), "--%d-%d", &date->month, &date->day) == 2;
  }
  int fields = std::sscanf(rest.c_str(), "%d-%d-%d", &date->year, &date->month, &date->day);
  return fields >= 2;
}

bool Compatible(const DateParts& a, const DateParts& b) {
  if (a.month != b.month) return false;
  if (a.year != 0 && b.year != 0 && a.year != b.year) return false;
  if (a.day != 0 && b.day != 0 && a.day != b.day) return false;
  return true;
}

// "2023" matches the year of a date, "7" its day.
bool IsDatePart(std::string_view number, const DateParts& date) {
  if (number.empty() || number.find('.') != std::string_view::npos) return false;
  int value = std::atoi(std::string(number).c_str());
  return (date.year != 0 && value == date.year) || (date.day != 0 && value == date.day);
}

std::vector<Located> Collect(const text::Document& document, std::size_t begin, std::size_t count) {
  std::vector<Located> located;
  for (std::size_t i = begin; i < begin + count && i < document.sentences.size(); ++i) {
    const std::string& sentence = document.sentences[i].text;
    for (NumberMention& mention : FindNumbers(sentence, document.lang)) {
      located.push_back({std::move(mention), i, sentence, false});
    }
  }
  return located;
}

// The values the words of these sentences spell ("deux" -> 2).
std::vector<int> SpelledNumbers(const text::Document& document, std::size_t begin,
                                std::size_t count) {
  std::vector<int> values;
  for (std::size_t i = begin; i < begin + count && i < document.sentences.size(); ++i) {
    const std::string& sentence = document.sentences[i].text;
    for (const text::Token& token : text::Tokenize(sentence)) {
      if (token.kind != text::TokenKind::kWord) continue;
      int value = NumberWordValue(text::FoldForMatch(token.text(sentence)), document.lang);
      if (value >= 0) values.push_back(value);
    }
  }
  return values;
}

void MatchExact(std::vector<Located>& a, std::vector<Located>& b) {
  for (Located& x : a) {
    for (Located& y : b) {
      if (!y.matched && x.mention.canonical == y.mention.canonical) {
        x.matched = y.matched = true;
        break;
      }
    }
  }
}

void MatchDates(std::vector<Located>& a, std::vector<Located>& b) {
  for (Located& x : a) {
    DateParts dx;
    if (x.matched || !ParseDate(x.mention.canonical, &dx)) continue;
    for (Located& y : b) {
      DateParts dy;
      if (!y.matched && ParseDate(y.mention.canonical, &dy) && Compatible(dx, dy)) {
        x.matched = y.matched = true;
        break;
      }
    }
  }
}

// A number left on side `a` that is part of a date left on side `b`: both count as kept.
void MatchDateParts(std::vector<Located>& a, std::vector<Located>& b) {
  for (Located& x : a) {
    if (x.matched || x.mention.canonical.rfind("date:", 0) == 0) continue;
    for (Located& y : b) {
      DateParts dy;
      if (ParseDate(y.mention.canonical, &dy) && IsDatePart(x.mention.canonical, dy)) {
        x.matched = y.matched = true;
        break;
      }
    }
  }
}

bool AllDigitsNumber(std::string_view number) {
  if (number.empty() || number.size() > 6) return false;
  for (char c : number) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void MatchSpelled(std::vector<Located>& a, std::vector<int> spelled) {
  for (Located& x : a) {
    if (x.matched || !AllDigitsNumber(x.mention.canonical)) continue;
    int value = std::atoi(x.mention.canonical.c_str());
    for (int& word : spelled) {
      if (word == value) {
        x.matched = true;
        word = -1;
        break;
      }
    }
  }
}

}  // namespace

std::vector<Finding> CheckNumbers(const text::Document& source, const text::Document& target,
                                  const align::Alignment& alignment) {
  std::vector<Finding> findings;
  for (std::size_t b = 0; b < alignment.beads.size(); ++b) {
    const align::Bead& bead = alignment.beads[b];
    if (!bead.matched()) continue;
    std::vector<Located> left = Collect(source, bead.source_begin, bead.source_count);
    std::vector<Located> right = Collect(target, bead.target_begin, bead.target_count);
    if (left.empty() && right.empty()) continue;
    MatchExact(left, right);
    MatchDates(left, right);
    MatchDateParts(left, right);
    MatchDateParts(right, left);
    MatchSpelled(left, SpelledNumbers(target, bead.target_begin, bead.target_count));
    MatchSpelled(right, SpelledNumbers(source, bead.source_begin, bead.source_count));

    Finding finding;
    finding.kind = FindingKind::kNumberMismatch;
    finding.bead = b;
    finding.source_begin = bead.source_begin;
    finding.source_count = bead.source_count;
    finding.target_begin = bead.target_begin;
    finding.target_count = bead.target_count;
    for (const Located& x : left) {
      if (x.matched) continue;
      finding.expected.emplace_back(x.Written());
      finding.marks.push_back({Side::kSource, x.sentence, x.mention.begin, x.mention.end});
    }
    for (const Located& y : right) {
      if (y.matched) continue;
      finding.found.emplace_back(y.Written());
      finding.marks.push_back({Side::kTarget, y.sentence, y.mention.begin, y.mention.end});
    }
    if (finding.marks.empty()) continue;
    std::string message;
    auto join = [](const std::vector<std::string>& items) {
      std::string joined;
      for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
      return joined;
    };
    if (!finding.expected.empty()) message = join(finding.expected) + " not in the target";
    if (!finding.found.empty()) {
      if (!message.empty()) message += "; ";
      message += join(finding.found) + " not in the source";
    }
    finding.subject = finding.expected.empty() ? finding.found.front() : finding.expected.front();
    finding.message = std::move(message);
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace termalign::qa
