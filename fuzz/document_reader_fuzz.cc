// Fuzzes the document readers (DOCX, ODT, HTML, PDF) and the bilingual ones (XLIFF, PO) behind
// format detection on arbitrary bytes: what `run` does with a file of unknown content.
#include <cstdint>
#include <string_view>

#include "document_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The name only breaks ties the content cannot (PO, HTML fragments); try each kind.
  for (const char* name : {"fuzz.docx", "fuzz.html", "fuzz.po"}) {
    termalign::fuzz::CheckRead(bytes, termalign::formats::DetectFormat(bytes, name), name);
  }
  return 0;
}
