// TmxWriter: streams translation units into a TMX 1.4b file.
#ifndef TERMALIGN_TMX_WRITER_H_
#define TERMALIGN_TMX_WRITER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "text/atomic_file.h"
#include "text/status.h"
#include "text/types.h"
#include "tmx/translation_unit.h"

namespace termalign::tmx {

// What goes into the <header> of a written TMX, and how sentence pairs become units.
struct TmxHeader {
  std::string src_lang;  // required; BCP 47, canonicalised ("en-us" -> "en-US"); "en_US" refused
  std::string tgt_lang;  // language of SentencePair::target; required to write pairs
  std::string admin_lang = "en";
  std::string creation_date;  // TMX form YYYYMMDDThhmmssZ; "" means now (UTC)
  std::string tool_version;   // "" means termalign's version
  // Written as x-termalign-source-doc / x-termalign-target-doc props on each pair unit; "" = none.
  std::string source_doc;
  std::string target_doc;
  // Write 1-0 and 0-1 pairs (a unit with a single variant) instead of skipping them.
  bool include_unmatched = false;
};

// What a writer did; `removed_chars` counts characters XML 1.0 forbids (C0 controls other than
// tab, newline and carriage return; U+FFFE; U+FFFF) that were dropped from segments: callers
// should warn when it is not zero.
struct WriteStats {
  std::size_t units = 0;
  std::size_t skipped_unmatched = 0;  // 1-0/0-1 pairs or pairs with an empty side, not written
  std::size_t removed_chars = 0;
};

// A TmxWriter writes a TMX 1.4b document unit by unit in constant memory (the XML is written
// directly, never built as a tree). Output goes to a temporary file renamed over the final path
// by Close(), so a failed or abandoned write leaves no partial file under that name. The variant
// in the header's source language is written first in each unit (some readers pick by order).
// Segment white space is kept exactly (carriage returns as &#13;).
class TmxWriter {
 public:
  TmxWriter() = default;
  TmxWriter(const TmxWriter&) = delete;
  TmxWriter& operator=(const TmxWriter&) = delete;

  // Checks the header (language tags, date) and writes the prolog. "-" writes to stdout.
  text::Status Open(const std::string& path, const TmxHeader& header);

  // Writes one unit. An empty tuid becomes the running unit number; a creation date that is
  // empty or not in TMX form becomes the header's. Fails with kParse on invalid UTF-8 or a
  // malformed language tag (nothing written).
  text::Status Write(const TranslationUnit& unit);

  // Writes one aligned pair with props x-termalign-score (4 decimals), x-termalign-bead ("1-2")
  // and the document names. 1-0/0-1 pairs are skipped and counted unless include_unmatched.
  text::Status Write(const text::SentencePair& pair);

  // The same with this pair's document names (several document pairs in one file); "" = none.
  text::Status Write(const text::SentencePair& pair, std::string_view source_doc,
                     std::string_view target_doc);

  // Closes <body> and <tmx> and renames the file into place.
  text::Status Close();

  const WriteStats& stats() const { return stats_; }

 private:
  text::Status AppendUnit(const TranslationUnit& unit);
  void Flush();

  text::AtomicFile file_;
  TmxHeader header_;
  std::string buffer_;
  std::string unit_;
  WriteStats stats_;
  bool open_ = false;
};

// Writes `pairs` to `path` as TMX 1.4b in one call. `stats` may be null.
text::Status WriteTmx(const std::string& path, const TmxHeader& header,
                      const std::vector<text::SentencePair>& pairs, WriteStats* stats);

// The current UTC time in TMX form, e.g. "20261124T065000Z"; the time SOURCE_DATE_EPOCH gives
// (seconds since 1970, the reproducible-builds convention) when it is set to such a number, so
// that two runs over the same documents write the same bytes.
std::string TmxNow();

// True when `date` has the TMX form YYYYMMDDThhmmssZ with plausible field values.
bool IsTmxDate(std::string_view date);

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_WRITER_H_
