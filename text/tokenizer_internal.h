// The tokenizer's slow path, for the tests that check its shortcut against it.
#ifndef TERMALIGN_TEXT_TOKENIZER_INTERNAL_H_
#define TERMALIGN_TEXT_TOKENIZER_INTERNAL_H_

#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace termalign::text::internal {

// Tokenize() with every text through ICU's word break iterator, plain ones included.
std::vector<Token> TokenizeWithIcu(std::string_view text);

}  // namespace termalign::text::internal

#endif  // TERMALIGN_TEXT_TOKENIZER_INTERNAL_H_
