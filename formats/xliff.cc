// XLIFF 1.2 and 2.x through the XML loader shared with TMX and TBX (well-formedness, entity
// declarations refused, nesting capped). SDLXLIFF segments a unit with <mrk mtype="seg"> in
// <seg-source> and <target>; each mark is a unit of its own, as in the CAT tool.
#include <cstring>
#include <string>
#include <vector>

#include "formats/bilingual.h"
#include "readers.h"
#include "xml/load.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

// The element name without its namespace prefix ("sdl:seg" -> "seg").
std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool Named(pugi::xml_node node, std::string_view name) {
  return node.type() == pugi::node_element && LocalName(node) == name;
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (Named(child, name)) return child;
  }
  return {};
}

// Inline elements that stand for native code, not text (XLIFF 1.2 <ph>, <bpt>, <ept>, <it>,
// <x/>, <bx/>, <ex/>; XLIFF 2 <ph/>, <sc/>, <ec/>, <cp/>): a code of their own, their content
// left out.
bool IsCode(std::string_view name) {
  return name == "ph" || name == "bpt" || name == "ept" || name == "it" || name == "x" ||
         name == "bx" || name == "ex" || name == "sc" || name == "ec" || name == "cp";
}

// Elements that wrap text in formatting (XLIFF 1.2 <g>, XLIFF 2 <pc>): an opening and a
// closing code around text that is kept.
bool IsPairedCode(std::string_view name) { return name == "g" || name == "pc"; }

// Elements left out with their content that are no code: <sub> (the text of a footnote or an
// attribute inside a code) and XLIFF 2's annotation markers <sm/>, <em/>.
bool IsSkipped(std::string_view name) { return name == "sub" || name == "sm" || name == "em"; }

// The id that pairs a code with its counterpart in the other language.
std::string CodeId(pugi::xml_node code) {
  if (LocalName(code) == "ec" && code.attribute("startRef")) {
    return code.attribute("startRef").value();
  }
  if (LocalName(code) == "cp") return code.attribute("hex").value();
  return code.attribute("id").value();
}

void AddCode(pugi::xml_node code, text::CodeRole role, text::TaggedText* out) {
  text::InlineCode added;
  added.role = role;
  added.name = std::string(LocalName(code));
  added.id = CodeId(code);
  added.offset = out->text.size();
  out->codes.push_back(std::move(added));
}

// The character data of `node` verbatim, with its inline codes. Iterative: the loader caps
// nesting, but a walk of its own depth is not needed here. A null node gives empty text.
text::TaggedText Tagged(pugi::xml_node node) {
  text::TaggedText out;
  // (node, closing): a paired code is pushed again to close it after its content.
  std::vector<std::pair<pugi::xml_node, bool>> stack;
  auto push_children = [&stack](pugi::xml_node parent) {
    for (pugi::xml_node child = parent.last_child(); child; child = child.previous_sibling()) {
      stack.emplace_back(child, false);
    }
  };
  push_children(node);
  while (!stack.empty()) {
    auto [current, closing] = stack.back();
    stack.pop_back();
    if (closing) {
      AddCode(current, text::CodeRole::kClose, &out);
    } else if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata) {
      out.text += current.value();
    } else if (current.type() == pugi::node_element) {
      std::string_view name = LocalName(current);
      if (IsCode(name)) {
        AddCode(current, text::CodeRole::kStandalone, &out);
      } else if (IsPairedCode(name)) {
        AddCode(current, text::CodeRole::kOpen, &out);
        stack.emplace_back(current, true);
        push_children(current);
      } else if (!IsSkipped(name)) {
        push_children(current);
      }
    }
  }
  return out;
}

