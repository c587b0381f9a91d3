// Candidate extraction: tokens -> Words -> n-grams inside chunks bounded by stop words,
// punctuation and numbers, grouped by the stems of their words.
#include "glossary/extract.h"

#include <algorithm>
#include <functional>
#include <tuple>
#include <utility>

#include <boost/sort/spreadsort/integer_sort.hpp>

#include "text/fold.h"
#include "text/key_index.h"
#include "text/language.h"
#include "text/pos.h"
#include "text/stemmer.h"
#include "text/stop_words.h"
#include "text/tokenizer.h"
#include "verbatim.h"

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

using text::Pos;
using text::PosBits;

constexpr std::uint8_t kNominal = PosBits(Pos::kNoun, Pos::kAdjective, Pos::kProperNoun);

bool HasPos(const Word& word, Pos pos) { return (word.pos & static_cast<std::uint8_t>(pos)) != 0; }

// True when the word may be a noun or an adjective: the lexicon says so, or does not know it.
bool MayBeNominal(const Word& word) { return word.pos == 0 || (word.pos & kNominal) != 0; }

// True when the lexicon knows the word and none of its readings may sit in a term: a finite
// verb ("implies", "contiennent"), an adverb ("arbitrairement"), a function word. A present
// participle breaks too unless it is also a noun ("processing"): after a noun it starts a
// clause ("line containing", "ligne contenant"), before one it is a verb with its object.
bool BreaksTerm(const Word& word) {
  if (MayBeNominal(word)) return false;
  return !HasPos(word, Pos::kPastParticiple);
}

// True when words[at] has a verb reading and an article follows it in the same phrase: it takes
// that article's noun as its object, a verb here however the lexicon also reads it as a noun
// ("the Agency stops the processing", "le sous-traitant signe le contrat").
bool VerbBeforeArticle(const std::vector<Word>& words, std::size_t at,
                       const text::LanguageProfile& profile) {
  if (!HasPos(words[at], Pos::kVerb) || at + 1 >= words.size()) return false;
  const Word& next = words[at + 1];
  return !next.break_before && next.stop && IsArticleAfterConnector(next.folded, profile);
}

// True when the word may be the head noun of a term: a noun, a name, or a word the lexicon does
// not know (jargon, names in lower case): those behave as before there was a lexicon.
bool CanHead(const Word& word) {
  return word.pos == 0 || HasPos(word, Pos::kNoun) || HasPos(word, Pos::kProperNoun);
}

bool IsNoun(const Word& word) { return HasPos(word, Pos::kNoun); }

// A phrase ending on a name after a connector is dropped when the name is seen this many times
// as often as the phrase on its own (no connector before it), and at least this many times.
// Hand-set: three is a name the text keeps coming back to.
constexpr std::int64_t kNameTailRatio = 3;

// True when a connector, maybe with its article, comes right before words[at] ("of the
// Agency", "de l'Agence").
bool AfterConnector(const std::vector<Word>& words, std::size_t at,
                    const text::LanguageProfile& profile) {
  if (at == 0 || words[at].break_before) return false;
  if (words[at - 1].connector) return true;
  return at >= 2 && IsArticleAfterConnector(words[at - 1].folded, profile) &&
         !words[at - 1].break_before && words[at - 2].connector;
}

// True when words [first, last] stand inside a longer run of capitalised words, a name or a
// title ("Rail" of "Valmont Regional Rail", "Defence" of "Ministry of Defence"): a capitalised
// content word right before or after them, or across a connector (and its article). A word
// that starts the sentence counts only before a span that is capitalised too ("Valmont" of
// "Valmont Regional Rail", not "Cloud" of "Cloud storage is").
bool InsideName(const std::vector<Word>& words, std::size_t first, std::size_t last) {
  auto name_word = [&](std::size_t at) {
    return words[at].capitalised && !words[at].stop &&
           (!words[at].sentence_start || words[first].capitalised);
  };
  // Before: words[first - 1], or a connector and maybe its article, then the word.
  for (std::size_t at = first, hops = 0; at > 0 && !words[at].break_before && hops < 3; ++hops) {
    --at;
    if (name_word(at)) return true;
    if (!words[at].connector) break;
  }
  // After: the same the other way.
  for (std::size_t at = last, hops = 0; at + 1 < words.size() && hops < 3; ++hops) {
    ++at;
    if (words[at].break_before) break;
    if (name_word(at)) return true;
    if (!words[at].connector) break;
  }
  return false;
}

// Termhood of a candidate always inside longer ones (independence 0), as a factor: the
// nesting discount weighs like the repetition and pattern factors, not more. Hand-set.
constexpr double kNestedFloor = 0.5;

// A coordinated pair is taken as part of a term from this many occurrences in the text.
constexpr int kMinCoordinations = 2;

// A head-final language's phrase with an article after its connector is taken as a term from
// this many occurrences, unless it is a name. Hand-set: English builds its terms by putting
// modifiers before the noun; "X of the Y" mostly names one thing of the text ("ferries of the
// region", "chief engineer of the project"), where "Ministry of the Interior" is a name.
constexpr std::int64_t kMinDefinitePhrases = 3;

// True when `key` (words separated by spaces) holds a connector followed by an article.
bool HasConnectorArticle(std::string_view key, const text::LanguageProfile& profile) {
  std::string_view previous;
  while (!key.empty()) {
    const std::size_t space = key.find(' ');
    std::string_view word = key.substr(0, space);
    if (Contains(profile.connectors, previous) && Contains(profile.connector_articles, word)) {
      return true;
    }
    previous = word;
    key = space == std::string_view::npos ? std::string_view() : key.substr(space + 1);
  }
  return false;
}

bool IsCoordinator(const Word& word, const text::LanguageProfile& profile) {
  return word.stop && Contains(profile.coordinators, word.folded);
}

// "research and development": the stems around the coordinator words[at] and its folded form.
std::string CoordinationKey(const std::vector<Word>& words, std::size_t at) {
  return words[at - 1].stem.str() + ' ' + words[at].folded.str() + ' ' + words[at + 1].stem.str();
}

// Adds the coordinations of a sentence (a coordinator between two content words) to `counts`.
void CountCoordinations(const std::vector<Word>& words, const text::LanguageProfile& profile,
                        std::unordered_map<std::string, int>* counts) {
  for (std::size_t at = 1; at + 1 < words.size(); ++at) {
    if (!IsCoordinator(words[at], profile) || words[at].break_before ||
        words[at + 1].break_before || !words[at - 1].content || !words[at + 1].content) {
      continue;
    }
    ++(*counts)[CoordinationKey(words, at)];
  }
}

bool IsNounConnector(const Word& word, const text::LanguageProfile& profile) {
  return word.stop && Contains(profile.noun_connectors, word.folded);
}

// True when `word` may go on as the word after a function word inside a term.
bool ContinuesTerm(const Word& word) {
  return !word.break_before && word.content && !word.number && !BreaksTerm(word);
}

// True when words[at] is a number written as a word between a noun connector and a noun: it
// counts what that noun names inside a term ("authentification à deux facteurs", "moteur à
// deux temps").
bool CountsInsideTerm(const std::vector<Word>& words, std::size_t at,
                      const text::LanguageProfile& profile) {
  return at > 0 && at + 1 < words.size() && words[at].number && !words[at].break_before &&
         Contains(profile.counting_words, words[at].folded) &&
         IsNounConnector(words[at - 1], profile) && ContinuesTerm(words[at + 1]) &&
         IsNoun(words[at + 1]);
}

