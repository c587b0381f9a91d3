// TmxReader: reads the translation units of a TMX 1.1-1.4 file.
#ifndef TERMALIGN_TMX_READER_H_
#define TERMALIGN_TMX_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "text/status.h"
#include "tmx/translation_unit.h"

namespace termalign::tmx {

// The attributes of a TMX <header> ("" when absent), and the file's version and encoding.
struct TmxInfo {
  std::string version;   // of <tmx version="...">
  std::string encoding;  // the encoding the file was read in: "UTF-8", "UTF-16LE", ...
  std::string creationtool;
  std::string creationtoolversion;
  std::string segtype;
  std::string o_tmf;
  std::string adminlang;
  std::string srclang;  // may be "*all*"
  std::string datatype;
  std::string creationdate;
};

// A TmxReader gives the units of one TMX file in order. The file is read as a stream: memory
// holds one unit (and the header), whatever the file's size; a fault in the file is found when
// the reading reaches it, so Next() stops there and status() tells it. Variants whose language is
// given by the deprecated `lang` attribute are accepted; tags with '_' ("en_US") are read as
// "en-US"; each such leniency adds one warning per kind. Encodings: UTF-8, UTF-16 with a BOM,
// ISO-8859-1.
class TmxReader {
 public:
  TmxReader();
  ~TmxReader();
  TmxReader(const TmxReader&) = delete;
  TmxReader& operator=(const TmxReader&) = delete;

  // Opens `path` ("-" for stdin, which is read whole) and reads it up to its first unit. Fails
  // with kIo when unreadable and kParse with "path:line:col: why" when what comes before the
  // first unit is not well-formed XML, when the root is not <tmx> or has no <body>, or when a
  // DOCTYPE declares entities.
  text::Status Open(const std::string& path);

  // The same for a file already in memory; `name` stands for its path in messages.
  text::Status OpenBytes(std::string bytes, const std::string& name);

  const TmxInfo& info() const;

  // Fills `*unit` with the next unit and returns true, or returns false at the end of the file
  // or at an error; status() then tells which.
  bool Next(TranslationUnit* unit);

  // Ok while reading and at the end; kParse ("path:line:col: why", as Open) or kIo once reading
  // has stopped at a fault.
  const text::Status& status() const;

  // Starts again from the first unit. Fails as Open.
  text::Status Rewind();

  // Messages such as "a.tmx:12:7: <tuv> uses the deprecated 'lang' attribute"; in order.
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  text::Status Start();
  std::unique_ptr<Impl> impl_;
};

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_READER_H_
