// Stemmer: Hunspell dictionaries loaded once per process, with encoding checks.
#include "text/stemmer.h"

#include <hunspell/hunspell.hxx>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "text/fold.h"
#include "text/language.h"
#include "text/warnings.h"

namespace termalign::text {
namespace {

namespace fs = std::filesystem;

// The dictionaries of a profile, each as its alternative names: "fr_FR|fr" -> {fr_FR, fr}.
std::vector<std::vector<std::string>> DictionaryChoices(const LanguageProfile& profile) {
  std::vector<std::vector<std::string>> choices;
  for (std::string_view entry : profile.hunspell_dictionaries) {
    std::vector<std::string>& names = choices.emplace_back();
    std::size_t start = 0;
    while (start <= entry.size()) {
      std::size_t end = std::min(entry.find('|', start), entry.size());
      if (end > start) names.emplace_back(entry.substr(start, end - start));
      start = end + 1;
    }
  }
  return choices;
}

// Folders searched for <name>.aff and <name>.dic: $DICPATH first, then Debian's folders.
std::vector<fs::path> DictionaryFolders() {
  std::vector<fs::path> folders;
  if (const char* dicpath = std::getenv("DICPATH"); dicpath != nullptr) {
    std::string list = dicpath;
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) folders.emplace_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  for (const char* folder : {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                             "/usr/share/myspell", "/usr/local/share/hunspell"}) {
    folders.emplace_back(folder);
  }
  return folders;
}

// Converts between UTF-8 and a dictionary's declared encoding. Returns false when the text
// cannot be represented (then the word is not looked up).
bool Convert(const std::string& from, const std::string& to, const std::string& text,
             std::string* out) {
  if (from == to) {
    *out = text;
    return true;
  }
  UErrorCode error = U_ZERO_ERROR;
  std::string buffer(text.size() * 4 + 16, '\0');
  int32_t length = ucnv_convert(to.c_str(), from.c_str(), buffer.data(),
                                static_cast<int32_t>(buffer.size()), text.data(),
                                static_cast<int32_t>(text.size()), &error);
  if (U_FAILURE(error)) return false;
  buffer.resize(static_cast<std::size_t>(length));
  // A substitution character means the word has letters the encoding lacks.
  if (buffer.find('\x1A') != std::string::npos) return false;
  *out = std::move(buffer);
  return true;
}

// The spellings to look up for `word`: the word itself, and for Arabic script already normalised
// for matching (NormalizeArabic: ة -> ه, أ/إ -> ا) the likely original spellings, since the
// Arabic dictionary lists words with their hamza and ta marbuta.
std::vector<std::string> Spellings(std::string_view word, bool arabic) {
  std::vector<std::string> spellings = {std::string(word)};
  if (!arabic) return spellings;
  constexpr std::string_view kHa = "\u0647", kTaMarbuta = "\u0629", kAlef = "\u0627";
  std::vector<std::string> endings = {std::string(word)};
  if (word.size() > kHa.size() && word.substr(word.size() - kHa.size()) == kHa) {
    endings.push_back(std::string(word.substr(0, word.size() - kHa.size())) +
                      std::string(kTaMarbuta));
  }
  for (const std::string& base : endings) {
    if (base != word) spellings.push_back(base);
    // An initial bare alef, or one after the article: أ or إ in the original.
    for (std::size_t at : {std::size_t{0}, std::size_t{4}}) {
      if (base.size() <= at + kAlef.size() || base.substr(at, kAlef.size()) != kAlef) continue;
      if (at == 4 && base.substr(0, 4) != "\u0627\u0644") continue;
      for (std::string_view hamza : {"\u0623", "\u0625"}) {
        spellings.push_back(base.substr(0, at) + std::string(hamza) +
                            base.substr(at + kAlef.size()));
      }
    }
  }
  return spellings;
}

struct Dictionary {
  std::string name;  // as the profile names it: "en_US"
  std::unique_ptr<Hunspell> hunspell;
  std::string encoding;  // ICU converter name; "UTF-8" for Debian's en, fr, ar, de and es
};

}  // namespace

struct Stemmer::Impl {
  std::vector<Dictionary> dictionaries;
  bool arabic = false;
  mutable std::mutex mutex;  // Hunspell instances keep per-call state
};

Stemmer::Stemmer(const LanguageProfile& profile) : impl_(std::make_unique<Impl>()) {
  impl_->arabic = profile.script == Script::kArabic;
  std::vector<fs::path> folders = DictionaryFolders();
  std::vector<std::string> missing;
  for (const std::vector<std::string>& names : DictionaryChoices(profile)) {
    bool loaded = false;
    for (const std::string& name : names) {
      for (const fs::path& folder : folders) {
        fs::path aff = folder / (name + ".aff"), dic = folder / (name + ".dic");
        std::error_code ignored;
        if (!fs::exists(aff, ignored) || !fs::exists(dic, ignored)) continue;
        Dictionary dictionary;
        dictionary.name = name;
        dictionary.hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
        dictionary.encoding = dictionary.hunspell->get_dict_encoding();
        if (dictionary.encoding.empty()) dictionary.encoding = "ISO8859-1";  // Hunspell's default
        impl_->dictionaries.push_back(std::move(dictionary));
        loaded = true;
        break;
      }
      if (loaded) break;
    }
    if (!loaded) missing.push_back(names.front());
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& name : missing) list += (list.empty() ? "" : ", ") + name;
    ReportWarning("no Hunspell dictionary " + list + " for '" + std::string(profile.tag) +
                  "' (install " + std::string(profile.hunspell_packages) +
                  "); words are matched without stemming");
  }
}

