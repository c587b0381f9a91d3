// TmxReader: reads the translation units of a TMX 1.1-1.4 file.
#ifndef TERMALIGN_TMX_READER_H_
#define TERMALIGN_TMX_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "text/status.h"
#include "tmx/translation_unit.h"

namespace termalign::xml {
struct LoadedXml;  // the parsed file; private to tmx/ and glossary/
}  // namespace termalign::xml

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

// A TmxReader gives the units of one TMX file in order. The file is parsed whole into memory at
// Open() (about four times its size in memory), then units are built one at a time. Variants whose
// language is given by the deprecated `lang` attribute are accepted; tags with '_' ("en_US") are
// read as "en-US"; each such leniency adds one warning per kind. Encodings: UTF-8, UTF-16 with a
// BOM, ISO-8859-1.
class TmxReader {
 public:
  TmxReader();
  ~TmxReader();
  TmxReader(const TmxReader&) = delete;
  TmxReader& operator=(const TmxReader&) = delete;

  // Reads and parses `path` ("-" for stdin). Fails with kIo when unreadable and kParse with
  // "path:line:col: why" when not well-formed XML, when the root is not <tmx> or has no <body>,
  // or when a DOCTYPE declares entities.
  text::Status Open(const std::string& path);

  // The same for a file already in memory; `name` stands for its path in messages.
  text::Status OpenBytes(std::string bytes, const std::string& name);

  const TmxInfo& info() const;

  // Fills `*unit` with the next unit and returns true, or returns false at the end.
  bool Next(TranslationUnit* unit);

  // Starts again from the first unit.
  void Rewind();

  // Messages such as "a.tmx:12:7: <tuv> uses the deprecated 'lang' attribute"; in order.
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  text::Status Start(text::Result<std::unique_ptr<xml::LoadedXml>> loaded);
  std::unique_ptr<Impl> impl_;
};

}  // namespace termalign::tmx

#endif  // TERMALIGN_TMX_READER_H_
