// Fuzzes the streamed XML reader against itself and against the whole-file loader: the same
// bytes read in blocks of a few bytes (cut at every kind of place) and in one block must give
// the same pieces at the same file positions, and be accepted exactly when LoadXml accepts
// them. A difference aborts, so a saved input that once showed one keeps failing.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "xml/load.h"
#include "xml/stream.h"

namespace {

namespace xml = termalign::xml;

// What a stream handed out, as comparable text, and whether it read to the end.
struct Reading {
  std::vector<std::string> pieces;
  bool ok = false;
};

std::string Where(xml::Position at) {
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

Reading Read(const std::string& bytes, std::size_t block) {
  Reading reading;
  xml::XmlStream stream;
  if (block > 0) stream.SetBlockSize(block);
  if (!stream.OpenBytes(bytes, "fuzz.xml", {"tmx", "body"}).ok()) return reading;
  xml::XmlStream::Event event;
  while (stream.Next(&event)) {
    switch (event) {
      case xml::XmlStream::Event::kElement: {
        const xml::LoadedXml& child = stream.child();
        if (child.bytes.size() > xml::kMaxPieceBytes) std::abort();
        reading.pieces.push_back("element " + std::to_string(child.first_byte) + " " +
                                 Where(child.Of(child.doc.document_element())) + " " + child.bytes);
        break;
      }
      case xml::XmlStream::Event::kText:
        reading.pieces.push_back("text " + Where(stream.text_at()));
        break;
      case xml::XmlStream::Event::kEnd:
        reading.pieces.push_back("frame " + stream.frame().bytes);
        reading.ok = true;
        return reading;
    }
  }
  return reading;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // The block size follows from the input, so every saved input replays the same cuts.
  std::size_t block = 1 + size % 31;
  Reading whole = Read(bytes, 0);
  Reading cut = Read(bytes, block);
  if (whole.ok != cut.ok) std::abort();
  if (whole.ok && whole.pieces != cut.pieces) std::abort();
  bool loaded = xml::ParseXml(bytes, "fuzz.xml").ok();
  if (loaded != whole.ok) std::abort();
  return 0;
}
