// Candidate extraction: tokens -> Words -> n-grams inside chunks bounded by stop words,
// punctuation and numbers, grouped by the stems of their words.
#include "glossary/extract.h"

#include <algorithm>
#include <utility>

#include "text/fold.h"
#include "text/language.h"
#include "text/stemmer.h"
#include "text/stop_words.h"
#include "text/tokenizer.h"

namespace termalign::glossary {
namespace {

// Upper and lower case for the letters term candidates are made of (ASCII and Latin-1, plus Œ);
// enough to tell a capitalised or all-caps word. Other scripts have no case: neither.
bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = word[0];
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && word.size() > 1) {
    unsigned char d = word[1];
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return c == 0xC5 && word.size() > 1 && static_cast<unsigned char>(word[1]) == 0x92;
}

// True when `word` has at least two letters and no lower-case letter.
bool AllUpper(std::string_view word) {
  int upper = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    unsigned char c = word[i];
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c == 0xC3 && i + 1 < word.size()) {
      unsigned char d = word[i + 1];
      if (d >= 0x9F) return false;
      ++upper;
      ++i;
    } else if (c >= 0x80) {
      return false;  // another script or a symbol: not an acronym
    }
  }
  return upper >= 2 && word.size() <= 10;
}

// Lower-cases the first letter of an ASCII or Latin-1 capitalised word.
std::string LowerFirst(std::string_view word) {
  std::string out(word);
  if (out.empty()) return out;
  unsigned char c = out[0];
  if (c >= 'A' && c <= 'Z') {
    out[0] = static_cast<char>(c + 32);
  } else if (c == 0xC3 && out.size() > 1) {
    unsigned char d = out[1];
    if (d >= 0x80 && d <= 0x9E && d != 0x97) out[1] = static_cast<char>(d + 0x20);
  }
  return out;
}

bool Contains(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Function words that may join the content words of a term ("of", "de"). Articles count only
// right after one of them ("Ministry of the Interior", "ministère de la Défense").
bool IsConnector(std::string_view folded, const text::LanguageProfile& profile) {
  return Contains(profile.connectors, folded);
}

bool IsArticleAfterConnector(std::string_view folded, const text::LanguageProfile& profile) {
  return Contains(profile.connector_articles, folded);
}

// `folded` without `suffix` when it ends with it after three letters at least; "" otherwise.
std::string WithoutSuffix(const std::string& folded, std::string_view suffix) {
  if (suffix.empty() || folded.size() < suffix.size() + 3 ||
      folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return "";
  }
  return folded.substr(0, folded.size() - suffix.size());
}

// Adverbs made from a word ("directly", "nearly") end a candidate.
bool IsAdverb(const std::string& folded, const text::LanguageProfile& profile,
              const text::Stemmer& stemmer) {
  if (profile.pos_source != text::PosSource::kHunspellSuffixes) return false;
  std::string base = WithoutSuffix(folded, profile.adverb_suffix);
  return !base.empty() && stemmer.Spell(base);
}

// Past forms of a verb ("declined", "reported") do not end a term: the base is a word, or is
// one with the suffix's first letter ("declin" + "e").
bool IsPastForm(const std::string& folded, const text::LanguageProfile& profile,
                const text::Stemmer& stemmer) {
  if (profile.pos_source != text::PosSource::kHunspellSuffixes) return false;
  std::string base = WithoutSuffix(folded, profile.past_suffix);
  return !base.empty() &&
         (stemmer.Spell(base) || stemmer.Spell(base + profile.past_suffix.front()));
}

const std::string& CanonicalStem(const std::vector<std::string>& stems, const std::string& word) {
  const std::string* best = &word;
  for (const std::string& stem : stems) {
    if (stem.empty()) continue;
    if (stem.size() < best->size() || (stem.size() == best->size() && stem < *best)) {
      best = &stem;
    }
  }
  return *best;
}

}  // namespace

WordAnalyzer::WordAnalyzer(std::string_view lang)
    : lang_(lang), profile_(&text::LanguageFor(lang)) {}