Stemmer::~Stemmer() = default;

const Stemmer& Stemmer::ForLanguage(std::string_view lang) {
  // Loaded on first use, once per process and language, thread-safe (a function-local static
  // is built once); never destroyed, as Hunspell instances may be in use at exit.
  static auto* const stemmers = [] {
    auto* built = new std::map<const LanguageProfile*, std::unique_ptr<Stemmer>>;
    for (const LanguageProfile* profile : AllLanguages()) (*built)[profile] = nullptr;
    return built;
  }();
  static std::mutex mutex;
  const LanguageProfile& profile = LanguageFor(lang);
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<Stemmer>& stemmer = (*stemmers)[&profile];
  if (stemmer == nullptr) stemmer.reset(new Stemmer(profile));
  return *stemmer;
}

bool Stemmer::has_dictionary() const { return !impl_->dictionaries.empty(); }

bool Stemmer::Spell(std::string_view word) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  for (const Dictionary& dictionary : impl_->dictionaries) {
    std::string encoded;
    if (!Convert("UTF-8", dictionary.encoding, std::string(word), &encoded)) continue;
    if (dictionary.hunspell->spell(encoded)) return true;
  }
  return false;
}

bool Stemmer::SpellWith(std::string_view word, std::string_view dictionary_name) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  for (const Dictionary& dictionary : impl_->dictionaries) {
    if (dictionary.name != dictionary_name) continue;
    std::string encoded;
    return Convert("UTF-8", dictionary.encoding, std::string(word), &encoded) &&
           dictionary.hunspell->spell(encoded);
  }
  return false;
}

std::vector<std::string> Stemmer::Analyze(std::string_view word) const {
  std::vector<std::string> analyses;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  for (const Dictionary& dictionary : impl_->dictionaries) {
    std::string encoded;
    if (!Convert("UTF-8", dictionary.encoding, std::string(word), &encoded)) continue;
    for (const std::string& analysis : dictionary.hunspell->analyze(encoded)) {
      std::string utf8;
      if (Convert(dictionary.encoding, "UTF-8", analysis, &utf8)) analyses.push_back(std::move(utf8));
    }
  }
  return analyses;
}

std::vector<std::string> Stemmer::Stems(std::string_view word) const {
  std::vector<std::string> stems;
  std::string folded_word = FoldForMatch(word);
  if (word.empty()) return stems;
  bool known = false;
  std::vector<std::string> found;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    for (const std::string& candidate : Spellings(word, impl_->arabic)) {
      for (const Dictionary& dictionary : impl_->dictionaries) {
        std::string encoded;
        if (!Convert("UTF-8", dictionary.encoding, candidate, &encoded)) continue;
        known = known || dictionary.hunspell->spell(encoded);
        for (const std::string& stem : dictionary.hunspell->stem(encoded)) {
          std::string utf8;
          if (Convert(dictionary.encoding, "UTF-8", stem, &utf8)) found.push_back(std::move(utf8));
        }
      }
      if (known || !found.empty()) break;
    }
  }
  // The surface form first when it is itself a word ("armée", not only "armer").
  if (known || found.empty()) stems.push_back(folded_word);
  for (const std::string& stem : found) {
    std::string folded = FoldForMatch(stem);
    if (std::find(stems.begin(), stems.end(), folded) == stems.end()) {
      stems.push_back(std::move(folded));
    }
  }
  return stems;
}

