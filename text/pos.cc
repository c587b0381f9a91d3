// Parts of speech from WordNet's index files (English) and from the morphological fields of a
// Hunspell dictionary (French).
#include "text/pos.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>

#include "text/fold.h"
#include "text/language.h"
#include "text/stemmer.h"
#include "text/warnings.h"

namespace termalign::text {

const std::string& WordClasses::KeyLemma() const {
  static const std::string kNone;
  for (Pos wanted : {Pos::kNoun, Pos::kAdjective}) {
    const std::string* best = nullptr;
    for (const auto& [pos, lemma] : lemmas) {
      if (pos == wanted && (best == nullptr || lemma.size() < best->size())) best = &lemma;
    }
    if (best != nullptr) return *best;
  }
  return lemmas.empty() ? kNone : lemmas.front().second;
}

struct PosLexicon::Source {
  virtual ~Source() = default;
  virtual WordClasses Classify(std::string_view word) const = 0;
  virtual std::optional<int> GeneralUse(std::string_view) const { return std::nullopt; }
};

namespace {

namespace fs = std::filesystem;

void AddLemma(WordClasses* classes, Pos pos, std::string lemma) {
  classes->pos |= static_cast<std::uint8_t>(pos);
  for (const auto& [known_pos, known_lemma] : classes->lemmas) {
    if (known_pos == pos && known_lemma == lemma) return;
  }
  classes->lemmas.emplace_back(pos, std::move(lemma));
}

// ---------------------------------------------------------------------------------------------
// English: WordNet.

// WordNet's four files, as bits of a LemmaTable entry.
enum WordNetFile : std::uint8_t { kWnNoun = 1, kWnVerb = 2, kWnAdj = 4, kWnAdv = 8 };

// A LemmaTable is an open-addressing hash set of WordNet lemmas with the files each one is in:
// one string holds all the lemmas, a slot is 8 bytes (150,000 lemmas: about 3 MB in all).
class LemmaTable {
 public:
  void Reserve(std::size_t lemmas) {
    std::size_t size = 1;
    while (size < lemmas * 2) size <<= 1;
    slots_.assign(size, Slot{});
  }

  void Add(std::string_view lemma, std::uint8_t files) {
    Slot& slot = Probe(lemma);
    if (slot.length == 0) {
      slot.offset = static_cast<std::uint32_t>(arena_.size());
      slot.length = static_cast<std::uint16_t>(lemma.size());
      arena_.append(lemma);
      ++used_;
      if (used_ * 2 > slots_.size()) Grow();
    }
    Probe(lemma).files |= files;
  }

  std::uint8_t Find(std::string_view lemma) const {
    if (slots_.empty()) return 0;
    return const_cast<LemmaTable*>(this)->Probe(lemma).files;
  }

  bool empty() const { return used_ == 0; }

 private:
  struct Slot {
    std::uint32_t offset = 0;
    std::uint16_t length = 0;  // 0: a free slot (no lemma is empty)
    std::uint8_t files = 0;
  };

  // The slot holding `lemma`, or the free slot where it would go.
  Slot& Probe(std::string_view lemma) {
    std::size_t mask = slots_.size() - 1;
    std::size_t at = std::hash<std::string_view>{}(lemma)&mask;
    while (slots_[at].length != 0 &&
           std::string_view(arena_).substr(slots_[at].offset, slots_[at].length) != lemma) {
      at = (at + 1) & mask;
    }
    return slots_[at];
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.length != 0) Probe(std::string_view(arena_).substr(slot.offset, slot.length)) = slot;
    }
  }

