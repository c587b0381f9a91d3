// Turning the bytes of an XML file into UTF-8, whole or a block at a time (private to xml/).
#ifndef TERMALIGN_XML_DECODE_H_
#define TERMALIGN_XML_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::xml {

// A Decoder converts a file in UTF-8, UTF-16 (with a BOM or an XML declaration in UTF-16) or
// ISO-8859-1 to UTF-8. The encoding is chosen once, from the start of the file.
class Decoder {
 public:
  // Chooses the encoding from `head`, the first bytes of the file (at least its XML declaration,
  // or the whole file when shorter): a BOM or "<?xml" in UTF-16, else the declared encoding.
  // Fails with kParse ("path:1:col: ...", at the declared name) for UTF-32 and other declared
  // encodings.
  text::Status Start(std::string_view head, const std::string& path);

  // "UTF-8", "UTF-16LE", "UTF-16BE" or "ISO-8859-1".
  const std::string& encoding() const { return encoding_; }
  // Bytes of byte-order mark at the start of the file, which Convert skips.
  std::size_t bom() const { return bom_; }
  // False when the file is UTF-8 already: its bytes (after the BOM) need no conversion.
  bool converts() const { return encoding_ != "UTF-8"; }

  // Appends to `*out` the next bytes of the file, `raw`, as UTF-8. A character cut off at the end
  // of `raw` is held back for the next call, unless `last`. Fails with kParse ("invalid UTF-16 at
  // byte N of the file ...", without the place, which the caller knows from `*out`: the text
  // converted up to the bad unit); bad UTF-8 is left to the character checks.
  text::Status Convert(std::string_view raw, bool last, std::string* out);

 private:
  std::string encoding_ = "UTF-8";
  std::size_t bom_ = 0;
  std::size_t consumed_ = 0;  // bytes of the file converted or skipped so far
  std::string held_;          // the start of a character cut off by the previous block
};

}  // namespace termalign::xml

#endif  // TERMALIGN_XML_DECODE_H_
