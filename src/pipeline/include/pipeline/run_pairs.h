// A run's output folder seen again: the options it was made with and its document pairs, for
// the review page and for rewriting the outputs after a review.
#ifndef TERMALIGN_PIPELINE_RUN_PAIRS_H_
#define TERMALIGN_PIPELINE_RUN_PAIRS_H_

#include <string>
#include <vector>

#include "pipeline/corrections.h"
#include "pipeline/document.h"
#include "pipeline/run.h"
#include "text/status.h"

namespace termalign::pipeline {

// The file in a run's output folder that records how the run was made ("run.json").
inline constexpr const char* kRunRecordName = "run.json";

// Writes `options` (the corpus folder made absolute, the languages and switches; no callbacks)
// and `segmentation_rules`, the SRX file the run segmented with ("" for the built-in rules;
// made absolute), to OUT_DIR/run.json atomically.
text::Status WriteRunRecord(const RunOptions& options, const std::string& segmentation_rules);

// The options OUT_DIR/run.json records, with `out_dir` set and `revise` on: what RunCorpus
// needs to rewrite that folder's outputs from its corrected beads, segmenting with the rules
// the run used (`srx_path`; "" for the built-in ones, which a revision keeps to). kNotFound
// when the folder holds no run.json (not made by `run`, or by an older version); kParse when it
// is damaged.
text::Result<RunOptions> ReadRunRecord(const std::string& out_dir);

// The TMX file name of the pair NAME: "NAME.en-fr.tmx", with NAME cut at a character boundary
// and a hash of the whole of it added when the name and a temporary suffix would not fit.
std::string PairTmxName(const std::string& name, const std::string& source_lang,
                        const std::string& target_lang);

// One document pair of a run.
struct RunPair {
  std::string name;  // for people
  std::string source_path;
  std::string target_path;
  std::string source_lang;
  std::string target_lang;
  std::string tmx_path;  // under the output folder; its corrections beside it
  std::string srx_path;  // the SRX rules the run segmented with; "" for the built-in ones
};

// The pairs of the corpus `options` names, in the order `run` handles them, each with the
// rules `options.srx_path` names. Fails as OpenCorpus.
text::Result<std::vector<RunPair>> ListRunPairs(const RunOptions& options);

// The corrections kept beside the TMX at `tmx_path` when they belong to these documents.
// kNotFound when there are none; kParse naming the file when they are damaged or the documents
// changed since (their bytes no longer hash as the corrections say).
text::Result<Corrections> KeptCorrections(const std::string& tmx_path,
                                          const LoadedDocument& source,
                                          const LoadedDocument& target);

// A pair read again with its corrections (the documents as read: the edits are in
// `corrections`).
struct ReviewedPair {
  LoadedDocument source;
  LoadedDocument target;
  Corrections corrections;
};

// Reads both documents of `pair`, segmented as the run did, and the corrections kept beside its
// TMX. Fails with the reader's error or the rules', or as KeptCorrections (kNotFound saying to
// run again).
text::Result<ReviewedPair> LoadRunPair(const RunPair& pair);

// Rewrites the outputs of the run in `out_dir` from the corrections kept beside each TMX (see
// RunOptions::revise): every TMX, the merged TMX, the glossary's TBX, the report and the QA,
// each file atomically. Forgets the inputs this process read before (text::ForgetInputs): a
// review server rewrites files an earlier save read. Fails as ReadRunRecord and RunCorpus, and
// with the first pair's error when a pair could not be rewritten.
text::Result<RunResult> ReviseRun(const std::string& out_dir);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_RUN_PAIRS_H_