  std::string arena_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

struct WordNetFileName {
  std::uint8_t file;
  const char* name;  // index.<name> and <name>.exc
};
constexpr WordNetFileName kWordNetFiles[] = {
    {kWnNoun, "noun"}, {kWnVerb, "verb"}, {kWnAdj, "adj"}, {kWnAdv, "adv"}};

// WordNet's detachment rules (morphy(7WN)): an inflected form ending in `suffix` may be its
// lemma ending in `ending`. Irregular forms are in the .exc files instead.
struct Detachment {
  std::uint8_t file;
  std::string_view suffix;
  std::string_view ending;
};
constexpr Detachment kDetachments[] = {
    {kWnNoun, "s", ""},    {kWnNoun, "ses", "s"},  {kWnNoun, "xes", "x"},  {kWnNoun, "zes", "z"},
    {kWnNoun, "ches", "ch"}, {kWnNoun, "shes", "sh"}, {kWnNoun, "men", "man"},
    {kWnNoun, "ies", "y"}, {kWnVerb, "s", ""},     {kWnVerb, "ies", "y"},  {kWnVerb, "es", "e"},
    {kWnVerb, "es", ""},   {kWnVerb, "ed", "e"},   {kWnVerb, "ed", ""},    {kWnVerb, "ing", "e"},
    {kWnVerb, "ing", ""},  {kWnAdj, "er", ""},     {kWnAdj, "est", ""},    {kWnAdj, "er", "e"},
    {kWnAdj, "est", "e"}};

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// The folders searched for WordNet's files: $WNSEARCHDIR (WordNet's own variable), then Debian's.
std::vector<fs::path> WordNetFolders() {
  std::vector<fs::path> folders;
  if (const char* dir = std::getenv("WNSEARCHDIR"); dir != nullptr && *dir != '\0') {
    folders.emplace_back(dir);
  }
  folders.emplace_back("/usr/share/wordnet");
  folders.emplace_back("/usr/local/share/wordnet");
  return folders;
}

class WordNetSource : public PosLexicon::Source {
 public:
  // Loads the index and exception files of the first folder that has them all; leaves the
  // source empty otherwise.
  explicit WordNetSource(const fs::path& folder) {
    lemmas_.Reserve(160000);
    for (const WordNetFileName& file : kWordNetFiles) {
      if (!LoadIndex(folder / (std::string("index.") + file.name), file.file) ||
          !LoadExceptions(folder / (std::string(file.name) + ".exc"), file.file)) {
        lemmas_ = LemmaTable();
        exceptions_.clear();
        return;
      }
    }
    has_uses_ = LoadUses(folder / "cntlist.rev");
  }

  bool loaded() const { return !lemmas_.empty(); }

  // The most any lemma of `word` is used in WordNet's sense-tagged corpus; nullopt without the
  // counts file.
  std::optional<int> GeneralUse(std::string_view word) const override {
    if (!has_uses_) return std::nullopt;
    int most = 0;
    for (const auto& [pos, lemma] : Classify(word).lemmas) {
      if (auto found = uses_.find(lemma); found != uses_.end()) most = std::max(most, found->second);
    }
    return most;
  }

  WordClasses Classify(std::string_view word) const override {
    WordClasses classes;
    std::string lower = FoldForMatch(word);
    for (const WordNetFileName& file : kWordNetFiles) {
      for (const auto& [lemma, irregular] : Lemmas(lower, file.file)) {
        AddLemma(&classes, ClassOf(lower, lemma, file.file, irregular), lemma);
      }
    }
    return classes;
  }

 private:
  // Each line of an index file starts with a lemma ("data_processing", "processing"); lines
  // starting with a space are the licence.
  bool LoadIndex(const fs::path& path, std::uint8_t file) {
    std::ifstream in(path);
    if (!in) return false;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::string_view lemma = std::string_view(line).substr(0, line.find(' '));
      // Multi-word lemmas ("data_processing") never match one token.
      if (lemma.find('_') != std::string_view::npos || lemma.size() > 0xFFFF) continue;
      lemmas_.Add(lemma, file);
    }
    return true;
  }