bool TakesArticle(const Word& word, const text::LanguageProfile& profile) {
  return word.stop && Contains(profile.noun_connectors_with_article, word.folded);
}

// True when the function word words[at] may continue a term after `pending` function words: a
// connector ("of", "de"), an article right after one ("de la"), a preposition between two nouns,
// maybe with an article ("conseil en matière fiscale", "droit à l'effacement"), a coordinator
// between two words of a term.
bool JoinsTerm(const std::vector<Word>& words, std::size_t at, std::size_t pending,
               const text::LanguageProfile& profile) {
  const Word& word = words[at];
  if (pending == 0 && word.connector) return true;
  if (pending == 1 && words[at - 1].connector && IsArticleAfterConnector(word.folded, profile)) {
    return true;
  }
  if (pending == 1 && TakesArticle(words[at - 1], profile) &&
      IsArticleAfterConnector(word.folded, profile)) {
    return true;
  }
  // Otherwise directly after a content word (words[at - 1] is one when nothing is pending).
  if (pending != 0 || at + 1 >= words.size()) return false;
  const Word& before = words[at - 1];
  if (IsNounConnector(word, profile)) {
    // The noun after it may follow an article ("droit à l'effacement"). It is no adjective:
    // "access to personal data" joins a noun to a phrase, not a term's two nouns.
    std::size_t next = at + 1;
    bool article = false;
    if (next + 1 < words.size() && !words[next].break_before && TakesArticle(word, profile) &&
        IsArticleAfterConnector(words[next].folded, profile)) {
      ++next;
      article = true;
    }
    if (CountsInsideTerm(words, next, profile)) ++next;
    const Word& noun = words[next];
    // Where the lexicon marks verbs only (Arabic), any other content word may be the noun.
    auto noun_like = [&](const Word& w) {
      return IsNoun(w) || (profile.pos_verbs_only && !HasPos(w, Pos::kVerb));
    };
    // After an article the word is a noun however else the lexicon reads it ("comité pour
    // l'éthique des données").
    return noun_like(before) && ContinuesTerm(noun) && noun_like(noun) &&
           (article || !HasPos(noun, Pos::kAdjective));
  }
  const Word& after = words[at + 1];
  if (!ContinuesTerm(after)) return false;
  // "accès non autorisé": a negation written apart, between a noun and an adjective or a
  // participle, is part of the adjective.
  if (Contains(profile.negations, word.folded)) {
    // Where the lexicon marks verbs only (Arabic), any other content word may be the noun and
    // the adjective.
    if (profile.pos_verbs_only) return !HasPos(before, Pos::kVerb) && !HasPos(after, Pos::kVerb);
    return IsNoun(before) && (HasPos(after, Pos::kAdjective) || HasPos(after, Pos::kPastParticiple));
  }
  // Coordinated words are nouns, adjectives or unknown words, and the second one is not also a
  // participle: that starts a second clause ("a mené un examen interne et engagé un expert").
  constexpr std::uint8_t kParticiple = PosBits(Pos::kPresentParticiple, Pos::kPastParticiple);
  return IsCoordinator(word, profile) && MayBeNominal(before) && MayBeNominal(after) &&
         (after.pos & kParticiple) == 0;
}

// True when words[at] is a light noun right before a connector ("end of the year", "nombre de
// jours"): what follows names the thing, and the phrase is no term.
bool HeadsNoTerm(const std::vector<Word>& words, std::size_t at,
                 const text::LanguageProfile& profile) {
  return at + 1 < words.size() && !words[at + 1].break_before && words[at + 1].connector &&
         Contains(profile.light_nouns, words[at].folded);
}

// A present participle after the first word of a head-initial term starts a clause ("ligne
// contenant", "médecin traitant" is lost with it) unless it is also a noun.
bool StartsClause(const Word& word, const text::LanguageProfile& profile) {
  return profile.term_head == text::TermHead::kInitial &&
         HasPos(word, Pos::kPresentParticiple) && !IsNoun(word);
}

// True when words[at], after `pending` function words, is an infinitive right after the
// connector "de" that a noun heads, ending a head-initial term: "permis de construire",
// "permis d'exploiter" (building permit, operating licence). An infinitive with an article
// after it takes an object: a verb phrase ("obligation de fournir les informations").
bool InfinitiveComplement(const std::vector<Word>& words, std::size_t at, std::size_t pending,
                          const text::LanguageProfile& profile) {
  if (profile.term_head != text::TermHead::kInitial || pending != 1 || at < 2) return false;
  const Word& word = words[at];
  const Word& connector = words[at - 1];
  const Word& head = words[at - 2];
  // A verb's key is its lemma, the infinitive: a finite form is spelt otherwise.
  const bool infinitive =
      HasPos(word, Pos::kVerb) && !MayBeNominal(word) && word.stem == word.folded;
  // The connectors that contract an article ("du", "des") never stand before an infinitive.
  return infinitive && connector.connector && head.content && IsNoun(head) &&
         !VerbBeforeArticle(words, at, profile);
}

// True when each adjective or participle of words[first..last] right after a content word
// may agree with a noun before it in the span: one that agrees with none modifies a noun outside
// ("ponctualité ambitieux" in "objectif de ponctualité ambitieux"; "sécurité strictes" in
// "règles de sécurité strictes"). Where the lexicon gives no gender or number
// (English, unknown words), everything agrees.
bool ModifiersAgree(const std::vector<Word>& words, std::size_t first, std::size_t last) {
  for (std::size_t k = first + 1; k <= last; ++k) {
    const std::uint8_t modifier = words[k].modifier_agreement();
    if (modifier == 0 || !words[k - 1].content) continue;
    bool agrees = false;
    for (std::size_t n = first; n < k && !agrees; ++n) {
      agrees = words[n].content && MayBeNominal(words[n]) &&
               text::Agree(words[n].noun_agreement(), modifier);
    }
    if (!agrees) return false;
  }
  return true;
}

// True when words[first..last] (content words at both ends) has the shape of a term of the
// language: head-final terms end on a noun ("encrypted cloud storage"), head-initial ones start
// with one ("stockage chiffré", "contrat à durée déterminée"), or with an adjective right before
// their noun ("libre circulation"). Words the lexicon does not know count as nouns.
bool FitsTermPattern(const std::vector<Word>& words, std::size_t first, std::size_t last,
                     const text::LanguageProfile& profile) {
  switch (profile.term_head) {
    case text::TermHead::kAny:
      return true;
    case text::TermHead::kFinal:
      return CanHead(words[last]);
    case text::TermHead::kInitial:
      if (!ModifiersAgree(words, first, last)) return false;
      if (CanHead(words[first])) return true;
      return last > first && words[first + 1].content && CanHead(words[first + 1]);
  }
  return true;
}

