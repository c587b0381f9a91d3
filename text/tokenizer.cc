// Tokens: ICU word breaks, then URLs and e-mail addresses kept whole, grouped numbers joined
// and French elisions split.
#include "text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

#include "sentence_rules.h"
#include "tokenizer_internal.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

using internal::CodePointAt;
using internal::CodePointBefore;
using internal::IsSpace;

struct Span {
  std::size_t begin, end;
  TokenKind kind;
};

bool IsTrailingPunct(char c) {
  return std::string_view(".,;:!?)]}\"'>").find(c) != std::string_view::npos;
}

// URLs and e-mail addresses: white-space chunks that look like them, minus the punctuation
// around them ("(see https://a.b/c).").
std::vector<Span> FindUrlsAndEmails(std::string_view text) {
  std::vector<Span> spans;
  std::size_t pos = 0;
  while (pos < text.size()) {
    pos = internal::SkipSpaces(text, pos, text.size());
    std::size_t end = pos;
    bool candidate = false;
    while (end < text.size()) {
      std::size_t next;
      if (IsSpace(CodePointAt(text, end, &next))) break;
      candidate = candidate || text[end] == '@' || text[end] == '/' || text[end] == '.';
      end = next;
    }
    if (candidate) {
      std::size_t begin = pos;
      // Leading openers: ( [ < « “ " '
      while (begin < end) {
        std::size_t next;
        UChar32 c = CodePointAt(text, begin, &next);
        if (c != '(' && c != '[' && c != '<' && c != 0xAB && c != 0x201C && c != '"' &&
            c != '\'')
          break;
        begin = next;
      }
      std::size_t stop = end;
      while (stop > begin) {
        std::size_t start;
        UChar32 c = CodePointBefore(text, stop, &start);
        if (!(c < 0x80 && IsTrailingPunct(static_cast<char>(c))) && c != 0xBB && c != 0x201D)
          break;
        stop = start;
      }
      std::string_view chunk = text.substr(begin, stop - begin);
      bool url = chunk.find("://") != std::string_view::npos || chunk.substr(0, 4) == "www.";
      std::size_t at = chunk.find('@');
      bool email = !url && at != std::string_view::npos && at > 0 &&
                   chunk.find('.', at) != std::string_view::npos && chunk.back() != '.';
      if (!url && !email && internal::LooksLikeUrlOrEmail(chunk) &&
          chunk.find('/') != std::string_view::npos) {
        url = true;  // example.com/page
      }
      if (url || email) spans.push_back({begin, stop, url ? TokenKind::kUrl : TokenKind::kEmail});
    }
    pos = end;
  }
  return spans;
}

icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    UErrorCode error = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), error));
    if (U_FAILURE(error)) iterator.reset();
  }
  return iterator.get();
}

// ICU word segments (white space dropped), classified by the rule status.
std::vector<Span> IcuWords(std::string_view text) {
  std::vector<Span> spans;
  icu::BreakIterator* iterator = WordIterator();
  if (iterator == nullptr || text.empty()) return spans;
  UErrorCode error = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &error);
  if (U_FAILURE(error)) return spans;
  iterator->setText(utext, error);
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator->next()) {
    int32_t status = iterator->getRuleStatus();
    std::size_t b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
    TokenKind kind;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      kind = TokenKind::kNumber;
    } else if (status >= UBRK_WORD_LETTER) {
      kind = TokenKind::kWord;
    } else {
      // Punctuation, symbols or white space: one token per non-space character.
      for (std::size_t i = b; i < e;) {
        std::size_t next;
        UChar32 c = CodePointAt(text, i, &next);
        if (!IsSpace(c)) spans.push_back({i, next, TokenKind::kPunct});
        i = next;
      }
      continue;
    }
    spans.push_back({b, e, kind});
  }
  icu::UnicodeString empty;
  iterator->setText(empty);
  utext_close(utext);
  return spans;
}

