#include "term_matcher.h"

#include <algorithm>

#include "termbase_impl.h"

namespace termalign::glossary {
namespace {

// Spans longer than this are never matched (no term has more words).
constexpr std::size_t kMaxSpanWords = 12;
// Stem paths followed at once from one start token: words with several stems multiply them.
constexpr std::size_t kMaxStemPaths = 8;

}  // namespace

Result<std::unique_ptr<TermMatcher>> TermMatcher::Load(Termbase::Impl& impl,
                                                       std::string_view lang) {
  std::unique_ptr<TermMatcher> matcher(new TermMatcher(std::string(lang)));
  matcher->ends_.resize(2);  // the two roots
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
    auto [word, fresh] =
        vocabulary_.emplace(std::string(token), static_cast<std::uint32_t>(vocabulary_.size()));
    auto [edge, added] = edges_.emplace((std::uint64_t{node} << 32) | word->second,
                                        static_cast<std::uint32_t>(ends_.size()));
    if (added) ends_.emplace_back();
    node = edge->second;
  }
  if (node == root) return;  // a key without tokens
  std::vector<End>& here = ends_[node];
  bool known = std::any_of(here.begin(), here.end(), [&](const End& e) { return e.term == end.term; });
  if (!known) here.push_back(end);
}

std::uint32_t TermMatcher::Child(std::uint32_t node, std::string_view token) const {
  // A heterogeneous find would avoid the copy; std::unordered_map<std::string> has one only
  // with a transparent hash, which the vocabulary's size does not justify.
  auto word = vocabulary_.find(std::string(token));
  if (word == vocabulary_.end()) return kNone;
  auto edge = edges_.find((std::uint64_t{node} << 32) | word->second);
  return edge == edges_.end() ? kNone : edge->second;
}

std::vector<TextMatch> TermMatcher::Find(std::string_view sentence) const {
  std::vector<TextMatch> found;
  if (term_count_ == 0) return found;
  const bool with_stems = !lang_.empty();
  std::vector<KeyToken> tokens = KeyTokens(sentence, lang_, with_stems);
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
      node = Child(node, tokens[i].folded);
      if (node == kNone) break;
      for (const End& end : ends_[node]) add(end, first, i, MatchKind::kFolded);
    }
    if (!with_stems) continue;
    paths.assign(1, kStemRoot);
    for (std::size_t i = first; i < limit && !paths.empty(); ++i) {
      next.clear();
      for (std::uint32_t from : paths) {
        for (const std::string& stem : tokens[i].stems) {
          std::uint32_t to = Child(from, stem);
          if (to == kNone || next.size() >= kMaxStemPaths) continue;
          if (std::find(next.begin(), next.end(), to) == next.end()) next.push_back(to);
        }
      }
      for (std::uint32_t at : next) {
        for (const End& end : ends_[at]) add(end, first, i, MatchKind::kStem);
      }
      paths.swap(next);
    }
  }
  return found;
}

}  // namespace termalign::glossary
