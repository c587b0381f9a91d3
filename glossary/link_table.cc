// LinkTable: candidate target words per source word from a few indices, then WordLinker on
// those candidates only. Trying every word pair of every aligned pair was the main cost of
// pairing on large bitexts.
#include "link_table.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/dictionary.h"

namespace termalign::glossary::internal {
namespace {

using IdIndex = std::unordered_map<std::string, std::vector<std::uint32_t>>;

// The first four code points of a word of at least four, else "": every cognate pair
// (CognateStrength > 0) shares them.
std::string CognateKey(std::string_view word) {
  std::size_t points = 0, end = 0;
  while (end < word.size() && points < 4) {
    ++end;
    while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) ++end;
    ++points;
  }
  return points == 4 ? std::string(word.substr(0, end)) : std::string();
}

// Acronym letters in order ("AI" and "IA" both give "AI").
std::string LetterKey(const Word& word) {
  std::string letters = word.folded;
  std::sort(letters.begin(), letters.end());
  return letters;
}

void AddAll(const IdIndex& index, const std::string& key, std::vector<std::uint32_t>* out) {
  auto found = index.find(key);
  if (found != index.end()) out->insert(out->end(), found->second.begin(), found->second.end());
}

// The folded word and, when it is a hyphenated compound, each of its parts.
std::vector<std::string> FormAndParts(const std::string& folded) {
  std::vector<std::string> out{folded};
  if (folded.find('-') == std::string::npos) return out;
  for (std::string_view part : CompoundParts(folded)) out.emplace_back(part);
  return out;
}

}  // namespace

LinkTable::LinkTable(const std::vector<std::vector<const Word*>>& source_forms,
                     const std::vector<std::vector<const Word*>>& target_forms, WordLinker& linker,
                     WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
                     const text::BilingualDictionary* forward,
                     const text::BilingualDictionary* backward) {
  // Target ids by folded form, cognate key, acronym letters, stem, and by the source-language
  // words the backward dictionary gives for their stems.
  // A hyphenated compound is also found through each of its parts, for WordLinker's links of
  // compounds ("half-barriers" / "demi-barrières").
  IdIndex by_folded, by_cognate, by_letters, by_stem, by_back_translation;
  for (std::uint32_t t = 0; t < target_forms.size(); ++t) {
    for (const Word* word : target_forms[t]) {
      if (word->acronym) by_letters[LetterKey(*word)].push_back(t);
      for (const std::string& form : FormAndParts(word->folded)) {
        by_folded[form].push_back(t);
        if (std::string key = CognateKey(form); !key.empty()) by_cognate[key].push_back(t);
        if (forward == nullptr && backward == nullptr) continue;
        for (const std::string& stem : target_analyzer.StemsOf(form)) {
          by_stem[stem].push_back(t);
          if (backward == nullptr) continue;
          for (const std::string& translation : backward->Translations(stem)) {
            by_back_translation[translation].push_back(t);
          }
        }
      }
    }
  }

  begin_.assign(source_forms.size() + 1, 0);
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t s = 0; s < source_forms.size(); ++s) {
    candidates.clear();
    for (const Word* word : source_forms[s]) {
      if (word->acronym) AddAll(by_letters, LetterKey(*word), &candidates);
      for (const std::string& form : FormAndParts(word->folded)) {
        AddAll(by_folded, form, &candidates);
        if (std::string key = CognateKey(form); !key.empty()) {
          AddAll(by_cognate, key, &candidates);
        }
        if (forward == nullptr && backward == nullptr) continue;
        for (const std::string& stem : source_analyzer.StemsOf(form)) {
          if (forward != nullptr) {
            for (const std::string& translation : forward->Translations(stem)) {
              AddAll(by_stem, translation, &candidates);
            }
          }
          AddAll(by_back_translation, stem, &candidates);
        }
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (std::uint32_t t : candidates) {
      WordLink best;
      for (const Word* a : source_forms[s]) {
        for (const Word* b : target_forms[t]) {
          WordLink link = linker.Link(*a, *b);
          if (link.strength > best.strength) best = link;
        }
      }
      if (best.strength > 0.0) entries_.push_back({t, best});
    }
    begin_[s + 1] = entries_.size();
  }
}

WordLink LinkTable::Get(std::uint32_t source, std::uint32_t target) const {
  std::span<const Entry> row = Row(source);
  auto it = std::lower_bound(row.begin(), row.end(), target,
                             [](const Entry& e, std::uint32_t t) { return e.target < t; });
  if (it == row.end() || it->target != target) return {};
  return it->link;
}

}  // namespace termalign::glossary::internal
