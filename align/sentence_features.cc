#include "sentence_features.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "text/fold.h"
#include "text/stop_words.h"
#include "text/tokenizer.h"

namespace termalign::align::internal {
namespace {

// Packed punctuation: six 8-bit counts, each at most kFieldMax per sentence so that the counts
// of a bead (at most 4 sentences a side) add without carrying into the next field.
constexpr int kPunctuationFields = 6;
constexpr std::uint64_t kFieldMax = 63;
enum PunctuationField { kQuestion, kExclamation, kQuote, kColon, kParenthesis, kDigits };

// A noise line (see SideFeatures::noise) is at most this long: page numbers, running heads and
// separators are short, a sentence of one word and a number ("Born 1871.") rarely this short.
constexpr std::uint32_t kNoiseLength = 16;

// Spelling -> type id, open addressing: looked up once per token of a book, where a node-based
// map spent most of its time on cache misses.
class SpellingIndex {
 public:
  static constexpr std::uint32_t kAbsent = ~std::uint32_t{0};

  SpellingIndex() : slots_(1024) {}

  std::uint32_t Find(std::string_view spelling, std::uint64_t hash) const {
    for (std::size_t at = hash & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[at];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.hash == hash && slot.spelling == spelling) return slot.value;
    }
  }

  // `spelling` must not be present and must outlive the index.
  void Insert(std::string_view spelling, std::uint64_t hash, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place({hash, spelling, value});
    ++size_;
  }

  static std::uint64_t Hash(std::string_view spelling) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a, then a final mix
    for (unsigned char c : spelling) hash = (hash ^ c) * 0x100000001b3ULL;
    hash ^= hash >> 29;
    hash *= 0xbf58476d1ce4e5b9ULL;
    return hash ^ (hash >> 32);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view spelling;
    std::uint32_t value = kAbsent;
  };

