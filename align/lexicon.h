// Lexical links between the words of two sides, expressed as shared keys: two words link when
// their key sets meet.
#ifndef TERMALIGN_ALIGN_LEXICON_H_
#define TERMALIGN_ALIGN_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sentence_features.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::align::internal {

// A source word links to a target word when
//  - they are the same word (a number after normalisation, a URL, a capitalised name, or any
//    word of `identity_min_length` letters or more), or
//  - they are cognates (Latin script, same first `cognate_prefix` letters after folding), or
//  - the dictionary translates the source word (or its lemma guessed by cutting an ending, or
//    the head of a compound) into a word sharing the target word's first `dictionary_prefix`
//    letters, or
//  - `learnt_links[source type]` lists the target type (from the second pass).
struct LexiconOptions {
  int identity_min_length = 4;
  int cognate_prefix = 4;
  int dictionary_prefix = 5;
};

// Work done by TranslateWord, for tests that bound it: dictionary lookups and the bytes of the
// words looked up.
struct TranslateCost {
  std::size_t lookups = 0;
  std::size_t bytes = 0;
};

// The translations of a folded word: the word itself, else a lemma guessed by cutting one to
// three letters of ending, else the head (and modifier) of a compound split at the longest known
// tail. Linear in the word's length. `cost`, when given, counts the work.
std::vector<const std::vector<std::string>*> TranslateWord(
    const text::BilingualDictionary& dictionary, std::string_view word,
    TranslateCost* cost = nullptr);

// The keys of every word type of both sides (sorted, distinct ids), learnt links aside, and
// how many distinct keys they use (ids 0 .. interned - 1).
struct TypeKeys {
  std::vector<std::vector<std::uint32_t>> source;
  std::vector<std::vector<std::uint32_t>> target;
  std::uint32_t interned = 0;
};

// The keys of the word types from their spellings and `dictionary` (may be null).
TypeKeys InternKeys(const text::BilingualDictionary* dictionary, const LexiconOptions& options,
                    const SideFeatures& source, const SideFeatures& target);

// Fills the keys of both sides (SideFeatures::keys, key_begin) from `type_keys`, the two sides
// on two threads when `parallel`.
void AssignKeys(const TypeKeys& type_keys, SideFeatures& source, SideFeatures& target,
                bool parallel = false);

// The same with `learnt_links` (source type -> target types): the second pass adds its links to
// the first pass's keys without interning them again. Consumes `type_keys`.
void AssignKeys(TypeKeys&& type_keys, const std::vector<std::vector<std::uint32_t>>& learnt_links,
                SideFeatures& source, SideFeatures& target, bool parallel = false);

// InternKeys() then AssignKeys(). `dictionary` and `learnt_links` may be null.
void AssignKeys(const text::BilingualDictionary* dictionary,
                const std::vector<std::vector<std::uint32_t>>* learnt_links,
                const LexiconOptions& options, SideFeatures& source, SideFeatures& target);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_LEXICON_H_
