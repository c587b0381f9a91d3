// Fuzzes the TMX reader (encoding detection, well-formedness checks, units) on arbitrary bytes.
#include <cstdint>
#include <string>

#include "tmx/import.h"
#include "tmx/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tmx = termalign::tmx;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  tmx::TmxReader reader;
  if (!reader.OpenBytes(bytes, "fuzz.tmx").ok()) return 0;
  tmx::TranslationUnit unit;
  while (reader.Next(&unit)) {
    tmx::ChooseVariant(unit, reader.info().srclang.empty() ? "en" : reader.info().srclang);
    tmx::ChooseVariant(unit, "fr");
  }
  return 0;
}