  // An exception line: an irregular form, then its lemmas ("geese goose").
  bool LoadExceptions(const fs::path& path, std::uint8_t file) {
    std::ifstream in(path);
    if (!in) return false;
    std::string form, lemma, line;
    while (std::getline(in, line)) {
      std::size_t space = line.find(' ');
      if (space == std::string::npos) continue;
      form = line.substr(0, space);
      std::size_t start = space + 1;
      while (start < line.size()) {
        std::size_t end = std::min(line.find(' ', start), line.size());
        lemma = line.substr(start, end - start);
        if (!lemma.empty() && lemma.find('_') == std::string::npos) {
          exceptions_[form].push_back({file, lemma});
        }
        start = end + 1;
      }
    }
    return true;
  }

  // The sense counts of WordNet ("cntlist.rev": "year%1:28:01:: 1 426", a sense key, the
  // sense's number, how often SemCor tags it), summed over the senses of each one-word lemma.
  bool LoadUses(const fs::path& path) {
    std::ifstream in(path);
    if (!in) return false;
    std::string line;
    while (std::getline(in, line)) {
      std::size_t percent = line.find('%');
      std::size_t last_space = line.rfind(' ');
      if (percent == std::string::npos || last_space == std::string::npos || last_space < percent) {
        continue;
      }
      std::string_view lemma = std::string_view(line).substr(0, percent);
      if (lemma.find('_') != std::string_view::npos) continue;
      int count = 0;
      std::string_view digits = std::string_view(line).substr(last_space + 1);
      if (std::from_chars(digits.data(), digits.data() + digits.size(), count).ec != std::errc()) {
        continue;
      }
      uses_[std::string(lemma)] += count;
    }
    return true;
  }

  // The lemmas of `word` in one file, each with whether it came from the exception list.
  std::vector<std::pair<std::string, bool>> Lemmas(const std::string& word,
                                                   std::uint8_t file) const {
    std::vector<std::pair<std::string, bool>> found;
    auto add = [&](std::string lemma, bool irregular) {
      for (const auto& known : found) {
        if (known.first == lemma) return;
      }
      found.emplace_back(std::move(lemma), irregular);
    };
    if (lemmas_.Find(word) & file) add(word, false);
    if (auto irregular = exceptions_.find(word); irregular != exceptions_.end()) {
      for (const auto& [lemma_file, lemma] : irregular->second) {
        if (lemma_file == file) add(lemma, true);
      }
    }
    for (const Detachment& rule : kDetachments) {
      if (rule.file != file || !EndsWith(word, rule.suffix)) continue;
      // "glass" is not the plural of "glas"; "ss" never loses its "s".
      if (file == kWnNoun && rule.suffix == "s" && EndsWith(word, "ss")) continue;
      std::string lemma = word.substr(0, word.size() - rule.suffix.size());
      if (lemma.size() < 2) continue;
      lemma += rule.ending;
      if (lemmas_.Find(lemma) & file) add(std::move(lemma), false);
    }
    return found;
  }

  // The part of speech `word` has as an inflection of `lemma` from `file`: verbs tell their
  // participles ("containing", "encrypted", "written") from their other forms.
  static Pos ClassOf(std::string_view word, std::string_view lemma, std::uint8_t file,
                     bool irregular) {
    switch (file) {
      case kWnNoun:
        return Pos::kNoun;
      case kWnAdj:
        return Pos::kAdjective;
      case kWnAdv:
        return Pos::kAdverb;
      default:
        break;
    }
    if (word == lemma) return Pos::kVerb;
    if (EndsWith(word, "ing")) return Pos::kPresentParticiple;
    if (EndsWith(word, "ed")) return Pos::kPastParticiple;
    // Irregular past participles: "written", "known", "built" (and their past tenses).
    if (irregular && (EndsWith(word, "en") || EndsWith(word, "wn") || EndsWith(word, "t"))) {
      return Pos::kPastParticiple;
    }
    return Pos::kVerb;
  }

  LemmaTable lemmas_;
  std::unordered_map<std::string, std::vector<std::pair<std::uint8_t, std::string>>> exceptions_;
  std::unordered_map<std::string, int> uses_;  // lemma -> tagged occurrences in SemCor
  bool has_uses_ = false;
};

