// Strings a translation copies unchanged (identifiers, options, placeholders, commands: the
// termbase's do-not-translate terms) that the target changed or left out.
#ifndef TERMALIGN_QA_DO_NOT_TRANSLATE_H_
#define TERMALIGN_QA_DO_NOT_TRANSLATE_H_

#include <vector>

#include "align/aligner.h"
#include "glossary/termbase.h"
#include "qa/finding.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::qa {

// One do_not_translate finding per matched bead and string: a term of the source language
// marked with a DoNotTranslateNote (not rejected) that occurs in the bead's source sentences
// more often than, written byte for byte the same, in its target sentences. An occurrence is
// the exact text (case included) not glued to a letter, digit or '_' where the string itself
// starts or ends with one ("run" is not in "rerun", "--dry-run" is in "(--dry-run)"). The
// finding marks the first source occurrence; `expected` holds the string. Fails only on
// termbase errors.
text::Result<std::vector<Finding>> CheckDoNotTranslate(glossary::Termbase& termbase,
                                                       const text::Document& source,
                                                       const text::Document& target,
                                                       const align::Alignment& alignment);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_DO_NOT_TRANSLATE_H_