const std::vector<std::string>& WordAnalyzer::StemsOf(const std::string& folded) {
  return StemsOf(folded, folded);
}

const std::vector<std::string>& WordAnalyzer::StemsOf(const std::string& folded,
                                                      std::string_view surface) {
  auto found = stems_.find(folded);
  if (found != stems_.end()) return found->second;
  // Hunspell reads the word as written: "armée" is a word, the folded "armee" is not.
  std::vector<std::string> stems = text::Stemmer::ForLanguage(lang_).Stems(surface);
  if (std::find(stems.begin(), stems.end(), folded) == stems.end()) stems.push_back(folded);
  return stems_.emplace(folded, std::move(stems)).first->second;
}

std::vector<Word> WordAnalyzer::Analyze(std::string_view sentence) {
  std::vector<text::Token> tokens = text::Tokenize(sentence);
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage(lang_);
  int words_seen = 0, caps_words = 0;
  for (const text::Token& token : tokens) {
    if (token.kind != text::TokenKind::kWord) continue;
    ++words_seen;
    if (AllUpper(token.text(sentence))) ++caps_words;
  }
  // A heading or an advert in capitals: its words are not acronyms.
  const bool caps_sentence = words_seen >= 3 && caps_words * 2 > words_seen;

  std::vector<Word> words;
  std::vector<std::string_view> surfaces;  // words[i] as written
  bool pending_break = true;
  for (const text::Token& token : tokens) {
    if (token.kind == text::TokenKind::kPunct || token.kind == text::TokenKind::kUrl ||
        token.kind == text::TokenKind::kEmail) {
      // A hyphen touching a word on both sides joins a compound ("États-Unis").
      const bool hyphen = token.text(sentence) == "-" && !words.empty() &&
                          words.back().end == token.begin && token.end < sentence.size() &&
                          sentence[token.end] != ' ';
      pending_break = pending_break || !hyphen;
      continue;
    }
    std::string_view surface = token.text(sentence);
    Word word;
    word.begin = token.begin;
    word.end = token.end;
    word.break_before = pending_break;
    word.sentence_start = words.empty();
    pending_break = false;
    if (token.kind == text::TokenKind::kNumber) {
      word.number = true;
      word.folded = std::string(surface);
      word.stem = word.folded;
      surfaces.push_back(surface);
      words.push_back(std::move(word));
      continue;
    }
    word.folded = text::FoldForMatch(surface);
    if (profile_->fused_article) word.folded = text::StripArabicArticle(word.folded);
    word.capitalised = StartsUpper(surface);
    word.acronym = !caps_sentence && AllUpper(surface);
    const bool elision = !word.folded.empty() && word.folded.back() == '\'';
    // A number written as a word quantifies like digits: "thousands of innocent people".
    if (!word.acronym && text::IsNumberWord(word.folded, lang_)) {
      word.number = true;
      word.stem = word.folded;
      surfaces.push_back(surface);
      words.push_back(std::move(word));
      continue;
    }
    word.stop = !word.acronym &&
                (elision || text::IsStopWord(word.folded, lang_) ||
                 (!word.capitalised && IsAdverb(word.folded, *profile_, stemmer)));
    word.connector = word.stop && IsConnector(word.folded, *profile_);
    surfaces.push_back(surface);
    words.push_back(std::move(word));
  }
  // Second pass: a capitalised stop word inside a sentence that starts a run of capitalised
  // words belongs to a name ("the No Azure for Apartheid group", "by The Associated Press").
  for (std::size_t i = 0; i < words.size(); ++i) {
    Word& word = words[i];
    if (word.stop && word.capitalised && !word.sentence_start && i + 1 < words.size() &&
        !words[i + 1].break_before && words[i + 1].capitalised && !words[i + 1].stop) {
      word.stop = false;
      word.connector = false;
    }
    word.content = !word.stop && !word.number && !word.folded.empty();
    if (!word.content) {
      word.stem = word.folded;
      continue;
    }
    // Names and acronyms keep their folded form (a stemmer reads "Gaza" as a verb); so do all
    // words of a language whose stems of names are unreliable (Arabic).
    const bool unstemmed = profile_->keys_unstemmed;
    const bool keep = word.acronym || unstemmed || (word.capitalised && !word.sentence_start);
    if (unstemmed || word.acronym) {
      word.stem = word.folded;
      continue;
    }
    // Stems of names too, for the dictionary links of the words they are made of ("States" /
    // "États"), but not as their key.
    const std::vector<std::string>& stems = StemsOf(word.folded, surfaces[i]);
    word.stem = keep ? word.folded : CanonicalStem(stems, word.folded);
  }
  return words;
}

