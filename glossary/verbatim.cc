// Code spans by the shape of their characters, and command lines by the options that follow
// a command name somewhere in the text.
#include "verbatim.h"

#include <algorithm>
#include <map>

namespace termalign::glossary::internal {
namespace {

// A command line has at most this many plain words between its name and its first option
// ("ksctl backup start --dry-run"); more is a sentence going on.
constexpr int kMaxSubcommands = 3;

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return IsLower(c) || IsUpper(c); }
bool IsAlnum(char c) { return IsLetter(c) || IsDigit(c); }
bool IsIdentifierChar(char c) { return IsAlnum(c) || c == '_'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool HasLetter(std::string_view s) { return std::any_of(s.begin(), s.end(), IsLetter); }

bool AllOf(std::string_view s, bool (*test)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), test);
}

// An identifier: a letter or underscore, then letters, digits and underscores.
bool IsIdentifier(std::string_view s) {
  return !s.empty() && !IsDigit(s[0]) && AllOf(s, IsIdentifierChar);
}

// printf and format-string placeholders: "%s", "%1$s", "%-5d", "%(name)s", "{0}", "{name}",
// "{{name}}", "{0:d}", "${HOME}", "$PATH", "<file>".
bool IsPlaceholder(std::string_view s) {
  if (s.size() >= 2 && s[0] == '%') {
    std::size_t i = 1;
    if (s[i] == '(') {
      std::size_t close = s.find(')', i);
      if (close == std::string_view::npos || !IsIdentifier(s.substr(i + 1, close - i - 1))) {
        return false;
      }
      i = close + 1;
    }
    while (i < s.size() && (IsDigit(s[i]) || s[i] == '$' || s[i] == '-' || s[i] == '+' ||
                            s[i] == '#' || s[i] == '.' || s[i] == 'l' || s[i] == 'h')) {
      ++i;
    }
    return i + 1 == s.size() && std::string_view("sdifuxXcpeEgGo@").find(s[i]) != s.npos;
  }
  auto inside = [&](std::string_view open, std::string_view close) -> std::string_view {
    if (s.size() <= open.size() + close.size() || !s.starts_with(open) || !s.ends_with(close)) {
      return {};
    }
    return s.substr(open.size(), s.size() - open.size() - close.size());
  };
  for (auto [open, close] : {std::pair{"{{", "}}"}, std::pair{"${", "}"}, std::pair{"{", "}"}}) {
    std::string_view body = inside(open, close);
    if (body.empty()) continue;
    // "{0}", "{name}", "{0:d}", "{user.name}"
    return std::all_of(body.begin(), body.end(), [](char c) {
      return IsIdentifierChar(c) || c == '.' || c == ':' || c == '-';
    });
  }
  if (s[0] == '$') return IsIdentifier(s.substr(1));  // "$PATH", not "$5"
  std::string_view tag = inside("<", ">");
  return !tag.empty() && IsLetter(tag[0]) && std::all_of(tag.begin(), tag.end(), [](char c) {
    return IsIdentifierChar(c) || c == '-';
  });
}

bool IsPath(std::string_view s) {
  if (!HasLetter(s)) return false;
  if (s.size() > 1 && s[0] == '/' && (IsIdentifierChar(s[1]) || s[1] == '.')) return true;
  for (std::string_view start : {"./", "../", "~/"}) {
    if (s.starts_with(start) && s.size() > start.size()) return true;
  }
  return s.size() > 3 && IsLetter(s[0]) && s[1] == ':' && s[2] == '\\';  // C:\Program Files
}

// "config.yaml", "archive.tar.gz", "README.md": a name of at least two characters, then an
// extension of one to five lower-case letters and digits starting with a letter. "e.g" and
// "Ph.D" are not.
bool IsFileName(std::string_view s) {
  std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot < 2) return false;
  std::string_view base = s.substr(0, dot), extension = s.substr(dot + 1);
  if (extension.empty() || extension.size() > 5 || !IsLower(extension[0])) return false;
  if (!std::all_of(extension.begin(), extension.end(),
                   [](char c) { return IsLower(c) || IsDigit(c); })) {
    return false;
  }
  // Every dotted part of the name has two characters or more ("e.g.x" is not a name).
  std::size_t part = 0;
  for (std::size_t i = 0; i <= base.size(); ++i) {
    if (i == base.size() || base[i] == '.') {
      if (i - part < 2) return false;
      part = i + 1;
      continue;
    }
    if (!IsIdentifierChar(base[i]) && base[i] != '-') return false;
  }
  return HasLetter(base);
}

// An underscore between two letters or digits: "MAX_RETRIES", "backup_window".
bool HasInnerUnderscore(std::string_view s) {
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '_' && IsAlnum(s[i - 1]) && IsAlnum(s[i + 1])) return AllOf(s, IsIdentifierChar);
  }
  return false;
}

// Lower-case words joined by capitals: "retentionDays", "maxRetries". Two lower-case letters
// before the capital at least, so that names written with one ("iPhone", "eBay") are not.
bool IsCamelCase(std::string_view s) {
  if (!IsLower(s[0]) || !AllOf(s, IsAlnum)) return false;
  for (std::size_t i = 2; i < s.size(); ++i) {
    if (IsUpper(s[i]) && IsLower(s[i - 1]) && IsLower(s[i - 2])) return true;
  }
  return false;
}