  void Place(const Slot& entry) {
    std::size_t at = entry.hash & (slots_.size() - 1);
    while (slots_[at].value != kAbsent) at = (at + 1) & (slots_.size() - 1);
    slots_[at] = entry;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.value != kAbsent) Place(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

std::uint64_t Field(std::uint64_t packed, int field) { return (packed >> (8 * field)) & 255u; }

std::uint64_t Bump(std::uint64_t packed, int field) {
  if (Field(packed, field) >= kFieldMax) return packed;
  return packed + (std::uint64_t{1} << (8 * field));
}

std::uint64_t CountPunctuation(std::string_view token, std::uint64_t packed) {
  for (std::size_t i = 0; i < token.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    if (c == '?') packed = Bump(packed, kQuestion);
    if (c == '!') packed = Bump(packed, kExclamation);
    if (c == '"') packed = Bump(packed, kQuote);
    if (c == ':') packed = Bump(packed, kColon);
    if (c == '(') packed = Bump(packed, kParenthesis);
    // « » (C2 AB, C2 BB), “ ” „ (E2 80 9C/9D/9E).
    if (c == 0xC2 && i + 1 < token.size() &&
        (token[i + 1] == '\xAB' || token[i + 1] == '\xBB')) {
      packed = Bump(packed, kQuote);
    }
    if (c == 0xE2 && i + 2 < token.size() && token[i + 1] == '\x80' &&
        (token[i + 2] == '\x9C' || token[i + 2] == '\x9D' || token[i + 2] == '\x9E')) {
      packed = Bump(packed, kQuote);
    }
  }
  return packed;
}

std::uint32_t CodePoints(std::string_view text) {
  std::uint32_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Upper-case first letter: ASCII, or Latin-1/Latin Extended capitals (C3 80..9E, C4/C5 even).
bool StartsUpper(std::string_view raw) {
  if (raw.empty()) return false;
  unsigned char c = static_cast<unsigned char>(raw[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && raw.size() > 1) {
    unsigned char d = static_cast<unsigned char>(raw[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

// A Roman numeral in capitals ("I", "IV", "XII"): a chapter number, not a scanning fragment.
bool IsRomanNumeral(std::string_view word) {
  return !word.empty() && word.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

// WordType::telling: a function word of this side's language only, or of the other side's only.
constexpr std::uint8_t kOwnLanguage = 1;
constexpr std::uint8_t kOtherLanguage = 2;
// Fewer function words than this that tell the two languages apart: no judgement (as the
// language guess, text/lang_guess.cc).
constexpr int kTellingWords = 3;

}  // namespace

namespace {

// |x - y| / (x + y) for the small counts most fields hold (the search evaluates the distance for
// most cells of a band), computed as PunctuationDistance() would.
constexpr std::uint64_t kSmallCount = 16;
const std::array<double, kSmallCount * kSmallCount> kCountDistance = [] {
  std::array<double, kSmallCount * kSmallCount> values{};
  for (std::uint64_t x = 0; x < kSmallCount; ++x) {
    for (std::uint64_t y = 0; y < kSmallCount; ++y) {
      const double dx = static_cast<double>(x), dy = static_cast<double>(y);
      values[x * kSmallCount + y] = x + y == 0 ? 0.0 : std::abs(dx - dy) / (dx + dy);
    }
  }
  return values;
}();

}  // namespace

double PunctuationDistance(std::uint64_t a, std::uint64_t b) {
  if (a == b) return 0.0;
  double distance = 0.0;
  int fields = 0;
  // Only the fields either side counts, in increasing order as a plain loop would add them.
  for (std::uint64_t present = a | b; present != 0;) {
    const int f = std::countr_zero(present) / 8;
    present &= ~(std::uint64_t{255} << (8 * f));
    const std::uint64_t x = Field(a, f), y = Field(b, f);
    if (x < kSmallCount && y < kSmallCount) {
      distance += kCountDistance[x * kSmallCount + y];
    } else {
      const double dx = static_cast<double>(x), dy = static_cast<double>(y);
      distance += std::abs(dx - dy) / (dx + dy);
    }
    ++fields;
  }
  return fields == 0 ? 0.0 : distance / fields;
}

std::size_t KeyIdBound(const SideFeatures& source, const SideFeatures& target) {
  std::uint32_t max_key = 0;
  for (const SideFeatures* side : {&source, &target}) {
    for (std::uint32_t packed : side->keys) max_key = std::max(max_key, packed >> 6);
  }
  return std::size_t{max_key} + 1;
}

SideFeatures ExtractFeatures(const std::vector<std::string_view>& sentences,
                             std::string_view lang, std::string_view other_lang) {
  SideFeatures side;
  const bool foreign_known = !other_lang.empty() && other_lang != lang;
  const std::size_t n = sentences.size();
  side.char_length.resize(n);
  side.punctuation.assign(n, 0);
  side.noise.assign(n, 0);
  side.wording.assign(n, 0);
  side.foreign.assign(n, 0);
  // Every token of sentence s (content or not, repeats kept, punctuation dropped), as type
  // ids: token_type[token_begin[s] .. token_begin[s + 1]). Only needed here.
  std::vector<std::uint32_t> token_begin, token_type;
  token_begin.reserve(n + 1);
  token_begin.push_back(0);

  // Raw spelling -> type, so that each spelling is folded once; folded form -> type.
  SpellingIndex raw_type;
  std::unordered_map<std::string, std::uint32_t> folded_type;
  std::vector<std::uint32_t> seen_in;  // last sentence counted for each type, + 1

  for (std::size_t s = 0; s < n; ++s) {
    std::string_view text = sentences[s];
    side.char_length[s] = CodePoints(text);
    std::uint64_t punctuation = 0;
    bool first_word = true;
    int words = 0, numbers = 0;
    bool fragment = true;  // single letters (no Roman numeral) and symbols only, so far
    std::uint64_t wording = 0;
    int own_words = 0, other_words = 0;  // function words of one of the languages only
    for (const text::Token& token : text::Tokenize(text)) {
      std::string_view raw = token.text(text);
      if (token.kind == text::TokenKind::kPunct) {
        punctuation = CountPunctuation(raw, punctuation);
        continue;
      }
      if (token.kind == text::TokenKind::kNumber) punctuation = Bump(punctuation, kDigits);
      const std::uint64_t hash = SpellingIndex::Hash(raw);
      std::uint32_t type = raw_type.Find(raw, hash);
      if (type == SpellingIndex::kAbsent) {
        std::string folded = text::FoldForMatch(raw);
        auto [it, added] =
            folded_type.emplace(folded, static_cast<std::uint32_t>(side.types.size()));
        if (added) {
          WordType word;
          word.folded = std::move(folded);
          if (token.kind == text::TokenKind::kNumber) {
            word.number = text::NormalizeNumber(raw, lang);
          } else {
            word.number = text::RomanNumeral(raw);
          }
          if (foreign_known) {
            const bool own = text::IsStopWord(word.folded, lang);
            const bool other = text::IsStopWord(word.folded, other_lang);
            word.telling = own == other ? 0 : own ? kOwnLanguage : kOtherLanguage;
          }
          word.url = token.kind == text::TokenKind::kUrl || token.kind == text::TokenKind::kEmail;
          side.types.push_back(std::move(word));
          seen_in.push_back(0);
        }
        type = it->second;
        raw_type.Insert(raw, hash, type);
      }
      // The tokenizer reads a word written with digits ("word12", "K4") as a number token: only
      // a token that reads as a number makes a line a number line.
      if (token.kind == text::TokenKind::kNumber && !side.types[type].number.empty()) {
        ++numbers;
      } else {
        ++words;
      }
      fragment = fragment && token.kind == text::TokenKind::kWord && CodePoints(raw) == 1 &&
                 !IsRomanNumeral(raw);
      wording = (wording ^ (type + 1)) * 0x100000001b3ULL;
      own_words += side.types[type].telling == kOwnLanguage;
      other_words += side.types[type].telling == kOtherLanguage;
      // Capitals count as a name only away from the start of the sentence.
      if (!first_word && StartsUpper(raw)) side.types[type].capitalised = true;
      first_word = false;
      token_type.push_back(type);
      if (seen_in[type] != s + 1) {
        seen_in[type] = static_cast<std::uint32_t>(s + 1);
        ++side.types[type].sentence_count;
      }
    }
    side.punctuation[s] = punctuation;
    if (side.char_length[s] <= kNoiseLength && words <= 1 && numbers > 0) {
      side.noise[s] = words == 0 ? SideFeatures::kNumberLine : SideFeatures::kNumberedWordLine;
    } else if (side.char_length[s] <= kNoiseLength && words > 0 && fragment) {
      side.noise[s] = SideFeatures::kFragmentLine;
    }
    side.wording[s] = wording;
    side.foreign[s] = own_words + other_words >= kTellingWords && other_words > own_words;
    token_begin.push_back(static_cast<std::uint32_t>(token_type.size()));
  }

  // Content words: no stop words, no single letters; weight = idf over sentences.
  std::vector<float> weight(side.types.size(), 0.0f);
  for (std::size_t t = 0; t < side.types.size(); ++t) {
    const WordType& word = side.types[t];
    bool content = !word.number.empty() || word.url ||
                   (CodePoints(word.folded) >= 2 && !text::IsStopWord(word.folded, lang));
    if (!content) continue;
    weight[t] = static_cast<float>(
        std::log(1.0 + static_cast<double>(n) / std::max<std::uint32_t>(1, word.sentence_count)));
  }

  side.bit_begin.reserve(n + 1);
  side.bit_begin.push_back(0);
  side.total_weight.resize(n);
  std::vector<std::uint32_t> distinct;
  for (std::size_t s = 0; s < n; ++s) {
    distinct.assign(token_type.begin() + token_begin[s],
                    token_type.begin() + token_begin[s + 1]);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    distinct.erase(std::remove_if(distinct.begin(), distinct.end(),
                                  [&](std::uint32_t t) { return weight[t] <= 0.0f; }),
                   distinct.end());
    if (distinct.size() > static_cast<std::size_t>(kMaxBits)) {
      std::partial_sort(distinct.begin(), distinct.begin() + kMaxBits, distinct.end(),
                        [&](std::uint32_t a, std::uint32_t b) { return weight[a] > weight[b]; });
      distinct.resize(kMaxBits);
    }
    float total = 0.0f;
    for (std::uint32_t t : distinct) {
      side.bit_type.push_back(t);
      side.bit_weight.push_back(weight[t]);
      total += weight[t];
    }
    side.total_weight[s] = total;
    side.bit_begin.push_back(static_cast<std::uint32_t>(side.bit_type.size()));
  }
  side.key_begin.assign(n + 1, 0);
  side.bit_type.shrink_to_fit();  // grown by doubling; a book's are tens of megabytes
  side.bit_weight.shrink_to_fit();
  return side;
}

}  // namespace termalign::align::internal
