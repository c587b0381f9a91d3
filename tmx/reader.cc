#include "tmx/reader.h"

#include <cstring>
#include <set>

#include "text/lang_tag.h"
#include "xml/load.h"

namespace termalign::tmx {
namespace {

using text::ErrorCode;
using text::Status;

bool Is(pugi::xml_node node, const char* name) { return std::strcmp(node.name(), name) == 0; }

bool IsCodeElement(pugi::xml_node node) {
  return Is(node, "bpt") || Is(node, "ept") || Is(node, "it") || Is(node, "ph") || Is(node, "ut");
}

// All character data under `node`, in document order.
void AppendAllText(pugi::xml_node node, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out->append(child.value());
    } else if (child.type() == pugi::node_element) {
      AppendAllText(child, out);
    }
  }
}

// A string writer for pugixml's printer.
struct StringWriter : pugi::xml_writer {
  std::string* out;
  explicit StringWriter(std::string* target) : out(target) {}
  void write(const void* data, std::size_t size) override {
    out->append(static_cast<const char*>(data), size);
  }
};

}  // namespace

struct TmxReader::Impl {
  std::unique_ptr<xml::LoadedXml> xml;
  TmxInfo info;
  pugi::xml_node body;
  pugi::xml_node next;
  std::vector<std::string> warnings;
  std::set<std::string> warned;  // kinds of warning already given

  void Warn(pugi::xml_node node, const std::string& kind, const std::string& message) {
    if (!warned.insert(kind).second) return;
    warnings.push_back(xml->Where(node) + message);
  }

  // Text of a segment: see Variant. Returns whether the segment holds inline elements. The
  // recursion is bounded: the loader refuses nesting deeper than xml::kMaxDepth.
  bool SegmentText(pugi::xml_node node, std::string* out) {
    bool inline_found = false;
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        out->append(child.value());
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      inline_found = true;
      if (IsCodeElement(child)) {
        std::size_t before = out->size();
        AppendAllText(child, out);
        if (out->size() == before) {
          std::string marker = "{" + std::string(child.name());
          if (child.attribute("i")) marker += std::string(":") + child.attribute("i").value();
          if (child.attribute("pos")) marker += std::string(":") + child.attribute("pos").value();
          out->append(marker + "}");
        }
      } else {
        if (!Is(child, "hi") && !Is(child, "sub")) {
          Warn(child, "element-" + std::string(child.name()),
               "<" + std::string(child.name()) + "> is not a TMX inline element; its text is kept");
        }
        SegmentText(child, out);
      }
    }
    return inline_found;
  }

  bool ReadVariant(pugi::xml_node tuv, Variant* variant) {
    pugi::xml_attribute lang = tuv.attribute("xml:lang");
    if (!lang) {
      lang = tuv.attribute("lang");
      if (!lang) {
        Warn(tuv, "no-lang", "<tuv> has no xml:lang: variant skipped (and any other such)");
        return false;
      }
      Warn(tuv, "old-lang",
           "<tuv> uses the deprecated 'lang' attribute (TMX 1.1-1.2) instead "
           "of xml:lang; read anyway");
    }
    std::string tag = lang.value();
    text::Result<text::LangTag> parsed = text::LangTag::Parse(tag);
    if (!parsed.ok()) {
      std::string dashed = tag;
      for (char& c : dashed) c = c == '_' ? '-' : c;
      text::Result<text::LangTag> fixed = text::LangTag::Parse(dashed);
      Warn(tuv, "bad-lang-" + tag,
           parsed.status().message() + (fixed.ok() ? "; read as '" + fixed->str() + "'" : ""));
      variant->lang = fixed.ok() ? fixed->str() : tag;
    } else {
      variant->lang = parsed->str();
    }
    pugi::xml_node seg = tuv.child("seg");
    if (!seg) {
      Warn(tuv, "no-seg", "<tuv> has no <seg>: variant skipped (and any other such)");
      return false;
    }
    variant->text.clear();
    variant->markup.clear();
    if (SegmentText(seg, &variant->text)) {
      StringWriter writer(&variant->markup);
      for (pugi::xml_node child : seg.children()) child.print(writer, "", pugi::format_raw);
    }
    return true;
  }

  void Advance() {
    do {
      next = next.next_sibling();
    } while (next && !(next.type() == pugi::node_element && Is(next, "tu")));
  }
};

