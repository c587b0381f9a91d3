// Terminology checks against a termbase: missing, inconsistent and rejected terms.
#ifndef TERMALIGN_QA_TERMS_H_
#define TERMALIGN_QA_TERMS_H_

#include <vector>

#include "align/aligner.h"
#include "glossary/termbase.h"
#include "qa/finding.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::qa {

// Checks the terminology of every matched bead with the termbase's inflection-aware matching
// (Termbase::FindInText on each sentence, in the documents' languages):
//  - missing_term: a source term whose entity has target-language terms, with no occurrence of
//    an expected one in the aligned target. Expected renderings are the entity's approved
//    target terms, or its candidate terms when none is approved (a glossary just built). Each
//    source occurrence needs its own target occurrence, so a term used twice and rendered once
//    is reported once. When the target names the entity with another term, `found` holds it.
//  - inconsistent_term: one source term rendered by several target terms across the document,
//    and one target term rendering several source terms (both directions); one finding per
//    term, at the first bead where a second rendering appears, listing the renderings with
//    their counts.
//  - rejected_term: a target term marked rejected in the termbase used in any target sentence
//    (matched by folded and stem key); `expected` lists the entity's approved terms.
// Findings carry marks at the terms' byte offsets. Fails only on database errors.
text::Result<std::vector<Finding>> CheckTerms(glossary::Termbase& termbase,
                                              const text::Document& source,
                                              const text::Document& target,
                                              const align::Alignment& alignment);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_TERMS_H_
