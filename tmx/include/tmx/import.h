// Importing a TMX as sentence pairs: source and target variants chosen by language.
#ifndef TERMALIGN_TMX_IMPORT_H_
#define TERMALIGN_TMX_IMPORT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "text/status.h"
#include "tmx/translation_unit.h"

namespace termalign::tmx {

// Which languages to take from a TMX. When one or both are empty, the pair is chosen from the
// units: each unit's source language (its <tu srclang>, else the header's; or `src_lang` when
// given) to each other language it holds. The pair most units hold is taken ("en-US" to "en-GB"
// is a pair like any other); among as many, the one pair of two languages; the others are named
// in a warning; a tie that rule does not break is an error naming them.
// Tags of one language count as one side of a two-language pair ("fr" and "fr-FR").
struct ImportOptions {
  std::string src_lang;
  std::string tgt_lang;
};

// One imported pair. `score` is the x-termalign-score prop, or a negative value when absent.
struct ImportedPair {
  std::string source;
  std::string target;
  double score = -1;
  std::string tuid;
  std::size_t line = 0;  // of the <tu>
};

// What an import found.
struct ImportSummary {
  std::string src_lang;  // the languages used (as written in the file's variants)
  std::string tgt_lang;
  std::size_t units = 0;
  std::size_t pairs = 0;
  std::size_t missing_source = 0;     // units without a variant in the source language
  std::size_t missing_target = 0;     // units without a variant in the target language
  std::vector<std::string> warnings;  // "file:line:col: ..." from the reader
};

// The variant of `unit` in `lang`: an exact match (case and '_' ignored); else the most specific
// tag the request falls back to ("fr" for "fr-CA", "zh-Hant" before "zh" for "zh-Hant-TW");
// else the only tag more specific than the request ("fr-FR" for "fr"); else the only tag of the
// same language in another region ("fr-FR" for "fr-CA"). nullptr when none, or when the step
// that decides finds two tags ("fr" with "fr-FR" and "fr-BE").
const Variant* ChooseVariant(const TranslationUnit& unit, std::string_view lang);

// Reads `path` and calls `sink` for each unit that has both languages, in file order. Variants
// are chosen by xml:lang, never by position. When the languages are to be chosen the file is read
// twice, and a fault in it is found before the first pair is given; otherwise `sink` has had the
// units before the fault. Fails with kIo/kParse from reading and with kUsage
// when the languages cannot be decided ("srclang is '*all*': give --src-lang", or several pairs
// held by as many units each).
text::Status ImportTmx(const std::string& path, const ImportOptions& options,
                       const std::function<void(const ImportedPair&)>& sink,
                       ImportSummary* summary);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_IMPORT_H_
