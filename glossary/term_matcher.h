// Finding every known term in a sentence without a database query per word span: the terms of
// one language are loaded once into two token tries (folded forms and stems), and a sentence
// costs one walk per start token. Private to the glossary library: Termbase::FindInText keeps
// one matcher per language and loads it again when the termbase has changed.
#ifndef TERMALIGN_GLOSSARY_TERM_MATCHER_H_
#define TERMALIGN_GLOSSARY_TERM_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glossary/termbase.h"

namespace termalign::glossary {

class TermMatcher {
 public:
  // Every term of `lang` that is not rejected ("" for every language; stems are then not used,
  // as they depend on the language).
  static Result<std::unique_ptr<TermMatcher>> Load(Termbase::Impl& impl, std::string_view lang);

  // The terms in `sentence`: spans of whole tokens whose folded forms, or word-by-word stems,
  // equal a term's. Unsorted; each (term, span) once, with its strictest match.
  std::vector<TextMatch> Find(std::string_view sentence) const;

  std::size_t term_count() const { return term_count_; }

 private:
  // A term ending at a trie node.
  struct End {
    TermId term;
    EntityId entity;
    std::uint32_t text;  // index into texts_, for telling an exact match from a folded one
  };
  static constexpr std::uint32_t kFoldedRoot = 0;
  static constexpr std::uint32_t kStemRoot = 1;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  explicit TermMatcher(std::string lang) : lang_(std::move(lang)) {}
  // Adds the space-separated token sequence `key` below `root`, ending at `end`.
  void Insert(std::uint32_t root, std::string_view key, const End& end);
  std::uint32_t Child(std::uint32_t node, std::string_view token) const;

  std::string lang_;
  std::unordered_map<std::string, std::uint32_t> vocabulary_;  // token -> id
  // (node << 32 | token id) -> child node
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  std::vector<std::vector<End>> ends_;  // per node
  std::vector<std::string> texts_;
  std::size_t term_count_ = 0;
};

}  // namespace termalign::glossary

#endif  // TERMALIGN_GLOSSARY_TERM_MATCHER_H_