// The byte length of the letter starting at text[i] when it is one whose word breaks ICU's word
// rules treat as those of any ASCII letter: A-Z, a-z, and U+00C0..U+024F (Latin-1 letters and
// Latin Extended-A and -B, all ALetter) but for U+00D7 and U+00F7 (the signs × and ÷); 0 for
// anything else.
std::size_t PlainLetterLength(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 1;
  if (c < 0xC3 || c > 0xC9 || i + 1 >= text.size()) return 0;
  const auto d = static_cast<unsigned char>(text[i + 1]);
  if ((d & 0xC0) != 0x80) return 0;
  if (c == 0xC3 && (d == 0x97 || d == 0xB7)) return 0;
  if (c == 0xC9 && d > 0x8F) return 0;
  return 2;
}

bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Punctuation that ICU's word rules let join two letters or two digits ("don't", "e.g",
// "3.5", "64,000", "a:b" in some locales): a plain text has it only away from them.
bool MayJoin(char c) { return c == '.' || c == ',' || c == ';' || c == ':' || c == '\''; }

// Punctuation that ICU's word rules never join to anything in a plain text: its own segment.
bool StandsAlone(char c) {
  return c == '!' || c == '?' || c == '(' || c == ')' || c == '"' || c == '-';
}

// The word segments of a plain text as IcuWords() gives them, without ICU: true when `text` is
// plain, false (and `spans` unspecified) when it holds anything else. A plain text is made of
// plain letters (PlainLetterLength), ASCII digits, ASCII spaces and the punctuation above, with
// no joining punctuation between two letters or digits, and
// nothing a URL or e-mail address could start with (FindUrlsAndEmails finds none in it). Most
// sentences of European prose are plain, and ICU's break iterator is most of the cost of
// tokenising them. The tokenizer's tests check this against ICU on random plain and near-plain
// texts.
bool PlainWords(std::string_view text, std::vector<Span>* spans) {
  if (text.find("www.") != std::string_view::npos) return false;
  const std::size_t n = text.size();
  std::size_t i = 0;
  // Whether the code point before i is a letter or a digit.
  bool after_alnum = false;
  while (i < n) {
    const char c = text[i];
    std::size_t length = PlainLetterLength(text, i);
    if (length > 0 || IsAsciiDigit(static_cast<unsigned char>(c))) {
      // Letters and digits run together into one segment ("K4", "w123x", "4K"), which ICU's
      // rule status calls a number when it ends with a digit and a word otherwise.
      const std::size_t begin = i;
      bool ends_with_digit = false;
      for (;;) {
        if (length > 0) {
          ends_with_digit = false;
        } else if (IsAsciiDigit(static_cast<unsigned char>(text[i]))) {
          ends_with_digit = true;
          length = 1;
        } else {
          break;
        }
        i += length;
        if (i >= n) break;
        length = PlainLetterLength(text, i);
      }
      spans->push_back({begin, i, ends_with_digit ? TokenKind::kNumber : TokenKind::kWord});
      after_alnum = true;
      continue;
    }
    if (c == ' ') {
      after_alnum = false;
      ++i;
      continue;
    }
    if (MayJoin(c)) {
      if (after_alnum && i + 1 < n &&
          (PlainLetterLength(text, i + 1) > 0 ||
           IsAsciiDigit(static_cast<unsigned char>(text[i + 1])))) {
        return false;
      }
    } else if (!StandsAlone(c)) {
      return false;
    }
    spans->push_back({i, i + 1, TokenKind::kPunct});
    after_alnum = false;
    ++i;
  }
  return true;
}

bool AllDigits(std::string_view text, std::size_t* count) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    if (!u_isdigit(CodePointAt(text, i, &next))) return false;
    ++n;
    i = next;
  }
  *count = n;
  return n > 0;
}

// A grouping space between digits: space, no-break space, narrow no-break space, thin space.
bool IsGroupingSpace(std::string_view gap) {
  return gap == " " || gap == "\u00A0" || gap == "\u202F" || gap == "\u2009";
}

