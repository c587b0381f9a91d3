// Term pairing: a word alignment of the whole corpus, the candidate occurrences consistent with
// it, then scores, ranks and the demotion of pairs nested in longer ones. The phases are in
// pairing_phases.h; this file holds the content-word index, the alignment, the candidate counts
// and the sequence.
#include "glossary/pairing.h"

#include <algorithm>

#include "pairing_phases.h"

namespace termalign::glossary {
namespace internal {
namespace {

// Dense ids of one side's stems in the order they are first seen, found through the stems'
// interned ids: an array read per content word instead of a hash of its text.
class SideVocabulary {
 public:
  std::uint32_t Id(text::Interned stem) {
    if (stem.id() >= local_.size()) local_.resize(std::size_t{stem.id()} + 1, 0);
    std::uint32_t& local = local_[stem.id()];
    if (local == 0) {
      stems_.push_back(stem);
      local = static_cast<std::uint32_t>(stems_.size());
    }
    return local - 1;
  }
  // Stem -> id, as ContentIndex keeps them.
  std::unordered_map<std::string, std::uint32_t> Map() const {
    std::unordered_map<std::string, std::uint32_t> ids;
    ids.reserve(stems_.size());
    for (std::uint32_t id = 0; id < stems_.size(); ++id) ids.emplace(stems_[id].str(), id);
    return ids;
  }