// "key=value", "std::string", "a->b", "main()".
bool IsExpression(std::string_view s) {
  std::size_t equals = s.find('=');
  if (equals != std::string_view::npos && equals > 0 && IsIdentifierChar(s[equals - 1])) {
    return true;
  }
  for (std::string_view op : {"::", "->"}) {
    std::size_t at = s.find(op);
    if (at != std::string_view::npos && at > 0 && IsIdentifierChar(s[at - 1]) &&
        at + op.size() < s.size() && IsIdentifierChar(s[at + op.size()])) {
      return true;
    }
  }
  return s.size() > 2 && s.ends_with("()") && IsIdentifier(s.substr(0, s.size() - 2));
}

bool IsAddress(std::string_view s) {
  if (s.find("://") != std::string_view::npos) return true;
  std::size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
         IsAlnum(s[at - 1]);
}

// A lower-case word: what a command name and its subcommands look like ("ksctl", "backup").
bool IsPlainWord(std::string_view s) {
  return !s.empty() && IsLower(s[0]) && std::all_of(s.begin(), s.end(), [](char c) {
    return IsLower(c) || IsDigit(c) || c == '-';
  });
}

// Punctuation around a chunk that belongs to the sentence, not to the code. Multi-byte quotes
// and guillemets are matched as UTF-8 sequences.
constexpr std::string_view kOpening[] = {"(", "[", "\"", "'", "\u201C", "\u2018", "\u00AB", "`"};
constexpr std::string_view kClosing[] = {".", ",",      ";",      ":",      "!", "?", "\"",
                                         "'", "\u201D", "\u2019", "\u00BB", "`", ")", "]"};

}  // namespace

bool IsOptionChunk(std::string_view chunk) {
  if (chunk.size() > 2 && chunk.starts_with("--") && IsLetter(chunk[2])) {
    return std::all_of(chunk.begin() + 2, chunk.end(), [](char c) {
      return IsIdentifierChar(c) || c == '-' || c == '=' || c == '.';
    });
  }
  return chunk.size() == 2 && chunk[0] == '-' && IsLetter(chunk[1]);
}

bool IsCodeChunk(std::string_view chunk) {
  if (chunk.empty()) return false;
  // Letters and digits only, most chunks of a text: of the shapes below only camel case has
  // no other character.
  if (AllOf(chunk, IsAlnum)) return IsCamelCase(chunk);
  return IsOptionChunk(chunk) || IsPlaceholder(chunk) || HasInnerUnderscore(chunk) ||
         IsCamelCase(chunk) || IsPath(chunk) || IsFileName(chunk) || IsAddress(chunk) ||
         IsExpression(chunk);
}

std::vector<Chunk> Chunks(std::string_view sentence) {
  std::vector<Chunk> chunks;
  std::size_t i = 0;
  while (i < sentence.size()) {
    while (i < sentence.size() && IsSpace(sentence[i])) ++i;
    std::size_t begin = i;
    while (i < sentence.size() && !IsSpace(sentence[i])) ++i;
    std::size_t end = i;
    if (begin == end) break;
    Chunk chunk{begin, end, false};
    // Every opening and closing mark starts and ends with a byte that is no letter or digit:
    // a chunk between two of those, most of a text's, has none to trim.
    if (IsAlnum(sentence[begin]) && IsAlnum(sentence[end - 1])) {
      chunks.push_back(chunk);
      continue;
    }
    for (bool trimmed = true; trimmed && chunk.begin < chunk.end;) {
      trimmed = false;
      for (std::string_view open : kOpening) {
        if (sentence.substr(chunk.begin, chunk.end - chunk.begin).starts_with(open)) {
          chunk.begin += open.size();
          trimmed = true;
        }
      }
    }
    for (bool trimmed = true; trimmed && chunk.begin < chunk.end;) {
      trimmed = false;
      std::string_view text = sentence.substr(chunk.begin, chunk.end - chunk.begin);
      for (std::string_view close : kClosing) {
        if (!text.ends_with(close)) continue;
        // "main()" keeps its brackets: they open inside the chunk.
        if ((close == ")" && text.find('(') != text.npos) ||
            (close == "]" && text.find('[') != text.npos)) {
          continue;
        }
        chunk.end -= close.size();
        chunk.closes = true;
        trimmed = true;
        break;
      }
    }
    if (chunk.begin < chunk.end) chunks.push_back(chunk);
  }
  return chunks;
}

