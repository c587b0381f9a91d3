// Reading user text: UTF-8 validation, BOM and newline clean-up, NFC with an offset map.
#include "text/reader.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "text/input_file.h"
#include "text/lang_guess.h"
#include "text/segmenter.h"

namespace termalign::text {
namespace {

// The length of the well-formed UTF-8 sequence starting at `pos` (Unicode Table 3-7), or 0.
// Sets `shown` to how many bytes belong to the bad sequence, for the message.
// `truncated` is set when the text ends inside the sequence.
std::size_t SequenceLength(std::string_view bytes, std::size_t pos, std::size_t* shown,
                           bool* truncated) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  unsigned char lead = byte(pos);
  std::size_t need;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlongs
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) low = 0x90;   // no overlongs
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    *shown = 1;
    return 0;
  }
  for (std::size_t i = 1; i < need; ++i) {
    if (pos + i >= bytes.size()) {
      *shown = i;
      *truncated = true;
      return 0;
    }
    unsigned char b = byte(pos + i);
    bool ok = i == 1 ? (b >= low && b <= high) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      *shown = i + 1;
      return 0;
    }
  }
  return need;
}

Status ParseError(std::string_view name, std::size_t line, std::size_t byte,
                  std::string_view why) {
  std::string message(name);
  message += ": line " + std::to_string(line) + ", byte " + std::to_string(byte) + ": ";
  message += why;
  return Status::Error(ErrorCode::kParse, std::move(message));
}

// Line number (1-based) of byte `pos`; LF, CRLF and lone CR each end a line.
std::size_t LineOf(std::string_view bytes, std::size_t pos) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
      ++line;
  }
  return line;
}

// A ByteSink appending to a std::string (icu::StringByteSink needs a template instance).
class AppendSink : public icu::ByteSink {
 public:
  explicit AppendSink(std::string* out) : out_(out) {}
  void Append(const char* bytes, int32_t n) override { out_->append(bytes, n); }

 private:
  std::string* out_;
};

// "reading a.txt: line 3, byte 7: ..." (the message already starts with the file name).
Status ReadingError(const Status& status) {
  return Status::Error(status.code(), "reading " + status.message());
}

// "UTF-16LE" or "UTF-16BE" when the NUL bytes near the start all sit at odd or all at even
// positions, as in UTF-16 text of Latin script saved without a BOM; "" otherwise (a binary file
// has NULs at both).
std::string_view Utf16WithoutBom(std::string_view bytes) {
  std::size_t nul_at[2] = {0, 0};
  std::size_t sample = std::min<std::size_t>(bytes.size(), 1 << 16);
  for (std::size_t i = 0; i < sample; ++i) {
    if (bytes[i] == '\0') ++nul_at[i % 2];
  }
  if (nul_at[1] >= 2 && nul_at[0] == 0) return "UTF-16LE";
  if (nul_at[0] >= 2 && nul_at[1] == 0) return "UTF-16BE";
  return "";
}

// How messages name a path: "-" is standard input.
std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

}  // namespace

Status ValidateUtf8(std::string_view bytes, std::string_view name) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // Fast path over ASCII.
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t shown = 0;
    bool truncated = false;
    std::size_t length = SequenceLength(bytes, pos, &shown, &truncated);
    if (length == 0) {
      std::string why = "invalid UTF-8 sequence";
      char hex[8];
      for (std::size_t i = 0; i < shown && pos + i < bytes.size(); ++i) {
        std::snprintf(hex, sizeof hex, " 0x%02X", static_cast<unsigned char>(bytes[pos + i]));
        why += hex;
      }
      if (truncated) why += " (cut off at the end of the text)";
      return ParseError(name, LineOf(bytes, pos), pos, why);
    }
    pos += length;
  }
  return Status::Ok();
}

Status CheckText(std::string_view bytes, std::string_view name) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return ParseError(name, 1, 0, "is UTF-16 (byte order mark); convert it to UTF-8");
  }
  std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    if (std::string_view form = Utf16WithoutBom(bytes); !form.empty()) {
      return ParseError(name, 1, 0,
                        "looks like " + std::string(form) +
                            " without a byte order mark (NUL bytes at every other position); "
                            "convert it to UTF-8");
    }
    return ParseError(name, LineOf(bytes, nul), nul,
                      "NUL byte; this looks like a binary file, not text");
  }
  return ValidateUtf8(bytes, name);
}

