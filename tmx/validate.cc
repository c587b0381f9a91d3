#include "tmx/validate.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

#include "text/lang_tag.h"
#include "tmx/writer.h"
#include "unit_key.h"
#include "xml/load.h"
#include "xml/stream.h"

namespace termalign::tmx {
namespace {

using text::Status;

// The TMX 1.4b DTD, one row per element.
struct ElementRule {
  std::string_view name;
  std::vector<std::string_view> attributes;  // every attribute allowed
  std::vector<std::string_view> required;
  bool mixed;                              // #PCDATA allowed
  std::vector<std::string_view> children;  // elements allowed inside
};

const std::vector<ElementRule>& Rules() {
  static const std::vector<std::string_view> kDates = {"creationdate", "changedate"};
  static const std::vector<ElementRule> rules = {
      {"tmx", {"version"}, {"version"}, false, {"header", "body"}},
      {"header",
       {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang",
        "datatype", "o-encoding", "creationdate", "creationid", "changedate", "changeid"},
       {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang",
        "datatype"},
       false,
       {"note", "prop", "ude"}},
      {"body", {}, {}, false, {"tu"}},
      {"note", {"o-encoding", "xml:lang", "lang"}, {}, true, {}},
      {"ude", {"name", "base"}, {"name"}, false, {"map"}},
      {"map", {"unicode", "code", "ent", "subst"}, {"unicode"}, false, {}},
      {"prop", {"type", "xml:lang", "o-encoding", "lang"}, {"type"}, true, {}},
      {"tu",
       {"tuid", "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
        "creationtoolversion", "creationdate", "creationid", "changedate", "segtype", "changeid",
        "o-tmf", "srclang"},
       {},
       false,
       {"note", "prop", "tuv"}},
      {"tuv",
       {"xml:lang", "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
        "creationtoolversion", "creationdate", "creationid", "changedate", "o-tmf", "changeid",
        "lang"},
       {"xml:lang"},
       false,
       {"note", "prop", "seg"}},
      {"seg", {}, {}, true, {"bpt", "ept", "ph", "it", "hi", "ut"}},
      {"bpt", {"i", "x", "type"}, {"i"}, true, {"sub"}},
      {"ept", {"i"}, {"i"}, true, {"sub"}},
      {"sub", {"datatype", "type"}, {}, true, {"bpt", "ept", "it", "ph", "hi", "ut"}},
      {"it", {"pos", "x", "type"}, {"pos"}, true, {"sub"}},
      {"ph", {"x", "assoc", "type"}, {}, true, {"sub"}},
      {"hi", {"x", "type"}, {}, true, {"bpt", "ept", "it", "ph", "hi", "ut"}},
      {"ut", {"x"}, {}, true, {"sub"}},
  };
  return rules;
}

const ElementRule* RuleFor(std::string_view name) {
  for (const ElementRule& rule : Rules()) {
    if (rule.name == name) return &rule;
  }
  return nullptr;
}

bool Contains(const std::vector<std::string_view>& list, std::string_view item) {
  for (std::string_view entry : list) {
    if (entry == item) return true;
  }
  return false;
}

std::vector<pugi::xml_node> Elements(pugi::xml_node node) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) out.push_back(child);
  }
  return out;
}

// TMX 1.1 and 1.2 give a variant's language in `lang`; xml:lang replaced it in 1.3.
bool OldLangAttribute(std::string_view version) { return version == "1.1" || version == "1.2"; }

bool IsSegmentTextEmpty(pugi::xml_node seg) {
  for (pugi::xml_node child : seg.children()) {
    if (child.type() == pugi::node_element) return false;
    if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
        !xml::IsBlankText(child)) {
      return false;
    }
  }
  return true;
}

// The exact content of a segment, for duplicate detection.
std::string SegmentKey(pugi::xml_node seg) {
  struct Writer : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override {
      out.append(static_cast<const char*>(data), size);
    }
  } writer;
  for (pugi::xml_node child : seg.children()) child.print(writer, "", pugi::format_raw);
  return writer.out;
}

// Checks a TMX file as a stream reads it: the header first (before the first unit), then each
// child of <body>, then the rest of the document (its frame) and what the whole file shows.
class Validator {
 public:
  explicit Validator(ValidationReport* report) : report_(report) {}

  // The frame read up to the first child of <body>: the version and the source language, which
  // the units are checked by.
  void CheckStart(const xml::LoadedXml& frame) {
    xml_ = &frame;
    pugi::xml_node root = frame.doc.document_element();
    if (std::strcmp(root.name(), "tmx") != 0) return;  // reported by CheckEnd
    std::string_view version = root.attribute("version").value();
    if (root.attribute("version") && version != "1.4") {
      Warn(root, "version",
           "version " + std::string(version) + ": checked as 1.4b" +
               (OldLangAttribute(version) ? ", with 'lang' in place of xml:lang" : ""));
      old_lang_ = OldLangAttribute(version);
    }
    srclang_ = root.child("header").attribute("srclang").value();
  }

