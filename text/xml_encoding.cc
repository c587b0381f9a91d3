// XML encodings to UTF-8 through ICU (see xml_encoding.h).
#include "text/xml_encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace termalign::text {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsUtf8Name(std::string_view name) {
  std::string upper = Upper(name);
  return upper == "UTF-8" || upper == "UTF8" || upper == "US-ASCII" || upper == "ASCII";
}

// The value of the encoding pseudo-attribute of a leading XML declaration in ASCII-compatible
// bytes, with its position; empty when there is none.
std::string_view DeclaredEncoding(std::string_view bytes, std::size_t* begin = nullptr) {
  if (bytes.substr(0, 5) != "<?xml") return {};
  std::size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return {};
  std::string_view declaration = bytes.substr(0, end);
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  at = declaration.find_first_of("\"'", at);
  if (at == std::string_view::npos) return {};
  std::size_t close = declaration.find(declaration[at], at + 1);
  if (close == std::string_view::npos) return {};
  if (begin != nullptr) *begin = at + 1;
  return declaration.substr(at + 1, close - at - 1);
}

}  // namespace

std::string DetectXmlEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  if (bytes.size() >= 2 && bytes[0] == '<' && bytes[1] == '\0') return "UTF-16LE";
  if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] == '<') return "UTF-16BE";
  std::string_view declared = DeclaredEncoding(bytes);
  return declared.empty() ? "UTF-8" : std::string(declared);
}

Result<std::string> XmlToUtf8(std::string_view bytes, std::string_view name) {
  const std::string encoding = DetectXmlEncoding(bytes);
  if (IsUtf8Name(encoding)) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return std::string(bytes);
  }
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> from(ucnv_open(encoding.c_str(), &error),
                                                          ucnv_close);
  if (U_FAILURE(error)) {
    return Status::Error(ErrorCode::kParse, std::string(name) + ": the file declares encoding '" +
                                                encoding + "', which termalign cannot read");
  }
  // Invalid bytes stop the conversion instead of becoming U+FFFD.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  std::unique_ptr<UConverter, void (*)(UConverter*)> to(ucnv_open("UTF-8", &error), ucnv_close);
  if (U_FAILURE(error)) {
    return Status::Error(ErrorCode::kInternal, "opening ICU's UTF-8 converter");
  }
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &error);
  if (U_FAILURE(error)) {
    return Status::Error(ErrorCode::kParse,
                         std::string(name) + ": byte " + std::to_string(source - bytes.data()) +
                             ": not valid " + encoding + " (the encoding the file declares)");
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  if (out.substr(0, 3) == "\xEF\xBB\xBF") out.erase(0, 3);
  std::size_t begin = 0;
  std::string_view declared = DeclaredEncoding(out, &begin);
  if (!declared.empty()) out.replace(begin, declared.size(), "UTF-8");
  return out;
}

}  // namespace termalign::text