// How the candidates of a set nest in each other's occurrences.
struct Nesting {
  // Per candidate: the longer candidates one of its occurrences lies inside, without duplicates.
  std::vector<std::vector<std::uint32_t>> containers;
  // Per candidate: its occurrences lying inside a longer name.
  std::vector<std::int64_t> inside_name;
  // Per candidate: its occurrences that a more frequent candidate crosses, starting before it
  // and ending inside it, or starting inside it and ending after it ("intelligence products"
  // in "artificial intelligence products", where "artificial intelligence" recurs).
  std::vector<std::int64_t> crossed;
  // Per candidate: its occurrences lying inside a recurring two-word candidate.
  std::vector<std::int64_t> inside_pair;
};

// The nesting of the candidates `passes` keeps, occurrence by occurrence: span [f, l) holds
// span [first, last) when f <= first, last <= l and it is longer.
Nesting FindNesting(const CandidateSet& set, const std::vector<bool>& passes) {
  Nesting nesting;
  nesting.containers.resize(set.candidates.size());
  nesting.inside_name.assign(set.candidates.size(), 0);
  nesting.crossed.assign(set.candidates.size(), 0);
  nesting.inside_pair.assign(set.candidates.size(), 0);
  for (const std::vector<Occurrence>& list : set.occurrences) {
    // Occurrences come by start, then by end: the ones holding list[x] start at most the
    // longest occurrence's length before it.
    std::size_t longest = 0;
    for (const Occurrence& o : list) longest = std::max<std::size_t>(longest, o.last - o.first);
    for (std::size_t x = 0; x < list.size(); ++x) {
      const Occurrence& inner = list[x];
      if (!passes[inner.candidate]) continue;
      bool in_name = false, in_pair = false;
      std::size_t y = x;
      while (y > 0 && list[y - 1].first + longest >= inner.last) --y;
      for (; y < list.size() && list[y].first <= inner.first; ++y) {
        const Occurrence& outer = list[y];
        if (y == x || !passes[outer.candidate] || outer.last < inner.last ||
            outer.last - outer.first <= inner.last - inner.first) {
          continue;
        }
        nesting.containers[inner.candidate].push_back(outer.candidate);
        const Candidate& whole = set.candidates[outer.candidate];
        in_name = in_name || whole.kind == CandidateKind::kName;
        in_pair = in_pair || (whole.content_words == 2 && whole.frequency >= 2);
      }
      nesting.inside_name[inner.candidate] += in_name ? 1 : 0;
      nesting.inside_pair[inner.candidate] += in_pair ? 1 : 0;
      // Crossing occurrences start less than the longest occurrence's length before it, and
      // before its end.
      const std::int64_t frequency = set.candidates[inner.candidate].frequency;
      std::size_t z = x;
      while (z > 0 && list[z - 1].first + longest > inner.first) --z;
      bool crossed = false;
      for (; z < list.size() && list[z].first < inner.last && !crossed; ++z) {
        const Occurrence& other = list[z];
        const bool from_before =
            other.first < inner.first && other.last > inner.first && other.last < inner.last;
        const bool into_after =
            other.first > inner.first && other.first < inner.last && other.last > inner.last;
        crossed = (from_before || into_after) && passes[other.candidate] &&
                  set.candidates[other.candidate].frequency > std::max<std::int64_t>(frequency, 1);
      }
      nesting.crossed[inner.candidate] += crossed ? 1 : 0;
    }
  }
  for (std::vector<std::uint32_t>& containers : nesting.containers) {
    std::sort(containers.begin(), containers.end());
    containers.erase(std::unique(containers.begin(), containers.end()), containers.end());
  }
  return nesting;
}

// C-value's nesting discount (Frantzi, Ananiadou and Mima 2000) as a share of the frequency:
// 1 - (mean frequency of the longer candidates holding it) / its frequency, in [0, 1]. A
// candidate seen once is not discounted: one occurrence inside a longer one says nothing yet.
double Independence(const Candidate& candidate, const std::vector<std::uint32_t>& containers,
                    const std::vector<Candidate>& candidates) {
  if (candidate.frequency < 2 || candidate.content_words > 1 || containers.empty()) return 1.0;
  double sum = 0.0;
  for (std::uint32_t outer : containers) sum += static_cast<double>(candidates[outer].frequency);
  const double mean = sum / static_cast<double>(containers.size());
  return std::clamp(1.0 - mean / static_cast<double>(candidate.frequency), 0.0, 1.0);
}

// A span of a sentence's words that may be a candidate, as SpanFinder::ForEach sees it.
struct Span {
  std::size_t first = 0;  // word indices; the span is words[first..last], `last` included
  std::size_t last = 0;
  int content = 0;                  // content words
  bool names = false;               // written as a name
  bool first_is_name = false;       // its first content word is a name word
  bool later_capitals = false;      // a capitalised content word after the first
  // It ends on a name joined by a connector to lower-case words before ("legitimate interest
  // of the Agency", "intérêt légitime de l'Agence").
  bool name_tail = false;
  const std::string& key;           // the grouping key (Candidate::key)
  const std::string& coordination;  // CoordinationKey of its "and", "et"; "" without one
};

// Finds the spans of a sentence that may be candidates: n-grams bounded by stop words,
// punctuation and words that break a term, fitting the language's term patterns.
class SpanFinder {
 public:
  SpanFinder(const text::LanguageProfile& profile, const text::Stemmer& stemmer,
             const ExtractOptions& options)
      : profile_(profile), stemmer_(stemmer), options_(options) {}