  // One element in <body>, a tree of its own.
  void CheckBodyElement(const xml::LoadedXml& child) {
    xml_ = &child;
    pugi::xml_node node = child.doc.document_element();
    if (std::strcmp(node.name(), "tu") != 0) {
      Error(node, "structure", "<" + std::string(node.name()) + "> is not allowed in <body>");
      return;
    }
    CheckElement(node);
    CheckUnit(node);
  }

  // Text in <body>, which holds only elements.
  void CheckBodyText(xml::Position at) {
    Add(at, Severity::kError, "structure", "text is not allowed in <body>");
  }

  // The whole frame, at the end of the file.
  void CheckEnd(const xml::LoadedXml& frame) {
    xml_ = &frame;
    pugi::xml_node root = frame.doc.document_element();
    if (std::strcmp(root.name(), "tmx") != 0) {
      Error(root, "structure", "the root element is <" + std::string(root.name()) + ">, not <tmx>");
      return;
    }
    CheckElement(root);
    std::vector<pugi::xml_node> top = Elements(root);
    if (top.size() != 2 || std::strcmp(top[0].name(), "header") != 0 ||
        std::strcmp(top[1].name(), "body") != 0) {
      Error(root, "structure", "<tmx> must hold exactly <header> then <body>");
    }
    pugi::xml_node header = root.child("header");
    if (header) CheckHeader(header);
    // One warning a tag: files from some tools write every tag so ("en-us").
    for (const auto& [tag, seen] : lang_case_) {
      if (seen.count > 1 && seen.problem != kNone) {
        report_->problems[seen.problem].message +=
            " and " + std::to_string(seen.count - 1) + " more time(s)";
      }
    }
    if (repeated_units_ > 0) {
      Add(first_repeat_, Severity::kWarning, "repeated-unit",
           "this unit repeats the segments of the unit at line " +
               std::to_string(first_repeat_of_) + " (" + std::to_string(repeated_units_) +
               " unit(s) in the file repeat an earlier unit, with other tuids or props)");
    }
  }

 private:
  void Add(xml::Position at, Severity severity, std::string_view rule, std::string message) {
    if (report_->problems.size() >= kMaxProblems) {
      report_->truncated = true;
      return;
    }
    report_->problems.push_back(
        {at.line, at.column, severity, std::string(rule), std::move(message)});
  }
  void Add(pugi::xml_node node, Severity severity, std::string_view rule, std::string message) {
    Add(xml_->Of(node), severity, rule, std::move(message));
  }
  void Error(pugi::xml_node node, std::string_view rule, std::string message) {
    Add(node, Severity::kError, rule, std::move(message));
  }
  void Warn(pugi::xml_node node, std::string_view rule, std::string message) {
    Add(node, Severity::kWarning, rule, std::move(message));
  }

  void CheckLang(pugi::xml_node node, std::string_view attribute, bool allow_all) {
    pugi::xml_attribute lang = node.attribute(attribute.data());
    if (!lang) return;
    if (allow_all && std::string_view(lang.value()) == "*all*") return;
    text::Result<text::LangTag> tag = text::LangTag::Parse(lang.value());
    if (!tag.ok()) {
      Error(node, "lang-tag", std::string(attribute) + ": " + tag.status().message());
    } else if (tag->str() != lang.value()) {
      // BCP 47 section 2.1.1: tags are case-insensitive, and TMX 1.4b's own examples write
      // "en-us"; canonical case is only a recommendation.
      auto [seen, first] = lang_case_.try_emplace(lang.value(), LangCase{});
      ++seen->second.count;
      if (first && report_->problems.size() < kMaxProblems) {
        seen->second.problem = report_->problems.size();
        Warn(node, "lang-case",
             std::string(attribute) + ": '" + lang.value() + "' is not in canonical case ('" +
                 tag->str() + "')");
      }
    }
  }

  void CheckDates(pugi::xml_node node) {
    for (const char* name : {"creationdate", "changedate", "lastusagedate"}) {
      pugi::xml_attribute date = node.attribute(name);
      if (date && !IsTmxDate(date.value())) {
        Error(node, "date", std::string(name) + " '" + date.value() +
                      "' is not a TMX date (YYYYMMDDThhmmssZ, e.g. 20240131T140500Z)");
      }
    }
  }

