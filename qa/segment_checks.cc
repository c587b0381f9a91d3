// Unit-by-unit checks of bilingual files. They read each side as the file has it (CodeView),
// not the sentence text, whose white space is collapsed and whose codes are left out.
#include "qa/segment_checks.h"

#include <algorithm>
#include <map>
#include <set>

#include "qa/placeholders.h"
#include "text/language.h"

namespace termalign::qa {
namespace {

constexpr std::string_view kCodeMark = "\xEF\xBF\xBC";  // U+FFFC

// The white space the checks see at the ends of a side: ASCII, no-break, narrow no-break and
// thin spaces (French typography puts the last three before ; : ! ?).
constexpr std::string_view kWideSpaces[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"};

// The length of the white space starting at `pos`, or 0.
std::size_t SpaceAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  for (std::string_view space : kWideSpaces) {
    if (text.substr(pos, space.size()) == space) return space.size();
  }
  return 0;
}

// The length of the white space ending at `end`, or 0.
std::size_t SpaceBefore(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  char c = text[end - 1];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  for (std::string_view space : kWideSpaces) {
    if (end >= space.size() && text.substr(end - space.size(), space.size()) == space) {
      return space.size();
    }
  }
  return 0;
}

bool IsBlank(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t space = SpaceAt(text, pos);
    if (space == 0) return false;
    pos += space;
  }
  return true;
}

// Calls `check(index, source view, target view)` for each unit with a translation; a finding
// it fills with a message is kept.
template <typename Check>
std::vector<Finding> EachTranslated(const UnitsInput& in, FindingKind kind, Check check) {
  std::vector<Finding> findings;
  for (std::size_t b = 0; b < in.segments.size() && b < in.alignment.beads.size(); ++b) {
    std::string source = CodeView(in.segments[b].source);
    std::string target = CodeView(in.segments[b].target);
    if (IsBlank(target)) continue;
    Finding finding = BeadFinding(kind, b, in.alignment.beads[b]);
    check(source, target, &finding);
    if (!finding.message.empty()) findings.push_back(std::move(finding));
  }
  return findings;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

// What `have` holds more often than `other` (each extra occurrence once), in `have`'s order.
std::vector<std::string> Extra(const std::vector<std::string>& have,
                               const std::vector<std::string>& other) {
  std::map<std::string, int> left;
  for (const std::string& item : other) ++left[item];
  std::vector<std::string> extra;
  for (const std::string& item : have) {
    if (left[item] > 0) {
      --left[item];
    } else {
      extra.push_back(item);
    }
  }
  return extra;
}

std::vector<std::string> Unique(const std::vector<std::string>& items) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& item : items) {
    if (seen.insert(item).second) unique.push_back(item);
  }
  return unique;
}

// Fills `finding` when `source` and `target` (keys in order) differ: what is missing, what is
// added, or, when `ordered` and both hold the same, their orders.
void CompareKeys(const std::vector<std::string>& source, const std::vector<std::string>& target,
                 bool ordered, std::string_view what, Finding* finding) {
  finding->expected = Extra(source, target);
  finding->found = Extra(target, source);
  std::vector<std::string> parts;
  if (!finding->expected.empty()) {
    parts.push_back("missing in the target: " + Join(finding->expected, " "));
  }
  if (!finding->found.empty()) parts.push_back("not in the source: " + Join(finding->found, " "));
  if (parts.empty() && ordered && source != target) {
    parts.push_back(std::string(what) + " in another order: " + Join(source, " ") + " in the " +
                    "source, " + Join(target, " ") + " in the target");
  }
  finding->message = Join(parts, "; ");
  if (!finding->expected.empty()) {
    finding->subject = finding->expected.front();
  } else if (!finding->found.empty()) {
    finding->subject = finding->found.front();
  }
}

// A code or HTML tag of one side: its key, and for the opening and closing halves of a pair
// what pairs them (<g id="1"> with </g id="1">, <bpt> with the <ept> of its i, <b> with </b>).
struct TagItem {
  std::string key;
  std::string pair;  // "" for a code or tag of its own
  bool opens = false;
};

