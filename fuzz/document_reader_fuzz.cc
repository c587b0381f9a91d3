// Fuzzes the document readers (DOCX, ODT, HTML, PDF) behind format detection on arbitrary bytes.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "formats/document_text.h"
#include "text/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace formats = termalign::formats;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The name only breaks ties the content cannot (PO, HTML fragments); try both kinds.
  for (const char* name : {"fuzz.docx", "fuzz.html"}) {
    formats::Format format = formats::DetectFormat(bytes, name);
    auto text = formats::ExtractText(bytes, format, name);
    if (!text.ok()) continue;
    // One place per line of text, and the text is UTF-8 the text layer reads.
    std::size_t lines = static_cast<std::size_t>(
        std::count(text->text.begin(), text->text.end(), '\n'));
    if (format != formats::Format::kText && lines != text->places.size()) __builtin_trap();
    if (format != formats::Format::kText && !termalign::text::ValidateUtf8(text->text, name).ok()) {
      __builtin_trap();
    }
  }
  return 0;
}
