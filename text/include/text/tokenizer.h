// Tokens: ICU word breaks, classified.
#ifndef TERMALIGN_TEXT_TOKENIZER_H_
#define TERMALIGN_TEXT_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::text {

enum class TokenKind { kWord, kNumber, kPunct, kUrl, kEmail };

// A Token is a span of the tokenised string: [begin, end) in bytes. White space is not a token.
// Numbers keep their grouping ("64,000", "64 000", "3.5"); URLs and e-mail addresses are one
// token; French elisions are split after the apostrophe ("l’armée" -> "l’", "armée").
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  std::string_view text(std::string_view source) const {
    return source.substr(begin, end - begin);
  }
};

// Tokenises UTF-8 text. Linear time; never fails.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_TOKENIZER_H_
