// Filling a termbase from documents: term pairs from aligned bitexts, links from monolingual
// documents. Each call writes in one transaction: one document, or all the bitexts given.
#ifndef TERMALIGN_GLOSSARY_BUILDER_H_
#define TERMALIGN_GLOSSARY_BUILDER_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "glossary/termbase.h"
#include "text/types.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::glossary {

// What a build call did, for the command line's summary.
struct BuildReport {
  bool skipped = false;  // every document was already in the termbase: nothing written
  // BuildFromBitexts: the inputs (indices) skipped because both their documents were known.
  std::vector<std::size_t> skipped_inputs;
  std::int64_t source_candidates = 0;
  std::int64_t target_candidates = 0;
  std::int64_t pairs = 0;        // pair proposals written
  std::int64_t joined = 0;       // pairs whose terms were put in one entity
  std::int64_t acronyms = 0;     // acronym definitions recorded
  std::int64_t links = 0;        // link proposals written (monolingual documents)
  std::int64_t new_entities = 0; // unmatched names given their own entity
  std::int64_t kept_rejections = 0;  // pairs or links left out because a person rejected them
  std::int64_t verbatim = 0;         // do-not-translate terms recorded (identifiers, options, code)
};

// An aligned bitext: two documents and the sentence pairs the aligner (or a TMX) gave.
struct BitextInput {
  DocumentRecord source_document;  // name, lang, content_hash (id ignored)
  DocumentRecord target_document;
  std::vector<text::SentencePair> pairs;  // unmatched sides are empty strings
};

struct BitextOptions {
  const text::BilingualDictionary* forward = nullptr;   // source -> target; may be null
  const text::BilingualDictionary* backward = nullptr;  // target -> source; may be null
  // Well-supported pairs (TermPair::WellSupported) share one entity; the other pairs stay
  // proposals.
  double min_score = 0.15;  // pairs below are not proposed
  // Candidates must be seen this often when the bitext has at least `large_bitext` pairs
  // (statistics then suffice and single occurrences are mostly noise).
  std::size_t large_bitext = 2000;
  int large_min_frequency = 2;
};

// Learns from several bitexts of one language pair (the first input's languages) at once:
// extracts candidates on both sides of all of them together, pairs them over the whole corpus
// (counts and word alignment), records acronym definitions (within each language, across the
// aligned pair, and against long forms the termbase knows), and writes terms, occurrences (each
// under its own document) and proposals with their evidence, all in one transaction. An input
// whose two documents' hashes are already known (in the termbase or in an earlier input) is
// skipped and listed in report->skipped_inputs; when all are, nothing is written and
// report->skipped is set.
Status BuildFromBitexts(Termbase& termbase, const std::vector<BitextInput>& inputs,
                        const BitextOptions& options, BuildReport* report);

// BuildFromBitexts on one bitext.
Status BuildFromBitext(Termbase& termbase, const BitextInput& input, const BitextOptions& options,
                       BuildReport* report);

// A monolingual document, already split into sentences.
struct MonolingualInput {
  DocumentRecord document;
  std::vector<std::string> sentences;
};

struct MonolingualOptions {
  // Dictionaries from the document's language to others ("en" -> ara->eng for an Arabic
  // document); borrowed, may be empty.
  std::map<std::string, const text::BilingualDictionary*> dictionaries;
  double min_score = 0.5;             // link proposals below are not written
  std::size_t proposals_per_term = 3;
};

// Extracts the document's candidates and links them to existing entities (see
// entity_link.h): identical names join their entity, other matches become link proposals,
// unmatched names (and region names, with their English and French names from ICU) become
// new entities. Acronym definitions join their long form's entity. One transaction; a
// document already known by its hash is skipped.
Status AddMonolingualDocument(Termbase& termbase, const MonolingualInput& input,
                              const MonolingualOptions& options, BuildReport* report);

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_BUILDER_H_