TmxReader::TmxReader() : impl_(std::make_unique<Impl>()) {}
TmxReader::~TmxReader() = default;

Status TmxReader::Open(const std::string& path) { return Start(xml::LoadXml(path, text::InputKind::kTmx)); }

Status TmxReader::OpenBytes(std::string bytes, const std::string& name) {
  return Start(xml::ParseXml(std::move(bytes), name));
}

Status TmxReader::Start(text::Result<std::unique_ptr<xml::LoadedXml>> loaded) {
  impl_ = std::make_unique<Impl>();
  if (!loaded.ok()) return loaded.status();
  impl_->xml = std::move(loaded).value();
  const xml::LoadedXml& xml = *impl_->xml;
  pugi::xml_node root = xml.doc.document_element();
  if (!root || !Is(root, "tmx")) {
    return Status::Error(ErrorCode::kParse, xml.Where(root) + "the root element is <" +
                                                std::string(root.name()) + ">, not <tmx>");
  }
  TmxInfo& info = impl_->info;
  info.version = root.attribute("version").value();
  info.encoding = xml.encoding;
  pugi::xml_node header = root.child("header");
  if (!header) {
    impl_->Warn(root, "no-header", "<tmx> has no <header>");
  }
  info.creationtool = header.attribute("creationtool").value();
  info.creationtoolversion = header.attribute("creationtoolversion").value();
  info.segtype = header.attribute("segtype").value();
  info.o_tmf = header.attribute("o-tmf").value();
  info.adminlang = header.attribute("adminlang").value();
  info.srclang = header.attribute("srclang").value();
  info.datatype = header.attribute("datatype").value();
  info.creationdate = header.attribute("creationdate").value();
  if (header && info.srclang.empty()) {
    impl_->Warn(header, "no-srclang", "<header> has no srclang attribute");
  } else if (info.srclang != "*all*" && !info.srclang.empty()) {
    text::Result<text::LangTag> src = text::LangTag::Parse(info.srclang);
    if (src.ok()) {
      info.srclang = src->str();
    } else {
      std::string dashed = info.srclang;
      for (char& c : dashed) c = c == '_' ? '-' : c;
      text::Result<text::LangTag> fixed = text::LangTag::Parse(dashed);
      impl_->Warn(header, "bad-srclang", "srclang " + src.status().message());
      if (fixed.ok()) info.srclang = fixed->str();
    }
  }
  impl_->body = root.child("body");
  if (!impl_->body) {
    return Status::Error(ErrorCode::kParse, xml.Where(root) + "<tmx> has no <body>");
  }
  Rewind();
  return Status::Ok();
}

const TmxInfo& TmxReader::info() const { return impl_->info; }

const std::vector<std::string>& TmxReader::warnings() const { return impl_->warnings; }

void TmxReader::Rewind() {
  impl_->next = impl_->body.first_child();
  if (impl_->next && !(impl_->next.type() == pugi::node_element && Is(impl_->next, "tu"))) {
    impl_->Advance();
  }
}

bool TmxReader::Next(TranslationUnit* unit) {
  pugi::xml_node tu = impl_->next;
  if (!tu) return false;
  impl_->Advance();
  *unit = TranslationUnit();
  unit->tuid = tu.attribute("tuid").value();
  unit->creation_date = tu.attribute("creationdate").value();
  if (pugi::xml_attribute srclang = tu.attribute("srclang")) {
    unit->srclang = text::CanonicalLangTag(srclang.value());
  }
  unit->line = impl_->xml->Of(tu).line;
  for (pugi::xml_node child : tu.children()) {
    if (child.type() != pugi::node_element) continue;
    if (Is(child, "note")) {
      std::string note;
      AppendAllText(child, &note);
      unit->notes.push_back(std::move(note));
    } else if (Is(child, "prop")) {
      Prop prop{child.attribute("type").value(), ""};
      AppendAllText(child, &prop.value);
      unit->props.push_back(std::move(prop));
    } else if (Is(child, "tuv")) {
      Variant variant;
      if (impl_->ReadVariant(child, &variant)) unit->variants.push_back(std::move(variant));
    }
  }
  return true;
}

}  // namespace termalign::tmx
