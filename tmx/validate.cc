#include "tmx/validate.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "tmx/lang_tag.h"
#include "tmx/writer.h"
#include "xml/load.h"

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

class Validator {
 public:
  explicit Validator(const xml::LoadedXml& xml, ValidationReport* report) : xml_(xml), report_(report) {}

  void Run() {
    pugi::xml_node root = xml_.doc.document_element();
    if (std::strcmp(root.name(), "tmx") != 0) {
      Add(root, "the root element is <" + std::string(root.name()) + ">, not <tmx>");
      return;
    }
    CheckElement(root);
    std::string_view version = root.attribute("version").value();
    if (root.attribute("version") && version != "1.4") {
      Add(root, "version is '" + std::string(version) + "'; TMX 1.4b requires version=\"1.4\"");
    }
    std::vector<pugi::xml_node> top = Elements(root);
    if (top.size() != 2 || std::strcmp(top[0].name(), "header") != 0 ||
        std::strcmp(top[1].name(), "body") != 0) {
      Add(root, "<tmx> must hold exactly <header> then <body>");
    }
    pugi::xml_node header = root.child("header");
    if (header) CheckHeader(header);
    for (pugi::xml_node tu : root.child("body").children("tu")) CheckUnit(tu);
  }

 private:
  void Add(pugi::xml_node node, std::string message) {
    if (report_->problems.size() >= kMaxProblems) {
      report_->truncated = true;
      return;
    }
    xml::Position at = xml_.Of(node);
    report_->problems.push_back({at.line, at.column, std::move(message)});
  }

  void CheckLang(pugi::xml_node node, std::string_view attribute, bool allow_all) {
    pugi::xml_attribute lang = node.attribute(attribute.data());
    if (!lang) return;
    if (allow_all && std::string_view(lang.value()) == "*all*") return;
    text::Result<LangTag> tag = LangTag::Parse(lang.value());
    if (!tag.ok()) {
      Add(node, std::string(attribute) + ": " + tag.status().message());
    } else if (tag->str() != lang.value()) {
      Add(node, std::string(attribute) + ": '" + lang.value() +
                    "' is not in canonical case: use '" + tag->str() + "'");
    }
  }