OffsetMap OffsetMap::Identity(std::size_t size) {
  OffsetMap map;
  if (size > 0) map.runs_.push_back({0, 0});
  map.size_ = size;
  return map;
}

void OffsetMap::Append(std::size_t original) {
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    if (original == last.original + (size_ - last.normalized)) {
      ++size_;
      return;
    }
  }
  runs_.push_back({size_, original});
  ++size_;
}

std::size_t OffsetMap::operator[](std::size_t normalized) const {
  auto after = std::upper_bound(
      runs_.begin(), runs_.end(), normalized,
      [](std::size_t offset, const Run& run) { return offset < run.normalized; });
  const Run& run = *(after - 1);
  return run.original + (normalized - run.normalized);
}

std::size_t OffsetMap::Sequential(std::size_t normalized, std::size_t& run) const {
  while (run + 1 < runs_.size() && runs_[run + 1].normalized <= normalized) ++run;
  return runs_[run].original + (normalized - runs_[run].normalized);
}

Result<NormalizedText> NormalizeText(std::string_view bytes, std::string_view name) {
  if (Status status = CheckText(bytes, name); !status.ok()) return status;

  // Stage 1: BOM removed, CRLF and CR -> LF, with a map to the original bytes.
  std::string stage;
  OffsetMap stage_offsets;
  stage.reserve(bytes.size());
  std::size_t pos = 0;
  // Every leading BOM goes (a file saved twice by a careless editor), so that normalising is
  // idempotent.
  while (bytes.substr(pos, 3) == "\xEF\xBB\xBF") pos += 3;
  if (pos == 0 && bytes.find('\r') == std::string_view::npos) {
    // Nothing to change (the usual case): the text and map the loop below would give, at the
    // cost of a copy.
    stage.assign(bytes);
    stage_offsets = OffsetMap::Identity(bytes.size() + 1);
  } else {
    for (; pos < bytes.size(); ++pos) {
      char c = bytes[pos];
      if (c == '\r') {
        stage += '\n';
        stage_offsets.Append(pos);
        if (pos + 1 < bytes.size() && bytes[pos + 1] == '\n') ++pos;
        continue;
      }
      stage += c;
      stage_offsets.Append(pos);
    }
    stage_offsets.Append(bytes.size());
  }

  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) {
    return Status::Error(ErrorCode::kInternal, "ICU NFC data missing: " +
                                                   std::string(u_errorName(error)));
  }
  NormalizedText result;
  icu::StringPiece piece(stage.data(), static_cast<int32_t>(stage.size()));
  if (stage.size() < static_cast<std::size_t>(INT32_MAX) &&
      nfc->isNormalizedUTF8(piece, error) && U_SUCCESS(error)) {
    result.text = std::move(stage);
    result.offsets = std::move(stage_offsets);
    return result;
  }
  if (stage.size() >= static_cast<std::size_t>(INT32_MAX)) {
    return Status::Error(ErrorCode::kParse, std::string(name) + ": file too large (2 GiB limit)");
  }
  // Stage 2: NFC; ICU's Edits say which spans changed. Bytes of a changed span map to the
  // start of the original span, so the map stays monotone.
  error = U_ZERO_ERROR;
  icu::Edits edits;
  AppendSink sink(&result.text);
  result.text.reserve(stage.size());
  nfc->normalizeUTF8(0, piece, sink, &edits, error);
  if (U_FAILURE(error)) {
    return Status::Error(ErrorCode::kInternal, "NFC failed: " + std::string(u_errorName(error)));
  }
  icu::Edits::Iterator it = edits.getFineIterator();
  std::size_t run = 0;
  while (it.next(error)) {
    std::size_t src = it.sourceIndex();
    for (int32_t i = 0; i < it.newLength(); ++i) {
      result.offsets.Append(stage_offsets.Sequential(it.hasChange() ? src : src + i, run));
    }
  }
  result.offsets.Append(bytes.size());
  if (result.offsets.size() != result.text.size() + 1) {
    return Status::Error(ErrorCode::kInternal, "NFC offset map has the wrong size");
  }
  return result;
}

