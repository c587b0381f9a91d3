// Pairing, phases 6-10: scores from the gathered evidence, ranks on each side, the pairs kept,
// and the discounts of nested pairs, boundary variants and common words.
#include <algorithm>
#include <cmath>
#include <span>
#include <string_view>
#include <utility>
#include <unordered_set>

#include "pairing_phases.h"
#include "text/language.h"
#include "text/stop_words.h"

namespace termalign::glossary {
namespace internal {
namespace {

// logDice = kLogDiceMax + log2(Dice): Rychlý's logDice (2008), whose maximum is 14.
constexpr double kLogDiceMax = 14.0;
// The score mixes association with a floor: coverage x (kDiceFloor + kDiceWeight x Dice), the
// two summing to 1, so a pair of rare candidates is not lost to one extra occurrence. Hand-set
// with the pairing.
constexpr double kDiceFloor = 0.35;
constexpr double kDiceWeight = 0.65;
// Confidence from the number of co-occurrences n is 1 - kConfidenceBase^n; the score is
// multiplied by kConfidenceFloor + kConfidenceWeight x confidence (0.85 for one co-occurrence,
// towards 1 for many). Hand-set with the pairing.
constexpr double kConfidenceBase = 0.5;
constexpr double kConfidenceFloor = 0.7;
constexpr double kConfidenceWeight = 0.3;
// The same name on both sides ("Microsoft" / "Microsoft") scores at least this, statistics or
// not: above PairingOptions::min_score and the usual score of a single co-occurrence.
constexpr double kSameNameScore = 0.7;
// A pair is well supported (TermPair::WellSupported) when its Dice reaches this: at least half
// of the aligned pairs holding either side hold both (for a pair the aligner alone links,
// kAlignerAssociated). Hand-set: below, one side is mostly translated otherwise ("person" /
// "personne", 5 and 21 aligned pairs).
constexpr double kWellAssociated = 0.4;
constexpr double kAlignerAssociated = 0.6;
// A fragment is demoted when the longer pair scores at least this share of its score.
constexpr double kFragmentShare = 0.5;
// Discounts, as factors on the score: a demoted pair halves (the nesting discount of C-value,
// Frantzi et al. 2000, in spirit); a pair only one side prefers and a pair of single common
// words rank lower by the hand-set factors below.
constexpr double kDemoted = 0.5;
constexpr double kOneSided = 0.75;
constexpr double kCommonWord = 0.7;  // a pair of single lower-case words
constexpr double kTentative = 0.6;  // seen once, every word linked, not all lexically
constexpr double kSeenOnce = 0.3;   // a pair of single common words seen once
// A pair is well supported (TermPair::WellSupported) when its co-occurrences cover at least this
// share of both sides on average: most words of each side have their partner in the other.
constexpr double kWellCovered = 0.5;
// ... or, for two sides that never occur apart (Dice 1) and are seen together at least
// kInseparable times, this share: the aligner links a non-compositional pair's words only in
// part. Hand-set.
constexpr double kLooselyCovered = 0.25;
constexpr std::int64_t kInseparable = 3;
// A single word used at most this often in general language (text::PosLexicon::GeneralUse, counts
// in a corpus of about 230,000 words) belongs to a special field ("dose" 6, "medicine" 11,
// "approval" 15) rather than to everyday language ("advice" 18, "meal" 20, "decision" 38,
// "year" 450): confirmed, it joins its translation even seen once. Hand-set between the two
// groups; the counts are small, so the line is rough.
constexpr int kSpecialisedUse = 15;
// A single word used this often or more ("information" 150, "people" 289, "year" 450) is
// everyday language: its pair ranks after the other single words, by kEveryday.
constexpr int kEverydayUse = 100;
constexpr double kEveryday = 0.5;
// A mutual pair seen together this many times settles its candidates' translation: a pair only
// the other side prefers, seen once, is then left out (KeepBestPairs).
constexpr std::int64_t kSettled = 2;

bool ContainsWords(const std::string& outer, const std::string& inner) {
  if (inner.size() > outer.size()) return false;
  std::string padded_outer = " " + outer + " ";
  return padded_outer.find(" " + inner + " ") != std::string::npos;
}

// True when two candidate keys (stems joined by spaces) share a word that is not a stop word.
bool SharesContentWord(std::string_view a, std::string_view b, std::string_view lang) {
  auto words = [](std::string_view key) {
    std::vector<std::string_view> out;
    while (!key.empty()) {
      std::size_t space = key.find(' ');
      out.push_back(key.substr(0, space));
      key = space == std::string_view::npos ? std::string_view() : key.substr(space + 1);
    }
    return out;
  };
  std::vector<std::string_view> b_words = words(b);
  for (std::string_view word : words(a)) {
    if (text::IsStopWord(word, lang)) continue;
    if (std::find(b_words.begin(), b_words.end(), word) != b_words.end()) return true;
  }
  return false;
}

// True when the candidate key `inner` is the part of the longer key `outer` without its head
// word: its start in a head-final language ("limited emergency" in "limited emergency
// support"), its end in a head-initial one ("urgence limité" in "soutien d'urgence limité"). A
// language whose terms may have their head anywhere counts as lacking it, so that the other
// side decides.
bool LacksHead(std::string_view inner, std::string_view outer, std::string_view lang) {
  if (inner.size() >= outer.size()) return false;
  switch (text::LanguageFor(lang).term_head) {
    case text::TermHead::kAny:
      return true;
    case text::TermHead::kFinal:
      return outer.starts_with(inner) && outer[inner.size()] == ' ';
    case text::TermHead::kInitial:
      return outer.ends_with(inner) && outer[outer.size() - inner.size() - 1] == ' ';
  }
  return false;
}

// True when the longer candidate key `outer` puts a head of its own on `inner`, which then
// modifies it: after it in a head-final language ("civil protection mechanism"), before it in a
// head-initial one ("mécanisme de protection civile"). Never in a language whose terms may have
// their head anywhere.
bool GivesNewHead(std::string_view inner, std::string_view outer, std::string_view lang) {
  return text::LanguageFor(lang).term_head != text::TermHead::kAny &&
         LacksHead(inner, outer, lang);
}

// True when `outer` is `inner` put after a word and a connector: "risk of hip fracture" of "hip
// fracture", "risque de fracture de la hanche" of "fracture de la hanche" (keys: stems, connectors
// and articles as words).
bool IsComplementOf(std::string_view inner, std::string_view outer, std::string_view lang) {
  if (inner.size() + 2 >= outer.size() || !outer.ends_with(inner) ||
      outer[outer.size() - inner.size() - 1] != ' ') {
    return false;
  }
  std::string_view before = outer.substr(0, outer.size() - inner.size() - 1);
  std::string_view word = before.substr(before.rfind(' ') == std::string_view::npos
                                            ? 0
                                            : before.rfind(' ') + 1);
  const text::LanguageProfile& profile = text::LanguageFor(lang);
  auto in = [&](std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
  };
  return word.size() < before.size() &&
         (in(profile.connectors) || in(profile.connector_articles) || in(profile.noun_connectors));
}

// An acronym, in the singular or the plural ("ATM", "ATMs": the plural reads as a name).
bool IsAcronym(const Candidate& candidate) {
  if (candidate.kind == CandidateKind::kAcronym) return true;
  std::string_view text = candidate.text;
  if (candidate.kind != CandidateKind::kName || text.size() < 3 || text.back() != 's') return false;
  text.remove_suffix(1);
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// One single-word phrase each side: more often general vocabulary than a phrase is.
bool IsSingleWordPair(const TermPair& pair, const CandidateSet& source,
                      const CandidateSet& target) {
  const Candidate& s_candidate = source.candidates[pair.source];
  const Candidate& t_candidate = target.candidates[pair.target];
  return s_candidate.content_words == 1 && t_candidate.content_words == 1 &&
         s_candidate.kind == CandidateKind::kPhrase && t_candidate.kind == CandidateKind::kPhrase;
}

// True when a side of a pair of single words is a word of everyday language.
bool IsEverydayWordPair(const TermPair& pair, const CandidateSet& source,
                        const CandidateSet& target) {
  const int most = std::max(source.candidates[pair.source].general_use,
                            target.candidates[pair.target].general_use);
  return most >= kEverydayUse;
}

// True when either side of a pair of single words is a word of a special field.
bool IsSpecialisedWordPair(const TermPair& pair, const CandidateSet& source,
                           const CandidateSet& target) {
  auto specialised = [](const Candidate& candidate) {
    return candidate.general_use >= 0 && candidate.general_use <= kSpecialisedUse;
  };
  return specialised(source.candidates[pair.source]) ||
         specialised(target.candidates[pair.target]);
}

// True when another of the `kept` pairs has the same candidate as pair k on one side and, on
// the other, a longer candidate holding k's, seen at least as often.
bool WiderOnOneSide(const std::vector<TermPair>& kept, std::size_t k, const CandidateSet& source,
                    const CandidateSet& target) {
  const TermPair& small = kept[k];
  for (const TermPair& big : kept) {
    if (&big == &small) continue;
    const bool wider_target =
        big.source == small.source && big.target != small.target &&
        big.evidence.target_count >= small.evidence.target_count &&
        ContainsWords(target.candidates[big.target].key, target.candidates[small.target].key);
    const bool wider_source =
        big.target == small.target && big.source != small.source &&
        big.evidence.source_count >= small.evidence.source_count &&
        ContainsWords(source.candidates[big.source].key, source.candidates[small.source].key);
    if (wider_target || wider_source) return true;
  }
  return false;
}

}  // namespace

std::vector<TermPair> ScorePairs(const Accumulators& accumulators, const CandidateSet& source,
                                 const CandidateSet& target,
                                 const std::vector<std::int64_t>& source_count,
                                 const std::vector<std::int64_t>& target_count) {
  std::vector<TermPair> all;
  all.reserve(accumulators.size());
  for (const auto& [key, acc] : accumulators) {
    // One co-occurrence makes a pair only when every content word of both sides is linked,
    // one of them lexically at least: with a word left over it is as likely a paraphrase
    // ("innocent people" / "civils innocents").
    if (acc.joint < 2 && !acc.confirmed && !acc.complete) continue;
    TermPair pair;
    pair.source = static_cast<std::uint32_t>(key >> 32);
    pair.target = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    PairEvidence& e = pair.evidence;
    e.cooccurrences = acc.joint;
    e.source_count = std::max(source_count[pair.source], acc.joint);
    e.target_count = std::max(target_count[pair.target], acc.joint);
    e.coverage = acc.sum / static_cast<double>(acc.joint);
    e.dice =
        2.0 * static_cast<double>(acc.joint) / static_cast<double>(e.source_count + e.target_count);
    e.log_dice = kLogDiceMax + std::log2(e.dice);
    e.example = acc.example;
    e.method = std::string(ToString(acc.channel));
    double confidence = 1.0 - std::pow(kConfidenceBase, static_cast<double>(acc.joint));
    double termhood = std::min(Termhood(source.candidates[pair.source]),
                               Termhood(target.candidates[pair.target]));
    e.score = e.coverage * (kDiceFloor + kDiceWeight * e.dice) *
              (kConfidenceFloor + kConfidenceWeight * confidence) * termhood;
    pair.confirmed = acc.confirmed;
    pair.tentative = acc.joint < 2 && !acc.confirmed;
    pair.anchored = acc.anchored;
    pair.complete = acc.complete;
    const Candidate& s_candidate = source.candidates[pair.source];
    const Candidate& t_candidate = target.candidates[pair.target];
    pair.acronyms = IsAcronym(s_candidate) && IsAcronym(t_candidate);
    // A one-word name on one side and a common word on the other that no lexical link joins
    // is a translator's paraphrase more often than a translation ("Palestinians" /
    // "personnes"): the aligner's guess alone proposes nothing.
    const bool one_name = (s_candidate.kind == CandidateKind::kName) !=
                          (t_candidate.kind == CandidateKind::kName);
    if (one_name && !acc.anchored && s_candidate.content_words == 1 &&
        t_candidate.content_words == 1 && s_candidate.kind != CandidateKind::kAcronym &&
        t_candidate.kind != CandidateKind::kAcronym) {
      continue;
    }
    // ... when the two are associated: "AI" written as in English once inside a French
    // product name ("services Azure AI") is not the French for "AI" (six times "IA").
    if (s_candidate.kind != CandidateKind::kPhrase && t_candidate.kind != CandidateKind::kPhrase &&
        s_candidate.key == t_candidate.key && e.dice >= kWellAssociated) {
      e.score = std::max(e.score, kSameNameScore);
    }
    all.push_back(std::move(pair));
  }
  return all;
}

void RankPairs(std::vector<TermPair>* pairs) {
  std::vector<TermPair>& all = *pairs;
  auto rank = [&all](auto side, auto set_rank) {
    std::vector<std::size_t> order(all.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      if (side(all[x]) != side(all[y])) return side(all[x]) < side(all[y]);
      return all[x].evidence.score > all[y].evidence.score;
    });
    int r = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      r = (k > 0 && side(all[order[k]]) == side(all[order[k - 1]])) ? r + 1 : 1;
      set_rank(all[order[k]], r);
    }
  };
  rank([](const TermPair& p) { return p.source; },
       [](TermPair& p, int r) { p.evidence.source_rank = r; });
  rank([](const TermPair& p) { return p.target; },
       [](TermPair& p, int r) { p.evidence.target_rank = r; });
}

MutualPartners FindMutualPartners(const std::vector<TermPair>& ranked) {
  MutualPartners partners;
  for (const TermPair& pair : ranked) {
    if (!pair.mutual()) continue;
    partners.source_of[pair.target] = pair.source;
    partners.target_of[pair.source] = pair.target;
  }
  return partners;
}

std::vector<TermPair> KeepBestPairs(std::vector<TermPair> ranked, double min_score) {
  // Co-occurrences of each candidate's mutual pair.
  std::unordered_map<std::uint32_t, std::int64_t> source_settled, target_settled;
  for (const TermPair& pair : ranked) {
    if (!pair.mutual()) continue;
    source_settled[pair.source] = pair.evidence.cooccurrences;
    target_settled[pair.target] = pair.evidence.cooccurrences;
  }
  auto settled = [](const std::unordered_map<std::uint32_t, std::int64_t>& map,
                    std::uint32_t candidate) {
    auto found = map.find(candidate);
    return found != map.end() && found->second >= kSettled;
  };
  std::vector<TermPair> kept;
  for (TermPair& pair : ranked) {
    const PairEvidence& e = pair.evidence;
    if ((e.source_rank != 1 && e.target_rank != 1) || e.score < min_score) continue;
    // Seen once beside a candidate whose translation the text has settled elsewhere, a pair is
    // a one-off rendering or a stray match ("AI" once in a French product name, against "AI" /
    // "IA" six times): no variant worth proposing.
    if (e.cooccurrences < 2 && ((e.source_rank != 1 && settled(source_settled, pair.source)) ||
                                (e.target_rank != 1 && settled(target_settled, pair.target)))) {
      continue;
    }
    kept.push_back(std::move(pair));
  }
  return kept;
}

std::vector<bool> FindNestedPairs(const std::vector<TermPair>& kept, const CandidateSet& source,
                                  const CandidateSet& target, std::vector<bool>* fragments,
                                  std::vector<bool>* headless) {
  if (fragments != nullptr) fragments->assign(kept.size(), false);
  if (headless != nullptr) headless->assign(kept.size(), false);
  // Every run of whole words of each kept pair's source key -> the pairs holding it.
  std::unordered_map<std::string, std::vector<std::size_t>> by_inner_key;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const std::string& key = source.candidates[kept[k].source].key;
    std::vector<std::size_t> starts{0};
    for (std::size_t p = 0; p < key.size(); ++p) {
      if (key[p] == ' ') starts.push_back(p + 1);
    }
    for (std::size_t x = 0; x < starts.size(); ++x) {
      for (std::size_t y = x; y < starts.size(); ++y) {
        std::size_t end = y + 1 < starts.size() ? starts[y + 1] - 1 : key.size();
        by_inner_key[key.substr(starts[x], end - starts[x])].push_back(k);
      }
    }
  }
  std::vector<bool> demote(kept.size(), false);
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const TermPair& small = kept[k];
    auto found = by_inner_key.find(source.candidates[small.source].key);
    if (found == by_inner_key.end()) continue;
    for (std::size_t outer : found->second) {
      const TermPair& big = kept[outer];
      if (outer == k || (big.source == small.source && big.target == small.target)) continue;
      if (!ContainsWords(target.candidates[big.target].key, target.candidates[small.target].key)) {
        continue;
      }
      const bool fragment = big.evidence.source_count >= small.evidence.source_count &&
                            big.evidence.target_count >= small.evidence.target_count;
      // Never seen apart: the shorter pair is a fragment of the longer one ("Israeli
      // Ministry" in "Israeli Ministry of Defense").
      if (fragment && big.evidence.score >= kFragmentShare * small.evidence.score) {
        // Both seen together only once or so, a compound and the same compound after a noun
        // and a connector ("hip fracture" in "risk of hip fracture" / "fracture de la hanche"
        // in "risque de fracture de la hanche"): the compound is the term, the longer pair a
        // phrase built on it.
        if (big.evidence.cooccurrences < kSettled &&
            source.candidates[small.source].content_words >= 2 &&
            IsComplementOf(source.candidates[small.source].key, source.candidates[big.source].key,
                           source.lang) &&
            IsComplementOf(target.candidates[small.target].key, target.candidates[big.target].key,
                           target.lang)) {
          demote[outer] = true;
          continue;
        }
        demote[k] = true;
        if (fragments != nullptr) (*fragments)[k] = true;
        if (headless != nullptr &&
            LacksHead(source.candidates[small.source].key, source.candidates[big.source].key,
                      source.lang) &&
            LacksHead(target.candidates[small.target].key, target.candidates[big.target].key,
                      target.lang)) {
          (*headless)[k] = true;
        }
      } else if (small.evidence.cooccurrences > big.evidence.cooccurrences &&
                 source.candidates[small.source].content_words >= 2 &&
                 !(GivesNewHead(source.candidates[small.source].key,
                                source.candidates[big.source].key, source.lang) &&
                   GivesNewHead(target.candidates[small.target].key,
                                target.candidates[big.target].key, target.lang))) {
        // The longer pair only adds a modifier to a pair seen more often ("advanced artificial
        // intelligence"). One that gives it a head of its own on both sides names another
        // thing ("civil protection mechanism" / "mécanisme de protection civile").
        demote[outer] = true;
      } else if (IsSingleWordPair(small, source, target) && !big.tentative) {
        // A common word inside a paired phrase on both sides ("services" in "professional
        // services" / "services professionnels") is that phrase's head or modifier more than
        // a term of its own (the nesting discount of C-value). A phrase seen together once,
        // unconfirmed, says nothing yet of the word ("payee's account" / "compte du
        // bénéficiaire" beside "payee" / "bénéficiaire").
        demote[k] = true;
      }
    }
  }
  return demote;
}