  void CheckDates(pugi::xml_node node) {
    for (const char* name : {"creationdate", "changedate", "lastusagedate"}) {
      pugi::xml_attribute date = node.attribute(name);
      if (date && !IsTmxDate(date.value())) {
        Add(node, std::string(name) + " '" + date.value() +
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
      Add(node, "<" + name + "> is not a TMX 1.4b element");
      return;
    }
    // A repeated attribute is refused when the file is loaded (not well-formed).
    for (pugi::xml_attribute attribute : node.attributes()) {
      std::string_view attribute_name = attribute.name();
      if (!Contains(rule->attributes, attribute_name)) {
        Add(node, "<" + name + "> has no attribute '" + std::string(attribute_name) + "'");
      }
    }
    for (std::string_view required : rule->required) {
      if (!node.attribute(required.data())) {
        if (name == "tuv" && node.attribute("lang")) {
          Add(node, "<tuv> has the deprecated 'lang' but no xml:lang (required in TMX 1.4)");
        } else {
          Add(node, "<" + name + "> lacks the required attribute '" + std::string(required) + "'");
        }
      }
    }
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!rule->mixed && !xml::IsBlankText(child))
          Add(child, "text is not allowed in <" + name + ">");
      } else if (child.type() == pugi::node_element) {
        if (!Contains(rule->children, child.name())) {
          Add(child, "<" + std::string(child.name()) + "> is not allowed in <" + name + ">");
        } else {
          CheckElement(child);
        }
      }
    }
    CheckDates(node);
    CheckLang(node, "xml:lang", false);
    if (name == "it") {
      std::string_view pos = node.attribute("pos").value();
      if (node.attribute("pos") && pos != "begin" && pos != "end") {
        Add(node, "<it> pos must be 'begin' or 'end', not '" + std::string(pos) + "'");
      }
    }
    if (name == "header" || name == "tu") {
      pugi::xml_attribute segtype = node.attribute("segtype");
      std::string_view value = segtype.value();
      if (segtype && value != "block" && value != "paragraph" && value != "sentence" &&
          value != "phrase") {
        Add(node, "segtype must be block, paragraph, sentence or phrase, not '" +
                      std::string(value) + "'");
      }
    }
  }

  void CheckHeader(pugi::xml_node header) {
    CheckLang(header, "srclang", true);
    CheckLang(header, "adminlang", false);
    srclang_ = header.attribute("srclang").value();
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
        Add(child, "<" + std::string(child.name()) + "> must come before <" + last + ">");
      }
    }
    if (count == 0) {
      Add(node, "<" + std::string(node.name()) + "> has no <" + last + ">");
    } else if (exactly_one && count > 1) {
      Add(node, "<" + std::string(node.name()) + "> has more than one <" + last + ">");
    }
  }

  void CheckPairs(pugi::xml_node seg) {
    std::map<std::string, pugi::xml_node> open;
    std::set<std::string> closed;
    auto walk = [&](auto&& self, pugi::xml_node node) -> void {
      for (pugi::xml_node child : Elements(node)) {
        std::string i = child.attribute("i").value();
        if (std::strcmp(child.name(), "bpt") == 0 && child.attribute("i")) {
          if (open.count(i) > 0 || closed.count(i) > 0) {
            Add(child, "<bpt i=\"" + i + "\"> repeats an i already used in this segment");
          }
          open[i] = child;
        } else if (std::strcmp(child.name(), "ept") == 0 && child.attribute("i")) {
          if (open.erase(i) == 0) Add(child, "<ept i=\"" + i + "\"> has no <bpt> before it");
          closed.insert(i);
        }
        self(self, child);
      }
    };
    walk(walk, seg);
    for (const auto& [i, node] : open) {
      Add(node, "<bpt i=\"" + i + "\"> has no matching <ept> in this segment");
    }
  }

  void CheckUnit(pugi::xml_node tu) {
    ++report_->units;
    CheckOrder(tu, "tuv", false);
    std::string srclang = srclang_;
    pugi::xml_attribute tu_src = tu.attribute("srclang");
    if (tu_src) {
      if (!srclang_.empty() && srclang_ != "*all*" && !SameLangTag(tu_src.value(), srclang_)) {
        Add(tu, "srclang '" + std::string(tu_src.value()) + "' differs from the header's '" +
                    srclang_ + "'");
      }
      srclang = tu_src.value();
      CheckLang(tu, "srclang", true);
    }
    bool has_source = false;
    std::multiset<std::string> key;
    for (pugi::xml_node tuv : tu.children("tuv")) {
      CheckOrder(tuv, "seg", true);
      pugi::xml_attribute lang = tuv.attribute("xml:lang");
      if (!lang) lang = tuv.attribute("lang");
      bool is_source = lang && SameLangTag(lang.value(), srclang);
      has_source = has_source || is_source;
      pugi::xml_node seg = tuv.child("seg");
      if (!seg) continue;
      CheckPairs(seg);
      if (IsSegmentTextEmpty(seg)) {
        Add(seg, std::string(is_source ? "empty source" : "empty target") + " segment (" +
                     (lang ? lang.value() : "no language") + ")");
      }
      key.insert(std::string(lang.value()) + '\x01' + SegmentKey(seg));
    }
    if (!has_source && !srclang.empty() && srclang != "*all*") {
      Add(tu, "<tu> has no variant in the source language '" + srclang + "'");
    }
    std::size_t line = xml_.Of(tu).line;
    std::string joined;
    for (const std::string& part : key) joined += part + '\x02';
    auto [unit, fresh] = units_.emplace(std::move(joined), line);
    if (!fresh) Add(tu, "duplicate of the unit at line " + std::to_string(unit->second));
    if (pugi::xml_attribute tuid = tu.attribute("tuid")) {
      auto [previous, new_id] = tuids_.emplace(tuid.value(), line);
      if (!new_id) {
        Add(tu, "tuid '" + std::string(tuid.value()) + "' is already used at line " +
                    std::to_string(previous->second));
      }
    }
  }

  const xml::LoadedXml& xml_;
  ValidationReport* report_;
  std::string srclang_;
  std::unordered_map<std::string, std::size_t> units_;  // unit content -> line
  std::unordered_map<std::string, std::size_t> tuids_;  // tuid -> line
};

}  // namespace

text::Result<ValidationReport> ValidateTmx(const std::string& path) {
  text::Result<std::unique_ptr<xml::LoadedXml>> loaded =
      xml::LoadXml(path, text::InputKind::kTmx);
  if (!loaded.ok()) return loaded.status();
  ValidationReport report;
  report.path = path;
  Validator(**loaded, &report).Run();
  // The structure pass and the unit pass each go in document order; merge them.
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const Problem& a, const Problem& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return report;
}

std::string FormatProblem(const std::string& path, const Problem& problem) {
  return path + ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column) +
         ": error: " + problem.message;
}

}  // namespace termalign::tmx