std::vector<Paragraph> SplitParagraphs(std::string_view normalized) {
  std::vector<Paragraph> paragraphs;
  std::size_t start = 0;
  while (start <= normalized.size()) {
    std::size_t end = normalized.find('\n', start);
    if (end == std::string_view::npos) end = normalized.size();
    // A line of only white space is not a paragraph.
    bool blank = true;
    for (std::size_t i = start; i < end && blank; ++i) {
      char c = normalized[i];
      blank = c == ' ' || c == '\t' || c == '\f' || c == '\v';
    }
    if (!blank) paragraphs.push_back({start, end});
    start = end + 1;
  }
  return paragraphs;
}

namespace {

// A file's bytes normalised. The raw bytes (a book's worth of memory) are freed on return,
// before the caller builds its sentences.
Result<NormalizedText> Normalized(std::string bytes, const std::string& path) {
  Result<NormalizedText> normalized = NormalizeText(bytes, DisplayName(path));
  if (!normalized.ok()) return ReadingError(normalized.status());
  return normalized;
}

// A new document for `path` in `lang`, guessed from `text` when `lang` is empty or "auto".
Document NewDocument(const std::string& path, std::string_view lang, std::string_view text) {
  Document document;
  document.name = path;
  document.lang = (lang.empty() || lang == "auto") ? GuessLanguage(text) : std::string(lang);
  return document;
}

}  // namespace

Result<Document> ParseDocument(std::string bytes, const std::string& path, std::string_view lang,
                               const SrxRules* rules) {
  Result<NormalizedText> normalized = Normalized(std::move(bytes), path);
  if (!normalized.ok()) return normalized.status();
  Document document = NewDocument(path, lang, normalized->text);
  if (rules == nullptr) {
    document.sentences = SegmentSentences(*normalized, document.lang);
    return document;
  }
  Result<std::vector<Sentence>> sentences =
      SegmentSentences(*normalized, document.lang, *rules, DisplayName(path));
  if (!sentences.ok()) return sentences.status();
  document.sentences = std::move(sentences.value());
  return document;
}

Result<Document> ParsePresegmented(std::string bytes, const std::string& path,
                                   std::string_view lang) {
  Result<NormalizedText> normalized = Normalized(std::move(bytes), path);
  if (!normalized.ok()) return normalized.status();
  const std::string& text = normalized->text;
  Document document = NewDocument(path, lang, text);
  std::size_t index = 0;
  for (const Paragraph& paragraph : SplitParagraphs(text)) {
    std::size_t begin = paragraph.begin, end = paragraph.end;
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    Sentence sentence;
    sentence.text = text.substr(begin, end - begin);
    sentence.begin = normalized->OriginalOffset(begin);
    sentence.end = normalized->OriginalOffset(end);
    sentence.paragraph = index++;
    document.sentences.push_back(std::move(sentence));
  }
  return document;
}

Result<Document> ReadDocument(const std::string& path, std::string_view lang) {
  Result<std::string> bytes = ReadInput(path, InputKind::kText);
  if (!bytes.ok()) return bytes.status();
  return ParseDocument(std::move(bytes.value()), path, lang);
}

Result<Document> ReadPresegmented(const std::string& path, std::string_view lang) {
  Result<std::string> bytes = ReadInput(path, InputKind::kText);
  if (!bytes.ok()) return bytes.status();
  return ParsePresegmented(std::move(bytes.value()), path, lang);
}

std::size_t SentenceOffsetToOriginal(const Sentence& sentence, std::size_t offset,
                                     std::string_view original) {
  std::size_t span = sentence.end >= sentence.begin ? sentence.end - sentence.begin : 0;
  if (sentence.end > original.size()) return sentence.begin + std::min(offset, span);
  std::string_view source = original.substr(sentence.begin, span);
  // Fast path: the file held the sentence exactly as it is (already NFC).
  if (source == sentence.text) return sentence.begin + std::min(offset, span);
  Result<NormalizedText> normalized = NormalizeText(source, "");
  if (!normalized.ok() || normalized->text != sentence.text) {
    return sentence.begin + std::min(offset, span);
  }
  return sentence.begin + normalized->offsets[std::min(offset, normalized->text.size())];
}

}  // namespace termalign::text
