// The sentence aligner: finds the beads that link a source and a target document.
#ifndef TERMALIGN_ALIGN_ALIGNER_H_
#define TERMALIGN_ALIGN_ALIGNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"
#include "text/types.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::align {

// A Bead links n consecutive source sentences to m consecutive target sentences (n, m in 0..3,
// not both 0). A bead with n == 0 or m == 0 is unmatched text. `score` is the aligner's
// confidence in [0, 1] that the bead is right.
struct Bead {
  std::size_t source_begin = 0;
  std::size_t source_count = 0;
  std::size_t target_begin = 0;
  std::size_t target_count = 0;
  double score = 0.0;

  bool matched() const { return source_count > 0 && target_count > 0; }
};

// An Alignment is a sequence of beads that covers every source and every target sentence exactly
// once, in order.
struct Alignment {
  std::vector<Bead> beads;
};

struct AlignOptions {
  std::string source_lang = "en";
  std::string target_lang = "fr";
  // Word pairs for lexical evidence; may be null (the aligner then uses identity, cognates,
  // numbers and length, and what it learns from the document pair).
  const text::BilingualDictionary* dictionary = nullptr;
  // Learn a word translation table (IBM Model 1) from the first pass's confident beads and
  // align again with it. Costs about as much as the first pass.
  bool second_pass = true;
  // Called with one line per stage ("align: features  0.012 s  1234  peak 20 MB": wall time,
  // size, peak memory) for profiling large documents; may be empty (the default: no cost).
  std::function<void(std::string_view)> trace;
  // Threads the aligner may use: 1, or 2 (its stages split in two at most); 0 (the default)
  // reads the environment variable TERMALIGN_THREADS (1 or 2) and otherwise takes two on a
  // machine with more than one core. The beads are the same whatever the count.
  int threads = 0;
};

// Aligns two documents. Memory is linear in the number of sentences. Fails only on internal
// errors; empty sides give all-unmatched alignments.
text::Result<Alignment> Align(const text::Document& source, const text::Document& target,
                              const AlignOptions& options);

// Aligns two documents given as their sentences' texts (UTF-8, NFC), for callers that
// segmented the text themselves. The views must stay valid during the call.
text::Result<Alignment> AlignTexts(const std::vector<std::string_view>& source,
                                   const std::vector<std::string_view>& target,
                                   const AlignOptions& options);

// The matched beads (and, when `include_unmatched`, the unmatched ones) as sentence pairs whose
// texts join the bead's sentences with a space. Pairs scoring below `min_score` are dropped.
std::vector<text::SentencePair> ToSentencePairs(const text::Document& source,
                                                const text::Document& target,
                                                const Alignment& alignment,
                                                double min_score = 0.0,
                                                bool include_unmatched = false);

}  // namespace termalign::align

#endif  // TERMALIGN_ALIGN_ALIGNER_H_
