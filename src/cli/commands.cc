#include "commands.h"

namespace termalign::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"segment", "Split text into sentences, one per line (or JSON Lines)", SetupSegment},
      {"align", "Align a source and a target text sentence by sentence", SetupAlign},
      {"eval", "Score alignments against gold beads (precision, recall, F1)", SetupEval},
      {"tmx", "TMX 1.4b: export, import, validate, merge, stats", SetupTmx},
      {"glossary", "Build and edit the termbase; export and import TBX, TSV, CSV", SetupGlossary},
      {"lookup", "Find a term in any language and show its concept", SetupLookup},
      {"qa", "Check a translation's coverage, terms and numbers", SetupQa},
      {"run", "The main job: align, build TMX and glossary, QA a corpus folder", SetupRun},
      {"corpus", "run's steps one by one, for Snakemake on many cores or a cluster", SetupCorpus},
      {"review", "Review the terms in a local web page (127.0.0.1, with a token)", SetupReview},
  };
  return commands;
}

}  // namespace termalign::cli
