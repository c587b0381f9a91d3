// Language guess by script, then by the function words of each language profile.
#include "text/lang_guess.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text/fold.h"
#include "text/language.h"
#include "text/stop_words.h"
#include "unicode_util.h"

namespace termalign::text {
namespace {

// The guess reads this much of a text: enough function words for any document, and bounded.
constexpr std::size_t kWindow = 64 * 1024;
// Fewer function words than this that tell the two likeliest languages apart: no guess.
constexpr std::size_t kMinTellingWords = 3;

// Counts of words by the set of Latin-script languages they are a function word of (bit i for
// the i-th language); words of no language are not counted.
class StopWordVotes {
 public:
  explicit StopWordVotes(std::vector<const LanguageProfile*> languages)
      : languages_(std::move(languages)), counts_(std::size_t{1} << languages_.size(), 0) {}

  void Count(std::string_view folded) {
    std::size_t mask = 0;
    for (std::size_t i = 0; i < languages_.size(); ++i) {
      if (IsStopWord(folded, languages_[i]->tag)) mask |= std::size_t{1} << i;
    }
    if (mask != 0) ++counts_[mask];
  }

  // Words that are function words of language a and not of language b.
  std::size_t Only(std::size_t a, std::size_t b) const {
    std::size_t total = 0;
    for (std::size_t mask = 0; mask < counts_.size(); ++mask) {
      if ((mask >> a & 1) != 0 && (mask >> b & 1) == 0) total += counts_[mask];
    }
    return total;
  }

  // The language that keeps its place against each later one in turn (a later one wins a
  // tie), or "und" when fewer than kMinTellingWords words tell it from its strongest rival.
  std::string Winner() const {
    if (languages_.empty()) return "und";
    std::size_t best = 0;
    for (std::size_t i = 1; i < languages_.size(); ++i) {
      if (Only(i, best) >= Only(best, i)) best = i;
    }
    std::size_t rival = best;
    for (std::size_t i = 0; i < languages_.size(); ++i) {
      if (i != best && (rival == best || Only(i, best) > Only(rival, best))) rival = i;
    }
    if (rival != best && Only(best, rival) + Only(rival, best) < kMinTellingWords) return "und";
    return std::string(languages_[best]->tag);
  }

 private:
  std::vector<const LanguageProfile*> languages_;
  std::vector<std::size_t> counts_;
};

std::vector<const LanguageProfile*> LanguagesOfScript(Script script) {
  std::vector<const LanguageProfile*> out;
  for (const LanguageProfile* profile : AllLanguages()) {
    if (profile->script == script) out.push_back(profile);
  }
  return out;
}

}  // namespace

std::string GuessLanguage(std::string_view text) {
  if (text.size() > kWindow) {
    // Cut on a character boundary.
    std::size_t cut = kWindow;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::size_t arabic = 0, latin = 0;
  StopWordVotes votes(LanguagesOfScript(Script::kLatin));
  std::string word;
  auto count_word = [&] {
    if (word.empty()) return;
    votes.Count(FoldForMatch(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    UChar32 c = internal::CodePointAt(text, i, &next);
    if (internal::IsArabicLetter(c)) ++arabic;
    if (internal::IsLetter(c)) {
      if (c < 0x250) ++latin;
      word.append(text.substr(i, next - i));
    } else {
      count_word();
    }
    i = next;
  }
  count_word();
  if (arabic > 0 && arabic >= latin) {
    std::vector<const LanguageProfile*> arabic_script = LanguagesOfScript(Script::kArabic);
    return arabic_script.empty() ? "und" : std::string(arabic_script.front()->tag);
  }
  return votes.Winner();
}

}  // namespace termalign::text
