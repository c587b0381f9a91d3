// Fuzzes the text reader and the sentence segmenter and tokenizer on arbitrary bytes.
#include <cstdint>
#include <string_view>

#include "text/reader.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace text = termalign::text;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  text::Result<text::NormalizedText> normalized = text::NormalizeText(bytes, "fuzz");
  if (!normalized.ok()) return 0;
  for (std::string_view lang : {"en", "fr", "ar"}) {
    for (const text::Sentence& sentence : text::SegmentSentences(*normalized, lang)) {
      // Offsets must stay inside the original input and in order.
      if (sentence.begin > sentence.end || sentence.end > size) __builtin_trap();
      text::Tokenize(sentence.text);
    }
  }
  return 0;
}