  // Calls emit(const Span&) for each span of `words`, by first word, then by last word.
  template <typename Emit>
  void ForEach(const std::vector<Word>& words, Emit&& emit) {
    const text::LanguageProfile& profile = profile_;
    const ExtractOptions& options = options_;
    std::string key;
    std::string coordination;  // the "X and Y" key inside this candidate, if any
    for (std::size_t i = 0; i < words.size() && i < 0xFFFF; ++i) {
      // Where names have no capital, a word the lexicon reads only as a verb may be a name
      // (Arabic "تولون", Toulon, reads as "you take charge"): it stands alone, in no longer term.
      const bool alone_only = BreaksTerm(words[i]) && profile.keys_unstemmed;
      // A term never starts or ends inside a hyphenated compound ("prone areas" of
      // "flood-prone areas", "Unis" of "États-Unis"), but an acronym is a term of its own
      // there too ("AI" of "AI-enabled", which French writes "basé sur l'IA").
      if (words[i].hyphen_before && !words[i].acronym) continue;
      if (!words[i].content || (BreaksTerm(words[i]) && !alone_only) ||
          VerbBeforeArticle(words, i, profile) || HeadsNoTerm(words, i, profile)) {
        continue;
      }
      int content = 0, connectors = 0;
      bool first_is_name = false;
      bool later_capitals = false;  // a capitalised content word after the first
      int plain_words = 0;                 // lower-case content words longer than a name particle
      std::size_t pending_connectors = 0;  // function words since the last content word
      key.clear();
      coordination.clear();
      bool ended = false;  // the last content word ends every term it is in
      for (std::size_t j = i; j < words.size() && j < 0xFFFF && !ended; ++j) {
        const Word& word = words[j];
        if (j > i && (word.break_before || word.phrase_start || alone_only)) break;
        if (pending_connectors == 1 && CountsInsideTerm(words, j, profile)) {
          ++pending_connectors;
          continue;
        }
        if (word.number || word.code) break;
        if (!word.content) {
          if (!JoinsTerm(words, j, pending_connectors, profile)) break;
          if (IsCoordinator(word, profile)) {
            if (!coordination.empty()) break;
            coordination = CoordinationKey(words, j);
          }
          ++pending_connectors;
          continue;
        }
        // An infinitive after "de" ends the term ("permis de construire").
        const bool infinitive_tail = InfinitiveComplement(words, j, pending_connectors, profile);
        if (((BreaksTerm(word) && !alone_only) || VerbBeforeArticle(words, j, profile) ||
             (j > i && StartsClause(word, profile))) &&
            !infinitive_tail) {
          break;
        }
        ended = infinitive_tail;
        const bool after_connector = pending_connectors > 0;
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
          name_word = !IsPlainWord(word.folded);
        }
        // A name starts and ends with a capitalised word; inside, only short lower-case
        // particles ("No Azure for Apartheid", "Pays de la Loire").
        if (content == 1) first_is_name = name_word;
        later_capitals = later_capitals || (content > 1 && word.capitalised);
        const bool names = first_is_name && name_word && plain_words == 0;
        if (!name_word && word.folded.size() > 3) ++plain_words;
        if (content == 1 && word.folded.size() < options.min_letters) continue;
        if (j + 1 < words.size() && words[j + 1].hyphen_before &&
            !(content == 1 && word.acronym)) {
          continue;
        }
        if (!names && !FitsTermPattern(words, i, j, profile)) continue;
        if (Contains(profile.complement_nouns, word.folded)) continue;
        const bool name_tail = after_connector && name_word && !first_is_name;
        emit(Span{i, j, content, names, first_is_name, later_capitals, name_tail, key,
                  coordination});
      }
    }
  }

 private:
  // True when the folded word is an ordinary word of the language; cached.
  bool IsPlainWord(const std::string& folded) {
    auto cached = sentence_case_.find(folded);
    if (cached == sentence_case_.end()) {
      cached = sentence_case_.emplace(folded, stemmer_.Spell(folded)).first;
    }
    return cached->second;
  }

  const text::LanguageProfile& profile_;
  const text::Stemmer& stemmer_;
  const ExtractOptions& options_;
  std::unordered_map<std::string, bool> sentence_case_;  // folded word -> a plain word
};

// The candidate keys seen at least a minimum number of times, as 64-bit hashes: a first pass
// over a large text finds them, so that the second one builds only the candidates that can
// pass ExtractOptions::min_frequency. On a large text nearly every n-gram of content words is
// seen once, and building them all cost most of the extraction's time and memory.
class FrequentKeys {
 public:
  // Every key may reach the minimum (nothing counted: a minimum of one).
  FrequentKeys() = default;
  explicit FrequentKeys(text::KeyIndex index) : index_(std::move(index)), counted_(true) {}

  // The hash both passes compare; never KeyIndex::kEmpty.
  static std::uint64_t Hash(std::string_view key) {
    const std::uint64_t hash = std::hash<std::string_view>{}(key);
    return hash == text::KeyIndex::kEmpty ? hash - 1 : hash;
  }
  // False only for a key seen fewer times than the minimum. A key sharing the hash of a frequent
  // one passes too, and its count filters it out later as before.
  bool MayReach(std::string_view key) const {
    return !counted_ || index_.Find(Hash(key)) != text::KeyIndex::kAbsent;
  }

 private:
  text::KeyIndex index_{0};
  bool counted_ = false;
};

// Counts the candidate keys of `words` (per sentence) when `min_frequency` is above one.
FrequentKeys CountKeys(const std::vector<std::vector<Word>>& words, int min_frequency,
                       SpanFinder& finder) {
  if (min_frequency <= 1) return FrequentKeys();
  std::vector<std::uint64_t> hashes;
  for (const std::vector<Word>& sentence : words) {
    finder.ForEach(sentence,
                   [&](const Span& span) { hashes.push_back(FrequentKeys::Hash(span.key)); });
  }
  // A radix sort: millions of random 64-bit hashes, which std::sort took 4% of a build to sort.
  boost::sort::spreadsort::integer_sort(hashes.begin(), hashes.end());
  text::KeyIndex frequent(0);
  for (std::size_t k = 0; k < hashes.size();) {
    std::size_t next = k;
    while (next < hashes.size() && hashes[next] == hashes[k]) ++next;
    if (next - k >= static_cast<std::size_t>(min_frequency)) frequent.Insert(hashes[k]);
    k = next;
  }
  return FrequentKeys(std::move(frequent));
}

}  // namespace

WordAnalyzer::WordAnalyzer(std::string_view lang)
    : lang_(lang), profile_(&text::LanguageFor(lang)) {
  for (const text::WordValue& month : profile_->month_names) {
    dates_.emplace_back(text::FoldForMatch(month.word), StartsUpper(month.word));
  }
  for (std::string_view day : profile_->day_names) {
    dates_.emplace_back(text::FoldForMatch(day), StartsUpper(day));
  }
}

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

namespace {

// True for a Roman numeral from II to XXXIX in capitals: a chapter, article or annex number.
// One letter is left out ("I" is a pronoun, "V" and "X" letters).
bool IsRomanNumeral(std::string_view word) {
  if (word.size() < 2) return false;
  std::size_t at = 0;
  while (at < word.size() && at < 3 && word[at] == 'X') ++at;
  std::string_view units = word.substr(at);
  for (std::string_view unit : {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}) {
    if (units == unit) return true;
  }
  return units.empty() && at >= 2;
}

// A word token, or a hyphenated compound of word tokens, in bytes of its sentence.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool number = false;
  bool break_before = false;  // punctuation or the sentence start lies before it
  bool hyphen_before = false;  // a hyphen joins it to the word before ("flood-prone")
};