  // The DTD rules of `node` and, recursively, of everything inside it (at most xml::kMaxDepth
  // levels: the loader refuses deeper nesting).
  void CheckElement(pugi::xml_node node) {
    const ElementRule* rule = RuleFor(node.name());
    std::string name = node.name();
    if (rule == nullptr) {
      Error(node, "structure", "<" + name + "> is not a TMX 1.4b element");
      return;
    }
    // A repeated attribute is refused when the file is loaded (not well-formed).
    for (pugi::xml_attribute attribute : node.attributes()) {
      std::string_view attribute_name = attribute.name();
      if (!Contains(rule->attributes, attribute_name)) {
        Error(node, "attribute",
              "<" + name + "> has no attribute '" + std::string(attribute_name) + "'");
      }
    }
    for (std::string_view required : rule->required) {
      if (!node.attribute(required.data())) {
        if (name == "tuv" && node.attribute("lang")) {
          if (!old_lang_) {
            Error(node, "required-attribute",
                  "<tuv> has the deprecated 'lang' but no xml:lang (required in TMX 1.4)");
          }
        } else {
          Error(node, "required-attribute",
                "<" + name + "> lacks the required attribute '" + std::string(required) + "'");
        }
      }
    }
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!rule->mixed && !xml::IsBlankText(child))
          Error(child, "structure", "text is not allowed in <" + name + ">");
      } else if (child.type() == pugi::node_element) {
        if (!Contains(rule->children, child.name())) {
          Error(child, "structure",
                "<" + std::string(child.name()) + "> is not allowed in <" + name + ">");
        } else {
          CheckElement(child);
        }
      }
    }
    CheckDates(node);
    CheckLang(node, "xml:lang", false);
    if (old_lang_) CheckLang(node, "lang", false);
    if (name == "it") {
      std::string_view pos = node.attribute("pos").value();
      if (node.attribute("pos") && pos != "begin" && pos != "end") {
        Error(node, "enumeration",
              "<it> pos must be 'begin' or 'end', not '" + std::string(pos) + "'");
      }
    }
    if (name == "header" || name == "tu") {
      pugi::xml_attribute segtype = node.attribute("segtype");
      std::string_view value = segtype.value();
      if (segtype && value != "block" && value != "paragraph" && value != "sentence" &&
          value != "phrase") {
        Error(node, "enumeration",
              "segtype must be block, paragraph, sentence or phrase, not '" + std::string(value) +
                  "'");
      }
    }
  }

  void CheckHeader(pugi::xml_node header) {
    CheckLang(header, "srclang", true);
    CheckLang(header, "adminlang", false);
  }

  // (note|prop)* then the named elements, in that order.
  void CheckOrder(pugi::xml_node node, const char* last, bool exactly_one) {
    bool in_tail = false;
    int count = 0;
    for (pugi::xml_node child : Elements(node)) {
      bool is_last = std::strcmp(child.name(), last) == 0;
      if (is_last) {
        in_tail = true;
        ++count;
      } else if (in_tail) {
        Error(child, "structure",
              "<" + std::string(child.name()) + "> must come before <" + last + ">");
      }
    }
    if (count == 0) {
      Error(node, "structure", "<" + std::string(node.name()) + "> has no <" + last + ">");
    } else if (exactly_one && count > 1) {
      Error(node, "structure", "<" + std::string(node.name()) + "> has more than one <" + last + ">");
    }
  }

  // TMX 1.4b: a <bpt>'s i is unique within its segment and an <ept> with the same i closes it.
  void CheckPairs(pugi::xml_node seg) {
    std::vector<std::pair<std::string, pugi::xml_node>> open;  // unclosed <bpt>, in order
    std::set<std::string> used;                                // every <bpt> i seen
    auto walk = [&](auto&& self, pugi::xml_node node) -> void {
      for (pugi::xml_node child : Elements(node)) {
        std::string i = child.attribute("i").value();
        if (std::strcmp(child.name(), "bpt") == 0 && child.attribute("i")) {
          if (!used.insert(i).second) {
            Error(child, "inline-pairing",
                  "<bpt i=\"" + i + "\"> repeats an i already used in this segment");
          }
          open.emplace_back(i, child);
        } else if (std::strcmp(child.name(), "ept") == 0 && child.attribute("i")) {
          auto match = std::find_if(open.rbegin(), open.rend(),
                                    [&](const auto& entry) { return entry.first == i; });
          if (match == open.rend()) {
            Error(child, "inline-pairing", "<ept i=\"" + i + "\"> has no <bpt> before it");
          } else {
            open.erase(std::next(match).base());
          }
        }
        self(self, child);
      }
    };
    walk(walk, seg);
    for (const auto& [i, node] : open) {
      Error(node, "inline-pairing", "<bpt i=\"" + i + "\"> has no matching <ept> in this segment");
    }
  }

  void CheckUnit(pugi::xml_node tu) {
    ++report_->units;
    CheckOrder(tu, "tuv", false);
    std::string srclang = srclang_;
    // A unit may name its own source language (TMX 1.4b: multi-directional memories).
    pugi::xml_attribute tu_src = tu.attribute("srclang");
    if (tu_src) {
      srclang = tu_src.value();
      CheckLang(tu, "srclang", true);
    }
    bool has_source = false;
    std::multiset<std::string> key;
    for (pugi::xml_node tuv : tu.children("tuv")) {
      CheckOrder(tuv, "seg", true);
      pugi::xml_attribute lang = tuv.attribute("xml:lang");
      if (!lang) lang = tuv.attribute("lang");
      bool is_source = lang && text::SameLangTag(lang.value(), srclang);
      has_source = has_source || is_source;
      pugi::xml_node seg = tuv.child("seg");
      if (!seg) continue;
      CheckPairs(seg);
      if (IsSegmentTextEmpty(seg)) {
        Warn(seg, "empty-segment",
             std::string(is_source ? "empty source" : "empty target") + " segment (" +
                 (lang ? lang.value() : "no language") + ")");
      }
      key.insert(text::CanonicalLangTag(lang.value()) + '\x01' + SegmentKey(seg));
    }
    if (!has_source && !srclang.empty() && srclang != "*all*") {
      Error(tu, "source-variant", "<tu> has no variant in the source language '" + srclang + "'");
    }
    std::size_t line = xml_->Of(tu).line;
    std::string joined;
    for (const std::string& part : key) joined += part + '\x02';
    auto [first_line, fresh] = units_.Insert(Digest(joined), static_cast<std::uint32_t>(line));
    // Real memories repeat units with other tuids or props (one per source file or context):
    // reported once for the file, with the count.
    if (!fresh && repeated_units_++ == 0) {
      first_repeat_ = xml_->Of(tu);
      first_repeat_of_ = first_line;
    }
    // TMX 1.4b leaves the meaning of tuid to the tool ("it could be unique or not").
    if (pugi::xml_attribute tuid = tu.attribute("tuid")) {
      auto [previous, new_id] = tuids_.Insert(Digest(tuid.value()), static_cast<std::uint32_t>(line));
      if (!new_id) {
        Warn(tu, "repeated-tuid",
             "tuid '" + std::string(tuid.value()) + "' is already used at line " +
                 std::to_string(previous));
      }
    }
  }

  const xml::LoadedXml* xml_ = nullptr;  // the tree being checked: the frame or a unit
  ValidationReport* report_;
  // Where a non-canonical tag was first reported and how often it occurs.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct LangCase {
    std::size_t problem = kNone;
    std::size_t count = 0;
  };
  std::map<std::string, LangCase> lang_case_;
  std::string srclang_;
  bool old_lang_ = false;  // a TMX 1.1-1.2 file: variants carry `lang`, not xml:lang
  std::size_t repeated_units_ = 0;
  xml::Position first_repeat_;
  std::size_t first_repeat_of_ = 0;  // line of the unit it repeats
  DigestTable units_;  // unit content -> line
  DigestTable tuids_;  // tuid -> line
};

}  // namespace

