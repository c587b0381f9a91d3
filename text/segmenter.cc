// Sentence segmentation: ICU's sentence BreakIterator on each paragraph, then the fix-ups of
// sentence_rules.h for what ICU misses.
#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
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

// The 1-based line of the normalised text at byte `offset`.
std::size_t LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// Appends the sentences of paragraph `index` cut at `cuts` (ascending byte offsets inside it),
// trimmed of white space, with their offsets in the original file.
void AppendSentences(const NormalizedText& input, const Paragraph& paragraph_range,
                     std::size_t index, std::vector<std::size_t> cuts,
                     std::vector<Sentence>* sentences) {
  std::string_view paragraph(input.text.data() + paragraph_range.begin,
                             paragraph_range.end - paragraph_range.begin);
  std::size_t start = 0;
  cuts.push_back(paragraph.size());
  for (std::size_t cut : cuts) {
    std::size_t begin = internal::SkipSpaces(paragraph, start, cut);
    std::size_t end = internal::TrimSpacesBack(paragraph, begin, cut);
    start = cut;
    if (begin == end) continue;
    Sentence sentence;
    sentence.text.assign(paragraph.substr(begin, end - begin));
    sentence.begin = input.OriginalOffset(paragraph_range.begin + begin);
    sentence.end = input.OriginalOffset(paragraph_range.begin + end);
    sentence.paragraph = index;
    sentences->push_back(std::move(sentence));
  }
}

}  // namespace

std::vector<Sentence> SegmentSentences(const NormalizedText& input, std::string_view lang) {
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs = SplitParagraphs(input.text);
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    std::string_view paragraph(input.text.data() + paragraphs[p].begin,
                               paragraphs[p].end - paragraphs[p].begin);
    std::vector<std::size_t> cuts = IcuBreaks(paragraph, lang);
    cuts = internal::FixSentenceBreaks(paragraph, lang, std::move(cuts));
    AppendSentences(input, paragraphs[p], p, std::move(cuts), &sentences);
  }
  return sentences;
}

Result<std::vector<Sentence>> SegmentSentences(const NormalizedText& input, std::string_view lang,
                                               const SrxRules& rules, std::string_view name) {
  std::vector<Sentence> sentences;
  std::unique_ptr<SrxRules::Matcher> matcher = rules.MatcherFor(lang);
  std::vector<Paragraph> paragraphs = SplitParagraphs(input.text);
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    std::string_view paragraph(input.text.data() + paragraphs[p].begin,
                               paragraphs[p].end - paragraphs[p].begin);
    Result<std::vector<std::size_t>> cuts = matcher->Breaks(paragraph);
    if (!cuts.ok()) {
      return cuts.status().WithContext("segmenting " + std::string(name) + ", line " +
                                       std::to_string(LineOf(input.text, paragraphs[p].begin)));
    }
    AppendSentences(input, paragraphs[p], p, std::move(cuts.value()), &sentences);
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