// ---------------------------------------------------------------------------------------------
// French: the morphological fields of the Hunspell dictionary (Grammalecte's fr_FR: "po:nom",
// "po:v1_it_q__a po:ppas", "st:" the lemma).

// The "po:" values that name a part of speech; the others are features (gender, person: "po:3sg")
// or a verb's conjugation class ("po:v1_it_q__a"), read apart.
struct PosTag {
  std::string_view value;
  Pos pos;
};
constexpr PosTag kHunspellTags[] = {
    {"nom", Pos::kNoun},         {"adj", Pos::kAdjective},         {"adv", Pos::kAdverb},
    {"npr", Pos::kProperNoun},   {"prn", Pos::kProperNoun},        {"patr", Pos::kProperNoun},
    {"ppre", Pos::kPresentParticiple}, {"ppas", Pos::kPastParticiple}, {"prep", Pos::kFunctionWord},
    {"det", Pos::kFunctionWord}, {"detpos", Pos::kFunctionWord},   {"detind", Pos::kFunctionWord},
    {"detdem", Pos::kFunctionWord}, {"cjco", Pos::kFunctionWord},  {"cjsub", Pos::kFunctionWord},
    {"cj", Pos::kFunctionWord},  {"prodem", Pos::kFunctionWord},   {"proind", Pos::kFunctionWord},
    {"prorel", Pos::kFunctionWord}, {"proint", Pos::kFunctionWord}, {"negadv", Pos::kAdverb},
    {"advint", Pos::kAdverb},    {"loc", Pos::kFunctionWord},
    {"verb", Pos::kVerb}};  // Arabic (hunspell-ar) marks its verbs only: "is:prst po:verb"

class HunspellMorphologySource : public PosLexicon::Source {
 public:
  explicit HunspellMorphologySource(const Stemmer& stemmer) : stemmer_(stemmer) {}

  WordClasses Classify(std::string_view word) const override {
    WordClasses classes;
    for (const std::string& analysis : stemmer_.Analyze(word)) {
      ClassifyReading(analysis, word, &classes);
    }
    return classes;
  }

 private:
  // One reading: " st:contenir po:v3__t_q__a po:ppre". A verb class without a participle tag
  // is a finite or infinitive form. A reading without "st:" is its own lemma. A reading without
  // any "po:" is a noun's or an adjective's: the Arabic dictionary marks only its verbs
  // (" st:تطبيق" beside " is:prst st:استحق po:verb"); Grammalecte's marks every reading.
  static void ClassifyReading(std::string_view analysis, std::string_view word,
                              WordClasses* classes) {
    std::string lemma;
    std::vector<Pos> found;
    bool verb = false, participle = false, marked = false;
    std::uint8_t gender = 0, number = 0;
    std::size_t start = 0;
    while (start < analysis.size()) {
      std::size_t end = std::min(analysis.find(' ', start), analysis.size());
      std::string_view field = analysis.substr(start, end - start);
      start = end + 1;
      if (field.substr(0, 3) == "st:") lemma = FoldForMatch(field.substr(3));
      // Grammalecte's features: "is:mas", "is:fem", "is:epi" (either gender); "is:sg",
      // "is:pl", "is:inv" (either number).
      if (field == "is:mas") gender |= kMasculine;
      if (field == "is:fem") gender |= kFeminine;
      if (field == "is:epi") gender |= kMasculine | kFeminine;
      if (field == "is:sg") number |= kSingular;
      if (field == "is:pl") number |= kPlural;
      if (field == "is:inv") number |= kSingular | kPlural;
      if (field.substr(0, 3) != "po:") continue;
      marked = true;
      std::string_view value = field.substr(3);
      if (value.size() > 1 && value[0] == 'v' && value[1] >= '0' && value[1] <= '9') {
        verb = true;
        continue;
      }
      for (const PosTag& tag : kHunspellTags) {
        if (tag.value != value) continue;
        found.push_back(tag.pos);
        participle = participle || tag.pos == Pos::kPresentParticiple ||
                     tag.pos == Pos::kPastParticiple;
      }
    }
    if (verb && !participle) found.push_back(Pos::kVerb);
    if (!marked) found.push_back(Pos::kNoun);
    // "po:ppas po:adj" is a participle that agrees like an adjective, not an adjective of its
    // own ("engagé", unlike "personnel"): it stays a participle only.
    if (participle) std::erase(found, Pos::kAdjective);
    // A reading that names no gender or no number allows either.
    if (gender == 0) gender = kMasculine | kFeminine;
    if (number == 0) number = kSingular | kPlural;
    const std::uint8_t agreement = gender | number;
    for (Pos pos : found) {
      if (pos == Pos::kNoun) classes->noun_agreement |= agreement;
      if (pos == Pos::kAdjective || pos == Pos::kPastParticiple) {
        classes->modifier_agreement |= agreement;
      }
    }
    if (lemma.empty()) lemma = FoldForMatch(word);
    for (Pos pos : found) AddLemma(classes, pos, lemma);
  }

