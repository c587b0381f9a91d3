// Stop-word and number-word lookups in the language profiles (text/lang/), through hash sets
// built once per process: the aligner asks about every word of a corpus.
#include "text/stop_words.h"

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
  const LanguageProfile* profile = FindLanguage(lang);
  auto found = sets->find(profile);
  return found == sets->end() ? kNone : found->second;
}

}  // namespace

bool IsStopWord(std::string_view folded_word, std::string_view lang) {
  return SetsFor(lang).stop_words.count(folded_word) > 0;
}

bool IsNumberWord(std::string_view folded_word, std::string_view lang) {
  return SetsFor(lang).counting_words.count(folded_word) > 0;
}

}  // namespace termalign::text
