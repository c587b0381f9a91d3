// Reading a large XML file in one pass, one element at a time, in memory that does not grow with
// the file. Private to tmx/ and glossary/, as load.h.
#ifndef TERMALIGN_XML_STREAM_H_
#define TERMALIGN_XML_STREAM_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/input_file.h"
#include "text/status.h"
#include "xml/load.h"

namespace termalign::xml {

// The most bytes of one piece an XmlStream holds: a child of the container, a construct it waits
// to see whole (a text, a comment), or the frame. A TMX unit holds a sentence or a paragraph per
// language, kilobytes; the bound keeps memory (and the rescanning of a construct cut by the
// end of each block) small whatever a hostile file holds.
inline constexpr std::size_t kMaxPieceBytes = std::size_t{16} << 20;

// An XmlStream reads an XML file from start to end a block at a time, making every check of
// LoadXml as the bytes go by, and hands out the children of one element, the container (<body>
// in <tmx>), one at a time, each parsed as a tree of its own. The rest of the document, its
// frame, is gathered apart: the file without the container's content. Memory holds a block of
// the file, the frame and one child, whatever the file's size. An error is found when the
// stream reaches it: children before it have been handed out.
class XmlStream {
 public:
  enum class Event {
    kElement,  // a child element: child() holds it
    kText,     // character data (not white space) or a CDATA section: text_at() is where
    kEnd,      // the end of the document: frame() holds all of it
  };

  XmlStream();
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Opens `path` ("-" for stdin) within the limit of `kind`. `container` names the elements
  // from the root down to the container ({"tmx", "body"}). Fails with kIo as LoadXml, and with
  // kParse for an encoding it does not read.
  text::Status Open(const std::string& path, text::InputKind kind,
                    std::vector<std::string> container, std::string_view label = "");

  // The same for a file already in memory; `path` only names it in messages.
  text::Status OpenBytes(std::string bytes, const std::string& path,
                         std::vector<std::string> container, std::string_view label = "");

  // Reads `bytes` at a time from then on (1 MiB by default): for tests and fuzzing, which cut
  // small files at every place a block can end.
  void SetBlockSize(std::size_t bytes);

  // Starts again from the beginning (a file is opened again; stdin is read whole at Open).
  text::Status Rewind();

  // Reads on to the next child of the container, or to the end. Returns false on an error,
  // with status() set: kParse "path:line:col: why" for what LoadXml refuses or for a piece over
  // kMaxPieceBytes (named at its start), kIo.
  bool Next(Event* event);

  // The child read last (kElement), positioned in the file.
  const LoadedXml& child() const;
  // Where the text read last (kText) starts.
  Position text_at() const;
  // The frame as far as read: parsed each time the container starts (its open elements closed
  // for the parse) and at the end. Its root is null before that.
  const LoadedXml& frame() const;
  // The encoding the file is read in (see LoadedXml::encoding).
  const std::string& encoding() const;
  const text::Status& status() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace termalign::xml

#endif  // TERMALIGN_XML_STREAM_H_
