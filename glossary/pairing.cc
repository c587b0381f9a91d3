// Term pairing: word links per aligned pair, coverage of candidate occurrences, then scores,
// ranks and the demotion of pairs nested in longer ones.
#include "glossary/pairing.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "glossary/word_links.h"
#include "link_table.h"
#include "text/dictionary.h"
#include "text/fold.h"
#include "text/ibm_model1.h"
#include "text/stop_words.h"

namespace termalign::glossary {
namespace {

constexpr double kLinked = 0.3;  // a word counts as explained from this strength
constexpr double kLinkedElsewhere = 0.5;
constexpr double kPositionCredit = 0.25;   // unlinked words left facing each other
constexpr double kUnconfirmedGuess = 0.6;  // a position guess seen in one aligned pair only
constexpr double kCommonWord = 0.7;        // a pair of single lower-case words

struct Accumulator {
  std::int64_t joint = 0;
  double sum = 0.0;
  double current = 0.0;  // best local score within the aligned pair `last_pair`
  double best = -1.0;
  std::uint32_t last_pair = UINT32_MAX;
  std::uint32_t example = 0;
  LinkChannel channel = LinkChannel::kNone;
  bool guessed = false;  // the best local score needed words credited only for their position
};

// Vocabulary ids for IBM Model 1, over content-word stems.
struct Vocabulary {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::uint32_t Id(const std::string& word) {
    return ids.try_emplace(word, static_cast<std::uint32_t>(ids.size())).first->second;
  }
};

// Channel order when two links are equally strong: the more specific evidence wins.
int ChannelPriority(LinkChannel channel) {
  switch (channel) {
    case LinkChannel::kIdentical:
      return 6;
    case LinkChannel::kAcronym:
      return 5;
    case LinkChannel::kDictionary:
      return 4;
    case LinkChannel::kCognate:
      return 3;
    case LinkChannel::kModel:
      return 2;
    case LinkChannel::kPosition:
      return 1;
    case LinkChannel::kNone:
      return 0;
  }
  return 0;
}

bool ContainsWords(const std::string& outer, const std::string& inner) {
  if (inner.size() > outer.size()) return false;
  std::string padded_outer = " " + outer + " ";
  return padded_outer.find(" " + inner + " ") != std::string::npos;
}

// t(target | source) from the row of `source` (TranslationTable::Translations); 0 when absent.
double ProbabilityIn(std::span<const text::TranslationTable::Entry> row, std::uint32_t target) {
  auto it = std::lower_bound(row.begin(), row.end(), target,
                             [](const auto& entry, std::uint32_t t) { return entry.target < t; });
  return it != row.end() && it->target == target ? it->probability : 0.0;
}

// Adds `word` to `forms` unless a word of the same folded form is there already.
void AddForm(const Word* word, std::vector<const Word*>* forms) {
  for (const Word* known : *forms) {
    if (known->folded == word->folded && known->acronym == word->acronym) return;
  }
  forms->push_back(word);
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

}  // namespace

std::vector<TermPair> PairCandidates(const CandidateSet& source, const CandidateSet& target,
                                     WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
                                     const PairingOptions& options) {
  const std::size_t pairs = std::min(source.words.size(), target.words.size());
  WordLinker linker(&source_analyzer, &target_analyzer, options.forward, options.backward);

  // Content words of every aligned pair, as vocabulary ids.
  Vocabulary source_vocabulary, target_vocabulary;
  std::vector<text::TokenIdPair> forward_data(pairs);
  std::vector<std::vector<std::uint16_t>> source_content(pairs), target_content(pairs);
  for (std::size_t i = 0; i < pairs; ++i) {
    const std::vector<Word>& sw = source.words[i];
    const std::vector<Word>& tw = target.words[i];
    if (sw.empty() || tw.empty()) continue;
    for (std::size_t a = 0; a < sw.size() && a < 0xFFFF; ++a) {
      if (!sw[a].content) continue;
      source_content[i].push_back(static_cast<std::uint16_t>(a));
      forward_data[i].source.push_back(source_vocabulary.Id(sw[a].stem));
    }
    for (std::size_t b = 0; b < tw.size() && b < 0xFFFF; ++b) {
      if (!tw[b].content) continue;
      target_content[i].push_back(static_cast<std::uint16_t>(b));
      forward_data[i].target.push_back(target_vocabulary.Id(tw[b].stem));
    }
  }

  std::vector<std::int64_t> source_frequency(source_vocabulary.ids.size()),
      target_frequency(target_vocabulary.ids.size());
  for (const text::TokenIdPair& pair : forward_data) {
    for (std::uint32_t id : pair.source) ++source_frequency[id];
    for (std::uint32_t id : pair.target) ++target_frequency[id];
  }

  // Lexical links by vocabulary ids: an id is a stem, written in one or more forms.
  std::vector<std::vector<const Word*>> source_forms(source_vocabulary.ids.size());
  std::vector<std::vector<const Word*>> target_forms(target_vocabulary.ids.size());
  for (std::size_t i = 0; i < pairs; ++i) {
    for (std::size_t a = 0; a < source_content[i].size(); ++a) {
      AddForm(&source.words[i][source_content[i][a]], &source_forms[forward_data[i].source[a]]);
    }
    for (std::size_t b = 0; b < target_content[i].size(); ++b) {
      AddForm(&target.words[i][target_content[i][b]], &target_forms[forward_data[i].target[b]]);
    }
  }
  const internal::LinkTable link_table(source_forms, target_forms, linker, source_analyzer,
                                       target_analyzer, options.forward, options.backward);

  // IBM Model 1 both ways, seeded with the dictionary's pairs as one-word sentences.
  text::TranslationTable forward_model, backward_model;
  const bool use_model = options.model_iterations > 0 && pairs > 0;
  if (use_model) {
    std::vector<text::TokenIdPair> training = forward_data;
    if (options.forward != nullptr) {
      for (const auto& [word, id] : source_vocabulary.ids) {
        for (const std::string& translation : options.forward->Translations(word)) {
          auto found = target_vocabulary.ids.find(translation);
          if (found != target_vocabulary.ids.end()) training.push_back({{id}, {found->second}});
        }
      }
    }
    // Word pairs the lexical channels already link (identity, cognates) and that co-occur are
    // seeded too, so that EM explains "israélienne" by "israeli" and leaves "armée" to
    // "military".
    std::unordered_set<std::uint64_t> seeded;
    for (std::size_t i = 0; i < pairs; ++i) {
      const std::vector<std::uint32_t>& targets = forward_data[i].target;
      for (std::uint32_t s_id : forward_data[i].source) {
        for (const internal::LinkTable::Entry& entry : link_table.Row(s_id)) {
          if (entry.link.strength < 0.6 ||
              std::find(targets.begin(), targets.end(), entry.target) == targets.end() ||
              !seeded.insert((std::uint64_t{s_id} << 32) | entry.target).second) {
            continue;
          }
          training.push_back({{s_id}, {entry.target}});
        }
      }
    }
    forward_model.Train(training, options.model_iterations);
    for (text::TokenIdPair& pair : training) std::swap(pair.source, pair.target);
    backward_model.Train(training, options.model_iterations);
  }

  // How many aligned pairs (with both sides) hold each candidate.
  std::vector<std::int64_t> source_count(source.candidates.size()),
      target_count(target.candidates.size());
  std::vector<std::uint32_t> seen_source(source.candidates.size(), UINT32_MAX);
  std::vector<std::uint32_t> seen_target(target.candidates.size(), UINT32_MAX);
  for (std::size_t i = 0; i < pairs; ++i) {
    if (source_content[i].empty() || target_content[i].empty()) continue;
    for (const Occurrence& o : source.occurrences[i]) {
      if (seen_source[o.candidate] != i) ++source_count[o.candidate], seen_source[o.candidate] = i;
    }
    for (const Occurrence& o : target.occurrences[i]) {
      if (seen_target[o.candidate] != i) ++target_count[o.candidate], seen_target[o.candidate] = i;
    }
  }

  // Folded phrases, for whole-phrase dictionary entries.
  auto folded_phrases = [](const CandidateSet& set) {
    std::vector<std::string> out(set.candidates.size());
    for (std::size_t c = 0; c < set.candidates.size(); ++c) {
      if (set.candidates[c].content_words >= 2) out[c] = text::FoldForMatch(set.candidates[c].text);
    }
    return out;
  };
  const std::vector<std::string> source_phrases = folded_phrases(source);
  const std::vector<std::string> target_phrases = folded_phrases(target);

  std::unordered_map<std::uint64_t, Accumulator> accumulators;
  std::vector<WordLink> links;
  std::vector<double> row_max, column_max, model;
  std::vector<int> source_position, target_position;  // word index -> content position
  std::vector<std::span<const text::TranslationTable::Entry>> backward_rows;
  for (std::size_t i = 0; i < pairs; ++i) {
    const std::vector<std::uint16_t>& sc = source_content[i];
    const std::vector<std::uint16_t>& tc = target_content[i];
    if (sc.empty() || tc.empty()) continue;
    const std::vector<Word>& sw = source.words[i];
    const std::vector<Word>& tw = target.words[i];
    links.assign(sc.size() * tc.size(), WordLink{});
    row_max.assign(sc.size(), 0.0);
    column_max.assign(tc.size(), 0.0);
    // IBM Model 1 links, symmetrised by intersection: a word pair counts only when each word
    // is the other's most probable partner in this aligned pair.
    model.assign(sc.size() * tc.size(), 0.0);
    if (use_model) {
      std::vector<double> best_row(sc.size(), 0.0), best_column(tc.size(), 0.0);
      backward_rows.clear();
      for (std::uint32_t t_id : forward_data[i].target) {
        backward_rows.push_back(backward_model.Translations(t_id));
      }
      for (std::size_t a = 0; a < sc.size(); ++a) {
        const std::uint32_t s_id = forward_data[i].source[a];
        const auto forward_row = forward_model.Translations(s_id);
        for (std::size_t b = 0; b < tc.size(); ++b) {
          const std::uint32_t t_id = forward_data[i].target[b];
          // A word seen once or twice gets whatever probability EM leaves over: trust it
          // by how often both words were seen.
          double seen =
              static_cast<double>(std::min(source_frequency[s_id], target_frequency[t_id]));
          double p =
              std::sqrt(ProbabilityIn(forward_row, t_id) * ProbabilityIn(backward_rows[b], s_id)) *
              (1.0 - std::exp2(-seen));
          model[a * tc.size() + b] = p;
          best_row[a] = std::max(best_row[a], p);
          best_column[b] = std::max(best_column[b], p);
        }
      }
      for (std::size_t a = 0; a < sc.size(); ++a) {
        for (std::size_t b = 0; b < tc.size(); ++b) {
          double& p = model[a * tc.size() + b];
          if (p < best_row[a] || p < best_column[b]) p = 0.0;
        }
      }
    }
    for (std::size_t a = 0; a < sc.size(); ++a) {
      for (std::size_t b = 0; b < tc.size(); ++b) {
        WordLink link = link_table.Get(forward_data[i].source[a], forward_data[i].target[b]);
        if (model[a * tc.size() + b] > link.strength) {
          link = {model[a * tc.size() + b], LinkChannel::kModel};
        }
        links[a * tc.size() + b] = link;
        row_max[a] = std::max(row_max[a], link.strength);
        column_max[b] = std::max(column_max[b], link.strength);
      }
    }
    source_position.assign(sw.size(), -1);
    target_position.assign(tw.size(), -1);
    for (std::size_t a = 0; a < sc.size(); ++a) source_position[sc[a]] = static_cast<int>(a);
    for (std::size_t b = 0; b < tc.size(); ++b) target_position[tc[b]] = static_cast<int>(b);

    // Content positions each target occurrence spans, as a 64-bit mask, for a quick test.
    std::vector<std::uint64_t> target_masks;
    target_masks.reserve(target.occurrences[i].size());
    for (const Occurrence& ot : target.occurrences[i]) {
      std::uint64_t mask = 0;
      for (int w = ot.first; w < ot.last; ++w) {
        if (target_position[w] >= 0) mask |= std::uint64_t{1} << std::min(target_position[w], 63);
      }
      target_masks.push_back(mask);
    }

    for (const Occurrence& os : source.occurrences[i]) {
      std::uint64_t linked_mask = 0;
      for (int w = os.first; w < os.last; ++w) {
        int a = source_position[w];
        if (a < 0) continue;
        for (std::size_t b = 0; b < tc.size(); ++b) {
          if (links[a * tc.size() + b].strength >= kLinked) {
            linked_mask |= std::uint64_t{1} << std::min<std::size_t>(b, 63);
          }
        }
      }
      if (linked_mask == 0) continue;
      const int source_words = source.candidates[os.candidate].content_words;
      for (std::size_t k = 0; k < target.occurrences[i].size(); ++k) {
        if ((target_masks[k] & linked_mask) == 0) continue;
        const Occurrence& ot = target.occurrences[i][k];
        const int target_words = target.candidates[ot.candidate].content_words;
        if (std::abs(source_words - target_words) > 2) continue;

        // Coverage of each side by links into the other occurrence.
        double source_sum = 0.0, target_sum = 0.0;
        int source_unlinked = 0, target_unlinked = 0;
        LinkChannel channel = LinkChannel::kNone;
        double channel_strength = 0.0;
        for (int w = os.first; w < os.last; ++w) {
          int a = source_position[w];
          if (a < 0) continue;
          double best = 0.0;
          for (int v = ot.first; v < ot.last; ++v) {
            int b = target_position[v];
            if (b < 0) continue;
            const WordLink& link = links[a * tc.size() + b];
            best = std::max(best, link.strength);
            if (link.strength > channel_strength ||
                (link.strength == channel_strength &&
                 ChannelPriority(link.channel) > ChannelPriority(channel))) {
              channel = link.channel;
              channel_strength = link.strength;
            }
          }
          if (best < kLinked && row_max[a] < kLinkedElsewhere) {
            ++source_unlinked;
          } else {
            source_sum += best;
          }
        }
        for (int v = ot.first; v < ot.last; ++v) {
          int b = target_position[v];
          if (b < 0) continue;
          double best = 0.0;
          for (int w = os.first; w < os.last; ++w) {
            int a = source_position[w];
            if (a >= 0) best = std::max(best, links[a * tc.size() + b].strength);
          }
          if (best < kLinked && column_max[b] < kLinkedElsewhere) {
            ++target_unlinked;
          } else {
            target_sum += best;
          }
        }
        // Words no link explains, one each side and facing each other, probably translate
        // each other ("language translation" / "traduction linguistique").
        const bool guessed = source_unlinked > 0 && source_unlinked == target_unlinked;
        if (guessed) {
          source_sum += kPositionCredit * source_unlinked;
          target_sum += kPositionCredit * target_unlinked;
        }
        double source_cover = source_sum / source_words;
        double target_cover = target_sum / target_words;
        // Both sides must be explained: the weaker side counts most, and each content word
        // one side has more than the other costs a little.
        double local = (0.85 * std::min(source_cover, target_cover) +
                        0.15 * (source_cover + target_cover) / 2.0) *
                       (1.0 - 0.1 * std::abs(source_words - target_words));
        bool phrase_entry =
            source_words >= 2 && target_words >= 2 &&
            linker.PhraseInDictionary(source_phrases[os.candidate], target_phrases[ot.candidate]);
        if (phrase_entry) {
          local = 1.0;
          channel = LinkChannel::kDictionary;
        }
        if (local < options.min_local) continue;

        Accumulator& acc =
            accumulators[(std::uint64_t{os.candidate} << 32) | std::uint64_t{ot.candidate}];
        if (acc.last_pair == i) {
          if (local > acc.current) acc.sum += local - acc.current, acc.current = local;
        } else {
          ++acc.joint;
          acc.sum += local;
          acc.current = local;
          acc.last_pair = static_cast<std::uint32_t>(i);
        }
        if (local > acc.best) {
          acc.best = local;
          acc.example = static_cast<std::uint32_t>(i);
          acc.channel = channel;
          acc.guessed = guessed && !phrase_entry;
        }
      }
    }
  }

  // Scores.
  std::vector<TermPair> all;
  all.reserve(accumulators.size());
  for (const auto& [key, acc] : accumulators) {
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
    e.log_dice = 14.0 + std::log2(e.dice);
    e.example = acc.example;
    e.method = std::string(ToString(acc.channel));
    double confidence = 1.0 - std::pow(0.5, static_cast<double>(acc.joint));
    double termhood = std::min(Termhood(source.candidates[pair.source]),
                               Termhood(target.candidates[pair.target]));
    e.score = e.coverage * (0.35 + 0.65 * e.dice) * (0.7 + 0.3 * confidence) * termhood;
    pair.guessed = acc.guessed && acc.joint < 2;
    // The same name on both sides needs no statistics ("Microsoft" / "Microsoft").
    const Candidate& s_candidate = source.candidates[pair.source];
    const Candidate& t_candidate = target.candidates[pair.target];
    if (s_candidate.kind != CandidateKind::kPhrase && t_candidate.kind != CandidateKind::kPhrase &&
        s_candidate.key == t_candidate.key) {
      e.score = std::max(e.score, 0.7);
    }
    all.push_back(std::move(pair));
  }

  // Ranks on each side.
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

  // Each candidate's partner in a mutual pair, to tell a pair that only one side prefers
  // because its other side's boundaries are off ("cloud computing services" / "cloud
  // computing", beside the mutual "cloud computing" / "cloud computing").
  std::unordered_map<std::uint32_t, std::uint32_t> best_source_of, best_target_of;
  for (const TermPair& pair : all) {
    if (!pair.mutual()) continue;
    best_source_of[pair.target] = pair.source;
    best_target_of[pair.source] = pair.target;
  }

  std::vector<TermPair> kept;
  for (TermPair& pair : all) {
    if ((pair.evidence.source_rank == 1 || pair.evidence.target_rank == 1) &&
        pair.evidence.score >= options.min_score) {
      kept.push_back(std::move(pair));
    }
  }

  // Pairs nested in other kept pairs. A fragment that never occurs outside the longer pair
  // is halved; so is a longer pair that only adds a modifier to a pair seen more often
  // ("advanced artificial intelligence").
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
  auto is_common_word = [&](const TermPair& pair) {
    const Candidate& s_candidate = source.candidates[pair.source];
    const Candidate& t_candidate = target.candidates[pair.target];
    return s_candidate.content_words == 1 && t_candidate.content_words == 1 &&
           s_candidate.kind == CandidateKind::kPhrase && t_candidate.kind == CandidateKind::kPhrase;
  };
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
      if (fragment && big.evidence.score >= 0.5 * small.evidence.score) {
        demote[k] = true;
      } else if (small.evidence.cooccurrences > big.evidence.cooccurrences &&
                 source.candidates[small.source].content_words >= 2) {
        demote[outer] = true;
      } else if (is_common_word(small)) {
        // A common word inside a paired phrase on both sides ("services" in "professional
        // services" / "services professionnels") is that phrase's head or modifier more than
        // a term of its own (the nesting discount of C-value).
        demote[k] = true;
      }
    }
  }
  // A pair only one side prefers, when the other side is in a mutual pair with a candidate
  // overlapping this one, draws the same correspondence with worse boundaries.
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const TermPair& pair = kept[k];
    if (pair.mutual()) continue;
    if (pair.evidence.source_rank == 1) {
      auto best = best_source_of.find(pair.target);
      demote[k] =
          demote[k] || (best != best_source_of.end() &&
                        SharesContentWord(source.candidates[pair.source].key,
                                          source.candidates[best->second].key, source.lang));
    } else {
      auto best = best_target_of.find(pair.source);
      demote[k] =
          demote[k] || (best != best_target_of.end() &&
                        SharesContentWord(target.candidates[pair.target].key,
                                          target.candidates[best->second].key, target.lang));
    }
  }
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (demote[k]) kept[k].evidence.score *= 0.5;
    // A pair only one side prefers is less sure than one both sides prefer.
    if (!kept[k].mutual()) kept[k].evidence.score *= 0.75;
    // Words paired only because they face each other are a guess that one co-occurrence
    // cannot confirm: still the best partner (a guess beats leaving a word unexplained),
    // but ranked lower.
    if (kept[k].guessed) kept[k].evidence.score *= kUnconfirmedGuess;
    // One common word each side ("river" / "rivière") is mostly general vocabulary: still
    // proposed, but after the phrases and names.
    if (is_common_word(kept[k])) kept[k].evidence.score *= kCommonWord;
  }
  std::sort(kept.begin(), kept.end(), [](const TermPair& x, const TermPair& y) {
    return x.evidence.score > y.evidence.score;
  });
  return kept;
}

}  // namespace termalign::glossary
