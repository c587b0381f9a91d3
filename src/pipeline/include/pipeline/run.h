// The main job: a corpus folder in, TMX, a glossary, QA findings and a report out.
#ifndef TERMALIGN_PIPELINE_RUN_H_
#define TERMALIGN_PIPELINE_RUN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/termbase.h"
#include "pipeline/corpus.h"
#include "qa/finding.h"
#include "text/status.h"

namespace termalign::pipeline {

struct RunOptions {
  std::string corpus_dir;
  std::string out_dir;
  std::string source_lang = "en";
  std::string target_lang = "fr";
  bool build_glossary = true;
  bool use_dictionaries = true;  // FreeDict for alignment, pairing and links
  bool spelling = false;
  bool follow_symlinks = false;  // see ScanOptions
  // SRX 2.0 rules to segment with; "" means the corpus folder's segmentation.srx when it has
  // one, else the built-in rules (in a revision, the built-in rules: see ReadRunRecord).
  std::string srx_path;
  double weak_below = 0.3;
  // Threads for the per-pair steps (reading, aligning, checking); the output is the same for
  // any number.
  int jobs = 1;
  // Rewrite the outputs from the beads kept beside each pair's TMX (see corrections.h) instead
  // of aligning, and learn nothing: what a review's save does. A pair whose documents changed
  // since is an error.
  bool revise = false;
  // Called with a short line ("aligning tram (1/3)") as each step starts; may be empty.
  std::function<void(std::string_view)> progress;
  // Called with each warning (a file skipped, a document already in the glossary); may be empty.
  std::function<void(std::string_view)> warn;
  // Called with the aligner's stage lines (see align::AlignOptions::trace); may be empty.
  std::function<void(std::string_view)> trace;
};

// What became of one document pair.
struct PairResult {
  std::string name;      // for people (DisplayName)
  std::string tmx_path;  // bytes, as written
  std::size_t tmx_units = 0;
  bool corrected = false;  // its beads are a person's, kept from a review
  qa::Report report;
};

// A concept named in both languages, with how often its source terms occur.
struct TopTerm {
  std::string source;
  std::string target;
  std::int64_t frequency = 0;
  double score = 0.0;  // the extractor's best confidence among the source terms
};

// The file in the output folder that lists the findings a person accepted.
inline constexpr const char* kAcceptedFileName = "accepted.tsv";

// Everything a run produced, for the summary. Paths are as written (under the output folder).
struct RunResult {
  Corpus corpus;
  std::string segmentation_rules;  // the SRX file the documents were segmented with; "" built-in
  std::vector<std::size_t> sentences;  // per corpus document; 0 when it could not be read
  std::vector<PairResult> pairs;
  std::string merged_tmx;  // "" when there was no pair
  std::size_t merged_units = 0;
  std::string glossary_db;   // "" when the glossary step was left out
  std::string glossary_tbx;
  glossary::TermbaseStats glossary_stats;
  std::int64_t link_proposals = 0;  // from the monolingual documents, this run
  std::vector<TopTerm> top_terms;
  std::string html_report;
  std::string json_report;
  qa::Coverage total;
  std::vector<std::string> errors;  // per-document failures: the run carried on without them
};

// Runs the whole job over `options.corpus_dir`, a folder (see ScanCorpus for what it finds) or a
// manifest file (see ReadManifest), writing into
// `options.out_dir` (created when missing):
//   tmx/NAME.SRC-TGT.tmx   one TMX 1.4b per document pair (matched beads); a NAME too long for
//                          a file name with room for a temporary suffix is cut, with a hash
//                          of it added
//   termalign.tmx          every pair's units merged, duplicates dropped
//   termalign.db           the glossary, built or updated (documents already in it are skipped)
//   glossary.tbx           the glossary as TBX for CAT tools
//   report.html            the QA report, every pair side by side
//   qa.jsonl               the QA findings as JSON Lines (see RenderJsonLines), pair after pair
//   tmx/NAME.SRC-TGT.beads and .review.json
//                          the beads of each TMX and their corrections (corrections.h); beads
//                          a person corrected are used again while the documents keep the
//                          same bytes, instead of aligning them
//   run.json               how the run was made, for the review page (run_pairs.h)
// It reads accepted.tsv there, when present: QA findings a person accepted (qa/accepted.h),
// listed as accepted rather than as findings.
// Documents are segmented with `options.srx_path`, else the folder's segmentation.srx, else
// the built-in rules; rules that cannot be read or compiled fail the run before any document is
// read.
// A bilingual file of the folder (XLIFF, PO) is a pair of its own, named by its file name: its
// units are its beads (tmx/FILE.SRC-TGT.tmx), the glossary learns from them and QA checks them
// unit by unit; one of other languages is skipped with a warning.
// Every file is written atomically. A document that cannot be read or aligned is recorded in
// `errors` and left out; the call fails only when the folder cannot be read, an output cannot
// be written, or the glossary database fails.
text::Result<RunResult> RunCorpus(const RunOptions& options);

// The summary printed at the end of a run: documents, sentences, pairs, coverage, findings,
// glossary, top terms and where each file is.
std::string RenderRunSummary(const RunResult& result, const RunOptions& options);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_RUN_H_
