// A person's corrections to one pair's alignment: the beads, the beads kept out of the TMX and
// the sentences whose text was edited, stored beside the pair's TMX.
#ifndef TERMALIGN_PIPELINE_CORRECTIONS_H_
#define TERMALIGN_PIPELINE_CORRECTIONS_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::pipeline {

// Score of a bead a person made or confirmed: as sure as an alignment gets.
inline constexpr double kPersonScore = 1.0;

// Corrections hold one pair's alignment as a person left it. `beads` covers both documents
// once, in order (align::CheckCoverage); `excluded` has one flag per bead; the edits map a
// sentence's index in its document to its new text (NFC, UTF-8, one line). They are valid for
// the documents whose content hashes (glossary::ContentHash of the files' bytes) they carry.
// `corrected` says a person changed something: then `run` reuses them instead of aligning.
struct Corrections {
  std::string source_hash;
  std::string target_hash;
  bool corrected = false;
  std::vector<align::Bead> beads;
  std::vector<bool> excluded;
  std::map<std::size_t, std::string> source_edits;
  std::map<std::size_t, std::string> target_edits;

  // The aligner's beads for the documents of these hashes, nothing corrected.
  static Corrections FromAlignment(const align::Alignment& alignment, std::string source_hash,
                                   std::string target_hash);

  // The edits on each bead. Each fails (kUsage, nothing changed) when `bead` is out of range
  // or the edit does not apply, with a message for people. The beads changed are scored
  // kPersonScore and `corrected` is set.
  // Joins bead `bead` with the one after it.
  text::Status MergeWithNext(std::size_t bead);
  // Cuts bead `bead` in two: the first `source_first` source and `target_first` target
  // sentences, then the rest. Both parts must keep a sentence.
  text::Status Split(std::size_t bead, std::size_t source_first, std::size_t target_first);
  // Unlinks bead `bead`: each of its sentences becomes a bead of its own, sources (1-0) first,
  // then targets (0-1).
  text::Status Unlink(std::size_t bead);
  // Keeps bead `bead` out of the TMX (or lets it back in).
  text::Status Exclude(std::size_t bead, bool excluded);
  // Replaces the text of sentence `index` of one side, given its current sentence count.
  text::Status Edit(bool target_side, std::size_t index, std::size_t sentence_count,
                    const std::string& text);

  // The alignment, every bead; and the beads that go into the TMX (excluded ones left out).
  align::Alignment Alignment() const;
  align::Alignment TmxAlignment() const;
  // Puts the edited texts into `source` and `target` (the sentences' offsets stay those of
  // the original files).
  void ApplyEdits(text::Document* source, text::Document* target) const;
};

// Where the corrections of the pair whose TMX is at `tmx_path` ("tmx/a.en-fr.tmx") are kept:
// "tmx/a.en-fr.beads" (the beads format, with scores) and "tmx/a.en-fr.review.json".
std::string BeadsPathOf(const std::string& tmx_path);
std::string CorrectionsPathOf(const std::string& tmx_path);

// Writes both files, each atomically, the beads first. Errors name the file.
text::Status WriteCorrections(const std::string& tmx_path, const Corrections& corrections);

// The documents corrections are read for: their content hashes ("" checks none) and sizes.
struct CorrectedDocuments {
  std::string source_hash;
  std::string target_hash;
  std::size_t source_count = 0;  // sentences
  std::size_t target_count = 0;
};

// Reads the corrections kept for the pair whose TMX is at `tmx_path`. kNotFound when there are
// none; kParse naming the file when a file is damaged, when they were made for documents of
// other hashes ("the documents changed since they were aligned") or when the beads do not
// cover `documents`.
text::Result<Corrections> ReadCorrections(const std::string& tmx_path,
                                          const CorrectedDocuments& documents);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_CORRECTIONS_H_