// "64 000": a number of 1-3 digits (or a number already grouped with spaces, `left_grouped`)
// followed by a grouping space and exactly three digits.
bool JoinsAsGroup(std::string_view text, const Token& left, bool left_grouped, const Span& right) {
  std::string_view gap = text.substr(left.end, right.begin - left.end);
  if (!IsGroupingSpace(gap)) return false;
  std::size_t digits;
  if (!AllDigits(text.substr(right.begin, right.end - right.begin), &digits) || digits != 3)
    return false;
  std::string_view left_text = text.substr(left.begin, left.end - left.begin);
  if (left_grouped) return true;  // "1 234" + " 567"
  return AllDigits(left_text, &digits) && digits <= 3;
}

// Length in bytes of a French elided prefix with its apostrophe ("l’", "qu'"), or 0.
std::size_t ElisionLength(std::string_view word) {
  // Most words hold no apostrophe: one scan instead of a comparison with every prefix.
  if (word.find('\'') == std::string_view::npos && word.find("\u2019") == std::string_view::npos) {
    return 0;
  }
  static constexpr std::string_view kPrefixes[] = {
      "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu", "l", "d", "j", "m", "n", "s",
      "t",     "c"};
  for (std::string_view prefix : kPrefixes) {
    if (word.size() <= prefix.size() + 1) continue;
    bool same = true;
    for (std::size_t i = 0; i < prefix.size() && same; ++i) {
      same = (word[i] | 0x20) == prefix[i];
    }
    if (!same) continue;
    std::string_view rest = word.substr(prefix.size());
    std::size_t apostrophe = 0;
    if (rest[0] == '\'') apostrophe = 1;
    if (rest.substr(0, 3) == "\u2019") apostrophe = 3;
    if (apostrophe == 0 || rest.size() <= apostrophe) continue;
    if (!internal::IsLetter(CodePointAt(rest, apostrophe, nullptr))) continue;
    return prefix.size() + apostrophe;
  }
  return 0;
}

}  // namespace

namespace {

// Tokenize() from the word segments `words` and the URLs and e-mail addresses `protect`.
std::vector<Token> TokensOf(std::string_view text, const std::vector<Span>& words,
                            const std::vector<Span>& protect) {
  std::vector<Token> tokens;
  std::size_t p = 0;
  bool last_grouped = false;  // the last token is a number joined from space-separated groups
  for (const Span& span : words) {
    while (p < protect.size() && protect[p].end <= span.begin) {
      tokens.push_back({protect[p].begin, protect[p].end, protect[p].kind});
      ++p;
    }
    Span piece = span;
    if (p < protect.size() && piece.end > protect[p].begin) {
      if (piece.begin >= protect[p].begin) {
        // Inside a URL: what ICU sees past its end becomes its own token.
        if (piece.end <= protect[p].end) continue;
        piece.begin = protect[p].end;
      } else {
        piece.end = protect[p].begin;
      }
    }
    if (piece.kind == TokenKind::kNumber && !tokens.empty() &&
        tokens.back().kind == TokenKind::kNumber &&
        JoinsAsGroup(text, tokens.back(), last_grouped, piece)) {
      tokens.back().end = piece.end;
      last_grouped = true;
      continue;
    }
    last_grouped = false;
    if (piece.kind == TokenKind::kWord) {
      std::size_t elision = ElisionLength(text.substr(piece.begin, piece.end - piece.begin));
      if (elision > 0) {
        tokens.push_back({piece.begin, piece.begin + elision, TokenKind::kWord});
        piece.begin += elision;
      }
    }
    tokens.push_back({piece.begin, piece.end, piece.kind});
  }
  for (; p < protect.size(); ++p) tokens.push_back({protect[p].begin, protect[p].end, protect[p].kind});
  return tokens;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  if (text.size() >= static_cast<std::size_t>(INT32_MAX)) return {};
  std::vector<Span> words;
  if (PlainWords(text, &words)) return TokensOf(text, words, {});
  return internal::TokenizeWithIcu(text);
}

namespace internal {

std::vector<Token> TokenizeWithIcu(std::string_view text) {
  if (text.size() >= static_cast<std::size_t>(INT32_MAX)) return {};
  return TokensOf(text, IcuWords(text), FindUrlsAndEmails(text));
}

}  // namespace internal

}  // namespace termalign::text