// The codes of `tagged` and the HTML tags in its text (`view`), codes first.
std::vector<TagItem> TagItems(const text::TaggedText& tagged, std::string_view view) {
  std::vector<TagItem> items;
  for (const text::InlineCode& code : tagged.codes) {
    TagItem item{CodeKey(code), "", false};
    if (code.role != text::CodeRole::kStandalone) {
      item.pair = code.name + "#" + code.id;
      item.opens = code.role == text::CodeRole::kOpen;
    } else if (code.name == "bpt" || code.name == "ept") {
      item.pair = "bpt#" + code.id;
      item.opens = code.name == "bpt";
    }
    items.push_back(std::move(item));
  }
  for (const Placeholder& found : FindPlaceholders(view)) {
    if (found.kind != PlaceholderKind::kTag) continue;
    TagItem item{found.key, "", false};
    if (!found.key.ends_with("/>")) {
      const bool closes = found.key.starts_with("</");
      item.pair = "html#" + found.key.substr(closes ? 2 : 1);
      item.opens = !closes;
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<std::string> Keys(const std::vector<TagItem>& items) {
  std::vector<std::string> keys;
  for (const TagItem& item : items) keys.push_back(item.key);
  return keys;
}

// The first closing half of a pair that comes before its opening half or closes across another
// pair ("</b> closes inside <u>"), or "" when the pairs nest. An opening half never closed (an
// HTML <p>) is no fault.
std::string NestingFault(const std::vector<TagItem>& items) {
  std::vector<const TagItem*> open;
  for (const TagItem& item : items) {
    if (item.pair.empty()) continue;
    if (item.opens) {
      open.push_back(&item);
      continue;
    }
    auto match = std::find_if(open.rbegin(), open.rend(),
                              [&item](const TagItem* o) { return o->pair == item.pair; });
    if (match == open.rend()) return item.key + " comes before its opening tag";
    if (match != open.rbegin()) return item.key + " closes inside " + open.back()->key;
    open.pop_back();
  }
  return "";
}

// The mark a side ends with, its closing quotes, brackets, codes and spaces passed over:
// ".", "!", "?", ":", ";", ",", "…" (also for "..."), or "" for none. Arabic and full-width
// marks are read as their Latin forms. `space_before` tells whether white space precedes it.
struct Ending {
  std::string mark;
  bool space_before = false;
};

Ending EndOf(std::string_view text) {
  static const std::vector<std::string_view> kClosers = {"\"",
                                                         "'",
                                                         ")",
                                                         "]",
                                                         "}",
                                                         "\xC2\xBB" /* » */,
                                                         "\xE2\x80\x9D" /* ” */,
                                                         "\xE2\x80\x99" /* ’ */,
                                                         "\xE2\x80\xBA" /* › */,
                                                         kCodeMark};
  static const std::vector<std::pair<std::string_view, std::string_view>> kMarks = {
      {"\xE2\x80\xA6", "…"},
      {"...", "…"},
      {".", "."},
      {"!", "!"},
      {"?", "?"},
      {":", ":"},
      {";", ";"},
      {",", ","},
      {"\xD8\x9F", "?"} /* ؟ */,
      {"\xD8\x8C", ","} /* ، */,
      {"\xD8\x9B", ";"} /* ؛ */,
      {"\xDB\x94", "."} /* ۔ */,
      {"\xE3\x80\x82", "."} /* 。 */,
      {"\xE3\x80\x81", ","} /* 、 */,
      {"\xEF\xBC\x81", "!"} /* ！ */,
      {"\xEF\xBC\x9F", "?"} /* ？ */,
      {"\xEF\xBC\x9A", ":"},
      {"\xEF\xBC\x9B", ";"},
      {"\xEF\xBC\x8C", ","}};
  std::size_t end = text.size();
  for (bool passed = true; passed && end > 0;) {
    passed = false;
    if (std::size_t space = SpaceBefore(text, end)) {
      end -= space;
      passed = true;
      continue;
    }
    for (std::string_view closer : kClosers) {
      if (end >= closer.size() && text.substr(end - closer.size(), closer.size()) == closer) {
        end -= closer.size();
        passed = true;
        break;
      }
    }
  }
  Ending ending;
  for (const auto& [written, mark] : kMarks) {
    if (end >= written.size() && text.substr(end - written.size(), written.size()) == written) {
      ending.mark = mark;
      ending.space_before = SpaceBefore(text, end - written.size()) != 0;
      break;
    }
  }
  return ending;
}

std::string Quoted(const std::string& mark) {
  return mark.empty() ? "no punctuation" : "'" + mark + "'";
}

bool IsHighPunctuation(const std::string& mark) {
  return mark == "!" || mark == "?" || mark == ":" || mark == ";";
}

}  // namespace

std::string CodeView(const text::TaggedText& tagged) {
  std::string view;
  view.reserve(tagged.text.size() + 3 * tagged.codes.size());
  std::size_t at = 0;
  for (const text::InlineCode& code : tagged.codes) {
    std::size_t offset = std::min(code.offset, tagged.text.size());
    if (offset < at) offset = at;  // codes out of order: keep the text whole
    view.append(tagged.text, at, offset - at);
    view += kCodeMark;
    at = std::min(tagged.text.size(), offset + code.length);
  }
  view.append(tagged.text, at);
  return view;
}

std::string CodeKey(const text::InlineCode& code) {
  std::string id = code.id.empty() ? "" : " id=\"" + code.id + "\"";
  switch (code.role) {
    case text::CodeRole::kOpen:
      return "<" + code.name + id + ">";
    case text::CodeRole::kClose:
      return "</" + code.name + id + ">";
    case text::CodeRole::kStandalone:
      break;
  }
  return "<" + code.name + id + "/>";
}

std::vector<Finding> CheckEmptyTargets(const UnitsInput& in) {
  std::vector<Finding> findings;
  for (std::size_t b = 0; b < in.segments.size() && b < in.alignment.beads.size(); ++b) {
    const Segment& segment = in.segments[b];
    if (IsBlank(CodeView(segment.source)) || !IsBlank(CodeView(segment.target))) continue;
    Finding finding = BeadFinding(FindingKind::kEmptyTarget, b, in.alignment.beads[b]);
    finding.message = "no translation";
    findings.push_back(std::move(finding));
  }
  return findings;
}

std::vector<Finding> CheckTags(const UnitsInput& in) {
  std::vector<Finding> findings;
  for (std::size_t b = 0; b < in.segments.size() && b < in.alignment.beads.size(); ++b) {
    const Segment& segment = in.segments[b];
    std::string target = CodeView(segment.target);
    if (IsBlank(target)) continue;
    Finding finding = BeadFinding(FindingKind::kTagMismatch, b, in.alignment.beads[b]);
    std::vector<TagItem> source_items = TagItems(segment.source, CodeView(segment.source));
    std::vector<TagItem> target_items = TagItems(segment.target, target);
    CompareKeys(Keys(source_items), Keys(target_items), false, "tags", &finding);
    // Codes move with the words they stand by ("the <b>black</b> <u>cat</u>" is "le <u>chat</u>
    // <b>noir</b>"); a pair that no longer nests is broken.
    if (finding.message.empty() && NestingFault(source_items).empty()) {
      std::string fault = NestingFault(target_items);
      if (!fault.empty()) finding.message = "the target's tags do not nest: " + fault;
    }
    if (!finding.message.empty()) findings.push_back(std::move(finding));
  }
  return findings;
}

std::vector<Finding> CheckPlaceholders(const UnitsInput& in) {
  return EachTranslated(in, FindingKind::kPlaceholderMismatch,
                        [](const std::string& source, const std::string& target, Finding* finding) {
                          // printf directives count one by one (each takes an argument); a brace
                          // argument may recur as often as the language's plural forms need, so its
                          // presence is compared.
                          std::vector<std::string> keys[2];
                          std::vector<std::string> fixed[2];
                          const std::string* sides[2] = {&source, &target};
                          for (int side = 0; side < 2; ++side) {
                            std::vector<std::string> braces;
                            for (const Placeholder& found : FindPlaceholders(*sides[side])) {
                              if (found.kind == PlaceholderKind::kTag) continue;
                              if (found.kind == PlaceholderKind::kBrace) {
                                braces.push_back(found.key);
                                continue;
                              }
                              keys[side].push_back(found.key);
                              if (!found.movable) fixed[side].push_back(found.key);
                            }
                            for (std::string& brace : Unique(braces))
                              keys[side].push_back(std::move(brace));
                          }
                          CompareKeys(keys[0], keys[1], false, "placeholders", finding);
                          if (finding->message.empty() && fixed[0] != fixed[1]) {
                            finding->message =
                                "printf directives in another order: " + Join(fixed[0], " ") +
                                " in the source, " + Join(fixed[1], " ") +
                                " in the target (number them, as %1$s, to reorder)";
                            finding->subject = fixed[0].empty() ? "" : fixed[0].front();
                          }
                        });
}

std::vector<Finding> CheckEdgeSpaces(const UnitsInput& in) {
  return EachTranslated(in, FindingKind::kEdgeSpace,
                        [](const std::string& source, const std::string& target, Finding* finding) {
                          std::vector<std::string> parts;
                          auto compare = [&parts](bool in_source, bool in_target,
                                                  std::string_view where) {
                            if (in_source == in_target) return;
                            parts.push_back(std::string(in_source ? "the source " : "the target ") +
                                            std::string(where) + " with white space, the " +
                                            (in_source ? "target" : "source") + " does not");
                          };
                          compare(SpaceAt(source, 0) != 0, SpaceAt(target, 0) != 0, "starts");
                          compare(SpaceBefore(source, source.size()) != 0,
                                  SpaceBefore(target, target.size()) != 0, "ends");
                          finding->message = Join(parts, "; ");
                        });
}

std::vector<Finding> CheckDoubleSpaces(const UnitsInput& in) {
  // Runs of two or more spaces between two other characters; after a line break they indent.
  auto count = [](std::string_view text) {
    std::size_t runs = 0;
    for (std::size_t i = 1; i < text.size(); ++i) {
      if (text[i] != ' ' || text[i - 1] == ' ' || text[i - 1] == '\n') continue;
      std::size_t end = i;
      while (end < text.size() && text[end] == ' ') ++end;
      if (end - i >= 2 && end < text.size() && text[end] != '\n') ++runs;
      i = end - 1;
    }
    return runs;
  };
  return EachTranslated(
      in, FindingKind::kDoubleSpace,
      [&count](const std::string& source, const std::string& target, Finding* finding) {
        std::size_t in_source = count(source);
        std::size_t in_target = count(target);
        if (in_target <= in_source) return;
        finding->subject = "  ";
        finding->message = in_target == 1
                               ? "a double space in the target"
                               : std::to_string(in_target) + " double spaces in the target";
        if (in_source != 0)
          finding->message += " (" + std::to_string(in_source) + " in the source)";
      });
}

std::vector<Finding> CheckEndPunctuation(const UnitsInput& in) {
  const bool spaced = text::LanguageFor(in.target_lang).space_before_high_punctuation;
  const std::string language(text::LanguageFor(in.target_lang).name);
  return EachTranslated(
      in, FindingKind::kEndPunctuation,
      [&](const std::string& source, const std::string& target, Finding* finding) {
        Ending source_end = EndOf(source);
        Ending target_end = EndOf(target);
        if (source_end.mark != target_end.mark) {
          finding->message = "the source ends with " + Quoted(source_end.mark) +
                             ", the target with " + Quoted(target_end.mark);
          finding->expected.push_back(source_end.mark);
          finding->found.push_back(target_end.mark);
        } else if (IsHighPunctuation(target_end.mark) && spaced && !target_end.space_before) {
          finding->message =
              language + " puts a (no-break) space before the final '" + target_end.mark + "'";
        } else if (IsHighPunctuation(target_end.mark) && !spaced && target_end.space_before &&
                   !source_end.space_before) {
          finding->message = "white space before the final '" + target_end.mark + "'";
        }
        finding->subject = target_end.mark;
      });
}

}  // namespace termalign::qa
