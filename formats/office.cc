// DOCX and ODT: the paragraphs of the main part and of the notes, text boxes after the paragraph
// that anchors them; hidden text, field codes, deleted revisions and comments left out.
#include <cstring>
#include <vector>

#include "readers.h"
#include "xml/load.h"
#include "zip_package.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

bool Named(pugi::xml_node node, const char* name) { return std::strcmp(node.name(), name) == 0; }

// A paragraph being collected, and the blocks (text boxes, notes) met inside it that become
// paragraphs of their own after it.
struct Collecting {
  std::string text;
  std::vector<pugi::xml_node> deferred;
};

// ---- DOCX (ECMA-376 WordprocessingML) ----

// True when run properties `rpr` hide the run (<w:vanish/>, unless w:val says false).
bool Hidden(pugi::xml_node rpr) {
  pugi::xml_node vanish = rpr.child("w:vanish");
  if (!vanish) return false;
  std::string_view value = vanish.attribute("w:val").value();
  return value != "0" && value != "false" && value != "off";
}

void DocxInline(pugi::xml_node node, Collecting* paragraph) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (Named(child, "w:t")) {
      AppendCollapsed(child.child_value(), &paragraph->text);
    } else if (Named(child, "w:tab") || Named(child, "w:br") || Named(child, "w:cr")) {
      AppendCollapsed(" ", &paragraph->text);
    } else if (Named(child, "w:noBreakHyphen")) {
      paragraph->text += '-';
    } else if (Named(child, "w:r")) {
      if (!Hidden(child.child("w:rPr"))) DocxInline(child, paragraph);
    } else if (Named(child, "w:txbxContent")) {
      paragraph->deferred.push_back(child);
    } else if (Named(child, "w:del") || Named(child, "w:moveFrom") || Named(child, "w:delText") ||
               Named(child, "w:instrText") || Named(child, "w:rPr") || Named(child, "w:pPr") ||
               Named(child, "mc:Fallback") || Named(child, "w:commentReference") ||
               Named(child, "w:footnoteReference") || Named(child, "w:endnoteReference")) {
      // deleted text, field codes, properties, the fallback copy of a drawing, reference marks
    } else {
      DocxInline(child, paragraph);  // hyperlinks, insertions, smart tags, drawings, fields
    }
  }
}

void DocxBlocks(pugi::xml_node node, const std::string& part, std::size_t* index,
                ExtractedText* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (Named(child, "w:p")) {
      ++*index;
      Collecting paragraph;
      DocxInline(child, &paragraph);
      AddParagraph(std::move(paragraph.text), {part, *index}, out);
      for (pugi::xml_node box : paragraph.deferred) DocxBlocks(box, part, index, out);
    } else if (Named(child, "w:del") || Named(child, "w:moveFrom") || Named(child, "w:sectPr") ||
               Named(child, "mc:Fallback")) {
      continue;
    } else {
      DocxBlocks(child, part, index, out);  // tables, rows, cells, content controls
    }
  }
}

// The document's default language (w:docDefaults in styles.xml), or "".
std::string DocxLanguage(const ZipPackage& package, const std::string& path) {
  if (!package.Has("word/styles.xml")) return "";
  auto bytes = package.Read("word/styles.xml");
  if (!bytes.ok()) return "";
  auto styles = xml::ParseXml(std::move(*bytes), path + ": word/styles.xml");
  if (!styles.ok()) return "";
  pugi::xml_node lang = (*styles)->doc.child("w:styles").child("w:docDefaults")
                            .child("w:rPrDefault").child("w:rPr").child("w:lang");
  return lang.attribute("w:val").value();
}

// ---- ODT (OpenDocument text) ----

void OdtInline(pugi::xml_node node, Collecting* paragraph) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      AppendCollapsed(child.value(), &paragraph->text);
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    if (Named(child, "text:s") || Named(child, "text:tab") || Named(child, "text:line-break")) {
      AppendCollapsed(" ", &paragraph->text);
    } else if (Named(child, "text:note")) {
      pugi::xml_node body = child.child("text:note-body");
      if (body) paragraph->deferred.push_back(body);
    } else if (Named(child, "draw:text-box")) {
      paragraph->deferred.push_back(child);
    } else if (Named(child, "text:hidden-text") || Named(child, "office:annotation") ||
               Named(child, "text:note-citation") || Named(child, "text:tracked-changes")) {
      // hidden, comments, note marks, the text of deletions
    } else {
      OdtInline(child, paragraph);  // spans, links, fields (their shown value), frames
    }
  }
}