// The words of a sentence. A hyphen touching two words on both sides joins them into one word
// when one of them is a stop word or the first is a prefix of the language, or the first is a
// number and the second a content word, so that a compound is never cut at such a part
// ("sous-traitant", "non-compliance", "in-house", "two-factor"); a number stays a number
// ("twenty-one", "vingt-deux"). Other compounds stay apart, joined as before by the hyphen
// ("États-Unis": "United States" pairs with its two words).
std::vector<WordSpan> WordSpans(std::string_view sentence, std::string_view lang) {
  const text::LanguageProfile* profile = text::FindLanguage(lang);
  std::vector<WordSpan> spans;
  bool pending_break = true;
  bool joining = false;        // the last token was a hyphen right after spans.back()
  std::size_t last_part = 0;   // where the last word token of spans.back() begins
  auto folded = [&](std::size_t begin, std::size_t end) {
    return text::FoldForMatch(sentence.substr(begin, end - begin));
  };
  auto joins = [&](std::size_t begin, std::size_t end) {
    const std::string before = folded(last_part, spans.back().end), after = folded(begin, end);
    const bool prefix = profile != nullptr && Contains(profile->compound_prefixes, before);
    // A number word, "one" included (no counting word: also a pronoun).
    auto number_word = [&](const std::string& word) {
      return text::IsNumberWord(word, lang) ||
             (profile != nullptr &&
              std::any_of(profile->number_values.begin(), profile->number_values.end(),
                          [&](const text::WordValue& entry) { return entry.word == word; }));
    };
    const bool number_before = number_word(before);
    const bool number_after = number_word(after);
    const bool stop_after = text::IsStopWord(after, lang);
    if (number_before) return !number_after && !stop_after;  // "two-factor", not "twenty-one"
    return (prefix || text::IsStopWord(before, lang) || stop_after) && !number_after;
  };
  for (const text::Token& token : text::Tokenize(sentence)) {
    if (token.kind == text::TokenKind::kPunct || token.kind == text::TokenKind::kUrl ||
        token.kind == text::TokenKind::kEmail) {
      const bool hyphen = token.text(sentence) == "-" && !spans.empty() &&
                          spans.back().end == token.begin && token.end < sentence.size() &&
                          sentence[token.end] != ' ';
      joining = hyphen && !spans.back().number;
      pending_break = pending_break || !hyphen;
      continue;
    }
    // A model name of letters and digits ("K4", "X1") is a word of a name, not a number; a
    // Roman numeral of two letters or more ("Chapter IV") is a number.
    const char first = sentence[token.begin];
    const bool number = (token.kind == text::TokenKind::kNumber &&
                         !((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) ||
                        IsRomanNumeral(token.text(sentence));
    if (joining && !number && token.begin == spans.back().end + 1 &&
        joins(token.begin, token.end)) {
      spans.back().end = token.end;
      last_part = token.begin;
      joining = false;
      continue;
    }
    spans.push_back({token.begin, token.end, number, pending_break,
                     joining && !number && token.begin == spans.back().end + 1});
    joining = false;
    last_part = token.begin;
    pending_break = false;
  }
  return spans;
}

}  // namespace

internal::WordTests WordAnalyzer::Tests() const {
  const text::Stemmer& stemmer = text::Stemmer::ForLanguage(lang_);
  internal::WordTests tests;
  // Without a dictionary every word is unknown: no word can be told to be a command name.
  tests.known = [&stemmer](std::string_view word) {
    return !stemmer.has_dictionary() || stemmer.Spell(word);
  };
  tests.stop = [lang = lang_](std::string_view word) { return text::IsStopWord(word, lang); };
  return tests;
}

void WordAnalyzer::LearnCommands(const std::vector<std::string>& sentences) {
  std::set<std::string> found = internal::FindCommandNames(sentences, Tests());
  commands_.insert(found.begin(), found.end());
}

void WordAnalyzer::LearnCopiedCommands(WordAnalyzer& source_analyzer,
                                       WordAnalyzer& target_analyzer,
                                       const std::vector<std::string>& source,
                                       const std::vector<std::string>& target) {
  std::set<std::string> found = internal::FindCopiedCommandNames(
      source, target, source_analyzer.Tests(), target_analyzer.Tests());
  source_analyzer.commands_.insert(found.begin(), found.end());
  target_analyzer.commands_.insert(found.begin(), found.end());
}

std::size_t WordAnalyzer::ProcliticOf(std::string_view surface) {
  std::string word(surface);
  auto found = proclitics_.find(word);
  if (found != proclitics_.end()) return found->second;
  std::size_t length = text::ProcliticLength(surface, lang_);
  return proclitics_.emplace(std::move(word), length).first->second;
}

const std::string& WordAnalyzer::CitationOf(std::string_view surface) {
  std::string word(surface);
  auto found = citations_.find(word);
  if (found != citations_.end()) return found->second;
  std::string citation = text::CitationForm(surface, lang_);
  return citations_.emplace(std::move(word), std::move(citation)).first->second;
}

const WordAnalyzer::Lexeme& WordAnalyzer::LexemeOf(std::string_view surface) {
  // Keyed by the word as written: folding merges forms the lexicon tells apart ("coûte", a
  // verb, and "coûté", a participle).
  std::string written(surface);
  auto found = lexemes_.find(written);
  if (found != lexemes_.end()) return found->second;
  Lexeme lexeme;
  const text::PosLexicon& lexicon = text::PosLexicon::ForLanguage(lang_);
  const text::WordClasses classes = lexicon.Classify(surface);
  lexeme.pos = classes.pos;
  lexeme.agreement =
      static_cast<std::uint8_t>(classes.noun_agreement | (classes.modifier_agreement << 4));
  // A hyphenated word the lexicon does not know modifies as its last part does where the head
  // comes last ("AI-enabled", "cloud-based": participles; "e-mail": a noun). Head-initial
  // languages put the head first ("sous-traitant" is no participle).
  if (lexeme.pos == 0 && profile_->term_head == text::TermHead::kFinal) {
    const std::size_t hyphen = surface.rfind('-');
    if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 2 < surface.size()) {
      constexpr std::uint8_t kModifying =
          kNominal | PosBits(Pos::kPastParticiple);
      lexeme.pos = lexicon.Classify(surface.substr(hyphen + 1)).pos & kModifying;
    }
  }
  // The termbase keys terms with the same function (keys.cc): a candidate and its stored term
  // meet on equal keys.
  lexeme.key = text::Interned(text::WordKey(surface, lang_));
  return lexemes_.emplace(std::move(written), std::move(lexeme)).first->second;
}

void WordAnalyzer::ReadInContext(std::vector<Word>* words_in) const {
  std::vector<Word>& words = *words_in;
  const text::LanguageProfile& profile = *profile_;
  auto joined = [&](std::size_t at) { return at < words.size() && !words[at].break_before; };
  auto nominal = [](const Word& word) {
    return !word.stop && !word.number && !word.code && MayBeNominal(word);
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    Word& word = words[i];
    // "a restore point", "automated testing tools": between a determiner or an adjective and a
    // noun, a word the lexicon knows only as a verb or a present participle is the noun's
    // modifier.
    if (!profile.determiners.empty() && !word.stop && word.pos != 0 &&
        (word.pos & kNominal) == 0 &&
        (HasPos(word, Pos::kVerb) || HasPos(word, Pos::kPresentParticiple)) && joined(i) &&
        joined(i + 1) && HasPos(words[i + 1], Pos::kNoun) && !words[i + 1].stop) {
      auto modifies = [](const Word& w) {
        return !w.stop && (HasPos(w, Pos::kAdjective) ||
                           (w.pos == PosBits(Pos::kPastParticiple)));
      };
      std::size_t k = i;
      while (k > 0 && joined(k) && modifies(words[k - 1])) --k;
      if (k < i || (k > 0 && joined(k) && words[k - 1].stop &&
                    Contains(profile.determiners, words[k - 1].folded))) {
        word.pos |= PosBits(Pos::kNoun);
      }
    }
    // "selective sync", "a full restore": right after a word the lexicon knows only as an
    // adjective, a word it knows only as a verb is a noun (an adjective qualifies no verb).
    if (!profile.determiners.empty() && !word.stop && word.pos == PosBits(Pos::kVerb) && i > 0 &&
        joined(i) && !words[i - 1].stop && words[i - 1].pos == PosBits(Pos::kAdjective)) {
      word.pos |= PosBits(Pos::kNoun);
    }
    // "the controller shall take technical measures", "the data subject may not object": after
    // an auxiliary, a word that may be a noun or a verb is the verb.
    if (!word.stop && HasPos(word, Pos::kVerb) && (word.pos & kNominal) != 0 && i > 0 &&
        joined(i)) {
      std::size_t k = i - 1;
      if (words[k].folded.str() == "not" && k > 0 && joined(k)) --k;
      if (words[k].stop && Contains(profile.auxiliaries, words[k].folded)) {
        word.pos = PosBits(Pos::kVerb);
      }
    }
    // "personal data means any information", "the controller processes the data": after a
    // nominal word and before a determiner, a word that may be a noun or a verb is the verb
    // (not before "that", which also starts a relative clause: "the means that it uses").
    if (!profile.determiners.empty() && !word.stop && HasPos(word, Pos::kVerb) &&
        (word.pos & kNominal) != 0 && i > 0 && joined(i) && nominal(words[i - 1]) &&
        joined(i + 1) && words[i + 1].stop && words[i + 1].folded != "that" &&
        Contains(profile.determiners, words[i + 1].folded)) {
      word.pos = PosBits(Pos::kVerb);
    }
    // "panneau avant": right after a noun, unless a number or a function word follows (then
    // it heads a phrase of its own: "avant la mise en service").
    if (word.stop && i > 0 && joined(i) && nominal(words[i - 1]) &&
        Contains(profile.postnominal_adjectives, word.folded) &&
        !(joined(i + 1) && (words[i + 1].stop || words[i + 1].number))) {
      word.stop = false;
      word.connector = false;
      word.pos = PosBits(Pos::kAdjective);
    }
  }
}

