// The placeholder search: one pass over the text, a small recogniser at each '%', '{' and '<'.
#include "qa/placeholders.h"

#include <algorithm>

namespace termalign::qa {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Characters of an argument or Python key name: "count", "user_name", "item.id".
bool IsNameChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '_' || c == '.'; }
bool IsTagNameChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '-' || c == ':' || c == '_'; }

// printf conversions; '@' is Objective-C's object directive.
bool IsConversion(char c) {
  return std::string_view("diouxXeEfFgGaAcspn@").find(c) != std::string_view::npos;
}

// The ICU argument types whose style is a list of "selector {message}".
bool HasSubMessages(std::string_view type) {
  return type == "plural" || type == "select" || type == "selectordinal";
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsSpace(c)) out += c;
  }
  return out;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<Placeholder> Run() {
    Scan(0, text_.size(), 0);
    std::stable_sort(found_.begin(), found_.end(),
                     [](const Placeholder& a, const Placeholder& b) { return a.begin < b.begin; });
    return std::move(found_);
  }

 private:
  // Searches [pos, end); `depth` counts the ICU sub-messages around it.
  void Scan(std::size_t pos, std::size_t end, int depth) {
    while (pos < end) {
      std::size_t next = pos + 1;
      switch (text_[pos]) {
        case '%':
          next = Printf(pos, end);
          break;
        case '{':
          next = Brace(pos, end, depth);
          break;
        case '<':
          next = Tag(pos, end);
          break;
        default:
          break;
      }
      pos = std::max(next, pos + 1);
    }
  }

  void Add(PlaceholderKind kind, std::string key, bool movable, std::size_t begin,
           std::size_t end) {
    found_.push_back({kind, std::move(key), movable, begin, end});
  }

  std::size_t Digits(std::size_t i, std::size_t end) const {
    while (i < end && IsDigit(text_[i])) ++i;
    return i;
  }

  std::size_t Spaces(std::size_t i, std::size_t end) const {
    while (i < end && IsSpace(text_[i])) ++i;
    return i;
  }

  std::size_t Name(std::size_t i, std::size_t end) const {
    while (i < end && IsNameChar(text_[i])) ++i;
    return i;
  }

  // The end of a printf directive at `pos` (added), or pos + 1. "%%" is a literal percent sign.
  // No space flag: "50 % de" is French for "50 % of", not "% d".
  std::size_t Printf(std::size_t pos, std::size_t end) {
    std::size_t i = pos + 1;
    if (i < end && text_[i] == '%') return i + 1;
    bool movable = false;
    if (i < end && text_[i] == '(') {
      std::size_t close = Name(i + 1, std::min(end, i + 1 + kMaxPlaceholderBytes));
      if (close == i + 1 || close >= end || text_[close] != ')') return pos + 1;
      i = close + 1;
      movable = true;
    } else {
      std::size_t digits = Digits(i, end);
      if (digits > i && digits < end && text_[digits] == '$') {
        i = digits + 1;
        movable = true;
      }
    }
    while (i < end && std::string_view("-+#0'").find(text_[i]) != std::string_view::npos) ++i;
    i = (i < end && text_[i] == '*') ? i + 1 : Digits(i, end);
    if (i < end && text_[i] == '.')
      i = (i + 1 < end && text_[i + 1] == '*') ? i + 2 : Digits(i + 1, end);
    for (std::string_view length : {"hh", "ll", "h", "l", "L", "q", "j", "z", "t"}) {
      if (text_.substr(i, length.size()) == length) {
        i += length.size();
        break;
      }
    }
    if (i >= end || !IsConversion(text_[i])) return pos + 1;
    ++i;
    Add(PlaceholderKind::kPrintf, std::string(text_.substr(pos, i - pos)), movable, pos, i);
    return i;
  }

  // The position of the '}' that closes the '{' at `open`, or npos before `limit`.
  std::size_t Closing(std::size_t open, std::size_t limit) const {
    int level = 0;
    for (std::size_t i = open; i < limit; ++i) {
      if (text_[i] == '{') ++level;
      if (text_[i] == '}' && --level == 0) return i;
    }
    return std::string_view::npos;
  }

  // The end of a brace argument at `pos` (added, with any ICU sub-messages searched), or the
  // position to go on from.
  std::size_t Brace(std::size_t pos, std::size_t end, int depth) {
    const std::size_t limit = std::min(end, pos + kMaxPlaceholderBytes);
    if (pos + 1 < limit && text_[pos + 1] == '{') {  // "{{name}}", else an escaped brace
      std::size_t name = Spaces(pos + 2, limit);
      std::size_t name_end = Name(name, limit);
      std::size_t close = Spaces(name_end, limit);
      if (name_end > name && close + 1 < limit && text_[close] == '}' && text_[close + 1] == '}') {
        Add(PlaceholderKind::kBrace, "{{" + std::string(text_.substr(name, name_end - name)) + "}}",
            true, pos, close + 2);
        return close + 2;
      }
      return pos + 2;
    }
    std::size_t name = Spaces(pos + 1, limit);
    std::size_t name_end = Name(name, limit);
    if (name_end == name) return pos + 1;
    const std::string arg = "{" + std::string(text_.substr(name, name_end - name));
    std::size_t i = Spaces(name_end, limit);
    if (i >= limit) return pos + 1;
    if (text_[i] == '}') {
      Add(PlaceholderKind::kBrace, arg + "}", true, pos, i + 1);
      return i + 1;
    }
    const std::size_t after = Spaces(i + 1, limit);
    const bool aligned =
        text_[i] == ',' && after < limit && (text_[after] == '-' || IsDigit(text_[after]));
    if (text_[i] == ':' || aligned) {
      // .NET and Python format specifications: "{0:N2}", "{0,-10}", "{name:>8}".
      std::size_t close = text_.substr(0, limit).find_first_of("{}", i);
      if (close == std::string_view::npos || text_[close] != '}') return pos + 1;
      Add(PlaceholderKind::kBrace, arg + WithoutSpaces(text_.substr(i, close - i)) + "}", true, pos,
          close + 1);
      return close + 1;
    }
    if (text_[i] != ',') return pos + 1;
    std::size_t type = Spaces(i + 1, limit);
    std::size_t type_end = type;
    while (type_end < limit && IsAlpha(text_[type_end])) ++type_end;
    if (type_end == type) return pos + 1;
    const std::string_view type_name = text_.substr(type, type_end - type);
    const std::string key = arg + "," + std::string(type_name) + "}";
    i = Spaces(type_end, limit);
    if (i < limit && text_[i] == '}') {
      Add(PlaceholderKind::kBrace, key, true, pos, i + 1);
      return i + 1;
    }
    if (i >= limit || text_[i] != ',') return pos + 1;
    if (!HasSubMessages(type_name)) {  // "{when, date, short}": a style up to the closing brace
      std::size_t close = Closing(pos, limit);
      if (close == std::string_view::npos) return pos + 1;
      Add(PlaceholderKind::kBrace, key, true, pos, close + 1);
      return close + 1;
    }
    // "one {# file} other {# files}": selectors and their messages up to the closing brace.
    std::vector<std::pair<std::size_t, std::size_t>> messages;
    for (i = Spaces(i + 1, limit);; i = Spaces(i, limit)) {
      if (i >= limit) return pos + 1;
      if (text_[i] == '}') break;
      std::size_t selector = i;
      while (i < limit && !IsSpace(text_[i]) && text_[i] != '{' && text_[i] != '}') ++i;
      if (i == selector) return pos + 1;
      bool offset = text_.substr(selector, 7) == "offset:";
      i = Spaces(i, limit);
      if (offset) continue;
      if (i >= limit || text_[i] != '{') return pos + 1;
      std::size_t close = Closing(i, limit);
      if (close == std::string_view::npos) return pos + 1;
      messages.emplace_back(i + 1, close);
      i = close + 1;
    }
    Add(PlaceholderKind::kBrace, key, true, pos, i + 1);
    if (depth + 1 < kMaxIcuDepth) {
      for (const auto& [begin, message_end] : messages) Scan(begin, message_end, depth + 1);
    }
    return i + 1;
  }

  // The end of an HTML or XML tag at `pos` (added), or pos + 1. Comments and declarations
  // ("<!--", "<?xml") are no tags to keep.
  std::size_t Tag(std::size_t pos, std::size_t end) {
    const std::size_t limit = std::min(end, pos + kMaxPlaceholderBytes);
    std::size_t i = pos + 1;
    const bool closing = i < limit && text_[i] == '/';
    if (closing) ++i;
    if (i >= limit || !IsAlpha(text_[i])) return pos + 1;
    std::size_t name_end = i;
    while (name_end < limit && IsTagNameChar(text_[name_end])) ++name_end;
    if (name_end < limit && !IsSpace(text_[name_end]) && text_[name_end] != '/' &&
        text_[name_end] != '>') {
      return pos + 1;
    }
    std::size_t close = text_.substr(0, limit).find_first_of("<>", name_end);
    if (close == std::string_view::npos || text_[close] != '>') return pos + 1;
    const bool empty = close > name_end && text_[close - 1] == '/';
    std::string key = closing ? "</" : "<";
    for (char c : text_.substr(i, name_end - i)) {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    key += empty ? "/>" : ">";
    Add(PlaceholderKind::kTag, std::move(key), true, pos, close + 1);
    return close + 1;
  }

  std::string_view text_;
  std::vector<Placeholder> found_;
};

}  // namespace

std::vector<Placeholder> FindPlaceholders(std::string_view text) { return Scanner(text).Run(); }

}  // namespace termalign::qa
