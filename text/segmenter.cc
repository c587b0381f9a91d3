// Sentence segmentation: ICU's sentence BreakIterator on each paragraph, then the fix-ups of
// sentence_rules.h for what ICU misses.
#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <map>
#include <memory>
#include <string>

#include "sentence_rules.h"
#include "text/language.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

// ICU's "@ss=standard" abbreviation lists (Mr., Prof., U.S. ...) are applied by
// FixSentenceBreaks on whole words rather than by ICU's filtered iterator, which also matches
// them as word suffixes ("chevaux." ends with "aux."): the iterator gets the plain locale.

// One sentence break iterator per language and thread: building one costs more than segmenting
// a paragraph, and ICU iterators are not thread-safe.
icu::BreakIterator* SentenceIterator(std::string_view lang) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  std::string key(lang);
  auto found = cache.find(key);
  if (found != cache.end()) return found->second.get();
  UErrorCode error = U_ZERO_ERROR;
  icu::Locale locale(SentenceLocale(lang).c_str());
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(locale, error));
  if (U_FAILURE(error)) iterator.reset();
  icu::BreakIterator* raw = iterator.get();
  cache.emplace(std::move(key), std::move(iterator));
  return raw;
}

// ICU's break positions inside `paragraph` (byte offsets, excluding 0 and the end).
std::vector<std::size_t> IcuBreaks(std::string_view paragraph, std::string_view lang) {
  std::vector<std::size_t> breaks;
  icu::BreakIterator* iterator = SentenceIterator(lang);
  if (iterator == nullptr) return breaks;
  UErrorCode error = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, paragraph.data(), static_cast<int64_t>(paragraph.size()),
                               &error);
  if (U_FAILURE(error)) return breaks;
  iterator->setText(text, error);
  if (U_SUCCESS(error)) {
    for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
      if (b > 0 && static_cast<std::size_t>(b) < paragraph.size()) breaks.push_back(b);
    }
  }
  // Detach the iterator from the UText before closing it.
  icu::UnicodeString empty;
  iterator->setText(empty);
  utext_close(text);
  return breaks;
}

}  // namespace

std::vector<Sentence> SegmentSentences(const NormalizedText& input, std::string_view lang) {
  std::vector<Sentence> sentences;
  const std::string& text = input.text;
  std::vector<Paragraph> paragraphs = SplitParagraphs(text);
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    std::string_view paragraph(text.data() + paragraphs[p].begin,
                               paragraphs[p].end - paragraphs[p].begin);
    std::vector<std::size_t> cuts = IcuBreaks(paragraph, lang);
    cuts = internal::FixSentenceBreaks(paragraph, lang, std::move(cuts));
    std::size_t start = 0;
    cuts.push_back(paragraph.size());
    for (std::size_t cut : cuts) {
      std::size_t begin = internal::SkipSpaces(paragraph, start, cut);
      std::size_t end = internal::TrimSpacesBack(paragraph, begin, cut);
      start = cut;
      if (begin == end) continue;
      Sentence sentence;
      sentence.text.assign(paragraph.substr(begin, end - begin));
      sentence.begin = input.OriginalOffset(paragraphs[p].begin + begin);
      sentence.end = input.OriginalOffset(paragraphs[p].begin + end);
      sentence.paragraph = p;
      sentences.push_back(std::move(sentence));
    }
  }
  return sentences;
}

std::vector<Sentence> SegmentSentences(std::string_view text, std::string_view lang) {
  NormalizedText input;
  input.text.assign(text);
  input.offsets = OffsetMap::Identity(text.size() + 1);
  return SegmentSentences(input, lang);
}

}  // namespace termalign::text
