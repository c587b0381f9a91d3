// Fuzzes the XLIFF reader alone: every input is read as XLIFF (see document_checks.h).
#include <cstdint>

#include "document_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return termalign::fuzz::FuzzReader(data, size, termalign::formats::Format::kXliff, "fuzz.xliff");
}
