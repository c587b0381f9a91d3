// What one document pair goes through, whoever runs it: `run` on its threads, or the corpus
// map and check commands one pair per process. One code path, so both write the same files.
#ifndef TERMALIGN_PIPELINE_PAIR_STEPS_H_
#define TERMALIGN_PIPELINE_PAIR_STEPS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "glossary/builder.h"
#include "glossary/termbase.h"
#include "pipeline/corpus.h"
#include "pipeline/corrections.h"
#include "pipeline/dictionaries.h"
#include "pipeline/document.h"
#include "pipeline/run.h"
#include "qa/finding.h"
#include "text/srx.h"

namespace termalign::pipeline {

// A pair aligned (and written): what the check step needs.
struct AlignedPair {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
  std::vector<qa::Segment> segments;  // of a bilingual file: its units, one per bead
};

// What the map step made of one document pair or bilingual file.
struct PairOutcome {
  std::vector<std::string> warnings;
  std::vector<std::string> errors;
  std::size_t source_sentences = 0;  // 0 when the side was not read
  std::size_t target_sentences = 0;
  std::optional<AlignedPair> aligned;  // nullopt when one side, its beads or its TMX failed
  PairResult result;                   // name, TMX path and units, corrected
  std::optional<glossary::BitextInput> bitext;  // for the glossary, when asked for
};

// How the pairs of one run are handled.
struct PairSettings {
  std::string out_dir;  // the TMX goes to OUT_DIR/tmx/NAME.SRC-TGT.tmx, its beads beside it
  std::string source_lang = "en";
  std::string target_lang = "fr";
  // Use the beads kept beside the TMX whatever they are, never align (see RunOptions::revise):
  // a pair without kept beads that fit its documents is an error.
  bool revise = false;
  bool write = true;    // write the TMX and the beads; false: only read the pair again
  bool bitext = false;  // make the glossary's bitext (PairOutcome::bitext)
  std::function<void(std::string_view)> trace;  // the aligner's stage lines; may be empty
};

// PairSteps runs the per-pair work of a run. Its methods touch nothing shared and may be called
// from several threads at once.
class PairSteps {
 public:
  // `dictionaries` and `srx` (null: the built-in rules) are borrowed and outlive this object.
  PairSteps(PairSettings settings, Dictionaries* dictionaries, const text::SrxRules* srx)
      : settings_(std::move(settings)), dictionaries_(dictionaries), srx_(srx) {}

  const PairSettings& settings() const { return settings_; }

  // Reads one corpus document, named for people by its display name; a failure is recorded in
  // `outcome` and gives nullopt, a language that contradicts the given one a warning.
  std::optional<LoadedDocument> Load(const CorpusDocument& entry, PairOutcome* outcome) const;

  // The pair: read the source (and only when it is good, the target), take its beads (a
  // person's kept ones while the documents keep their bytes, else the aligner's), write its TMX
  // and beads, and make its bitext.
  PairOutcome MapPair(const Corpus& corpus, const CorpusPair& pair) const;

  // A bilingual file: read its units (one of other languages is skipped with a warning), write
  // its TMX, and make its bitext.
  PairOutcome MapBilingual(const CorpusBilingual& file) const;

  // The TMX path of a pair whose source document is named `name` (or a bilingual file).
  std::string TmxPath(const std::string& name) const;

 private:
  std::optional<Corrections> CorrectionsFor(const PairResult& pair, const LoadedDocument& source,
                                            const LoadedDocument& target,
                                            PairOutcome* outcome) const;
  text::Status WritePairTmx(const LoadedDocument& source, const LoadedDocument& target,
                            const align::Alignment& alignment, PairResult* pair) const;

  PairSettings settings_;
  Dictionaries* dictionaries_;
  const text::SrxRules* srx_;
};

// How pairs are checked.
struct CheckSettings {
  double weak_below = 0.3;
  bool spelling = false;
};

// Checks an aligned pair against `termbase` (may be null: no term checks).
text::Result<qa::Report> CheckAlignedPair(AlignedPair aligned, const CheckSettings& settings,
                                          glossary::Termbase* termbase);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_PAIR_STEPS_H_