void DropFragments(const CandidateSet& source, const CandidateSet& target, double min_score,
                   std::vector<TermPair>* ranked) {
  std::vector<TermPair> kept;
  for (const TermPair& pair : *ranked) {
    if ((pair.evidence.source_rank == 1 || pair.evidence.target_rank == 1) &&
        pair.evidence.score >= min_score) {
      kept.push_back(pair);
    }
  }
  std::vector<bool> fragments, headless;
  FindNestedPairs(kept, source, target, &fragments, &headless);
  std::unordered_set<std::uint64_t> dropped;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    // An acronym or a name names something on its own ("IP" in "IP address"), and one
    // co-occurrence does not tell which of two boundaries is the term's ("emergency support" in
    // "limited emergency support"): those are only ranked lower, by FindNestedPairs. Unless the
    // fragment leaves out the longer phrase's head on both sides: "limited emergency" /
    // "urgence limité" is no term of its own.
    // An acronym or a name that the other language writes only inside a longer term is that
    // term's worse boundary, though: "PIN" / "PIN" beside "PIN" / "code PIN".
    const bool named = source.candidates[kept[k].source].kind != CandidateKind::kPhrase ||
                       target.candidates[kept[k].target].kind != CandidateKind::kPhrase;
    if (fragments[k] && (!named || WiderOnOneSide(kept, k, source, target)) &&
        (kept[k].evidence.cooccurrences >= 2 || headless[k])) {
      dropped.insert(std::uint64_t{kept[k].source} << 32 | kept[k].target);
    }
  }
  if (dropped.empty()) return;
  std::erase_if(*ranked, [&](const TermPair& pair) {
    return dropped.count(std::uint64_t{pair.source} << 32 | pair.target) > 0;
  });
  RankPairs(ranked);
}

