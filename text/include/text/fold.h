// Folding for matching: case, accents, Arabic letter variants and digits, numbers.
#ifndef TERMALIGN_TEXT_FOLD_H_
#define TERMALIGN_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace termalign::text {

// Lower case, accents removed, ligatures expanded: "Défense" -> "defense", "Œuvre" -> "oeuvre",
// typographic apostrophes -> "'". Arabic text is also passed through NormalizeArabic.
// Idempotent. Returns UTF-8.
std::string FoldForMatch(std::string_view text);

// Arabic normalisation for matching: NFKC, tashkeel and tatweel removed, alef forms (آ أ إ ٱ) ->
// ا, ة -> ه, ى -> ي, Arabic-Indic digits -> ASCII. Other scripts are left as they are.
// Idempotent.
std::string NormalizeArabic(std::string_view text);

// Removes the Arabic definite article (and the conjunctions و/ف/ب/ل/ك fused before it) from one
// normalised Arabic word: "والغارديان" -> "غارديان". Words of three letters or fewer are kept.
std::string StripArabicArticle(std::string_view word);
// True when StripArabicArticle removes something from `word`: it is written defined.
bool HasArabicArticle(std::string_view word);

// The canonical form of a number token, or "" when `token` is not a number: grouping spaces
// (space, no-break, narrow no-break), grouping commas and points removed, the decimal mark
// written ".": "64,000", "64 000", "64 000" -> "64000"; "3,5" (fr) and "3.5" -> "3.5";
// Arabic-Indic digits -> ASCII. The profile of `lang` decides whether a lone comma or point
// before three digits groups thousands ("64,000" in English, "64.000" in German) or is the
// decimal mark ("0,125" in French).
std::string NormalizeNumber(std::string_view token, std::string_view lang);

// The value of a Roman numeral of two capitals or more in its usual spelling, below 400, as
// NormalizeNumber writes it ("XXIII" -> "23"), or "" for any other word ("I" is a pronoun, "VX"
// no number, "DIX" a French word). "CHAPITRE XXIII" on one side is "CHAPTER 23" on the other.
std::string RomanNumeral(std::string_view word);

// Whether `word` (UTF-8) begins with a capital letter, for telling names from words: ASCII
// capitals and the two-byte Latin-1 capitals À-Þ (less ×), enough for names in English, French
// and German. Scripts without case (Arabic) are never upper case.
bool StartsUpper(std::string_view word);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_FOLD_H_
