// Stop-word and number-word lookups in the language profiles (text/lang/), through hash sets
// built once per process: the aligner asks about every word of a corpus.
#include "text/stop_words.h"

#include <array>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/language.h"

namespace termalign::text {
namespace {

using WordSet = std::unordered_set<std::string_view>;

struct WordSets {
  WordSet stop_words;
  WordSet counting_words;
};

const WordSets& SetsFor(std::string_view lang) {
  static const auto* const sets = [] {
    auto* built = new std::unordered_map<const LanguageProfile*, WordSets>;
    for (const LanguageProfile* profile : AllLanguages()) {
      WordSets& entry = (*built)[profile];
      entry.stop_words.insert(profile->stop_words.begin(), profile->stop_words.end());
      entry.counting_words.insert(profile->counting_words.begin(), profile->counting_words.end());
    }
    return built;
  }();
  static const WordSets kNone;
  // The callers ask about the two languages of a pair many times over: the sets of the last two
  // tags asked about are kept per thread, as finding the profile of a tag builds its primary
  // subtag each time.
  struct Recent {
    std::string tag;
    const WordSets* sets = nullptr;
  };
  thread_local std::array<Recent, 2> recent;
  thread_local std::size_t next = 0;
  for (const Recent& entry : recent) {
    if (entry.sets != nullptr && entry.tag == lang) return *entry.sets;
  }
  const LanguageProfile* profile = FindLanguage(lang);
  auto found = sets->find(profile);
  Recent& entry = recent[next];
  next = (next + 1) % recent.size();
  entry.tag.assign(lang);
  entry.sets = found == sets->end() ? &kNone : &found->second;
  return *entry.sets;
}

}  // namespace

bool IsStopWord(std::string_view folded_word, std::string_view lang) {
  return SetsFor(lang).stop_words.count(folded_word) > 0;
}

bool IsNumberWord(std::string_view folded_word, std::string_view lang) {
  return SetsFor(lang).counting_words.count(folded_word) > 0;
}

}  // namespace termalign::text