void FindWorseBoundaries(const std::vector<TermPair>& kept, const MutualPartners& partners,
                         const CandidateSet& source, const CandidateSet& target,
                         std::vector<bool>* demote) {
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const TermPair& pair = kept[k];
    if (pair.mutual()) continue;
    if (pair.evidence.source_rank == 1) {
      auto best = partners.source_of.find(pair.target);
      (*demote)[k] =
          (*demote)[k] || (best != partners.source_of.end() &&
                           SharesContentWord(source.candidates[pair.source].key,
                                             source.candidates[best->second].key, source.lang));
    } else {
      auto best = partners.target_of.find(pair.source);
      (*demote)[k] =
          (*demote)[k] || (best != partners.target_of.end() &&
                           SharesContentWord(target.candidates[pair.target].key,
                                             target.candidates[best->second].key, target.lang));
    }
  }
}

void DiscountAndSort(const CandidateSet& source, const CandidateSet& target,
                     const std::vector<bool>& demote, std::vector<TermPair>* kept) {
  for (std::size_t k = 0; k < kept->size(); ++k) {
    TermPair& pair = (*kept)[k];
    pair.demoted = demote[k];
    if (demote[k]) pair.evidence.score *= kDemoted;
    // A pair only one side prefers is less sure than one both sides prefer.
    if (!pair.mutual()) pair.evidence.score *= kOneSided;
    // One co-occurrence the lexicon does not confirm word for word may be chance: still the
    // best partner, but ranked lower.
    if (pair.tentative) pair.evidence.score *= kTentative;
    // One word each side ("river" / "rivière") is more often general vocabulary than a phrase
    // is: still proposed, but after the phrases and names.
    const bool single_words = IsSingleWordPair(pair, source, target);
    if (single_words) pair.evidence.score *= kCommonWord;
    // ... and seen once, however confirmed, it is no term of the text yet: unless it is a word
    // of a special field ("dosage" / "posologie") standing on its own, not a fragment of a
    // longer pair ("fracture" of "hip fracture").
    pair.common_words =
        single_words && (demote[k] || !IsSpecialisedWordPair(pair, source, target));
    if (pair.common_words && IsEverydayWordPair(pair, source, target)) {
      pair.evidence.score *= kEveryday;
    }
    if (pair.common_words && !pair.tentative && pair.evidence.cooccurrences < 2) {
      pair.evidence.score *= kSeenOnce;
    }
  }
  // Equal scores go by co-occurrences, then by the candidates' order in the text, so that the
  // order never depends on how the pairs were gathered.
  std::sort(kept->begin(), kept->end(), [](const TermPair& x, const TermPair& y) {
    if (x.evidence.score != y.evidence.score) return x.evidence.score > y.evidence.score;
    if (x.evidence.cooccurrences != y.evidence.cooccurrences) {
      return x.evidence.cooccurrences > y.evidence.cooccurrences;
    }
    return std::pair(x.source, x.target) < std::pair(y.source, y.target);
  });
}

}  // namespace internal

