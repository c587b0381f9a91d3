// Placeholders and markup in the text of a segment: what a translation must carry over as it
// is, found the way localisation QA tools find them.
#ifndef TERMALIGN_QA_PLACEHOLDERS_H_
#define TERMALIGN_QA_PLACEHOLDERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace termalign::qa {

enum class PlaceholderKind {
  kPrintf,  // C/POSIX printf: "%s", "%1$d", "%-5.2f", "%lld"; Python "%(name)s"
  kBrace,   // .NET, Python and ICU arguments: "{0}", "{name}", "{0:N2}", "{count, plural, ...}",
            // and templates' "{{name}}"
  kTag,     // an HTML or XML tag written in the text: "<b>", "</a>", "<br/>"
};

// A Placeholder is one such item: [begin, end) are byte offsets into the text searched.
struct Placeholder {
  PlaceholderKind kind = PlaceholderKind::kPrintf;
  // What the other side must hold the same: the printf directive or brace argument as written
  // without spaces ("%1$s", "{0:N2}"); an ICU argument's name and type ("{count,plural}"), its
  // sub-messages searched for placeholders of their own; a tag's name in lower case with its
  // slashes, attributes left out (they may be translated): "<a>", "</a>", "<br/>".
  std::string key;
  // Whether its place in the order may change: false only for printf directives without a
  // position ("%s"), whose order is the order of the arguments.
  bool movable = true;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The placeholders of `text` in order of `begin`. Any bytes are accepted (the search is on ASCII
// syntax; other bytes are passed over). An argument or tag longer than kMaxPlaceholderBytes is
// taken for text, which bounds the work per '{' or '<'; ICU sub-messages nested deeper than
// kMaxIcuDepth are not searched.
std::vector<Placeholder> FindPlaceholders(std::string_view text);

// Long enough for an ICU plural message of a user interface string with all its forms.
inline constexpr std::size_t kMaxPlaceholderBytes = 8192;
inline constexpr int kMaxIcuDepth = 8;

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_PLACEHOLDERS_H_
