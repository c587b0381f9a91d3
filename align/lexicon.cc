#include "lexicon.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "text/dictionary.h"
#include "two_threads.h"

namespace termalign::align::internal {
namespace {

// Interns key strings: "=word" identity, "#123" number, "~abcd" cognate prefix, "Dmaiso"
// dictionary prefix. Learnt links use ids past the interned ones.
class KeySpace {
 public:
  std::uint32_t Id(const std::string& key) {
    auto [it, added] = ids_.emplace(key, static_cast<std::uint32_t>(ids_.size()));
    return it->second;
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(ids_.size()); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

// Code point boundaries of a UTF-8 string; `length` code points.
std::size_t PrefixBytes(std::string_view word, int code_points) {
  std::size_t i = 0;
  int seen = 0;
  while (i < word.size()) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) {
      if (seen == code_points) return i;
      ++seen;
    }
    ++i;
  }
  return word.size();
}

int CodePointCount(std::string_view word) {
  int count = 0;
  for (char c : word) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool IsLatinLetters(std::string_view word) {
  for (char c : word) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return !word.empty();
}

// A key for a word's first `prefix` code points; words no longer than that end with '$', so
// that "eau" does not match "eaux".
std::string PrefixKey(char tag, std::string_view word, int prefix) {
  std::string key(1, tag);
  std::size_t bytes = PrefixBytes(word, prefix);
  key.append(word.substr(0, bytes));
  if (bytes == word.size() && CodePointCount(word) < prefix) key += '$';
  return key;
}

}  // namespace

std::vector<const std::vector<std::string>*> TranslateWord(
    const text::BilingualDictionary& dictionary, std::string_view word, TranslateCost* cost) {
  auto find = [&](std::string_view key) -> const std::vector<std::string>* {
    if (cost != nullptr) {
      ++cost->lookups;
      cost->bytes += key.size();
    }
    const std::vector<std::string>& found = dictionary.Translations(key);
    return found.empty() ? nullptr : &found;
  };
  std::vector<const std::vector<std::string>*> found;
  if (const auto* hit = find(word)) return {hit};
  const int letters = CodePointCount(word);
  if (!IsLatinLetters(word)) return found;
  for (int cut = 1; cut <= 3 && letters - cut >= 4; ++cut) {
    if (const auto* hit = find(word.substr(0, word.size() - cut))) return {hit};
  }
  if (letters < 8) return found;
  // A head longer than the dictionary's longest entry cannot be one: the split starts where the
  // head fits, so a long word costs as many lookups as the longest entry has bytes, not as many as
  // the word has.
  const std::size_t longest = dictionary.longest_source_bytes();
  std::size_t first_split = word.size() > longest ? std::max<std::size_t>(3, word.size() - longest)
                                                  : 3;
  for (std::size_t split = first_split; split + 4 <= word.size(); ++split) {
    std::string_view head = word.substr(split);
    const auto* hit = find(head);
    if (hit == nullptr) continue;
    found.push_back(hit);
    std::string_view modifier = word.substr(0, split);
    const auto* left = find(modifier);
    if (left == nullptr && modifier.size() > 3 && modifier.back() == 's') {
      left = find(modifier.substr(0, modifier.size() - 1));
    }
    if (left != nullptr) found.push_back(left);
    break;
  }
  return found;
}

namespace {

void AddTranslationKeys(const std::vector<std::string>& translations, int prefix,
                        KeySpace& space, std::vector<std::uint32_t>& keys) {
  for (const std::string& phrase : translations) {
    std::string_view rest = phrase;
    bool single = rest.find(' ') == std::string_view::npos;
    while (!rest.empty()) {
      std::size_t space_at = rest.find(' ');
      std::string_view word = rest.substr(0, space_at);
      rest = space_at == std::string_view::npos ? std::string_view() : rest.substr(space_at + 1);
      if (word.empty() || (!single && CodePointCount(word) < 3)) continue;
      keys.push_back(space.Id(PrefixKey('D', word, prefix)));
    }
  }
}

// Builds the sorted (key << 6 | bit) list of every sentence from the keys of its types.
void FillSentenceKeys(const std::vector<std::vector<std::uint32_t>>& type_keys,
                      SideFeatures& side) {
  const std::size_t n = side.size();
  side.key_begin.assign(n + 1, 0);
  // Sized exactly: on a book this is the largest array of the aligner, and growing it by
  // doubling would hold up to three times its size at once.
  std::size_t total = 0;
  for (std::uint32_t type : side.bit_type) total += type_keys[type].size();
  side.keys.clear();
  side.keys.shrink_to_fit();
  side.keys.reserve(total);
  for (std::size_t s = 0; s < n; ++s) {
    std::size_t start = side.keys.size();
    std::span<const std::uint32_t> types = side.BitTypes(s);
    for (std::size_t bit = 0; bit < types.size(); ++bit) {
      for (std::uint32_t key : type_keys[types[bit]]) {
        side.keys.push_back((key << 6) | static_cast<std::uint32_t>(bit));
      }
    }
    std::sort(side.keys.begin() + static_cast<std::ptrdiff_t>(start), side.keys.end());
    side.key_begin[s + 1] = static_cast<std::uint32_t>(side.keys.size());
  }
}

}  // namespace

TypeKeys InternKeys(const text::BilingualDictionary* dictionary, const LexiconOptions& options,
                    const SideFeatures& source, const SideFeatures& target) {
  KeySpace space;
  TypeKeys type_keys;
  std::vector<std::vector<std::uint32_t>>& source_keys = type_keys.source;
  std::vector<std::vector<std::uint32_t>>& target_keys = type_keys.target;
  source_keys.resize(source.types.size());
  target_keys.resize(target.types.size());

  for (std::size_t t = 0; t < target.types.size(); ++t) {
    const WordType& word = target.types[t];
    std::vector<std::uint32_t>& keys = target_keys[t];
    if (!word.number.empty()) {
      keys.push_back(space.Id("#" + word.number));
      continue;
    }
    keys.push_back(space.Id("=" + word.folded));
    if (IsLatinLetters(word.folded) &&
        CodePointCount(word.folded) >= options.cognate_prefix) {
      keys.push_back(space.Id(PrefixKey('~', word.folded, options.cognate_prefix)));
    }
    if (dictionary != nullptr) {
      keys.push_back(space.Id(PrefixKey('D', word.folded, options.dictionary_prefix)));
    }
  }

  for (std::size_t s = 0; s < source.types.size(); ++s) {
    const WordType& word = source.types[s];
    std::vector<std::uint32_t>& keys = source_keys[s];
    if (!word.number.empty()) {
      keys.push_back(space.Id("#" + word.number));
      continue;
    }
    const int letters = CodePointCount(word.folded);
    if (word.url || word.capitalised || letters >= options.identity_min_length) {
      keys.push_back(space.Id("=" + word.folded));
    }
    if (IsLatinLetters(word.folded) && letters >= options.cognate_prefix) {
      keys.push_back(space.Id(PrefixKey('~', word.folded, options.cognate_prefix)));
    }
    if (dictionary != nullptr) {
      for (const std::vector<std::string>* translations : TranslateWord(*dictionary, word.folded)) {
        AddTranslationKeys(*translations, options.dictionary_prefix, space, keys);
      }
    }
  }
  for (auto* all : {&source_keys, &target_keys}) {
    for (std::vector<std::uint32_t>& keys : *all) {
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    }
  }
  type_keys.interned = space.size();
  return type_keys;
}

void AssignKeys(const TypeKeys& type_keys, SideFeatures& source, SideFeatures& target,
                bool parallel) {
  RunBoth(
      parallel, [&] { FillSentenceKeys(type_keys.source, source); },
      [&] { FillSentenceKeys(type_keys.target, target); });
}

void AssignKeys(TypeKeys&& type_keys, const std::vector<std::vector<std::uint32_t>>& learnt_links,
                SideFeatures& source, SideFeatures& target, bool parallel) {
  // Learnt links: the target type's own key, past the interned ones (so that each type's list
  // stays sorted), and the linked target types' keys added to the source types'.
  const std::uint32_t base = type_keys.interned;
  std::vector<std::vector<std::uint32_t>>& source_keys = type_keys.source;
  std::vector<std::vector<std::uint32_t>>& target_keys = type_keys.target;
  for (std::size_t t = 0; t < target_keys.size(); ++t) {
    target_keys[t].push_back(base + static_cast<std::uint32_t>(t));
  }
  for (std::size_t s = 0; s < source_keys.size() && s < learnt_links.size(); ++s) {
    for (std::uint32_t t : learnt_links[s]) source_keys[s].push_back(base + t);
    std::sort(source_keys[s].begin(), source_keys[s].end());
    source_keys[s].erase(std::unique(source_keys[s].begin(), source_keys[s].end()),
                         source_keys[s].end());
  }
  AssignKeys(type_keys, source, target, parallel);
  type_keys = TypeKeys();  // a book's are tens of megabytes
}

void AssignKeys(const text::BilingualDictionary* dictionary,
                const std::vector<std::vector<std::uint32_t>>* learnt_links,
                const LexiconOptions& options, SideFeatures& source, SideFeatures& target) {
  TypeKeys type_keys = InternKeys(dictionary, options, source, target);
  if (learnt_links == nullptr) {
    AssignKeys(type_keys, source, target);
  } else {
    AssignKeys(std::move(type_keys), *learnt_links, source, target);
  }
}

}  // namespace termalign::align::internal
