// Fuzzes the document readers (DOCX, ODT, HTML, PDF) and the bilingual ones (XLIFF, PO) behind
// format detection on arbitrary bytes.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "formats/bilingual.h"
#include "formats/document_text.h"
#include "text/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace formats = termalign::formats;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The name only breaks ties the content cannot (PO, HTML fragments); try each kind.
  for (const char* name : {"fuzz.docx", "fuzz.html", "fuzz.po"}) {
    formats::Format format = formats::DetectFormat(bytes, name);
    if (format == formats::Format::kXliff || format == formats::Format::kPo) {
      auto file = formats::ReadBilingual(bytes, format, name);
      if (!file.ok()) continue;
      // Every unit has source text, on one line.
      for (const formats::BilingualUnit& unit : file->units) {
        if (unit.source.empty() || unit.source.find('\n') != std::string::npos) __builtin_trap();
      }
      continue;
    }
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
