// Reading user text: strict UTF-8, BOM removed, newlines unified, NFC, with a map back to the
// original bytes.
#ifndef TERMALIGN_TEXT_READER_H_
#define TERMALIGN_TEXT_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"
#include "text/types.h"

namespace termalign::text {

class SrxRules;

// OffsetMap maps byte offsets of a normalised text to byte offsets of the original input. It
// keeps one entry per run of bytes that advance together in both, so a file that normalising
// leaves alone costs a few bytes rather than eight per byte.
class OffsetMap {
 public:
  // The map of a text normalising did not change: offsets 0 .. size - 1 map to themselves.
  static OffsetMap Identity(std::size_t size);

  // Maps the next normalised offset (the current size()) to `original`.
  void Append(std::size_t original);

  std::size_t size() const { return size_; }
  // O(log runs).
  std::size_t operator[](std::size_t normalized) const;
  std::size_t back() const { return (*this)[size_ - 1]; }
  // The same for offsets visited in increasing order: `run` (start at 0) remembers the run.
  std::size_t Sequential(std::size_t normalized, std::size_t& run) const;

 private:
  struct Run {
    std::size_t normalized;
    std::size_t original;
  };
  std::vector<Run> runs_;
  std::size_t size_ = 0;
};

// NormalizedText is a document's text after reading: valid UTF-8, no BOM, "\n" line ends, NFC.
// `offsets` maps every byte of `text` (and one past the end) to a byte offset in the original
// input; it is monotone non-decreasing and in range.
struct NormalizedText {
  std::string text;
  OffsetMap offsets;  // size text.size() + 1

  std::size_t OriginalOffset(std::size_t normalized_offset) const {
    return offsets[normalized_offset];
  }
};

// The largest text file ReadDocument and ReadPresegmented accept: reading holds a few times a
// file's size in memory (bytes, normalised text, sentences), so a larger file is refused with a
// message rather than read until memory runs out.
inline constexpr std::size_t kMaxTextBytes = std::size_t{256} << 20;

// Checks that `bytes` is UTF-8 (no overlongs, surrogates or values past U+10FFFF). On failure
// the status (kParse) names `name`, the 1-based line and the 0-based byte offset:
// "a.txt: line 3, byte 117: invalid UTF-8 sequence 0xC3 0x28".
Status ValidateUtf8(std::string_view bytes, std::string_view name);

// The checks NormalizeText makes before it changes anything, for readers that parse the bytes
// themselves: no UTF-16 (with or without a byte order mark), no NUL byte, valid UTF-8. Errors
// (kParse) as described below.
Status CheckText(std::string_view bytes, std::string_view name);

// Validates, removes a UTF-8 BOM, turns CRLF and CR into LF and applies NFC.
// Fails (kParse) on invalid UTF-8, on NUL bytes ("looks like a binary file") and on UTF-16
// (a UTF-16 BOM: "is UTF-16; convert it to UTF-8"; NULs at every other byte: "looks like
// UTF-16LE without a byte order mark").
Result<NormalizedText> NormalizeText(std::string_view bytes, std::string_view name);

// A paragraph is a non-empty line of the normalised text: [begin, end) in normalised bytes.
struct Paragraph {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Paragraph> SplitParagraphs(std::string_view normalized);

// Reads a file ("-" for stdin) and segments it into sentences (see segmenter.h). `lang` empty
// or "auto" means guess it (see lang_guess.h); the guess is stored in Document::lang.
Result<Document> ReadDocument(const std::string& path, std::string_view lang);

// Reads a file with one sentence per line (already segmented): every non-empty line is one
// Sentence, kept as given apart from NFC and trimming of the line end.
Result<Document> ReadPresegmented(const std::string& path, std::string_view lang);

// ReadDocument and ReadPresegmented of bytes already read from `path` (which names the document
// and its errors), for callers that also need the bytes (a content hash): the file is read once.
// `bytes` is freed once normalised. With `rules`, sentences follow those SRX rules instead of the
// built-in ones (see segmenter.h).
Result<Document> ParseDocument(std::string bytes, const std::string& path, std::string_view lang,
                               const SrxRules* rules = nullptr);
Result<Document> ParsePresegmented(std::string bytes, const std::string& path,
                                   std::string_view lang);

// The byte offset in the original file of byte `offset` (0 <= offset <= text.size()) of a
// sentence read by ReadDocument or ReadPresegmented, given the file's bytes: for placing a token
// or a finding at its place in the user's text. Exact also when NFC changed the sentence (its
// original span is normalised again); clamped to the sentence's span when `original` is not the
// file the sentence came from.
std::size_t SentenceOffsetToOriginal(const Sentence& sentence, std::size_t offset,
                                     std::string_view original);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_READER_H_
