// Numbers and dates a translation must keep, compared across languages.
#ifndef TERMALIGN_QA_NUMBERS_H_
#define TERMALIGN_QA_NUMBERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "qa/finding.h"
#include "text/types.h"

namespace termalign::qa {

// A NumberMention is a number or a date written in a sentence. `canonical` is the same for the
// same value in any language with a profile (text/language.h): "64000" for "64,000" (en),
// "64 000" (fr) and "64.000" (de), "3.5" for "3.5" (en) and "3,5" (fr), "date:2023-10-07" for "October 7, 2023" and "7 octobre 2023",
// "date:2023-10" for "October 2023", "date:--10-07" for "7 October".
struct NumberMention {
  std::string canonical;
  std::size_t begin = 0;  // bytes into the sentence text
  std::size_t end = 0;
};

// The month (1-12) a folded word names in `lang`, from its profile's month names (a language
// without a profile tries those of every language), or 0. Abbreviations ("oct", "sept", "janv") count; Arabic covers the Egyptian, Levantine and
// Maghreb names ("أكتوبر", "تشرين الأول", "أوت"): pass the two words of a two-word month
// joined by one space.
int MonthFromName(std::string_view folded_word, std::string_view lang);

// The value of a folded number word ("seven", "sept", "sieben", "سبعة") from zero to twenty and
// the tens, from the profile of `lang` as for MonthFromName, or -1.
int NumberWordValue(std::string_view folded_word, std::string_view lang);

// The numbers and dates of `sentence` (UTF-8) in `lang`, in text order. Digits in URLs and
// e-mail addresses are not numbers. Linear in the sentence length.
std::vector<NumberMention> FindNumbers(std::string_view sentence, std::string_view lang);

// For every matched bead, compares the numbers and dates of its source and target. A number
// missing on one side is accepted when the other side spells it as a word ("2" and "deux"), and
// a date when the other side gives the same date less precisely ("7 October" and "7 octobre
// 2023"). One number_mismatch finding per bead with differences, marking each mention.
std::vector<Finding> CheckNumbers(const text::Document& source, const text::Document& target,
                                  const align::Alignment& alignment);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_NUMBERS_H_
