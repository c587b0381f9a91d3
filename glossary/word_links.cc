// Word links: the lexical evidence under term pairing and cross-lingual acronym long forms.
#include "glossary/word_links.h"

#include <algorithm>
#include <vector>

#include "text/dictionary.h"
#include "text/stop_words.h"

namespace termalign::glossary {
namespace {

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Bytes of the longest common prefix, cut back to a code point boundary.
std::size_t CommonPrefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80) --n;
  return n;
}

bool IsAsciiLetterString(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

}  // namespace

std::string_view ToString(LinkChannel channel) {
  switch (channel) {
    case LinkChannel::kNone: return "none";
    case LinkChannel::kIdentical: return "identical";
    case LinkChannel::kDictionary: return "dictionary";
    case LinkChannel::kCognate: return "cognate";
    case LinkChannel::kAcronym: return "acronym";
    case LinkChannel::kAligned: return "align";
  }
  return "none";
}

double CognateStrength(std::string_view a, std::string_view b) {
  std::size_t prefix = CodePoints(a.substr(0, CommonPrefix(a, b)));
  if (prefix >= 5) return 0.8;
  std::size_t shorter = std::min(CodePoints(a), CodePoints(b));
  if (shorter >= 4 && prefix == shorter) return 0.6;
  return 0.0;
}

bool SpeltAlike(std::string_view a, std::string_view b) {
  // Hand-set: 5 letters keep short words (where two of four letters agree by chance) out; 0.7
  // takes the regular English-French spelling shifts (-age/-age with a consonant changed,
  // -ment/-ement, a dropped h) and leaves pairs that share only a stem and a suffix.
  constexpr std::size_t kMinLetters = 5;
  constexpr double kMinShare = 0.7;
  auto code_points = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t n = 1;
      while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
      out.push_back(s.substr(i, n));
      i += n;
    }
    return out;
  };
  const std::vector<std::string_view> x = code_points(a), y = code_points(b);
  if (std::min(x.size(), y.size()) < kMinLetters) return false;
  // Folded words are short; one row of the usual table suffices.
  std::vector<std::size_t> row(y.size() + 1, 0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::size_t diagonal = 0;
    for (std::size_t j = 0; j < y.size(); ++j) {
      const std::size_t above = row[j + 1];
      row[j + 1] = x[i] == y[j] ? diagonal + 1 : std::max(row[j], above);
      diagonal = above;
    }
  }
  return static_cast<double>(row[y.size()]) >= kMinShare * static_cast<double>(std::max(x.size(), y.size()));
}

bool SameAcronymLetters(std::string_view a, std::string_view b) {
  if (a.size() < 2 || a.size() != b.size() || a == b) return false;
  if (!IsAsciiLetterString(a) || !IsAsciiLetterString(b)) return false;
  std::string x(a), y(b);
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

WordLinker::WordLinker(WordAnalyzer* source, WordAnalyzer* target,
                       const text::BilingualDictionary* forward,
                       const text::BilingualDictionary* backward)
    : source_(source), target_(target), forward_(forward), backward_(backward) {}

bool WordLinker::Translates(const text::BilingualDictionary* dictionary,
                            const std::vector<std::string>& from,
                            const std::vector<std::string>& to) const {
  if (dictionary == nullptr) return false;
  for (const std::string& word : from) {
    for (const std::string& translation : dictionary->Translations(word)) {
      if (std::find(to.begin(), to.end(), translation) != to.end()) return true;
    }
  }
  return false;
}

bool WordLinker::InDictionary(const std::string& source, const std::string& target) const {
  const std::vector<std::string>& source_stems = source_->StemsOf(source);
  const std::vector<std::string>& target_stems = target_->StemsOf(target);
  return Translates(forward_, source_stems, target_stems) ||
         Translates(backward_, target_stems, source_stems);
}

WordLink WordLinker::Link(const Word& source, const Word& target) {
  if (source.folded.empty() || target.folded.empty()) return {};
  if (source.folded == target.folded) {
    // One- and two-letter words agree by chance too often to count as much.
    return {CodePoints(source.folded) >= 3 || source.acronym ? 1.0 : 0.5, LinkChannel::kIdentical};
  }
  std::string key = source.folded;
  key += '\t';
  key += target.folded;
  auto cached = cache_.find(key);
  if (cached != cache_.end()) return cached->second;
  WordLink link;
  if (InDictionary(source.folded, target.folded)) {
    link = {0.9, LinkChannel::kDictionary};
  } else if (source.acronym && target.acronym &&
             SameAcronymLetters(source.folded, target.folded)) {
    link = {0.7, LinkChannel::kAcronym};
  } else if (double cognate = CognateStrength(source.folded, target.folded); cognate > 0) {
    link = {cognate, LinkChannel::kCognate};
  } else {
    link = LinkCompounds(source.folded, target.folded);
  }
  cache_.emplace(std::move(key), link);
  return link;
}

std::vector<std::string_view> CompoundParts(std::string_view word) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start <= word.size();) {
    std::size_t end = word.find('-', start);
    if (end == std::string_view::npos) end = word.size();
    if (end > start) parts.push_back(word.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

WordLink WordLinker::LinkCompounds(std::string_view source, std::string_view target) const {
  // The function words of a compound have no partner of their own ("end-to-end" / "bout en
  // bout": "end" links to "bout", "to" to nothing).
  auto content_parts = [](std::string_view word, const std::string& lang) {
    std::vector<std::string_view> parts = CompoundParts(word);
    std::erase_if(parts, [&](std::string_view part) { return text::IsStopWord(part, lang); });
    return parts;
  };
  const std::vector<std::string_view> s_parts = content_parts(source, source_->lang());
  const std::vector<std::string_view> t_parts = content_parts(target, target_->lang());
  if (s_parts.size() < 2 && t_parts.size() < 2) return {};
  if (s_parts.empty() || t_parts.empty()) return {};
  // Each part's strongest link into the other word's parts.
  auto part_link = [&](std::string_view s, std::string_view t) -> WordLink {
    if (s == t) return {1.0, LinkChannel::kIdentical};
    if (InDictionary(std::string(s), std::string(t))) return {0.9, LinkChannel::kDictionary};
    if (double cognate = CognateStrength(s, t); cognate > 0) return {cognate, LinkChannel::kCognate};
    return {};
  };
  WordLink weakest{1.0, LinkChannel::kIdentical};
  std::vector<char> target_linked(t_parts.size(), 0);
  for (std::string_view s : s_parts) {
    WordLink best;
    for (std::size_t j = 0; j < t_parts.size(); ++j) {
      const WordLink link = part_link(s, t_parts[j]);
      if (link.strength > 0) target_linked[j] = 1;
      if (link.strength > best.strength) best = link;
    }
    if (best.strength == 0) return {};
    if (best.strength < weakest.strength) weakest = best;
  }
  if (std::find(target_linked.begin(), target_linked.end(), 0) != target_linked.end()) return {};
  return weakest;
}

bool WordLinker::PhraseInDictionary(std::string_view source_folded,
                                    std::string_view target_folded) const {
  auto contains = [](const text::BilingualDictionary* dictionary, std::string_view from,
                     std::string_view to) {
    if (dictionary == nullptr) return false;
    const std::vector<std::string>& translations = dictionary->Translations(from);
    return std::find(translations.begin(), translations.end(), to) != translations.end();
  };
  return contains(forward_, source_folded, target_folded) ||
         contains(backward_, target_folded, source_folded);
}

}  // namespace termalign::glossary
