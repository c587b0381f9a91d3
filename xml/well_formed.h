// The well-formedness checks pugixml does not make (private to xml/).
#ifndef TERMALIGN_XML_WELL_FORMED_H_
#define TERMALIGN_XML_WELL_FORMED_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"
#include "xml/load.h"

namespace termalign::xml {

// Checks UTF-8 and XML characters of `text` from byte `from` on, appending to xml->line_starts
// the start of each line begun there (offsets in `text`). `text` must not end inside a UTF-8
// sequence unless it is the end of the document.
text::Status CheckCharacters(LoadedXml* xml, std::string_view text, std::size_t from = 0);

// One construct of the markup, in the coordinates of the text scanned.
struct Construct {
  // kOther: a comment, a processing instruction, a DOCTYPE.
  enum class Kind { kStartTag, kEmptyTag, kEndTag, kText, kCData, kOther };
  Kind kind = Kind::kOther;
  std::size_t start = 0;  // [start, end)
  std::size_t end = 0;
  std::string_view name;  // of a start, empty or end tag
};

// A MarkupScanner checks markup in one pass: references, entity declarations, what may stand
// outside the root element, the XML declaration's place, attribute values and names, comments,
// "]]>" in text, and the nesting depth. It scans a whole text, or a stream window by window: its
// state (depth, root seen) carries over from one call to the next.
class MarkupScanner {
 public:
  // Called after each construct; returning false pauses the scan just after it.
  using Observer = std::function<bool(const Construct&)>;

  // Bytes a construct must end before the end of a window with more to come, so that the look
  // ahead of a reference ("&name;": 40 bytes at most) never passes the window.
  static constexpr std::size_t kLookahead = 64;

  explicit MarkupScanner(Observer observer = nullptr) : observer_(std::move(observer)) {}

  // Scans `text` from `*at`, moving `*at` past each construct scanned. `xml` locates offsets of
  // `text` in messages. Stops before a construct the end of `text` cuts off: when `more` (a
  // window with more text to come) it is read again, whole, from the next window (as is one that
  // ends within kLookahead bytes of the end); else it is left to pugixml, which reports the
  // truncation. Returns the first error.
  text::Status Scan(const LoadedXml& xml, std::string_view text, bool more, std::size_t* at);

 private:
  text::Status Error(std::size_t offset, const std::string& why) const;
  void SkipPast(std::size_t from, std::string_view end);
  text::Status OutsideRoot(std::size_t offset, std::string_view what) const;
  text::Status Markup();
  text::Status Comment();
  text::Status ProcessingInstruction();
  text::Status Doctype();
  text::Status EndTag();
  text::Status StartTag();
  text::Status Text();
  text::Status Reference(std::size_t* at) const;
  text::Status Stop();

  Observer observer_;
  const LoadedXml* xml_ = nullptr;
  std::string_view text_;
  bool more_ = false;
  std::size_t at_ = 0;
  std::size_t depth_ = 0;
  bool root_seen_ = false;
  bool stop_ = false;
  Construct::Kind kind_ = Construct::Kind::kOther;  // of the construct scanned last
  std::string_view name_;
  std::vector<std::string_view> attributes_;  // of the start tag being read
};

// Parses the first `parsed` bytes of xml->bytes into xml->doc, in place. Fails with kParse
// ("path:line:col: why", truncation named as such) or kIo (out of memory).
text::Status ParseTree(LoadedXml* xml, std::size_t parsed);

// Checks the markup of a whole `text` with a MarkupScanner.
text::Status CheckMarkup(const LoadedXml& xml, std::string_view text);

}  // namespace termalign::xml

#endif  // TERMALIGN_XML_WELL_FORMED_H_
