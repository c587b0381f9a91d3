#include "decode.h"

#include <algorithm>
#include <cctype>

namespace termalign::xml {
namespace {

using text::ErrorCode;
using text::Status;

void AppendUtf8(std::string* out, char32_t code) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Converts UTF-16 to UTF-8 up to a bad sequence or one cut off by the end, and returns the
// number of bytes of `in` converted.
std::size_t Utf16ToUtf8(std::string_view in, bool big_endian, std::string* out) {
  out->reserve(out->size() + in.size() / 2 + in.size() / 8);
  auto unit = [&](std::size_t at) -> char32_t {
    auto b0 = static_cast<unsigned char>(in[at]), b1 = static_cast<unsigned char>(in[at + 1]);
    return big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
  };
  std::size_t i = 0;
  for (; i + 1 < in.size(); i += 2) {
    char32_t code = unit(i);
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i + 3 >= in.size()) break;
      char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) break;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      break;
    }
    AppendUtf8(out, code);
  }
  return i;
}

// The length of a UTF-8 sequence cut off at the end of `in` (0 when none).
std::size_t CutUtf8(std::string_view in) {
  for (std::size_t back = 1; back <= 3 && back <= in.size(); ++back) {
    auto c = static_cast<unsigned char>(in[in.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The encoding declared in the XML declaration, lower case, or "", and where its value starts
// in `text` (in `*at`).
std::string DeclaredEncoding(std::string_view text, std::size_t* at_value) {
  if (!StartsWith(text, "<?xml")) return "";
  std::string_view decl = text.substr(0, text.find("?>"));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  std::size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  std::size_t end = decl.find(decl[quote], quote + 1);
  if (end == std::string_view::npos) return "";
  *at_value = quote + 1;
  std::string value(decl.substr(quote + 1, end - quote - 1));
  for (char& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return value;
}

}  // namespace

Status Decoder::Start(std::string_view head, const std::string& path) {
  *this = Decoder();
  if (StartsWith(head, std::string_view("\xFF\xFE\x00\x00", 4)) ||
      StartsWith(head, std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Status::Error(ErrorCode::kParse,
                         path + ":1:1: UTF-32 is not supported: convert to UTF-8");
  }
  bool le_bom = StartsWith(head, "\xFF\xFE"), be_bom = StartsWith(head, "\xFE\xFF");
  if (le_bom || be_bom || StartsWith(head, std::string_view("<\0?\0", 4)) ||
      StartsWith(head, std::string_view("\0<\0?", 4))) {
    encoding_ = be_bom || StartsWith(head, std::string_view("\0<", 2)) ? "UTF-16BE" : "UTF-16LE";
    bom_ = le_bom || be_bom ? 2 : 0;
    return Status::Ok();
  }
  bom_ = StartsWith(head, "\xEF\xBB\xBF") ? 3 : 0;
  std::size_t value_at = 0;
  std::string declared = DeclaredEncoding(head.substr(bom_), &value_at);
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "iso_8859-1") {
    encoding_ = "ISO-8859-1";
    bom_ = 0;  // read as the characters it is in ISO-8859-1 (and refused before the root)
  } else if (!declared.empty() && declared != "utf-8" && declared != "utf8" &&
             declared != "us-ascii" && declared != "ascii") {
    // The declaration is on line 1; the column counts bytes, as every position does.
    return Status::Error(ErrorCode::kParse, path + ":1:" + std::to_string(bom_ + value_at + 1) +
                                                ": encoding '" + declared +
                                                "' is not supported (UTF-8, UTF-16 with a "
                                                "byte-order mark, ISO-8859-1): convert to UTF-8");
  }
  return Status::Ok();
}

Status Decoder::Convert(std::string_view raw, bool last, std::string* out) {
  if (consumed_ < bom_) {
    std::size_t skip = std::min(bom_ - consumed_, raw.size());
    raw.remove_prefix(skip);
    consumed_ += skip;
  }
  std::string joined;
  if (!held_.empty()) {
    joined = held_ + std::string(raw);
    raw = joined;
    consumed_ -= held_.size();
    held_.clear();
  }
  std::size_t done = raw.size();
  if (encoding_ == "ISO-8859-1") {
    for (char ch : raw) AppendUtf8(out, static_cast<unsigned char>(ch));
  } else if (encoding_ == "UTF-8") {
    done -= last ? 0 : CutUtf8(raw);
    out->append(raw.substr(0, done));
  } else {
    done = Utf16ToUtf8(raw, encoding_ == "UTF-16BE", out);
    // A bad unit, or a cut-off one at the very end of the file.
    if (done + 3 < raw.size() || (last && done < raw.size())) {
      return Status::Error(ErrorCode::kParse, "invalid UTF-16 at byte " +
                                                  std::to_string(consumed_ + done) +
                                                  " of the file (is it " + encoding_ + "?)");
    }
  }
  held_ = std::string(raw.substr(done));
  consumed_ += raw.size();
  return Status::Ok();
}

}  // namespace termalign::xml