// A tagged text as one line: codes left out, runs of white space one space, none at the ends.
std::string OneLine(const text::TaggedText& tagged) {
  std::string text;
  AppendCollapsed(tagged.text, &text);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string InlineText(pugi::xml_node node) { return OneLine(Tagged(node)); }

// The <mrk mtype="seg"> marks under `node` by their mid, in document order.
std::vector<std::pair<std::string, pugi::xml_node>> SegmentMarks(pugi::xml_node node) {
  std::vector<std::pair<std::string, pugi::xml_node>> marks;
  if (!node) return marks;
  for (pugi::xpath_node found : node.select_nodes(".//*[local-name()='mrk'][@mtype='seg']")) {
    marks.emplace_back(found.node().attribute("mid").value(), found.node());
  }
  return marks;
}

void JoinNote(std::string_view note, std::string* notes) {
  if (note.empty()) return;
  if (!notes->empty()) *notes += " | ";
  *notes += note;
}

class XliffReader {
 public:
  XliffReader(const xml::LoadedXml& loaded, BilingualFile* out) : loaded_(loaded), out_(*out) {}

  void Read12(pugi::xml_node root) {
    for (pugi::xml_node file : root.children()) {
      if (!Named(file, "file")) continue;
      Languages(file.attribute("source-language").value(),
                file.attribute("target-language").value(), file);
      Walk(file, [this](pugi::xml_node unit) { TransUnit(unit); }, "trans-unit");
    }
  }

  void Read2(pugi::xml_node root) {
    Languages(root.attribute("srcLang").value(), root.attribute("trgLang").value(), root);
    for (pugi::xml_node file : root.children()) {
      if (Named(file, "file")) Walk(file, [this](pugi::xml_node unit) { Unit2(unit); }, "unit");
    }
  }

 private:
  void Languages(const char* source, const char* target, pugi::xml_node where) {
    if (out_.source_lang.empty() && out_.target_lang.empty()) {
      out_.source_lang = source;
      out_.target_lang = target;
    } else if (out_.source_lang != source || out_.target_lang != target) {
      out_.warnings.push_back(loaded_.Where(where) + "a <file> in " + source + " to " +
                              target + " read as " + out_.source_lang + " to " +
                              out_.target_lang + " like the first");
    }
  }

  // Calls `visit` for every `unit_name` element under `node` (through groups), in order.
  template <typename Visit>
  void Walk(pugi::xml_node node, Visit visit, std::string_view unit_name) {
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
      stack.push_back(child);
    }
    while (!stack.empty()) {
      pugi::xml_node current = stack.back();
      stack.pop_back();
      if (current.type() != pugi::node_element) continue;
      if (LocalName(current) == unit_name) {
        visit(current);
      } else if (LocalName(current) != "header" && LocalName(current) != "skeleton") {
        for (pugi::xml_node child = current.last_child(); child; child = child.previous_sibling()) {
          stack.push_back(child);
        }
      }
    }
  }

  std::string Notes(pugi::xml_node unit) {
    std::string notes;
    for (pugi::xml_node child : unit.children()) {
      if (Named(child, "note")) JoinNote(InlineText(child), &notes);
      if (Named(child, "notes")) {
        for (pugi::xml_node note : child.children()) {
          if (Named(note, "note")) JoinNote(InlineText(note), &notes);
        }
      }
    }
    return notes;
  }

  // Adds the unit `id` from the source and target elements (a null target: not translated).
  void Add(pugi::xml_node where, std::string id, pugi::xml_node source, pugi::xml_node target,
           const std::string& note) {
    BilingualUnit unit;
    unit.tagged_source = Tagged(source);
    unit.source = OneLine(unit.tagged_source);
    if (unit.source.empty()) return;
    unit.tagged_target = Tagged(target);
    unit.target = OneLine(unit.tagged_target);
    unit.id = std::move(id);
    unit.note = note;
    unit.line = loaded_.Of(where).line;
    out_.units.push_back(std::move(unit));
  }

  void TransUnit(pugi::xml_node unit) {
    if (std::strcmp(unit.attribute("translate").value(), "no") == 0) return;
    std::string id = unit.attribute("id").value();
    std::string note = Notes(unit);
    pugi::xml_node target = Child(unit, "target");
    auto source_marks = SegmentMarks(Child(unit, "seg-source"));
    if (!source_marks.empty()) {
      auto target_marks = SegmentMarks(target);
      for (const auto& [mid, mark] : source_marks) {
        pugi::xml_node translation;
        for (const auto& [target_mid, target_mark] : target_marks) {
          if (target_mid == mid) translation = target_mark;
        }
        Add(mark, id + "/" + mid, mark, translation, note);
      }
      return;
    }
    Add(unit, id, Child(unit, "source"), target, note);
  }

  void Unit2(pugi::xml_node unit) {
    if (std::strcmp(unit.attribute("translate").value(), "no") == 0) return;
    std::string id = unit.attribute("id").value();
    std::string note = Notes(unit);
    std::vector<pugi::xml_node> segments;
    for (pugi::xml_node child : unit.children()) {
      if (Named(child, "segment")) segments.push_back(child);
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
      // A unit of several segments names each: "unit/segment" (its position when it has no id).
      std::string segment_id = segments[i].attribute("id").value();
      std::string full_id =
          segments.size() == 1
              ? id
              : id + "/" + (segment_id.empty() ? std::to_string(i + 1) : segment_id);
      Add(segments[i], std::move(full_id), Child(segments[i], "source"),
          Child(segments[i], "target"), note);
    }
  }

  const xml::LoadedXml& loaded_;
  BilingualFile& out_;
};

}  // namespace

text::Result<BilingualFile> ReadXliff(std::string_view bytes, const std::string& path) {
  auto loaded = xml::ParseXml(std::string(bytes), path);
  if (!loaded.ok()) return loaded.status();
  pugi::xml_node root = (*loaded)->doc.document_element();
  if (!Named(root, "xliff")) {
    return Status::Error(ErrorCode::kParse, path + ": not XLIFF (the root element is <" +
                                                std::string(root.name()) + ">)");
  }
  BilingualFile out;
  out.format = Format::kXliff;
  XliffReader reader(**loaded, &out);
  std::string version = root.attribute("version").value();
  if (version.rfind("2", 0) == 0) {
    reader.Read2(root);
  } else {
    reader.Read12(root);
  }
  if (out.units.empty()) {
    return Status::Error(ErrorCode::kParse,
                         path + ": no translation unit with source text in this XLIFF " +
                             (version.empty() ? std::string("file") : version + " file"));
  }
  return out;
}

}  // namespace termalign::formats
