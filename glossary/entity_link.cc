// Entity linking for monolingual documents. Channels are scored separately and the best one
// counts: an Arabic name rarely has a dictionary entry, a common word rarely a useful skeleton.
#include "glossary/entity_link.h"

#include <algorithm>
#include <unordered_map>

#include "glossary/word_links.h"
#include "text/dictionary.h"
#include "text/edit_distance.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/stop_words.h"
#include "text/regions.h"
#include "text/translit.h"

namespace termalign::glossary {
namespace {

bool HasArabic(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t space = s.find(' ', pos);
    if (space == std::string_view::npos) space = s.size();
    if (space > pos) words.emplace_back(s.substr(pos, space - pos));
    pos = space + 1;
  }
  return words;
}

// Drops the Arabic letters the skeleton ignores: long vowels and their hamza seats, ء, ع,
// and a final ة (already ه after normalisation).
std::string ArabicConsonants(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    unsigned char c = word[i];
    std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string_view letter = word.substr(i, length);
    const bool last = i + length >= word.size();
    i += length;
    if (letter == "\u0627" || letter == "\u0648" || letter == "\u064A" || letter == "\u0649" ||
        letter == "\u0621" || letter == "\u0639" || letter == "\u0626" || letter == "\u0624") {
      continue;
    }
    if (last && (letter == "\u0647" || letter == "\u0629") && out.size() >= 2) continue;
    out += letter;
  }
  return out;
}

std::string LatinSkeleton(std::string_view folded) {
  std::string out;
  auto push = [&out](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    char next = i + 1 < folded.size() ? folded[i + 1] : '\0';
    if (next == 'h' && (c == 'p' || c == 't' || c == 's' || c == 'c' || c == 'g' || c == 'k' ||
                        c == 'd')) {
      push(c == 'p' ? 'f' : c == 's' || c == 'c' ? 'x' : c);
      ++i;
      continue;
    }
    switch (c) {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'w': case 'y':
        continue;
      case 'c': case 'k': case 'q': push('k'); break;
      case 'v': push('f'); break;
      case 'p': push('b'); break;
      case 'x': push('k'); push('s'); break;
      default:
        if (c >= 'a' && c <= 'z') push(c);
    }
  }
  return out;
}

std::vector<std::string> ContentWords(const std::vector<std::string>& words, std::string_view lang) {
  std::vector<std::string> out;
  for (const std::string& word : words) {
    if (!text::IsStopWord(word, lang)) out.push_back(word);
  }
  return out;
}

}  // namespace

std::string ConsonantSkeleton(std::string_view text, std::string_view lang) {
  std::string folded = text::FoldForMatch(text);
  std::string latin;
  if (text::LanguageFor(lang).script == text::Script::kArabic || HasArabic(folded)) {
    std::string consonants;
    for (const std::string& word : SplitWords(folded)) {
      consonants += ArabicConsonants(text::StripArabicArticle(word));
      consonants += ' ';
    }
    latin = text::FoldForMatch(text::TransliterateToLatin(consonants));
  } else {
    latin = text::FoldForMatch(text::TransliterateToLatin(folded));
    std::string kept;
    for (const std::string& word : SplitWords(latin)) {
      if (word != "the") kept += word + ' ';
    }
    latin = kept;
  }
  return LatinSkeleton(latin);
}

double SkeletonSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  double longest = static_cast<double>(std::max(a.size(), b.size()));
  return 1.0 - static_cast<double>(text::EditDistance(a, b)) / longest;
}

EntityLinker::EntityLinker(std::string lang, std::vector<KnownTerm> known,
                           std::map<std::string, const text::BilingualDictionary*> dictionaries)
    : lang_(std::move(lang)), dictionaries_(std::move(dictionaries)) {
  known_.reserve(known.size());
  for (KnownTerm& term : known) {
    Known entry;
    entry.folded = text::FoldForMatch(term.text);
    entry.skeleton = ConsonantSkeleton(term.text, term.lang);
    entry.words = ContentWords(SplitWords(entry.folded), term.lang);
    entry.term = std::move(term);
    known_.push_back(std::move(entry));
  }
}

std::string EntityLinker::RegionOf(const Candidate& candidate) const {
  return text::RegionCodeForName(candidate.text, lang_);
}