std::string_view CandidateSet::Surface(std::string_view sentence, const std::vector<Word>& words,
                                       const Occurrence& occurrence) {
  std::size_t begin = words[occurrence.first].begin;
  std::size_t end = words[occurrence.last - 1].end;
  return sentence.substr(begin, end - begin);
}

CandidateSet ExtractCandidates(const std::vector<std::string>& sentences, std::string_view lang,
                               const ExtractOptions& options) {
  WordAnalyzer analyzer(lang);
  return ExtractCandidates(sentences, analyzer, options);
}

CandidateSet ExtractCandidates(const std::vector<std::string>& sentences, WordAnalyzer& analyzer,
                               const ExtractOptions& options) {
  const std::string& lang = analyzer.lang();
  const text::LanguageProfile& profile = analyzer.profile();
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage(lang);
  CandidateSet set;
  set.lang = lang;
  set.words.resize(sentences.size());
  set.occurrences.resize(sentences.size());

  struct Building {
    std::int64_t name_occurrences = 0;  // occurrences written as a name
    std::int64_t acronym_occurrences = 0;
    std::vector<std::pair<std::string, std::int64_t>> surfaces;
  };
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<Building> building;
  std::unordered_map<std::string, bool> sentence_case;  // folded word -> a plain word

  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::string& sentence = sentences[s];
    std::vector<Word>& words = set.words[s] = analyzer.Analyze(sentence);
    for (std::size_t i = 0; i < words.size() && i < 0xFFFF; ++i) {
      if (!words[i].content) continue;
      int content = 0, connectors = 0;
      bool first_is_name = false;
      int plain_words = 0;                 // lower-case content words longer than a name particle
      std::size_t pending_connectors = 0;  // function words since the last content word
      std::string key;
      for (std::size_t j = i; j < words.size() && j < 0xFFFF; ++j) {
        const Word& word = words[j];
        if (j > i && word.break_before) break;
        if (word.number) break;
        if (!word.content) {
          bool allowed = pending_connectors == 0 ? word.connector
                                                 : pending_connectors == 1 &&
                                                       IsArticleAfterConnector(word.folded, profile) &&
                                                       words[j - 1].connector;
          if (!allowed) break;
          ++pending_connectors;
          continue;
        }
        connectors += static_cast<int>(pending_connectors);
        if (connectors > options.max_connectors) break;
        for (std::size_t k = j - pending_connectors; k < j; ++k) {
          key += ' ';
          key += words[k].folded;
        }
        pending_connectors = 0;
        ++content;
        if (content > options.max_name_words) break;
        if (!key.empty()) key += ' ';
        key += word.stem;
        bool name_word = word.acronym || word.capitalised;
        if (name_word && word.sentence_start && !word.acronym) {
          // A capital at the start of a sentence names something only when the word in lower
          // case is not an ordinary word.
          auto cached = sentence_case.find(word.folded);
          if (cached == sentence_case.end()) {
            cached = sentence_case.emplace(word.folded, stemmer.Spell(word.folded)).first;
          }
          name_word = !cached->second;
        }
        // A name starts and ends with a capitalised word; inside, only short lower-case
        // particles ("No Azure for Apartheid", "Pays de la Loire").
        if (content == 1) first_is_name = name_word;
        const bool names = first_is_name && name_word && plain_words == 0;
        if (!name_word && word.folded.size() > 3) ++plain_words;
        if (content == 1 && word.folded.size() < options.min_letters) continue;
        if (!word.capitalised && IsPastForm(word.folded, profile, stemmer)) continue;
        auto [it, inserted] =
            index.try_emplace(key, static_cast<std::uint32_t>(set.candidates.size()));
        if (inserted) {
          Candidate candidate;
          candidate.key = key;
          candidate.content_words = content;
          set.candidates.push_back(std::move(candidate));
          building.emplace_back();
        }
        Candidate& candidate = set.candidates[it->second];
        Building& build = building[it->second];
        build.name_occurrences += names ? 1 : 0;
        build.acronym_occurrences += content == 1 && word.acronym ? 1 : 0;
        ++candidate.frequency;
        if (candidate.sentences.empty() || candidate.sentences.back() != s) {
          candidate.sentences.push_back(static_cast<std::uint32_t>(s));
        }
        Occurrence occurrence{it->second, static_cast<std::uint16_t>(i),
                              static_cast<std::uint16_t>(j + 1)};
        std::string_view surface = CandidateSet::Surface(sentence, words, occurrence);
        // Sentence case is not part of a term: "Cloud storage is" -> "cloud storage".
        std::string lowered;
        if (words[i].sentence_start && words[i].capitalised && !words[i].acronym && !names) {
          lowered = LowerFirst(surface);
          surface = lowered;
        }
        auto known = std::find_if(build.surfaces.begin(), build.surfaces.end(),
                                  [&](const auto& entry) { return entry.first == surface; });
        if (known == build.surfaces.end()) {
          build.surfaces.emplace_back(std::string(surface), 1);
        } else {
          ++known->second;
        }
        set.occurrences[s].push_back(occurrence);
      }
    }
  }

  // Keep what passes the filters, renumbering the occurrences.
  std::vector<std::uint32_t> remap(set.candidates.size(), UINT32_MAX);
  std::vector<Candidate> kept;
  for (std::size_t c = 0; c < set.candidates.size(); ++c) {
    Candidate& candidate = set.candidates[c];
    Building& build = building[c];
    if (candidate.frequency < options.min_frequency) continue;
    const bool single_acronym =
        candidate.content_words == 1 && build.acronym_occurrences * 2 > candidate.frequency;
    candidate.kind = single_acronym ? CandidateKind::kAcronym
                     // Mostly written as a name: a name ("microsoft a ajouté" is a typo).
                     : build.name_occurrences * 2 > candidate.frequency ? CandidateKind::kName
                                                                        : CandidateKind::kPhrase;
    // Long phrases need repetition, except one more word joined by connectors, the shape of
    // French compounds ("organisations de défense des droits de l'homme").
    const int key_words =
        1 + static_cast<int>(std::count(candidate.key.begin(), candidate.key.end(), ' '));
    const int allowed = options.max_phrase_words + (key_words > candidate.content_words ? 1 : 0);
    if (candidate.content_words > allowed && candidate.kind == CandidateKind::kPhrase &&
        candidate.frequency < options.min_long_frequency) {
      continue;
    }
    auto best = std::max_element(build.surfaces.begin(), build.surfaces.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    candidate.text = best->first;
    remap[c] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(std::move(candidate));
  }
  set.candidates = std::move(kept);
  for (std::vector<Occurrence>& list : set.occurrences) {
    std::vector<Occurrence> renumbered;
    renumbered.reserve(list.size());
    for (Occurrence occurrence : list) {
      if (remap[occurrence.candidate] == UINT32_MAX) continue;
      occurrence.candidate = remap[occurrence.candidate];
      renumbered.push_back(occurrence);
    }
    list = std::move(renumbered);
  }
  return set;
}

double Termhood(const Candidate& candidate) {
  double base;
  if (candidate.kind != CandidateKind::kPhrase) {
    base = 1.0;
  } else if (candidate.content_words == 1) {
    base = 0.35;
  } else if (candidate.content_words <= 3) {
    base = 0.85;
  } else {
    base = 0.5;
  }
  double repetition = candidate.frequency >= 3 ? 1.0 : candidate.frequency == 2 ? 0.95 : 0.85;
  return base * repetition;
}

}  // namespace termalign::glossary