std::vector<Word> WordAnalyzer::Analyze(std::string_view sentence) {
  return Analyze(sentence, nullptr);
}

std::vector<Word> WordAnalyzer::Analyze(std::string_view sentence,
                                        std::vector<std::string_view>* verbatim) {
  std::vector<internal::VerbatimSpan> code =
      internal::FindVerbatimSpans(sentence, commands_, Tests());
  if (verbatim != nullptr) {
    verbatim->clear();
    for (const internal::VerbatimSpan& span : code) {
      verbatim->push_back(sentence.substr(span.begin, span.end - span.begin));
    }
  }
  auto in_code = [&code](const WordSpan& span) {
    return std::any_of(code.begin(), code.end(), [&](const internal::VerbatimSpan& c) {
      return span.begin < c.end && c.begin < span.end;
    });
  };
  std::vector<WordSpan> spans = WordSpans(sentence, lang_);
  int words_seen = 0, caps_words = 0;
  for (const WordSpan& span : spans) {
    if (span.number) continue;
    ++words_seen;
    if (AllUpper(sentence.substr(span.begin, span.end - span.begin))) ++caps_words;
  }
  // A heading or an advert in capitals: its words are not acronyms.
  const bool caps_sentence = words_seen >= 3 && caps_words * 2 > words_seen;

  // One Word per span at most: reserved, so that a large text's words take no growth slack.
  std::vector<Word> words;
  words.reserve(spans.size());
  std::vector<std::string_view> surfaces;  // words[i] as written
  surfaces.reserve(spans.size());
  bool numerals_only = true;               // no word but numerals so far ("9. Users")
  std::vector<char> defined;               // words[i] is defined (Arabic; else left empty)
  for (const WordSpan& span : spans) {
    std::string_view surface = sentence.substr(span.begin, span.end - span.begin);
    Word word;
    word.begin = span.begin;
    word.end = span.end;
    word.break_before = span.break_before;
    word.hyphen_before = span.hyphen_before;
    // A heading's title starts after its number as a sentence does ("Article 2 - Definitions",
    // "Chapter IV - Complaints"): its capital says nothing of a name.
    const bool after_number = !words.empty() && words.back().number && span.break_before;
    word.sentence_start = (numerals_only || after_number) && !span.number;
    numerals_only = numerals_only && span.number;
    if (in_code(span)) {
      // Copied unchanged by a translation: no part of a term, no stem.
      word.code = true;
      word.folded = text::FoldForMatch(surface);
      word.stem = word.folded;
      surfaces.push_back(surface);
      words.push_back(std::move(word));
      continue;
    }
    // A fused conjunction or preposition is no part of the word ("والحريات" -> "الحريات").
    if (!span.number && !profile_->proclitics.empty()) {
      std::size_t clitic = ProcliticOf(surface);
      word.begin += clitic;
      surface.remove_prefix(clitic);
    }
    surfaces.push_back(surface);
    if (span.number) {
      word.number = true;
      word.folded = std::string(surface);
      word.stem = word.folded;
      words.push_back(std::move(word));
      continue;
    }
    // A noun bound to a pronoun or to an elided article is keyed as the glossary stores it.
    std::string_view citation;
    if (profile_->fused_article) {
      citation = CitationOf(surface);
      word.bound = !citation.empty();
    }
    word.folded = text::FoldForMatch(word.bound ? citation : surface);
    if (profile_->fused_article) {
      // Defined by its article, or by the pronoun or elided article it is bound to.
      defined.resize(words.size() + 1, 0);
      defined.back() = word.bound || text::HasArabicArticle(word.folded);
      word.folded = text::StripArabicArticle(word.folded);
    }
    word.capitalised = StartsUpper(surface);
    word.acronym = !caps_sentence && AllUpper(surface);
    const bool elision = !word.folded.empty() && word.folded.back() == '\'';
    // A number written as a word quantifies like digits: "thousands of innocent people".
    if (!word.acronym && text::IsNumberWord(word.folded, lang_)) {
      word.number = true;
      word.stem = word.folded;
      words.push_back(std::move(word));
      continue;
    }
    // A month or a day dates, as a number does: no term, no part of one ("October",
    // "octobre", "Tuesday morning"; "may" is no month in English, where months take a capital).
    if (!word.acronym && std::any_of(dates_.begin(), dates_.end(), [&](const auto& date) {
          return date.first == word.folded && (word.capitalised || !date.second);
        })) {
      word.number = true;
      word.stem = word.folded;
      words.push_back(std::move(word));
      continue;
    }
    // A general modifier with a capital inside a sentence starts a name ("New Zealand").
    const bool name_word = word.capitalised && !word.sentence_start;
    word.stop = !word.acronym &&
                (elision || text::IsStopWord(word.folded, lang_) ||
                 (!name_word && Contains(profile_->general_modifiers, word.folded)));
    word.connector = word.stop && IsConnector(word.folded, *profile_);
    // Names and acronyms have no part of speech here: the lexicon would read "Gaza" as a verb.
    if (!word.stop && !word.acronym && !word.folded.empty() &&
        (!word.capitalised || word.sentence_start)) {
      const Lexeme& lexeme = LexemeOf(surface);
      word.pos = lexeme.pos;
      word.agreement = lexeme.agreement;
      // A word that is only an adverb ("directly") weighs as little as a stop word.
      word.stop = word.pos == PosBits(Pos::kAdverb);
    }
    words.push_back(std::move(word));
  }
  ReadInContext(&words);
  // Second pass: a capitalised stop word inside a sentence that starts a run of capitalised
  // words belongs to a name ("the No Azure for Apartheid group", "by The Associated Press").
  for (std::size_t i = 0; i < words.size(); ++i) {
    Word& word = words[i];
    if (word.stop && word.capitalised && !word.sentence_start && i + 1 < words.size() &&
        !words[i + 1].break_before && words[i + 1].capitalised && !words[i + 1].stop) {
      word.stop = false;
      word.connector = false;
    }
    word.content = !word.stop && !word.number && !word.code && !word.folded.empty();
    // An Arabic construct ends with its defined noun: an undefined word right after it starts
    // another phrase ("لا يجوز لصاحب العمل فصل العاملة": "صاحب العمل", then "فصل").
    word.phrase_start = word.content && i > 0 && i < defined.size() && !word.break_before &&
                        words[i - 1].content && defined[i - 1] && !defined[i];
    if (!word.content) {
      word.stem = word.folded;
      continue;
    }
    // The key is the word's lemma, or a stem that keeps its beginning (text::WordKeys): "unions"
    // is "union", "disagreement" stays apart from "agreement". Names and acronyms keep their
    // folded form (a stemmer reads "Gaza" as a verb); so do all
    // words of a language whose stems of names are unreliable (Arabic).
    const bool unstemmed = profile_->keys_unstemmed;
    const bool keep = word.acronym || unstemmed || (word.capitalised && !word.sentence_start);
    if (unstemmed || word.acronym) {
      word.stem = word.folded;
      continue;
    }
    // Stems of names too, for the dictionary links of the words they are made of ("States" /
    // "États"), but not as their key.
    StemsOf(word.folded, surfaces[i]);
    word.stem = keep ? word.folded : LexemeOf(surfaces[i]).key;
  }
  return words;
}

