// The plain types every module shares: sentences, documents and sentence pairs.
#ifndef TERMALIGN_TEXT_TYPES_H_
#define TERMALIGN_TEXT_TYPES_H_

#include <cstddef>
#include <string>
#include <vector>

namespace termalign::text {

// A Sentence is a span of a document's normalised text. `begin`/`end` are byte offsets into
// the original file (before BOM removal, newline and NFC normalisation), so a finding can be
// shown at its place in the user's text.
struct Sentence {
  std::string text;            // NFC, UTF-8, no leading/trailing white space
  std::size_t begin = 0;       // byte offset in the original file
  std::size_t end = 0;         // one past the last byte, in the original file
  std::size_t paragraph = 0;   // 0-based index of the paragraph (non-empty line) it belongs to
};

// Where a paragraph of a document read from a DOCX, ODT, HTML or PDF file stands in that file,
// for people: the part it is in ("" for the body, "footnotes", "endnotes", "page 3") and its
// number in that part, from 1.
struct Place {
  std::string part;
  std::size_t paragraph = 0;
};

// A Document is a text in one language, split into sentences in reading order.
struct Document {
  std::string name;   // file name as the user gave it ("-" for stdin)
  std::string lang;   // BCP 47 primary language: "en", "fr", "ar", or "und" when unknown
  std::vector<Sentence> sentences;
  // places[p] is where paragraph p (Sentence::paragraph) is in the original file; empty for
  // plain text, whose sentences' byte offsets say where they are.
  std::vector<Place> places;
};

// A SentencePair is one aligned unit of a bitext: source and target text (each possibly the
// join of several sentences with a space), with the aligner's confidence in [0, 1].
struct SentencePair {
  std::string source;
  std::string target;
  double score = 0.0;
  int source_count = 1;  // sentences joined on the source side (0 for an unmatched target)
  int target_count = 1;  // sentences joined on the target side (0 for an unmatched source)
  std::size_t source_index = 0;  // index of the first source sentence
  std::size_t target_index = 0;  // index of the first target sentence
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_TYPES_H_
