// The steps of `run` as separate commands, one process each, for a workflow manager (Snakemake)
// to run on many cores or a cluster: map steps per document pair, reduce steps over the corpus.
// They write what `run` writes, into the same output folder, and the same bytes.
#ifndef TERMALIGN_PIPELINE_CORPUS_STEPS_H_
#define TERMALIGN_PIPELINE_CORPUS_STEPS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::pipeline {

// What every step of one workflow is given: the same values for all of its steps.
struct CorpusStepOptions {
  std::string corpus;  // a folder or a manifest, as `run` takes
  std::string out_dir;
  std::string source_lang = "en";
  std::string target_lang = "fr";
  bool use_dictionaries = true;
  bool spelling = false;
  bool follow_symlinks = false;
  std::string srx_path;  // "": the corpus folder's segmentation.srx if any, else built-in rules
  double weak_below = 0.3;
  std::function<void(std::string_view)> warn;   // may be empty
  std::function<void(std::string_view)> trace;  // the aligner's stage lines; may be empty
};

// One unit of map work: a document pair, a bilingual file, or (for the glossary step only) a
// monolingual document. `key` names its files under OUT_DIR/work; it is the pair's TMX name
// without ".tmx" ("valve.en-fr") when that is made of ASCII letters, digits and "._+-" only,
// else "pair-" and a hash of it.
struct CorpusItem {
  std::string key;
  std::string kind;  // "pair", "bilingual" or "monolingual"
  std::string name;  // for people
  std::vector<std::string> inputs;  // the files it reads, as the corpus gives their paths
};

// A corpus's items in `run`'s order (pairs, then bilingual files, then monolingual documents),
// with the corpus's own errors (bad manifest rows) and warnings. Fails as OpenCorpus.
struct CorpusListing {
  std::vector<CorpusItem> items;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};
text::Result<CorpusListing> ListCorpus(const CorpusStepOptions& options);

// Where the map step of item `key` records its outcome (written last: its presence means the
// step finished): OUT_DIR/work/map/KEY.json. The check step's: OUT_DIR/work/check/KEY.json.
std::string MapRecordPath(const std::string& out_dir, const std::string& key);
std::string CheckRecordPath(const std::string& out_dir, const std::string& key);

// What a step did, for its command to print.
struct StepReport {
  std::size_t up_to_date = 0;         // items whose map record was for the same inputs
  std::vector<std::string> errors;    // the documents that failed: recorded, the rest done
  std::vector<std::string> warnings;  // already passed to options.warn
};

// The map step of the items `keys` (pairs or bilingual files), one after the other, sharing the
// dictionaries and rules loaded once. For each: what `run` does to it before the
// glossary (read, take a person's kept beads or align, write tmx/NAME.SRC-TGT.tmx with its
// beads) plus the bitext the glossary step learns from (work/map/KEY.bitext.jsonl), then its
// record. Keyed by content: when the record says the same documents (hashes of their bytes),
// languages, rules and dictionary switch, and the beads beside the TMX are those it wrote,
// nothing is done or written (counted in up_to_date). A document that cannot be read or aligned
// is recorded as the item's error (in the record and in StepReport::errors) and the call goes
// on. Fails (kUsage) on an unknown key before any work, else only when a file cannot be written.
text::Result<StepReport> MapCorpusItems(const CorpusStepOptions& options,
                                        const std::vector<std::string>& keys);

// The glossary step, over the whole corpus at once as `run` learns: every mapped item's bitext
// in corpus order (one BuildFromBitexts), then the monolingual documents, into
// OUT_DIR/termalign.db (created or updated), then OUT_DIR/glossary.tbx. Items whose map record
// is missing fail the step (kIo naming the first); failed items are left out.
text::Result<StepReport> BuildCorpusGlossary(const CorpusStepOptions& options);

// The merge step: every mapped item's TMX in corpus order into OUT_DIR/termalign.tmx,
// duplicates dropped; conflicts (a source translated two ways, both kept) are listed in
// OUT_DIR/work/conflicts.txt and counted in one warning.
text::Result<StepReport> MergeCorpusTmx(const CorpusStepOptions& options);

// The check step of the items `keys`, after the glossary step, each: its pair read again with
// the beads
// the map step kept (their exact scores), checked against OUT_DIR/termalign.db as `run` checks
// (accepted.tsv findings set aside), written as work/check/KEY.qa.jsonl, the pair's page
// pages/KEY.html, then its record. An item whose map failed gets a record saying so. Fails as
// MapCorpusItems, and when the glossary cannot be opened.
text::Result<StepReport> CheckCorpusItems(const CorpusStepOptions& options,
                                          const std::vector<std::string>& keys);

// The report step: qa.jsonl (every checked item's findings in corpus order, as `run` writes
// them), report.html (an index: figures, each pair with its coverage, findings and a link to
// its page), errors.txt (each failed item and bad manifest row, one a line; empty when none)
// and run.json (so `termalign review` opens the folder). StepReport::errors lists the failures.
text::Result<StepReport> WriteCorpusReport(const CorpusStepOptions& options);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_CORPUS_STEPS_H_
