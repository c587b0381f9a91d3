// The properties every document reader keeps on any input, shared by the fuzz targets of the
// readers (document_reader_fuzz.cc behind format detection, <format>_reader_fuzz.cc one each).
#ifndef TERMALIGN_FUZZ_DOCUMENT_CHECKS_H_
#define TERMALIGN_FUZZ_DOCUMENT_CHECKS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/bilingual.h"
#include "formats/document_text.h"
#include "text/reader.h"

namespace termalign::fuzz {

// Reads `bytes` as `format`, as `run` would a file called `name`. A refusal is fine; what is
// read must be well-formed: a bilingual unit has source text on one line, a document one place
// per line of text and UTF-8 the text layer reads. Any breach stops the fuzzer.
inline void CheckRead(std::string_view bytes, formats::Format format, const std::string& name) {
  if (format == formats::Format::kXliff || format == formats::Format::kPo) {
    auto file = formats::ReadBilingual(bytes, format, name);
    if (!file.ok()) return;
    for (const formats::BilingualUnit& unit : file->units) {
      if (unit.source.empty() || unit.source.find('\n') != std::string::npos) __builtin_trap();
    }
    return;
  }
  auto text = formats::ExtractText(bytes, format, name);
  if (!text.ok() || format == formats::Format::kText) return;
  auto lines = static_cast<std::size_t>(std::count(text->text.begin(), text->text.end(), '\n'));
  if (lines != text->places.size()) __builtin_trap();
  if (!text::ValidateUtf8(text->text, name).ok()) __builtin_trap();
}

// The entry point of a target fuzzing one reader: the bytes go to it whatever they look like,
// so that the fuzzer's mutations are not spent on failing format detection.
inline int FuzzReader(const std::uint8_t* data, std::size_t size, formats::Format format,
                      const char* name) {
  CheckRead(std::string_view(reinterpret_cast<const char*>(data), size), format, name);
  return 0;
}

}  // namespace termalign::fuzz

#endif  // TERMALIGN_FUZZ_DOCUMENT_CHECKS_H_
