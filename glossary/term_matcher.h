// Finding every known term in a sentence without a database query per word span: the terms of
// one language are loaded once into two token tries (folded forms and stems) over word ids, and
// a sentence costs one hash probe per word form and one per trie step. Private to the glossary
// library: Termbase::FindInText keeps one matcher per language and loads it again when the
// termbase has changed.
#ifndef TERMALIGN_GLOSSARY_TERM_MATCHER_H_
#define TERMALIGN_GLOSSARY_TERM_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glossary/termbase.h"
#include "text/key_index.h"

namespace termalign::glossary {

struct KeyWord;  // termbase_impl.h

class TermMatcher {
 public:
  // Every term of `lang` that is not rejected ("" for every language; stems are then not used,
  // as they depend on the language).
  static Result<std::unique_ptr<TermMatcher>> Load(Termbase::Impl& impl, std::string_view lang);

  // The terms in `sentence`: spans of whole tokens whose folded forms, or word-by-word stems,
  // equal a term's. Unsorted; each (term, span) once, with its strictest match. Remembers the
  // word forms it meets, so one matcher is used by one thread at a time.
  std::vector<TextMatch> Find(std::string_view sentence);

  std::size_t term_count() const { return term_count_; }

 private:
  // A term ending at a trie node.
  struct End {
    TermId term;
    EntityId entity;
    std::uint32_t text;  // index into texts_, for telling an exact match from a folded one
    std::uint32_t next = UINT32_MAX;  // the next End of the same node in ends_, or kNone
  };
  static constexpr std::uint32_t kFoldedRoot = 0;
  static constexpr std::uint32_t kStemRoot = 1;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Hashes std::string and std::string_view alike, so that a lookup copies no word.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const {
      return std::hash<std::string_view>()(word);
    }
  };

  // What a word form of a text comes to: the ids of its folded form and of its stems (kNone
  // for a form no term has), or nothing when it folds to nothing (KeyTokens leaves it out).
  struct WordIds {
    bool skipped = false;
    std::uint32_t folded = kNone;
    std::uint32_t first_stem = 0;  // stem ids are stem_ids_[first_stem, first_stem + stem_count)
    std::uint32_t stem_count = 0;
  };

  explicit TermMatcher(std::string lang);
  // The ids of `word`, computed on first sight and remembered.
  const WordIds& IdsOf(const KeyWord& word);
  // Adds the space-separated token sequence `key` below `root`, ending at `end`.
  void Insert(std::uint32_t root, std::string_view key, const End& end);
  // The id of `word`, or kNone when no term has it.
  std::uint32_t WordId(std::string_view word) const;
  // The node below `node` by word `word`, or kNone.
  std::uint32_t Child(std::uint32_t node, std::uint32_t word) const;

  std::string lang_;
  std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>> vocabulary_;
  // (node << 32 | word id) -> child node - kFirstChild: nodes are numbered as edges are added.
  text::KeyIndex edges_;
  static constexpr std::uint32_t kFirstChild = 2;
  // The children of the two roots again, by word id (kNone for none): every word of a sentence
  // starts two walks, and an array index is cheaper than a probe of the large edge table.
  std::vector<std::uint32_t> root_children_[kFirstChild];
  std::vector<std::uint32_t> first_end_;  // per node: its first End in ends_, or kNone
  std::vector<End> ends_;
  std::vector<std::string> texts_;
  // Word forms seen in text, numbers and addresses [0] apart from words [1] (only words have
  // stems); the references Find holds stay valid as the maps grow, not across a clear.
  std::unordered_map<std::string, WordIds, WordHash, std::equal_to<>> known_words_[2];
  std::vector<std::uint32_t> stem_ids_;
  std::size_t term_count_ = 0;
};

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_TERM_MATCHER_H_
