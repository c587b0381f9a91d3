#include "well_formed.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

#include "xml/escape.h"

namespace termalign::xml {
namespace {

using text::ErrorCode;
using text::Status;

Status ParseError(const LoadedXml& xml, std::size_t offset, const std::string& why) {
  return Status::Error(ErrorCode::kParse, xml.WhereOffset(offset) + why);
}

bool StartsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Status MarkupScanner::Scan(const LoadedXml& xml, std::string_view text, bool more,
                           std::size_t* at) {
  xml_ = &xml;
  text_ = text;
  more_ = more;
  at_ = *at;
  stop_ = false;
  while (at_ < text_.size()) {
    // Near the end of a window a construct cannot be told from its first bytes ("<!-" may open a
    // comment): it waits for the next window.
    if (more_ && at_ + kLookahead > text_.size()) break;
    const std::size_t start = at_;
    const std::size_t depth = depth_;
    const bool root_seen = root_seen_;
    kind_ = Construct::Kind::kOther;
    name_ = {};
    Status status = text_[at_] == '<' ? Markup() : Text();
    if (!status.ok()) return status;
    if (stop_ || (more_ && at_ + kLookahead > text_.size())) {
      // Cut off: read again, whole, from the next window, or left to pugixml at the end.
      depth_ = depth;
      root_seen_ = root_seen;
      break;
    }
    *at = at_;
    if (observer_ && !observer_(Construct{kind_, start, at_, name_})) break;
  }
  return Status::Ok();
}

Status MarkupScanner::Error(std::size_t offset, const std::string& why) const {
  return ParseError(*xml_, offset, why);
}

// Moves past `end`, found from `from`; sets stop_ when it is missing.
void MarkupScanner::SkipPast(std::size_t from, std::string_view end) {
  std::size_t found = text_.find(end, from);
  if (found == std::string_view::npos) {
    stop_ = true;
    at_ = text_.size();
  } else {
    at_ = found + end.size();
  }
}

Status MarkupScanner::OutsideRoot(std::size_t offset, std::string_view what) const {
  return Error(offset, std::string(what) +
                           (root_seen_ ? " after the root element: a document has one root "
                                         "element (not well-formed)"
                                       : " before the root element (not well-formed)"));
}

Status MarkupScanner::Markup() {
  const std::size_t start = at_;
  if (StartsWith(text_, start, "<!--")) return Comment();
  if (StartsWith(text_, start, "<![CDATA[")) {
    if (depth_ == 0) return OutsideRoot(start, "a CDATA section");
    kind_ = Construct::Kind::kCData;
    SkipPast(start + 9, "]]>");
    return Status::Ok();
  }
  if (StartsWith(text_, start, "<?")) return ProcessingInstruction();
  if (StartsWith(text_, start, "<!DOCTYPE")) return Doctype();
  if (StartsWith(text_, start, "<!")) {
    return Error(start, "'<!' starts no comment, CDATA section or DOCTYPE (not well-formed)");
  }
  if (StartsWith(text_, start, "</")) return EndTag();
  return StartTag();
}

// Comments may not hold "--" (nor end in "-").
Status MarkupScanner::Comment() {
  std::size_t dashes = text_.find("--", at_ + 4);
  if (dashes == std::string_view::npos) {
    stop_ = true;
    at_ = text_.size();
    return Status::Ok();
  }
  if (dashes + 2 < text_.size() && text_[dashes + 2] != '>') {
    return Error(dashes, "'--' inside a comment (not well-formed)");
  }
  at_ = dashes + 3;
  return Status::Ok();
}

// "<?xml ...?>" may only open the document; other instructions are skipped.
Status MarkupScanner::ProcessingInstruction() {
  const std::size_t start = at_;
  std::size_t end = start + 2;
  while (end < text_.size() && !IsSpace(text_[end]) && text_[end] != '?') ++end;
  std::string target(text_.substr(start + 2, end - start - 2));
  for (char& c : target) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (target == "xml" && xml_->first_byte + start != 0) {  // a window may start later
    return Error(start,
                 "an XML declaration is allowed only at the very start of the file (not "
                 "well-formed)");
  }
  SkipPast(start + 2, "?>");
  return Status::Ok();
}

Status MarkupScanner::Doctype() {
  const std::size_t start = at_;
  if (root_seen_) return OutsideRoot(start, "a DOCTYPE");
  std::size_t k = start + 9;
  char quote = 0;
  int depth = 0;
  for (; k < text_.size(); ++k) {
    char d = text_[k];
    if (quote != 0) {
      if (d == quote) quote = 0;
    } else if (d == '"' || d == '\'') {
      quote = d;
    } else if (d == '[') {
      ++depth;
    } else if (d == ']') {
      --depth;
    } else if (d == '>' && depth <= 0) {
      break;
    } else if (depth > 0 && StartsWith(text_, k, "<!--")) {
      std::size_t end = text_.find("-->", k + 4);
      k = end == std::string_view::npos ? text_.size() : end + 2;
    } else if (depth > 0 && StartsWith(text_, k, "<!ENTITY")) {
      return Error(k,
                   "the DOCTYPE declares entities in an internal subset; termalign refuses "
                   "entity declarations (they can expand without bound, as in the 'billion "
                   "laughs' attack)");
    }
  }
  if (k >= text_.size()) stop_ = true;
  at_ = std::min(k + 1, text_.size());
  return Status::Ok();
}

Status MarkupScanner::EndTag() {
  const std::size_t start = at_;
  if (depth_ == 0) {
    return root_seen_ ? OutsideRoot(start, "an end tag")
                      : Error(start, "an end tag without a start tag (not well-formed)");
  }
  --depth_;
  kind_ = Construct::Kind::kEndTag;
  std::size_t end = start + 2;
  while (end < text_.size() && !IsSpace(text_[end]) && text_[end] != '>') ++end;
  name_ = text_.substr(start + 2, end - start - 2);
  SkipPast(start + 2, ">");
  return Status::Ok();
}

Status MarkupScanner::StartTag() {
  const std::size_t start = at_;
  std::size_t k = start + 1;
  auto name_end = [&](std::size_t from) {
    while (from < text_.size() && !IsSpace(text_[from]) &&
           std::string_view("=>/<\"'").find(text_[from]) == std::string_view::npos) {
      ++from;
    }
    return from;
  };
  std::size_t end = name_end(k);
  if (end == k) {
    if (end >= text_.size()) return Stop();
    return Error(start, "a '<' that starts no tag (write '&lt;') (not well-formed)");
  }
  std::string_view name = text_.substr(k, end - k);
  if (depth_ == 0 && root_seen_) return OutsideRoot(start, "an element <" + std::string(name) + ">");
  if (depth_ + 1 > kMaxDepth) {
    return Error(start, "elements nested deeper than " + std::to_string(kMaxDepth) +
                            " levels; termalign (like xmllint) refuses them");
  }
  attributes_.clear();
  k = end;
  for (;;) {
    std::size_t spaced = k;
    while (k < text_.size() && IsSpace(text_[k])) ++k;
    if (k >= text_.size()) return Stop();
    if (text_[k] == '>' || text_[k] == '/') {
      if (text_[k] == '/' && (k + 1 >= text_.size() || text_[k + 1] != '>')) {
        if (k + 1 >= text_.size()) return Stop();
        return Error(k, "'/' in the tag <" + std::string(name) + "> not followed by '>' (not "
                        "well-formed)");
      }
      bool empty = text_[k] == '/';
      kind_ = empty ? Construct::Kind::kEmptyTag : Construct::Kind::kStartTag;
      name_ = name;
      at_ = k + (empty ? 2 : 1);
      root_seen_ = true;
      if (!empty) ++depth_;
      return Status::Ok();
    }
    if (k == spaced) {
      return Error(k, "attributes of <" + std::string(name) +
                          "> must be separated by white space (not well-formed)");
    }
    std::size_t attribute_end = name_end(k);
    if (attribute_end == k) {
      return Error(k, "unexpected '" + std::string(1, text_[k]) + "' in the tag <" +
                          std::string(name) + "> (not well-formed)");
    }
    std::string_view attribute = text_.substr(k, attribute_end - k);
    if (std::find(attributes_.begin(), attributes_.end(), attribute) != attributes_.end()) {
      return Error(k, "attribute '" + std::string(attribute) + "' repeated in <" +
                          std::string(name) + "> (not well-formed)");
    }
    attributes_.push_back(attribute);
    k = attribute_end;
    while (k < text_.size() && IsSpace(text_[k])) ++k;
    if (k >= text_.size()) return Stop();
    if (text_[k] != '=') {
      return Error(k, "attribute '" + std::string(attribute) + "' has no value (not "
                      "well-formed)");
    }
    ++k;
    while (k < text_.size() && IsSpace(text_[k])) ++k;
    if (k >= text_.size()) return Stop();
    char quote = text_[k];
    if (quote != '"' && quote != '\'') {
      return Error(k, "the value of attribute '" + std::string(attribute) +
                          "' is not in quotes (not well-formed)");
    }
    std::size_t close = text_.find(quote, k + 1);
    if (close == std::string_view::npos) return Stop();
    for (std::size_t v = k + 1; v < close; ++v) {
      if (text_[v] == '<') {
        return Error(v, "'<' in the value of attribute '" + std::string(attribute) +
                            "' (write '&lt;') (not well-formed)");
      }
      if (text_[v] == '&') {
        std::size_t next = v;
        if (Status status = Reference(&next); !status.ok()) return status;
        v = next - 1;
      }
    }
    k = close + 1;
  }
}

Status MarkupScanner::Text() {
  const std::size_t start = at_;
  std::size_t k = start;
  for (; k < text_.size() && text_[k] != '<'; ++k) {
    if (more_ && k + kLookahead > text_.size()) return Stop();  // a reference may be cut off
    char c = text_[k];
    if (depth_ == 0) {
      if (!IsSpace(c)) return OutsideRoot(k, "text");
    } else if (c == '&') {
      std::size_t next = k;
      if (Status status = Reference(&next); !status.ok()) return status;
      k = next - 1;
    } else if (c == ']' && StartsWith(text_, k, "]]>")) {
      return Error(k, "']]>' in text (write ']]&gt;') (not well-formed)");
    }
  }
  kind_ = Construct::Kind::kText;
  at_ = k;
  return Status::Ok();
}

// A '&' at `*at` must start a predefined entity or a character reference to an XML character.
Status MarkupScanner::Reference(std::size_t* at) const {
  const std::size_t i = *at;
  std::size_t semi = text_.find(';', i + 1);
  std::string_view ref =
      text_.substr(i + 1, semi == std::string_view::npos || semi - i > 40 ? 0 : semi - i - 1);
  if (ref.empty()) return Error(i, "a raw '&' is not well-formed XML (write '&amp;')");
  if (ref[0] == '#') {
    bool hex = ref.size() > 1 && ref[1] == 'x';
    std::string_view digits = ref.substr(hex ? 2 : 1);
    char32_t value = 0;
    bool ok = !digits.empty() && digits.size() <= 8;
    for (char d : digits) {
      int v = d >= '0' && d <= '9'          ? d - '0'
              : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
              : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                            : -1;
      if (v < 0) ok = false;
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(std::max(v, 0));
    }
    if (!ok) return Error(i, "malformed character reference '&" + std::string(ref) + ";'");
    if (!IsXmlChar(value)) {
      return Error(i, "character reference '&" + std::string(ref) +
                          ";' names a character XML 1.0 forbids");
    }
  } else if (ref != "lt" && ref != "gt" && ref != "amp" && ref != "apos" && ref != "quot") {
    bool name = std::all_of(ref.begin(), ref.end(), [](char d) {
      return std::isalnum(static_cast<unsigned char>(d)) || d == '_' || d == '-' || d == '.' ||
             d == ':';
    });
    if (!name) return Error(i, "a raw '&' is not well-formed XML (write '&amp;')");
    return Error(i, "reference to undeclared entity '&" + std::string(ref) +
                        ";' (only &lt; &gt; &amp; &apos; &quot; are defined)");
  }
  *at = semi + 1;
  return Status::Ok();
}

Status MarkupScanner::Stop() {
  stop_ = true;
  at_ = text_.size();
  return Status::Ok();
}

Status CheckCharacters(LoadedXml* xml, std::string_view text, std::size_t from) {
  if (xml->line_starts.empty()) xml->line_starts.push_back(0);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  for (std::size_t i = from; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '\n') {
        xml->line_starts.push_back(static_cast<std::uint32_t>(i + 1));
      } else if (c < 0x20 && c != '\t' && c != '\r') {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer,
                      "control character U+%04X is not allowed in XML 1.0 (not well-formed)", c);
        return ParseError(*xml, i, buffer);
      }
      ++i;
      continue;
    }
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t code = c & (c >= 0xF0 ? 0x07 : c >= 0xE0 ? 0x0F : 0x1F);
    bool ok = c >= 0xC2 && c <= 0xF4 && i + length <= n;
    for (std::size_t k = 1; ok && k < length; ++k) {
      ok = (s[i + k] & 0xC0) == 0x80;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    ok = ok && !(length == 3 && code < 0x800) && !(length == 4 && code < 0x10000);
    if (!ok || !IsXmlChar(code)) {
      char buffer[96];
      if (!ok) {
        std::snprintf(buffer, sizeof buffer, "invalid UTF-8 (byte 0x%02X at offset %zu)", c,
                      xml->first_byte + i);
      } else {
        std::snprintf(buffer, sizeof buffer,
                      "character U+%04X is not allowed in XML 1.0 (not well-formed)",
                      static_cast<unsigned>(code));
      }
      return ParseError(*xml, i, buffer);
    }
    i += length;
  }
  return Status::Ok();
}

Status CheckMarkup(const LoadedXml& xml, std::string_view text) {
  std::size_t at = 0;
  return MarkupScanner().Scan(xml, text, false, &at);
}

}  // namespace termalign::xml
