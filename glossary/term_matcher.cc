#include "term_matcher.h"

#include <algorithm>

#include "termbase_impl.h"

namespace termalign::glossary {
namespace {

// Spans longer than this are never matched (no term has more words).
constexpr std::size_t kMaxSpanWords = 12;
// Stem paths followed at once from one start token: words with several stems multiply them.
constexpr std::size_t kMaxStemPaths = 8;
// Word forms remembered before the memory starts again (a large corpus has a few hundred
// thousand).
constexpr std::size_t kMaxKnownWords = 500000;

}  // namespace

TermMatcher::TermMatcher(std::string lang) : lang_(std::move(lang)), edges_(1024) {
  first_end_.assign(kFirstChild, kNone);  // the two roots
}

Result<std::unique_ptr<TermMatcher>> TermMatcher::Load(Termbase::Impl& impl,
                                                       std::string_view lang) {
  std::unique_ptr<TermMatcher> matcher(new TermMatcher(std::string(lang)));
  Status status;
  Stmt terms = impl.Prepare(
      "SELECT id, entity_id, folded_key, text FROM terms"
      " WHERE status <> 'rejected' AND (?1 = '' OR lang = ?1)",
      &status);
  if (!status.ok()) return status;
  terms.Bind(1, lang);
  std::unordered_map<TermId, End> by_id;
  int rc;
  while ((rc = terms.Step()) == SQLITE_ROW) {
    End end{terms.Int(0), terms.Int(1), static_cast<std::uint32_t>(matcher->texts_.size())};
    matcher->texts_.push_back(terms.Text(3));
    matcher->Insert(kFoldedRoot, terms.Text(2), end);
    if (!lang.empty()) by_id.emplace(end.term, end);
    ++matcher->term_count_;
  }
  if (rc != SQLITE_DONE) return impl.Error("loading terms", rc);
  if (lang.empty()) return matcher;
  Stmt stems = impl.Prepare(
      "SELECT s.term_id, s.stem_key FROM term_stems s JOIN terms t ON t.id = s.term_id"
      " WHERE t.lang = ?1 AND t.status <> 'rejected'",
      &status);
  if (!status.ok()) return status;
  stems.Bind(1, lang);
  while ((rc = stems.Step()) == SQLITE_ROW) {
    auto end = by_id.find(stems.Int(0));
    if (end != by_id.end()) matcher->Insert(kStemRoot, stems.Text(1), end->second);
  }
  if (rc != SQLITE_DONE) return impl.Error("loading terms", rc);
  return matcher;
}

void TermMatcher::Insert(std::uint32_t root, std::string_view key, const End& end) {
  std::uint32_t node = root;
  std::size_t words = 0;
  while (!key.empty()) {
    std::size_t space = key.find(' ');
    std::string_view token = key.substr(0, space);
    key = space == std::string_view::npos ? std::string_view() : key.substr(space + 1);
    if (token.empty()) continue;
    if (++words > kMaxSpanWords) return;  // never matched: not worth a path
    auto word = vocabulary_.find(token);
    if (word == vocabulary_.end()) {
      word = vocabulary_.emplace(token, static_cast<std::uint32_t>(vocabulary_.size())).first;
    }
    const std::uint32_t parent = node;
    node = edges_.Insert((std::uint64_t{parent} << 32) | word->second) + kFirstChild;
    if (node == first_end_.size()) first_end_.push_back(kNone);
    if (parent < kFirstChild) {
      std::vector<std::uint32_t>& children = root_children_[parent];
      if (children.size() <= word->second) children.resize(word->second + 1, kNone);
      children[word->second] = node;
    }
  }
  if (node == root) return;  // a key without tokens
  // Appended at the tail: a node's terms are listed in the order they were loaded.
  std::uint32_t last = kNone;
  for (std::uint32_t at = first_end_[node]; at != kNone; at = ends_[at].next) {
    if (ends_[at].term == end.term) return;
    last = at;
  }
  const auto added = static_cast<std::uint32_t>(ends_.size());
  ends_.push_back(end);
  ends_.back().next = kNone;
  (last == kNone ? first_end_[node] : ends_[last].next) = added;
}

std::uint32_t TermMatcher::WordId(std::string_view word) const {
  auto found = vocabulary_.find(word);
  return found == vocabulary_.end() ? kNone : found->second;
}

std::uint32_t TermMatcher::Child(std::uint32_t node, std::uint32_t word) const {
  if (word == kNone) return kNone;
  if (node < kFirstChild) {
    const std::vector<std::uint32_t>& children = root_children_[node];
    return word < children.size() ? children[word] : kNone;
  }
  std::uint32_t edge = edges_.Find((std::uint64_t{node} << 32) | word);
  return edge == text::KeyIndex::kAbsent ? kNone : edge + kFirstChild;
}

const TermMatcher::WordIds& TermMatcher::IdsOf(const KeyWord& word) {
  auto& known = known_words_[word.is_word ? 1 : 0];
  auto found = known.find(word.word);
  if (found != known.end()) return found->second;
  KeyToken key;
  FoldKeyWord(word, lang_, !lang_.empty(), &key);
  WordIds ids;
  ids.skipped = key.folded.empty();
  ids.folded = WordId(key.folded);
  ids.first_stem = static_cast<std::uint32_t>(stem_ids_.size());
  for (const std::string& stem : key.stems) stem_ids_.push_back(WordId(stem));
  ids.stem_count = static_cast<std::uint32_t>(stem_ids_.size()) - ids.first_stem;
  return known.emplace(word.word, ids).first->second;
}

std::vector<TextMatch> TermMatcher::Find(std::string_view sentence) {
  std::vector<TextMatch> found;
  if (term_count_ == 0) return found;
  const bool with_stems = !lang_.empty();
  if (known_words_[0].size() + known_words_[1].size() >= kMaxKnownWords) {
    for (auto& known : known_words_) known.clear();
    stem_ids_.clear();
  }
  // The tokens of the keys (KeyTokens), each word form folded, stemmed and looked up once per
  // run rather than once per sentence; a word no term has ends every walk that reaches it.
  struct Token {
    std::size_t begin, end;
    const WordIds* ids;
  };
  std::vector<Token> tokens;
  for (const KeyWord& word : KeyWords(sentence, lang_)) {
    const WordIds& ids = IdsOf(word);
    if (!ids.skipped) tokens.push_back({word.begin, word.end, &ids});
  }
  auto add = [&](const End& end, std::size_t first, std::size_t last, MatchKind how) {
    std::size_t begin = tokens[first].begin, stop = tokens[last].end;
    for (TextMatch& match : found) {
      if (match.term == end.term && match.begin == begin && match.end == stop) {
        match.how = std::min(match.how, how);
        return;
      }
    }
    if (how == MatchKind::kFolded && texts_[end.text] == sentence.substr(begin, stop - begin)) {
      how = MatchKind::kExact;
    }
    found.push_back({begin, stop, end.term, end.entity, how, false});
  };
  std::vector<std::uint32_t> paths, next;
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    const std::size_t limit = std::min(tokens.size(), first + kMaxSpanWords);
    std::uint32_t node = kFoldedRoot;
    for (std::size_t i = first; i < limit; ++i) {
      node = Child(node, tokens[i].ids->folded);
      if (node == kNone) break;
      for (std::uint32_t at = first_end_[node]; at != kNone; at = ends_[at].next) {
        add(ends_[at], first, i, MatchKind::kFolded);
      }
    }
    if (!with_stems) continue;
    paths.assign(1, kStemRoot);
    for (std::size_t i = first; i < limit && !paths.empty(); ++i) {
      next.clear();
      for (std::uint32_t from : paths) {
        const WordIds& ids = *tokens[i].ids;
        for (std::uint32_t s = ids.first_stem; s < ids.first_stem + ids.stem_count; ++s) {
          std::uint32_t to = Child(from, stem_ids_[s]);
          if (to == kNone || next.size() >= kMaxStemPaths) continue;
          if (std::find(next.begin(), next.end(), to) == next.end()) next.push_back(to);
        }
      }
      for (std::uint32_t at : next) {
        for (std::uint32_t e = first_end_[at]; e != kNone; e = ends_[e].next) {
          add(ends_[e], first, i, MatchKind::kStem);
        }
      }
      paths.swap(next);
    }
  }
  return found;
}

}  // namespace termalign::glossary