void OdtBlocks(pugi::xml_node node, const std::string& part, std::size_t* index,
               ExtractedText* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (Named(child, "text:p") || Named(child, "text:h")) {
      ++*index;
      Collecting paragraph;
      OdtInline(child, &paragraph);
      AddParagraph(std::move(paragraph.text), {part, *index}, out);
      for (pugi::xml_node block : paragraph.deferred) OdtBlocks(block, part, index, out);
    } else if (Named(child, "text:tracked-changes") || Named(child, "text:hidden-paragraph") ||
               Named(child, "office:annotation") || Named(child, "text:sequence-decls") ||
               Named(child, "office:forms")) {
      continue;
    } else {
      OdtBlocks(child, part, index, out);  // lists, tables, sections, frames
    }
  }
}

text::Result<std::unique_ptr<xml::LoadedXml>> ReadPart(const ZipPackage& package,
                                                      const std::string& path,
                                                      std::string_view part) {
  auto bytes = package.Read(part);
  if (!bytes.ok()) return bytes.status();
  return xml::ParseXml(std::move(*bytes), path + ": " + std::string(part));
}

// Whether an OpenDocument package is password-protected: its manifest gives encryption data
// for its parts (content.xml is then ciphertext, not XML).
bool IsEncryptedOdf(const ZipPackage& package) {
  if (!package.Has("META-INF/manifest.xml")) return false;
  auto manifest = package.Read("META-INF/manifest.xml");
  return manifest.ok() && manifest->find("encryption-data") != std::string::npos;
}

}  // namespace

text::Result<ExtractedText> ReadDocx(std::string_view bytes, const std::string& path) {
  auto package = ZipPackage::Open(bytes, path);
  if (!package.ok()) return package.status();
  ExtractedText out;
  out.format = Format::kDocx;
  for (const char* part : {"word/document.xml", "word/footnotes.xml", "word/endnotes.xml"}) {
    if (std::strcmp(part, "word/document.xml") != 0 && !(*package)->Has(part)) continue;
    auto xml = ReadPart(**package, path, part);
    if (!xml.ok()) return xml.status();
    std::size_t index = 0;
    pugi::xml_node root = (*xml)->doc.document_element();
    if (Named(root, "w:document")) {
      DocxBlocks(root.child("w:body"), part, &index, &out);
      continue;
    }
    for (pugi::xml_node note : root.children()) {
      std::string_view type = note.attribute("w:type").value();
      if (type == "separator" || type == "continuationSeparator" ||
          type == "continuationNotice") {
        continue;
      }
      DocxBlocks(note, part, &index, &out);
    }
  }
  out.lang = DocxLanguage(**package, path);
  return out;
}

text::Result<ExtractedText> ReadOdt(std::string_view bytes, const std::string& path) {
  auto package = ZipPackage::Open(bytes, path);
  if (!package.ok()) return package.status();
  if (IsEncryptedOdf(**package)) {
    return Status::Error(ErrorCode::kUsage,
                         path + ": the document is encrypted with a password; save an "
                                "unprotected copy and give that file");
  }
  auto xml = ReadPart(**package, path, "content.xml");
  if (!xml.ok()) return xml.status();
  ExtractedText out;
  out.format = Format::kOdt;
  std::size_t index = 0;
  pugi::xml_node body = (*xml)->doc.child("office:document-content").child("office:body");
  OdtBlocks(body.child("office:text"), "content.xml", &index, &out);
  if ((*package)->Has("meta.xml")) {
    auto meta = ReadPart(**package, path, "meta.xml");
    if (meta.ok()) {
      out.lang = (*meta)->doc.child("office:document-meta").child("office:meta")
                     .child_value("dc:language");
    }
  }
  return out;
}

}  // namespace termalign::formats