bool TermPair::WellSupported() const {
  if (!mutual() || tentative) return false;
  // The aligner may link only part of a pair whose words do not translate one by one ("bank
  // statement" / "relevé de compte"); two sides that never occur apart, seen together often,
  // are one concept all the same.
  const bool inseparable = evidence.dice >= 1.0 && !demoted &&
                           evidence.cooccurrences >= internal::kInseparable &&
                           evidence.coverage >= internal::kLooselyCovered;
  if (evidence.coverage < internal::kWellCovered && !inseparable) return false;
  // A fragment or a variant of another kept pair, seen once, is not a term of its own yet
  // ("United" / "Unis" inside "United States" / "États-Unis").
  if (demoted && evidence.cooccurrences < 2) return false;
  // Co-occurrences the aligner alone explains need more of them, and a stronger association,
  // to rule out a loose translation that happens to repeat; unless the two sides never occur
  // apart (Dice 1): a non-compositional pair seen twice ("season ticket" / "abonnement", "entry
  // into force" / "entrée en vigueur") is as good a pair as a lexically linked one, if it is
  // no fragment of a longer pair ("zone" / "horaire" in "time zone" / "fuseau horaire").
  // Two acronyms each other's best partner twice ("ATM" / "DAB", "UPS" / "ASI") are as sure:
  // an acronym is no common word that happens to stand beside another.
  const std::int64_t needed = anchored || acronyms || (evidence.dice >= 1.0 && !demoted) ? 2 : 3;
  const double association = anchored ? internal::kWellAssociated : internal::kAlignerAssociated;
  if (evidence.dice < association) return false;
  return (confirmed && !common_words) || evidence.cooccurrences >= needed;
}

}  // namespace termalign::glossary
