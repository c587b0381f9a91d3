// ICU transliteration behind a plain string function, so callers never see ICU types.
#include "text/translit.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace termalign::text {
namespace {

// ICU transliterators are not safe to share between threads: each thread builds its own.
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return transliterator.get();
}

}  // namespace

std::string TransliterateToLatin(std::string_view text) {
  icu::Transliterator* transliterator = ThreadTransliterator();
  if (transliterator == nullptr) return {};
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

}  // namespace termalign::text
