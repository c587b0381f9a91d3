// Per-sentence features of one side of a document pair: content words, their weights and the
// keys through which they link to words of the other side.
#ifndef TERMALIGN_ALIGN_SENTENCE_FEATURES_H_
#define TERMALIGN_ALIGN_SENTENCE_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::align::internal {

// At most this many distinct content words per sentence take part in lexical coverage (those
// with the highest weight); a bit of a 64-bit mask stands for each.
inline constexpr int kMaxBits = 64;

// One word type of a side: its folded form and what kind of token it is.
struct WordType {
  std::string folded;
  std::string number;  // canonical number ("64000", "3.5"), or "" when not a number
  bool capitalised = false;
  bool url = false;
  // Whether it is a function word of the side's language only (1), of the other side's only (2)
  // or neither (0): the votes on a sentence's language.
  std::uint8_t telling = 0;
  std::uint32_t sentence_count = 0;  // sentences of the side containing it
};

// A SideFeatures holds everything the cost model reads about one side, in flat arrays indexed
// through per-sentence offsets (no allocation per sentence).
struct SideFeatures {
  std::vector<WordType> types;

  // Sentence s has content words bit_type[bit_begin[s] .. bit_begin[s + 1]) (at most kMaxBits,
  // distinct) with weights bit_weight[...]; bit k of a coverage mask is the k-th of them.
  std::vector<std::uint32_t> bit_begin;
  std::vector<std::uint32_t> bit_type;
  std::vector<float> bit_weight;
  std::vector<float> total_weight;  // sum of the sentence's bit weights

  // Sentence s has keys[key_begin[s] .. key_begin[s + 1]), each (key id << 6) | bit, sorted.
  std::vector<std::uint32_t> key_begin;
  std::vector<std::uint32_t> keys;

  std::vector<std::uint32_t> char_length;  // code points
  // 1 for a line that is not running text: a page number, a short line of a number and at
  // most one word ("Page 12", "- 7 -", "12"). Such a line inserted on one side is better left
  // unmatched than merged into a neighbour's bead. Lines of punctuation alone ("!", "...") are
  // not: in real text they are pieces of a sentence cut by the segmenter.
  // kNumberLine: a number and symbols alone ("141", "- 7 -"); kNumberedWordLine: a number and
  // one word ("Page 12"), which a word list ("glacier 12") also looks like. A word written with
  // digits ("word12", "K4") is a word, not a number.
  // kFragmentLine: a short line of single letters and symbols ("r \\", "h * \"", "f r"), what
  // a scan leaves of a picture or a torn corner; a Roman numeral ("IV") is a chapter number.
  std::vector<std::uint8_t> noise;
  static constexpr std::uint8_t kNumberLine = 2;
  static constexpr std::uint8_t kNumberedWordLine = 1;
  static constexpr std::uint8_t kFragmentLine = 3;
  // A hash of the sentence's words and numbers in order (case and punctuation aside), 0 when it
  // has none: the lines of a refrain repeated in one place share it.
  std::vector<std::uint64_t> wording;
  // 1 for a sentence written in the other side's language: an untranslated passage, a
  // quotation, an advert. Told as the language guess does (text/lang_guess.h), by at least three
  // function words of one of the two languages and not the other, the other's in the majority.
  // Its identical words would pair it with any sentence of the other side.
  std::vector<std::uint8_t> foreign;
  // Packed counts of ? ! quotes : ( and numbers, 8 bits each; the packed values of a bead's
  // sentences add with plain integer addition.
  std::vector<std::uint64_t> punctuation;

  std::size_t size() const { return char_length.size(); }
  std::span<const std::uint32_t> Keys(std::size_t s) const {
    return {keys.data() + key_begin[s], keys.data() + key_begin[s + 1]};
  }
  std::span<const float> Weights(std::size_t s) const {
    return {bit_weight.data() + bit_begin[s], bit_weight.data() + bit_begin[s + 1]};
  }
  std::span<const std::uint32_t> BitTypes(std::size_t s) const {
    return {bit_type.data() + bit_begin[s], bit_type.data() + bit_begin[s + 1]};
  }
};

// One past the largest key id of either side: the size of a table indexed by key.
std::size_t KeyIdBound(const SideFeatures& source, const SideFeatures& target);

// Tokenises and folds the sentences (each type folded once), counts sentence frequencies and
// chooses the content words of every sentence, weighted by idf. Keys are left empty (see
// lexicon.h). `lang` picks the stop words and number conventions; `other_lang`, the language of
// the other side, marks the foreign sentences (none when empty or the same).
SideFeatures ExtractFeatures(const std::vector<std::string_view>& sentences,
                             std::string_view lang, std::string_view other_lang = {});

// A distance in [0, 1] between the punctuation profiles (question and exclamation marks,
// quotes, colons, parentheses, digits) of two beads given as summed packed counts.
double PunctuationDistance(std::uint64_t a, std::uint64_t b);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_SENTENCE_FEATURES_H_