std::set<std::string> FindCommandNames(const std::vector<std::string>& sentences,
                                       const WordTests& tests) {
  std::set<std::string> commands;
  for (const std::string& sentence : sentences) {
    if (sentence.find('-') == std::string::npos) continue;
    std::vector<Chunk> chunks = Chunks(sentence);
    auto text = [&](const Chunk& c) {
      return std::string_view(sentence).substr(c.begin, c.end - c.begin);
    };
    for (std::size_t k = 1; k < chunks.size(); ++k) {
      if (!IsOptionChunk(text(chunks[k]))) continue;
      // Back over the plain words before the option, within one clause; the first one the
      // language does not know names the command.
      std::string_view name;
      for (std::size_t j = k; j-- > 0 && k - j <= kMaxSubcommands;) {
        std::string_view word = text(chunks[j]);
        if (chunks[j].closes || !IsPlainWord(word) || tests.stop(word)) break;
        if (!tests.known(word)) name = word;
      }
      if (!name.empty()) commands.emplace(name);
    }
  }
  return commands;
}

std::set<std::string> FindCopiedCommandNames(const std::vector<std::string>& source,
                                             const std::vector<std::string>& target,
                                             const WordTests& source_tests,
                                             const WordTests& target_tests) {
  constexpr int kPairsNeeded = 2;
  std::map<std::string, int> copied;  // name -> aligned pairs copying it with its neighbour
  for (std::size_t i = 0; i < source.size() && i < target.size(); ++i) {
    if (source[i].empty() || target[i].empty()) continue;
    const std::string_view src = source[i], tgt = target[i];
    const std::vector<Chunk> chunks = Chunks(src);
    std::vector<Chunk> target_chunks;  // built when a source word is found in the target
    bool target_read = false;
    std::set<std::string_view> seen;  // one count per aligned pair
    for (std::size_t k = 0; k + 1 < chunks.size(); ++k) {
      if (chunks[k].closes) continue;
      const std::string_view name = src.substr(chunks[k].begin, chunks[k].end - chunks[k].begin);
      const std::string_view next =
          src.substr(chunks[k + 1].begin, chunks[k + 1].end - chunks[k + 1].begin);
      // Most words of one language are not in the other's sentence: a search rules them out.
      if (!IsPlainWord(name) || !IsPlainWord(next) || tgt.find(name) == std::string_view::npos) {
        continue;
      }
      if (!target_read) {
        target_chunks = Chunks(tgt);
        target_read = true;
      }
      auto text = [&](const Chunk& c) { return tgt.substr(c.begin, c.end - c.begin); };
      bool copied_here = false;
      for (std::size_t m = 0; m + 1 < target_chunks.size() && !copied_here; ++m) {
        copied_here = text(target_chunks[m]) == name && text(target_chunks[m + 1]) == next;
      }
      // The dictionaries are asked only about what the translation copied.
      if (!copied_here || source_tests.stop(next) || source_tests.known(name) ||
          target_tests.known(name) || !seen.insert(name).second) {
        continue;
      }
      ++copied[std::string(name)];
    }
  }
  std::set<std::string> names;
  for (const auto& [name, pairs] : copied) {
    if (pairs >= kPairsNeeded) names.insert(name);
  }
  return names;
}

std::vector<VerbatimSpan> FindVerbatimSpans(std::string_view sentence,
                                            const std::set<std::string>& commands,
                                            const WordTests& tests) {
  std::vector<VerbatimSpan> spans;
  // Text in backquotes is code as a whole ("`ksctl status`").
  for (std::size_t open = sentence.find('`'); open != std::string_view::npos;) {
    std::size_t close = sentence.find('`', open + 1);
    if (close == std::string_view::npos) break;
    if (close > open + 1) spans.push_back({open + 1, close});
    open = sentence.find('`', close + 1);
  }
  const std::vector<VerbatimSpan> quoted = spans;
  auto in_quotes = [&](const Chunk& c) {
    return std::any_of(quoted.begin(), quoted.end(),
                       [&](const VerbatimSpan& q) { return c.begin < q.end && q.begin < c.end; });
  };
  std::vector<Chunk> chunks = Chunks(sentence);
  auto text = [&](const Chunk& c) { return sentence.substr(c.begin, c.end - c.begin); };
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    if (in_quotes(chunks[k])) continue;
    std::string_view chunk = text(chunks[k]);
    if (!commands.empty() && commands.count(std::string(chunk)) > 0) {
      // A command line: its subcommands (plain words before any option), then options and
      // their code arguments, up to the end of the clause.
      VerbatimSpan span{chunks[k].begin, chunks[k].end};
      bool option_seen = false;
      int subcommands = 0;
      std::size_t m = k;
      while (!chunks[m].closes && m + 1 < chunks.size() && !in_quotes(chunks[m + 1])) {
        std::string_view next = text(chunks[m + 1]);
        if (IsCodeChunk(next)) {
          option_seen = option_seen || IsOptionChunk(next);
        } else if (option_seen || subcommands == kMaxSubcommands || !IsPlainWord(next) ||
                   tests.stop(next)) {
          break;
        } else {
          ++subcommands;
        }
        ++m;
        span.end = chunks[m].end;
      }
      spans.push_back(span);
      k = m;
      continue;
    }
    if (IsCodeChunk(chunk)) spans.push_back({chunks[k].begin, chunks[k].end});
  }
  std::sort(spans.begin(), spans.end(),
            [](const VerbatimSpan& a, const VerbatimSpan& b) { return a.begin < b.begin; });
  return spans;
}

}  // namespace termalign::glossary::internal