namespace {

constexpr std::string_view kArticle = "\u0627\u0644";         // ال
constexpr std::string_view kElidedArticle = "\u0644\u0644";   // لل: ل + ال without its alef
constexpr std::string_view kTaMarbuta = "\u0629";              // ة
constexpr std::string_view kTa = "\u062A";                     // ت

std::size_t Letters(std::string_view s) {
  std::size_t letters = 0;
  for (char c : s) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return letters;
}

bool SharesStem(const Stemmer& stemmer, std::string_view word, std::string_view part) {
  std::vector<std::string> whole = stemmer.Stems(word), stems = stemmer.Stems(part);
  for (const std::string& stem : stems) {
    if (std::find(whole.begin(), whole.end(), stem) != whole.end()) return true;
  }
  return false;
}

// True when the dictionary reads `word` as a lemma of its own ("لجنة", committee: not ل + جنة).
bool IsOwnLemma(const Stemmer& stemmer, std::string_view word) {
  const std::string field = "st:" + std::string(word);
  for (const std::string& analysis : stemmer.Analyze(word)) {
    for (std::size_t at = analysis.find(field); at != std::string::npos;
         at = analysis.find(field, at + 1)) {
      const std::size_t end = at + field.size();
      if ((at == 0 || analysis[at - 1] == ' ' || analysis[at - 1] == '\t') &&
          (end == analysis.size() || analysis[end] == ' ' || analysis[end] == '\t')) {
        return true;
      }
    }
  }
  return false;
}

// "للشخص" is ل + الشخص, the article's alef dropped: true when the dictionary knows "الشخص".
bool HasElidedArticle(std::string_view word, const LanguageProfile& profile,
                      const Stemmer& stemmer) {
  if (!profile.fused_article || !stemmer.has_dictionary()) return false;
  if (word.substr(0, kElidedArticle.size()) != kElidedArticle) return false;
  std::string_view rest = word.substr(kElidedArticle.size());
  if (Letters(rest) < 3) return false;
  std::string defined = std::string(kArticle) + std::string(rest);
  return stemmer.Spell(defined);
}

}  // namespace

std::size_t ProcliticLength(std::string_view word, std::string_view lang) {
  const LanguageProfile& profile = LanguageFor(lang);
  constexpr std::size_t kMinRestLetters = 3;
  if (profile.proclitics.empty()) return 0;
  const Stemmer& stemmer = Stemmer::ForLanguage(lang);
  // Its ل belongs with the article, which matching strips whole (StripArabicArticle).
  if (HasElidedArticle(word, profile, stemmer)) return 0;
  for (std::string_view clitic : profile.proclitics) {
    if (word.size() <= clitic.size() || word.substr(0, clitic.size()) != clitic) continue;
    std::string_view rest = word.substr(clitic.size());
    if (Letters(rest) < kMinRestLetters) return 0;
    if (!stemmer.has_dictionary()) return rest.substr(0, kArticle.size()) == kArticle
                                              ? clitic.size() : 0;
    if (!stemmer.Spell(rest) || IsOwnLemma(stemmer, word)) return 0;
    // The dictionary reads `word` as the clitic and `rest`: they share a stem.
    return SharesStem(stemmer, word, rest) ? clitic.size() : 0;
  }
  return 0;
}

std::string CitationForm(std::string_view word, std::string_view lang) {
  const LanguageProfile& profile = LanguageFor(lang);
  if (!profile.fused_article) return {};
  const Stemmer& stemmer = Stemmer::ForLanguage(lang);
  if (!stemmer.has_dictionary()) return {};
  if (HasElidedArticle(word, profile, stemmer)) {
    return std::string(kArticle) + std::string(word.substr(kElidedArticle.size()));
  }
  for (std::string_view pronoun : profile.enclitics) {
    if (word.size() <= pronoun.size() || word.substr(word.size() - pronoun.size()) != pronoun) {
      continue;
    }
    std::string bare(word.substr(0, word.size() - pronoun.size()));
    if (Letters(bare) < 3) return {};
    // A noun in ة writes it ت before a pronoun: صفتها is صفة + ها (صفت is a verb).
    std::string restored;
    if (bare.ends_with(kTa)) {
      restored = bare.substr(0, bare.size() - kTa.size()) + std::string(kTaMarbuta);
    }
    for (const std::string& noun : {restored, bare}) {
      if (noun.empty() || noun.starts_with(kArticle)) continue;
      // Only a noun or an adjective takes the article: a verb with its object pronoun
      // ("تحدده", it sets it) mostly fails here.
      std::string defined = std::string(kArticle) + noun;
      if (stemmer.Spell(noun) && stemmer.Spell(defined) && SharesStem(stemmer, word, noun)) {
        return defined;
      }
    }
    return {};
  }
  return {};
}

}  // namespace termalign::text