text::Result<ValidationReport> ValidateTmx(const std::string& path) {
  xml::XmlStream stream;
  text::Status status = stream.Open(path, text::InputKind::kTmx, {"tmx", "body"});
  if (!status.ok()) return status;
  ValidationReport report;
  report.path = path;
  Validator validator(&report);
  bool started = false;
  xml::XmlStream::Event event;
  while (stream.Next(&event)) {
    if (!started) validator.CheckStart(stream.frame());
    started = true;
    if (event == xml::XmlStream::Event::kElement) validator.CheckBodyElement(stream.child());
    if (event == xml::XmlStream::Event::kText) validator.CheckBodyText(stream.text_at());
    if (event == xml::XmlStream::Event::kEnd) break;
  }
  if (!stream.status().ok()) return stream.status();
  validator.CheckEnd(stream.frame());
  // The header, the units and the frame are each checked in document order; merge them.
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const Problem& a, const Problem& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return report;
}

std::size_t ValidationReport::Count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(),
                    [&](const Problem& problem) { return problem.severity == severity; }));
}

std::string_view SeverityName(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

std::string FormatProblem(const std::string& path, const Problem& problem) {
  return path + ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
         std::string(SeverityName(problem.severity)) + ": " + problem.message + " [" +
         problem.rule + "]";
}

}  // namespace termalign::tmx