  const Stemmer& stemmer_;
};

class NoSource : public PosLexicon::Source {
 public:
  WordClasses Classify(std::string_view) const override { return {}; }
};

// Builds the source a profile names; warns once when its data are missing.
std::unique_ptr<PosLexicon::Source> MakeSource(const LanguageProfile& profile) {
  switch (profile.pos_source) {
    case PosSource::kWordNet: {
      for (const fs::path& folder : WordNetFolders()) {
        auto source = std::make_unique<WordNetSource>(folder);
        if (source->loaded()) return source;
      }
      ReportWarning("no WordNet files for '" + std::string(profile.tag) + "' (install " +
                    std::string(profile.pos_packages) +
                    "); term candidates are bounded by stop words only");
      return nullptr;
    }
    case PosSource::kHunspellMorphology: {
      const Stemmer& stemmer = Stemmer::ForLanguage(profile.tag);
      if (!stemmer.has_dictionary()) return nullptr;  // the stemmer has warned
      return std::make_unique<HunspellMorphologySource>(stemmer);
    }
    case PosSource::kNone:
      break;
  }
  return nullptr;
}

}  // namespace

PosLexicon::PosLexicon(std::unique_ptr<Source> source) : source_(std::move(source)) {}

PosLexicon::~PosLexicon() = default;

const PosLexicon& PosLexicon::ForLanguage(std::string_view lang) {
  // Loaded on first use, once per process and language; never destroyed (as the stemmers).
  static auto* const lexicons = new std::map<const LanguageProfile*, std::unique_ptr<PosLexicon>>;
  static std::mutex mutex;
  const LanguageProfile& profile = LanguageFor(lang);
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<PosLexicon>& lexicon = (*lexicons)[&profile];
  if (lexicon == nullptr) lexicon.reset(new PosLexicon(MakeSource(profile)));
  return *lexicon;
}

bool PosLexicon::available() const { return source_ != nullptr; }

WordClasses PosLexicon::Classify(std::string_view word) const {
  if (source_ == nullptr || word.empty()) return {};
  return source_->Classify(word);
}

std::optional<int> PosLexicon::GeneralUse(std::string_view word) const {
  if (source_ == nullptr) return std::nullopt;
  return source_->GeneralUse(word);
}

}  // namespace termalign::text

