// Fuzzes the PDF reader alone: every input is read as PDF (see document_checks.h).
#include <cstdint>

#include "document_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return termalign::fuzz::FuzzReader(data, size, termalign::formats::Format::kPdf, "fuzz.pdf");
}