std::string_view CandidateSet::Surface(std::string_view sentence, const std::vector<Word>& words,
                                       const Occurrence& occurrence) {
  std::size_t begin = words[occurrence.first].begin;
  std::size_t end = words[occurrence.last - 1].end;
  return sentence.substr(begin, end - begin);
}

namespace {

constexpr std::string_view kElidedArticle = "\u0644\u0644";  // لل: ل + ال without its alef

// An occurrence spelled as the glossary stores it: each word bound to a pronoun or an elided
// article in its citation form, the rest as written ("بياناته الشخصية" -> "البيانات الشخصية").
std::string CitedSpelling(std::string_view sentence, const std::vector<Word>& words,
                          const Occurrence& occurrence, WordAnalyzer& analyzer) {
  std::string spelling;
  for (std::size_t k = occurrence.first; k < occurrence.last; ++k) {
    const Word& word = words[k];
    if (k > occurrence.first) {
      const std::size_t gap = words[k - 1].end;
      spelling.append(sentence.substr(gap, word.begin - gap));
    }
    std::string_view written = sentence.substr(word.begin, word.end - word.begin);
    // Inside a term, ل before an elided article is the preposition the term holds ("الحد
    // الأدنى للأجور"), as other inner proclitics are.
    const bool inner_preposition = k > occurrence.first && written.starts_with(kElidedArticle);
    spelling.append(word.bound && !inner_preposition
                        ? std::string_view(analyzer.CitationOf(written))
                        : written);
  }
  return spelling;
}

// Two names joined by a coordinator, each written on its own more often than in the pair
// ("Serrières and Valmont", "Serrières et Valmont"), are two names, no term: unlike a name that
// holds a coordinator ("Bosnia and Herzegovina", "Research and Development Department"), whose
// parts are rarely written apart.
void DropCoordinatedNames(const std::vector<Candidate>& candidates,
                          const text::LanguageProfile& profile, std::vector<bool>* passes) {
  std::unordered_map<std::string_view, const Candidate*> names;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if ((*passes)[c] && candidates[c].kind == CandidateKind::kName) {
      names.emplace(candidates[c].key, &candidates[c]);
    }
  }
  auto apart = [&](std::string_view key, std::int64_t together) {
    auto found = names.find(key);
    return found != names.end() && found->second->frequency > together;
  };
  std::vector<std::string> middles;  // " and ": a coordinator between two words of a key
  for (std::string_view coordinator : profile.coordinators) {
    middles.push_back(" " + std::string(coordinator) + " ");
  }
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& candidate = candidates[c];
    if (!(*passes)[c] || candidate.kind != CandidateKind::kName) continue;
    const std::string_view key = candidate.key;
    for (const std::string& middle : middles) {
      const std::size_t at = key.find(middle);
      if (at == std::string_view::npos) continue;
      if (apart(key.substr(0, at), candidate.frequency) &&
          apart(key.substr(at + middle.size()), candidate.frequency)) {
        (*passes)[c] = false;
      }
      break;
    }
  }
}

}  // namespace

CandidateSet ExtractCandidates(const std::vector<std::string>& sentences, std::string_view lang,
                               const ExtractOptions& options) {
  WordAnalyzer analyzer(lang);
  return ExtractCandidates(sentences, analyzer, options);
}

