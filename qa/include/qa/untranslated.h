// Target text left untranslated, and target words the spelling dictionary does not know.
#ifndef TERMALIGN_QA_UNTRANSLATED_H_
#define TERMALIGN_QA_UNTRANSLATED_H_

#include <vector>

#include "align/aligner.h"
#include "qa/finding.h"
#include "text/types.h"

namespace termalign::qa {

// One untranslated finding per matched bead whose target is the source again (equal after
// folding, with at least three words: a name or a short title may stay the same), or is guessed
// (text::GuessLanguage) to be in the source language and not the target's, with at least six
// words so that the guess means something. With `units` (the beads are the units of a
// bilingual file, each translated on its own), a target that is the source byte for byte is
// reported whatever its length when the source has a word to translate: two letters or more,
// no digit, not all capitals (codes, acronyms and numbers stay as they are).
std::vector<Finding> CheckUntranslated(const text::Document& source, const text::Document& target,
                                       const align::Alignment& alignment, bool units = false);

// One spelling finding per target sentence with words the target language's Hunspell
// dictionary does not know (text::Stemmer::Spell), each word marked. Skipped: words with digits,
// words written in capitals, capitalised words inside a sentence (names), words that also appear
// in the aligned source (names, codes), elided articles ("l’"). Nothing when the language has no
// dictionary installed.
std::vector<Finding> CheckSpelling(const text::Document& source, const text::Document& target,
                                   const align::Alignment& alignment);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_UNTRANSLATED_H_
