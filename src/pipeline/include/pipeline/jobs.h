// The per-document jobs every command shares: align a pair, learn terms from it or from a
// monolingual document (checking is qa::CheckPair).
#ifndef TERMALIGN_PIPELINE_JOBS_H_
#define TERMALIGN_PIPELINE_JOBS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "glossary/builder.h"
#include "glossary/termbase.h"
#include "pipeline/dictionaries.h"
#include "pipeline/document.h"
#include "text/status.h"

namespace termalign::pipeline {

struct AlignJob {
  bool second_pass = true;  // see align::AlignOptions
  // Called with one line per stage of the aligner (its time and size); may be empty.
  std::function<void(std::string_view)> trace;
};

// Aligns `source` with `target` using the dictionary `dictionaries` holds for their languages.
// Errors name both files.
text::Result<align::Alignment> AlignPair(const text::Document& source,
                                         const text::Document& target, Dictionaries& dictionaries,
                                         const AlignJob& job);

// Learns terms from an aligned pair (every bead, unmatched ones included) into `termbase`,
// recording the documents under their names and content hashes. A pair already in the
// termbase is skipped (report->skipped). Errors are the termbase's.
text::Status LearnFromPair(glossary::Termbase& termbase, const LoadedDocument& source,
                           const LoadedDocument& target, const align::Alignment& alignment,
                           Dictionaries& dictionaries, glossary::BuildReport* report);

// The same for a bitext given as sentence pairs (a TMX): `input` carries the documents.
text::Status LearnFromBitext(glossary::Termbase& termbase, const glossary::BitextInput& input,
                             Dictionaries& dictionaries, glossary::BuildReport* report);

// The same for several bitexts of one language pair (the first one's) at once, in one
// transaction: candidates are counted and paired over all of them together
// (glossary::BuildFromBitexts); inputs already in the termbase are listed in
// report->skipped_inputs. No input: nothing written, report->skipped.
text::Status LearnFromBitexts(glossary::Termbase& termbase,
                              const std::vector<glossary::BitextInput>& inputs,
                              Dictionaries& dictionaries, glossary::BuildReport* report);

// An aligned pair (every bead, unmatched ones included) as a bitext under the documents' names
// and content hashes.
glossary::BitextInput BitextFromPair(const LoadedDocument& source, const LoadedDocument& target,
                                     const align::Alignment& alignment);

// Adds a monolingual document to `termbase`, proposing links from its terms towards the terms of
// each language of `link_to` (its own language is left out) through the dictionaries from its
// language to those. A document already in the termbase is skipped (report->skipped).
text::Status LearnFromMonolingual(glossary::Termbase& termbase, LoadedDocument document,
                                  const std::vector<std::string>& link_to,
                                  Dictionaries& dictionaries, glossary::BuildReport* report);

// The languages of the documents `termbase` has learnt from, sorted: what a new monolingual
// document's terms are linked towards by default.
text::Result<std::vector<std::string>> TermbaseLanguages(glossary::Termbase& termbase);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_JOBS_H_