CandidateSet ExtractCandidates(const std::vector<std::string>& sentences, WordAnalyzer& analyzer,
                               const ExtractOptions& options) {
  const std::string& lang = analyzer.lang();
  const text::LanguageProfile& profile = analyzer.profile();
  CandidateSet set;
  set.lang = lang;
  set.words.resize(sentences.size());
  set.occurrences.resize(sentences.size());

  struct Spelling {
    std::string text;
    std::int64_t occurrences = 0;
    std::int64_t inside = 0;  // occurrences that do not start a sentence
    // ... nor stand inside a longer name, whose capitals they would copy ("Rail" of
    // "Valmont Regional Rail" beside "rail grinding")
    std::int64_t own_case = 0;
  };
  struct Building {
    std::int64_t name_occurrences = 0;  // occurrences written as a name
    std::int64_t acronym_occurrences = 0;
    std::vector<Spelling> surfaces;
    std::string coordination;  // CoordinationKey of its "and", "et"; "" without one
    std::string name_tail;     // the key of the name it ends on (Span::name_tail), if any
    std::int64_t free_names = 0;  // occurrences as a name of one word, no connector before
    // Occurrences of one word that may be an adjective, right after a noun (or an adjective
    // after one) in a language whose adjectives follow their noun ("armée israélienne",
    // "entreprises technologiques commerciales").
    std::int64_t after_noun = 0;
  };
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<Building> building;
  std::unordered_map<std::string, int> coordinations;   // CoordinationKey -> occurrences
  std::unordered_map<std::string_view, std::size_t> verbatim_index;  // text -> set.verbatim
  std::vector<std::string_view> verbatim;

  analyzer.LearnCommands(sentences);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    set.words[s] = analyzer.Analyze(sentences[s], &verbatim);
    for (std::string_view text : verbatim) {
      auto [it, inserted] = verbatim_index.try_emplace(text, set.verbatim.size());
      if (inserted) set.verbatim.push_back({std::string(text), 0, {}});
      VerbatimTerm& term = set.verbatim[it->second];
      ++term.frequency;
      if (term.sentences.empty() || term.sentences.back() != s) {
        term.sentences.push_back(static_cast<std::uint32_t>(s));
      }
    }
    CountCoordinations(set.words[s], profile, &coordinations);
  }

  SpanFinder finder(profile, text::Stemmer::ForLanguage(lang), options);
  const FrequentKeys frequent = CountKeys(set.words, options.min_frequency, finder);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::string& sentence = sentences[s];
    const std::vector<Word>& words = set.words[s];
    finder.ForEach(words, [&](const Span& span) {
      if (!frequent.MayReach(span.key)) return;
      const std::size_t i = span.first, j = span.last;
      auto [it, inserted] =
          index.try_emplace(span.key, static_cast<std::uint32_t>(set.candidates.size()));
      if (inserted) {
        Candidate candidate;
        candidate.key = span.key;
        candidate.content_words = span.content;
        set.candidates.push_back(std::move(candidate));
        building.emplace_back();
      }
      Candidate& candidate = set.candidates[it->second];
      Building& build = building[it->second];
      build.coordination = span.coordination;
      if (span.name_tail) build.name_tail = words[j].stem;
      if (span.names && span.content == 1 && !AfterConnector(words, i, profile)) {
        ++build.free_names;
      }
      if (span.content == 1 && i == j && i > 0 && !words[i].break_before &&
          profile.term_head == text::TermHead::kInitial && HasPos(words[i], Pos::kAdjective) &&
          words[i - 1].content && MayBeNominal(words[i - 1])) {
        ++build.after_noun;
      }
      build.name_occurrences += span.names ? 1 : 0;
      build.acronym_occurrences += span.content == 1 && words[j].acronym ? 1 : 0;
      ++candidate.frequency;
      if (candidate.sentences.empty() || candidate.sentences.back() != s) {
        candidate.sentences.push_back(static_cast<std::uint32_t>(s));
      }
      Occurrence occurrence{it->second, static_cast<std::uint16_t>(i),
                            static_cast<std::uint16_t>(j + 1)};
      std::string_view surface = CandidateSet::Surface(sentence, words, occurrence);
      std::string cited;
      if (std::any_of(words.begin() + i, words.begin() + j + 1,
                      [](const Word& word) { return word.bound; })) {
        cited = CitedSpelling(sentence, words, occurrence, analyzer);
        surface = cited;
      }
      // Sentence case is not part of a term ("Cloud storage is" -> "cloud storage"), unless
      // the first word is a name ("CloudVault backups") or a later word is capitalised too
      // ("Universal Declaration of Human Rights").
      const bool initial = words[i].sentence_start;
      std::string lowered;
      if (initial && words[i].capitalised && !words[i].acronym && !span.names &&
          !span.first_is_name && !span.later_capitals) {
        lowered = LowerFirst(surface);
        surface = lowered;
      }
      auto known = std::find_if(build.surfaces.begin(), build.surfaces.end(),
                                [&](const Spelling& entry) { return entry.text == surface; });
      if (known == build.surfaces.end()) {
        build.surfaces.push_back({std::string(surface), 0, 0});
        known = build.surfaces.end() - 1;
      }
      ++known->occurrences;
      known->inside += initial ? 0 : 1;
      known->own_case += initial || InsideName(words, i, j) ? 0 : 1;
      set.occurrences[s].push_back(occurrence);
    });
  }

  // A phrase of common words ending on a name the text names much more often on its own
  // relates something to that name ("legitimate interest of the Agency", "choice of the
  // Agency"): the term is the part before the connector, which is a candidate of its own. A
  // name seen mostly inside the phrase belongs to it ("ministère israélien de la Défense").
  auto IsFrequentAlone = [&](const std::string& name_key, std::int64_t phrase_frequency) {
    auto name = index.find(name_key);
    if (name == index.end()) return false;
    const std::int64_t alone = building[name->second].free_names;
    return alone >= kNameTailRatio * phrase_frequency && alone >= kNameTailRatio;
  };

  // What passes the filters.
  std::vector<bool> passes(set.candidates.size(), false);
  for (std::size_t c = 0; c < set.candidates.size(); ++c) {
    Candidate& candidate = set.candidates[c];
    Building& build = building[c];
    if (candidate.frequency < options.min_frequency) continue;
    // A coordination is part of a term only when the text repeats it ("research and
    // development"); once, it joins two separate things ("pilots and harbour fees").
    if (!build.coordination.empty() && coordinations[build.coordination] < kMinCoordinations) {
      continue;
    }
    if (profile.term_head == text::TermHead::kFinal && candidate.frequency < kMinDefinitePhrases &&
        build.name_occurrences * 2 <= candidate.frequency &&
        HasConnectorArticle(candidate.key, profile)) {
      continue;
    }
    if (!build.name_tail.empty() && build.name_occurrences * 2 <= candidate.frequency &&
        IsFrequentAlone(build.name_tail, candidate.frequency)) {
      continue;
    }
    // A word always used as an adjective after its noun is no term of its own: it is the
    // modifier of the phrases that hold it.
    if (candidate.content_words == 1 && build.after_noun == candidate.frequency &&
        build.name_occurrences == 0) {
      continue;
    }
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
    // Spellings seen inside a sentence, outside a longer name, first: they show the case the
    // text gives the term.
    auto best = std::max_element(build.surfaces.begin(), build.surfaces.end(),
                                 [](const Spelling& a, const Spelling& b) {
                                   return std::tuple(a.own_case, a.inside, a.occurrences) <
                                          std::tuple(b.own_case, b.inside, b.occurrences);
                                 });
    candidate.text = best->text;
    passes[c] = true;
  }

  DropCoordinatedNames(set.candidates, profile, &passes);
  // The nesting discount, and name fragments: a part of a name never written apart from it
  // ("Keystone" of "Keystone Console" and "Keystone K4") is no term of its own.
  Nesting nesting = FindNesting(set, passes);
  const text::PosLexicon& lexicon = text::PosLexicon::ForLanguage(lang);
  for (std::size_t c = 0; c < set.candidates.size(); ++c) {
    Candidate& candidate = set.candidates[c];
    if (!passes[c]) continue;
    if (candidate.kind == CandidateKind::kName && nesting.inside_name[c] >= candidate.frequency) {
      passes[c] = false;
      continue;
    }
    // A phrase that cuts through a recurring term wherever it occurs is no term: it joins the
    // end of one to what follows, or a phrase to the start of one ("produits d'intelligence" of
    // "produits d'intelligence artificielle").
    if (candidate.kind == CandidateKind::kPhrase && candidate.content_words >= 2 &&
        nesting.crossed[c] >= candidate.frequency) {
      passes[c] = false;
      continue;
    }
    // A word the text only writes inside recurring two-word terms is part of them, no term of
    // its own (Arabic "صاحب", owner, of "صاحب العمل", employer; "third" of "third party" and
    // "third countries").
    if (candidate.kind == CandidateKind::kPhrase && candidate.content_words == 1 &&
        candidate.frequency >= 2 && nesting.inside_pair[c] >= candidate.frequency) {
      passes[c] = false;
      continue;
    }
    candidate.independence = Independence(candidate, nesting.containers[c], set.candidates);
    if (candidate.kind == CandidateKind::kPhrase && candidate.content_words == 1) {
      candidate.general_use = lexicon.GeneralUse(candidate.text).value_or(-1);
    }
  }

  // Keep what passes, renumbering the occurrences.
  std::vector<std::uint32_t> remap(set.candidates.size(), UINT32_MAX);
  std::vector<Candidate> kept;
  for (std::size_t c = 0; c < set.candidates.size(); ++c) {
    if (!passes[c]) continue;
    remap[c] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(std::move(set.candidates[c]));
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
  return base * repetition * (kNestedFloor + (1.0 - kNestedFloor) * candidate.independence);
}

}  // namespace termalign::glossary