namespace termalign::text {
namespace {

// True when `stem` reduces `word` at its end only: both share at least every letter of the stem
// but its last three (bytes, enough for the suffixes of the languages with a dictionary), and
// the first letter. "union" for "unions", "armer" for "armée"; not "ion" for "unions".
bool KeepsBeginning(std::string_view stem, std::string_view word) {
  std::size_t common = 0;
  while (common < stem.size() && common < word.size() && stem[common] == word[common]) ++common;
  constexpr std::size_t kChangedTail = 3;
  return common >= 1 && common + kChangedTail >= stem.size();
}

// The keys of `word` in its own spelling (WordKeys without spelling variants).
std::vector<std::string> SpelledKeys(std::string_view word, std::string_view lang) {
  std::string folded = FoldForMatch(word);
  std::vector<std::string> keys;
  auto add = [&keys](const std::string& key) {
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(key);
    }
  };
  // Arabic inflects at the beginning as well (prefixes, the article): its stems all stay, and its
  // lexicon (which tells verbs only) names no key.
  const bool inflects_at_start = LanguageFor(lang).script == Script::kArabic;
  WordClasses classes;
  if (!inflects_at_start) classes = PosLexicon::ForLanguage(lang).Classify(word);
  if (!classes.lemmas.empty()) {
    constexpr std::uint8_t kNominal = PosBits(Pos::kNoun, Pos::kAdjective, Pos::kProperNoun);
    const bool nominal = (classes.pos & kNominal) != 0;
    add(classes.KeyLemma());
    for (const auto& [pos, lemma] : classes.lemmas) {
      if (!nominal || (static_cast<std::uint8_t>(pos) & kNominal) != 0) add(lemma);
    }
    return keys;
  }
  std::vector<std::string> stems;
  for (std::string& stem : Stemmer::ForLanguage(lang).Stems(word)) {
    if (inflects_at_start || KeepsBeginning(stem, folded)) stems.push_back(std::move(stem));
  }
  if (!inflects_at_start) {
    std::stable_sort(stems.begin(), stems.end(), [](const std::string& a, const std::string& b) {
      return a.size() < b.size() || (a.size() == b.size() && a < b);
    });
  }
  for (const std::string& stem : stems) add(stem);
  if (keys.empty()) add(folded);
  if (keys.empty()) keys.push_back(std::string(word));
  return keys;
}

}  // namespace

std::string StandardSpelling(std::string_view word, std::string_view lang) {
  const LanguageProfile& profile = LanguageFor(lang);
  if (profile.standard_spelling.empty() || word.size() < 4) return "";
  const Stemmer& stemmer = Stemmer::ForLanguage(lang);
  std::string lower = FoldForMatch(word);
  if (stemmer.SpellWith(lower, profile.standard_spelling) || !stemmer.Spell(lower)) {
    return "";  // a standard spelling, or no word the dictionaries know
  }
  for (const SpellingRewrite& rewrite : profile.spelling_rewrites) {
    std::string variant;
    if (rewrite.at_end) {
      if (!lower.ends_with(rewrite.from) || lower.size() < rewrite.from.size() + 2) continue;
      variant = lower.substr(0, lower.size() - rewrite.from.size()) + std::string(rewrite.to);
    } else {
      std::size_t at = lower.find(rewrite.from);
      if (at == std::string::npos) continue;
      variant = lower;
      for (; at != std::string::npos; at = variant.find(rewrite.from, at + rewrite.to.size())) {
        variant.replace(at, rewrite.from.size(), rewrite.to);
      }
    }
    if (stemmer.SpellWith(variant, profile.standard_spelling)) return variant;
  }
  return "";
}

std::string WordKey(std::string_view word, std::string_view lang) {
  return SpelledKeys(word, lang).front();
}

bool Agree(std::uint8_t noun, std::uint8_t modifier) {
  if (noun == 0 || modifier == 0) return true;
  constexpr std::uint8_t kGender = kMasculine | kFeminine, kNumber = kSingular | kPlural;
  return (noun & modifier & kGender) != 0 && (noun & modifier & kNumber) != 0;
}

std::vector<std::string> WordKeys(std::string_view word, std::string_view lang) {
  std::vector<std::string> keys = SpelledKeys(word, lang);
  // A variant spelling is keyed by the standard one's keys too, after its own.
  std::string standard = StandardSpelling(word, lang);
  if (!standard.empty()) {
    for (std::string& key : SpelledKeys(standard, lang)) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  return keys;
}

}  // namespace termalign::text
