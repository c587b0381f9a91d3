// Private to pairing: the lexical word links between two vocabularies, computed only for the
// word pairs that can link at all.
#ifndef TERMALIGN_GLOSSARY_LINK_TABLE_H_
#define TERMALIGN_GLOSSARY_LINK_TABLE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "glossary/extract.h"
#include "glossary/word_links.h"

namespace termalign::text {
class BilingualDictionary;
}

namespace termalign::glossary::internal {

// A LinkTable holds WordLinker::Link for every pair of a source and a target vocabulary whose
// link is not zero. Two words can only link when they share their folded form, their first
// four code points (cognates), their acronym letters, or a dictionary entry between their
// stems (for a hyphenated compound: those of one of its parts); the table scores just those pairs, so building it costs about the vocabulary sizes,
// not their product. Immutable after construction.
class LinkTable {
 public:
  struct Entry {
    std::uint32_t target;
    WordLink link;
  };

  // `source_forms[i]` and `target_forms[j]` are the distinct written forms of vocabulary ids i
  // and j (borrowed for the constructor only); two ids link as strongly as their best pair of
  // forms. The dictionaries are source->target and target->source; either may be null.
  LinkTable(const std::vector<std::vector<const Word*>>& source_forms,
            const std::vector<std::vector<const Word*>>& target_forms, WordLinker& linker,
            WordAnalyzer& source_analyzer, WordAnalyzer& target_analyzer,
            const text::BilingualDictionary* forward, const text::BilingualDictionary* backward);

  // The links of source id `source`, in increasing target id order.
  std::span<const Entry> Row(std::uint32_t source) const {
    return {entries_.data() + begin_[source], begin_[source + 1] - begin_[source]};
  }

  // The link between two ids; strength 0 and channel kNone when they do not link.
  WordLink Get(std::uint32_t source, std::uint32_t target) const;

 private:
  std::vector<std::size_t> begin_;  // row s is entries_[begin_[s], begin_[s + 1])
  std::vector<Entry> entries_;
};

}  // namespace termalign::glossary::internal

#endif  // TERMALIGN_GLOSSARY_LINK_TABLE_H_