std::vector<LinkProposal> EntityLinker::Propose(const Candidate& candidate, WordAnalyzer& analyzer,
                                                std::size_t limit, double min_score) const {
  std::vector<Word> words = analyzer.Analyze(candidate.text);
  std::vector<const Word*> content;
  for (const Word& word : words) {
    if (word.content) content.push_back(&word);
  }
  if (content.empty()) return {};
  const std::string folded = text::FoldForMatch(candidate.text);

  // Without capitals to tell a name (Arabic), a candidate may be one unless the text writes a
  // word of it with the article: a foreign name written in Arabic letters takes none
  // ("أوكافور", "سيدربورت"), a common word often does ("العبّارات", the ferries, whose skeleton is
  // close to "harbour"'s). Arabic names are often common words too ("كريم"): a dictionary
  // entry says nothing.
  bool name_like = candidate.kind != CandidateKind::kPhrase;
  if (!name_like && !text::LanguageFor(lang_).has_capitals()) {
    name_like = std::none_of(content.begin(), content.end(), [&](const Word* word) {
      return text::HasArabicArticle(text::FoldForMatch(
          std::string_view(candidate.text).substr(word->begin, word->end - word->begin)));
    });
  }
  const std::string skeleton = name_like ? ConsonantSkeleton(candidate.text, lang_) : "";
  const std::string region = RegionOf(candidate);

  // Translations of each content word (its stems too), per target language.
  std::map<std::string, std::vector<std::vector<std::string>>> translations;
  for (const auto& [lang, dictionary] : dictionaries_) {
    if (dictionary == nullptr) continue;
    std::vector<std::vector<std::string>>& per_word = translations[lang];
    for (const Word* word : content) {
      std::vector<std::string> out;
      for (const std::string& stem : analyzer.StemsOf(word->folded)) {
        const std::vector<std::string>& found = dictionary->Translations(stem);
        out.insert(out.end(), found.begin(), found.end());
      }
      per_word.push_back(std::move(out));
    }
  }

  std::unordered_map<std::int64_t, LinkProposal> best;
  auto offer = [&](const Known& known, double score, std::string_view method) {
    if (score < min_score) return;
    LinkProposal& slot = best[known.term.entity];
    if (score > slot.score) {
      slot = LinkProposal{known.term.entity, known.term.term, score, std::string(method)};
    }
  };
  for (const Known& known : known_) {
    if (known.term.lang == lang_) {
      // A variant in the same language: same number of content words, each identical or a
      // cognate of its counterpart, in order ("Israel Ministry of Defence" / "Israeli
      // Ministry of Defense").
      if (content.size() < 2 || known.words.size() != content.size() || known.folded == folded) {
        continue;
      }
      bool all = true;
      for (std::size_t k = 0; k < content.size() && all; ++k) {
        all = content[k]->folded == known.words[k] ||
              CognateStrength(content[k]->folded, known.words[k]) >= 0.8;
      }
      if (all) offer(known, 0.85, "variant");
      continue;
    }
    if (known.folded == folded && (name_like || content.size() >= 2 || folded.size() >= 5)) {
      offer(known, 1.0, "identical");
      continue;
    }
    if (!region.empty() &&
        text::FoldForMatch(text::RegionDisplayName(region, known.term.lang)) == known.folded) {
      offer(known, 1.0, "region");
    }
    if (!skeleton.empty() && known.skeleton.size() >= 2 && skeleton.size() >= 2) {
      // Short skeletons agree by chance: they count less, and names of another length in
      // words count less than the same name.
      double similarity = SkeletonSimilarity(skeleton, known.skeleton);
      double shortness = std::min(1.0, static_cast<double>(std::min(skeleton.size(),
                                                                    known.skeleton.size())) / 4.0);
      double words_apart = std::abs(static_cast<double>(content.size()) -
                                    static_cast<double>(SplitWords(known.folded).size()));
      if (similarity >= 0.7) {
        offer(known, similarity * (0.6 + 0.4 * shortness) * (1.0 - 0.1 * words_apart), "skeleton");
      }
    }
    auto per_word = translations.find(known.term.lang);
    if (per_word != translations.end() && !known.words.empty()) {
      std::size_t covered_candidate = 0, covered_known = 0;
      std::vector<bool> known_hit(known.words.size(), false);
      for (const std::vector<std::string>& options : per_word->second) {
        bool hit = false;
        for (std::size_t k = 0; k < known.words.size(); ++k) {
          if (std::find(options.begin(), options.end(), known.words[k]) != options.end()) {
            hit = true;
            known_hit[k] = true;
          }
        }
        covered_candidate += hit;
      }
      for (bool hit : known_hit) covered_known += hit;
      double coverage = std::min(static_cast<double>(covered_candidate) / content.size(),
                                 static_cast<double>(covered_known) / known.words.size());
      offer(known, 0.9 * coverage, "dictionary");
    }
  }
  std::vector<LinkProposal> out;
  for (auto& [entity, proposal] : best) out.push_back(std::move(proposal));
  std::sort(out.begin(), out.end(), [](const LinkProposal& a, const LinkProposal& b) {
    return a.score != b.score ? a.score > b.score : a.entity < b.entity;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace termalign::glossary