 private:
  std::vector<std::uint32_t> local_;  // interned id -> side id + 1; 0 when not seen
  std::vector<text::Interned> stems_;
};

// Adds `word` to `forms` unless a word of the same folded form is there already.
void AddForm(const Word* word, std::vector<const Word*>* forms) {
  for (const Word* known : *forms) {
    if (known->folded == word->folded && known->acronym == word->acronym) return;
  }
  forms->push_back(word);
}

}  // namespace

ContentIndex IndexContentWords(const CandidateSet& source, const CandidateSet& target) {
  const std::size_t pairs = std::min(source.words.size(), target.words.size());
  ContentIndex index;
  index.ids.resize(pairs);
  index.source_words.resize(pairs);
  index.target_words.resize(pairs);
  SideVocabulary source_vocabulary, target_vocabulary;
  for (std::size_t i = 0; i < pairs; ++i) {
    const std::vector<Word>& sw = source.words[i];
    const std::vector<Word>& tw = target.words[i];
    if (sw.empty() || tw.empty()) continue;
    // Reserved: a corpus has millions of these lists, and growth by doubling leaves slack.
    auto content = [](const std::vector<Word>& words) {
      std::size_t count = 0;
      for (std::size_t k = 0; k < words.size() && k < 0xFFFF; ++k) count += words[k].content;
      return count;
    };
    const std::size_t source_content = content(sw), target_content = content(tw);
    index.source_words[i].reserve(source_content);
    index.ids[i].source.reserve(source_content);
    index.target_words[i].reserve(target_content);
    index.ids[i].target.reserve(target_content);
    for (std::size_t a = 0; a < sw.size() && a < 0xFFFF; ++a) {
      if (!sw[a].content) continue;
      index.source_words[i].push_back(static_cast<std::uint16_t>(a));
      index.ids[i].source.push_back(source_vocabulary.Id(sw[a].stem));
    }
    for (std::size_t b = 0; b < tw.size() && b < 0xFFFF; ++b) {
      if (!tw[b].content) continue;
      index.target_words[i].push_back(static_cast<std::uint16_t>(b));
      index.ids[i].target.push_back(target_vocabulary.Id(tw[b].stem));
    }
  }
  index.source_ids = source_vocabulary.Map();
  index.target_ids = target_vocabulary.Map();

  index.source_frequency.resize(index.source_ids.size());
  index.target_frequency.resize(index.target_ids.size());
  for (const text::TokenIdPair& pair : index.ids) {
    for (std::uint32_t id : pair.source) ++index.source_frequency[id];
    for (std::uint32_t id : pair.target) ++index.target_frequency[id];
  }

  // An id is a stem, written in one or more forms.
  index.source_forms.resize(index.source_ids.size());
  index.target_forms.resize(index.target_ids.size());
  for (std::size_t i = 0; i < pairs; ++i) {
    for (std::size_t a = 0; a < index.source_words[i].size(); ++a) {
      AddForm(&source.words[i][index.source_words[i][a]],
              &index.source_forms[index.ids[i].source[a]]);
    }
    for (std::size_t b = 0; b < index.target_words[i].size(); ++b) {
      AddForm(&target.words[i][index.target_words[i][b]],
              &index.target_forms[index.ids[i].target[b]]);
    }
  }
  return index;
}

text::WordAlignment AlignContentWords(const ContentIndex& index, const LinkTable& link_table,
                                      int iterations) {
  text::WordAlignOptions options;
  options.iterations = iterations;
  // No diagonal prior: content words alone, without the function words between them, cross
  // within every noun phrase ("serial number" / "numéro de série"), and on a small corpus the
  // prior then outweighs the co-occurrences. The lexical anchors place the words instead.
  options.tension = 0.0;
  options.learn_tension = false;
  // Decoding keeps the diagonal (fast_align's starting tension) to decide between words the
  // co-occurrences cannot tell apart: two words seen once, side by side.
  options.decode_tension = kDecodeTension;
  options.smoothing = kAlignSmoothing;
  if (iterations <= 0) return text::AlignWords({}, {}, options);
  // Identity, dictionary entries, cognates and acronym letters start the aligner off, so that
  // EM explains "israélienne" by "israeli" and leaves "armée" to "military". The aligner keeps
  // only the pairs that occur together.
  std::vector<text::PriorLink> priors;
  for (std::uint32_t s_id = 0; s_id < index.source_ids.size(); ++s_id) {
    for (const LinkTable::Entry& entry : link_table.Row(s_id)) {
      if (entry.link.strength < kSeedStrength) continue;
      priors.push_back({s_id, entry.target, kPriorCount * entry.link.strength});
    }
  }
  return text::AlignWords(index.ids, priors, options);
}

std::vector<std::int64_t> CountPairsHolding(const CandidateSet& set, const ContentIndex& index) {
  std::vector<std::int64_t> count(set.candidates.size());
  std::vector<std::uint32_t> seen(set.candidates.size(), UINT32_MAX);
  for (std::size_t i = 0; i < index.pairs(); ++i) {
    if (!index.Usable(i)) continue;
    for (const Occurrence& o : set.occurrences[i]) {
      if (seen[o.candidate] != i) ++count[o.candidate], seen[o.candidate] = i;
    }
  }
  return count;
}

}  // namespace internal

std::vector<TermPair> PairCandidates(const CandidateSet& source, const CandidateSet& target,
                                     WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
                                     const PairingOptions& options) {
  WordLinker linker(&source_analyzer, &target_analyzer, options.forward, options.backward);
  const internal::ContentIndex index = internal::IndexContentWords(source, target);
  const internal::LinkTable link_table(index.source_forms, index.target_forms, linker,
                                       source_analyzer, target_analyzer, options.forward,
                                       options.backward);
  const text::WordAlignment alignment =
      internal::AlignContentWords(index, link_table, options.align_iterations);
  const std::vector<std::int64_t> source_count = internal::CountPairsHolding(source, index);
  const std::vector<std::int64_t> target_count = internal::CountPairsHolding(target, index);
  const internal::Accumulators accumulators = internal::GatherEvidence(
      source, target, index, link_table, alignment, linker, options.min_local);

  std::vector<TermPair> ranked =
      internal::ScorePairs(accumulators, source, target, source_count, target_count);
  internal::RankPairs(&ranked);
  internal::DropFragments(source, target, options.min_score, &ranked);
  const internal::MutualPartners partners = internal::FindMutualPartners(ranked);
  std::vector<TermPair> kept = internal::KeepBestPairs(std::move(ranked), options.min_score);
  std::vector<bool> demote = internal::FindNestedPairs(kept, source, target);
  internal::FindWorseBoundaries(kept, partners, source, target, &demote);
  internal::DiscountAndSort(source, target, demote, &kept);
  return kept;
}

}  // namespace termalign::glossary
