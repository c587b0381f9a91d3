#include "xml/escape.h"

namespace termalign::xml {

bool IsXmlChar(char32_t code) {
  return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
         (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

bool AppendEscaped(std::string* out, std::string_view text, Context context, std::size_t* removed,
                   std::size_t* bad_offset) {
  const bool attribute = context == Context::kAttribute;
  const bool quote = attribute || context == Context::kContentQuoted;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    unsigned char c = bytes[i];
    if (c < 0x80) {
      switch (c) {
        case '&':
          out->append("&amp;");
          break;
        case '<':
          out->append("&lt;");
          break;
        case '>':
          out->append("&gt;");
          break;
        case '"':
          if (quote)
            out->append("&quot;");
          else
            out->push_back('"');
          break;
        // A literal CR would come back as LF (XML end-of-line handling); in attributes tabs and
        // newlines would come back as spaces (attribute-value normalisation).
        case '\r':
          out->append("&#13;");
          break;
        case '\t':
          if (attribute)
            out->append("&#9;");
          else
            out->push_back('\t');
          break;
        case '\n':
          if (attribute)
            out->append("&#10;");
          else
            out->push_back('\n');
          break;
        default:
          if (c < 0x20) {  // other C0 controls are not XML 1.0 characters
            ++*removed;
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    std::size_t length;
    char32_t code;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code = c & 0x07;
    } else {
      *bad_offset = i;
      return false;
    }
    if (i + length > size) {
      *bad_offset = i;
      return false;
    }
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char next = bytes[i + k];
      if ((next & 0xC0) != 0x80) {
        *bad_offset = i;
        return false;
      }
      code = (code << 6) | (next & 0x3F);
    }
    bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (overlong || surrogate || code > 0x10FFFF) {
      *bad_offset = i;
      return false;
    }
    if (code == 0xFFFE || code == 0xFFFF) {
      ++*removed;
    } else {
      out->append(text.substr(i, length));
    }
    i += length;
  }
  return true;
}

}  // namespace termalign::xml
