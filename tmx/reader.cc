#include "tmx/reader.h"

#include <cstring>
#include <set>

#include "text/lang_tag.h"
#include "xml/load.h"
#include "xml/stream.h"

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
  xml::XmlStream stream;
  TmxInfo info;
  bool first_ready = false;  // the stream's first event, read by Start(), is still to be used
  xml::XmlStream::Event first = xml::XmlStream::Event::kEnd;
  std::vector<std::string> warnings;
  std::set<std::string> warned;  // kinds of warning already given

  void Warn(const xml::LoadedXml& xml, pugi::xml_node node, const std::string& kind,
            const std::string& message) {
    if (!warned.insert(kind).second) return;
    warnings.push_back(xml.Where(node) + message);
  }

  // Text and codes of a segment: see Variant. Returns whether the segment holds inline
  // elements. The recursion is bounded: the stream refuses nesting deeper than xml::kMaxDepth.
  bool SegmentText(const xml::LoadedXml& xml, pugi::xml_node node, Variant* variant) {
    std::string* out = &variant->text;
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
        AddCode(child, text::CodeRole::kStandalone, before, out->size() - before, variant);
      } else {
        if (!Is(child, "hi") && !Is(child, "sub")) {
          Warn(xml, child, "element-" + std::string(child.name()),
               "<" + std::string(child.name()) + "> is not a TMX inline element; its text is kept");
        }
        const bool hi = Is(child, "hi");
        if (hi) AddCode(child, text::CodeRole::kOpen, out->size(), 0, variant);
        SegmentText(xml, child, variant);
        if (hi) AddCode(child, text::CodeRole::kClose, out->size(), 0, variant);
      }
    }
    return inline_found;
  }

  // Lists `element` among the variant's codes: <bpt>/<ept> by their i, the others by their x.
  static void AddCode(pugi::xml_node element, text::CodeRole role, std::size_t offset,
                      std::size_t length, Variant* variant) {
    text::InlineCode code;
    code.role = role;
    code.name = element.name();
    code.id = element.attribute(Is(element, "bpt") || Is(element, "ept") ? "i" : "x").value();
    code.offset = offset;
    code.length = length;
    variant->codes.push_back(std::move(code));
  }

  bool ReadVariant(const xml::LoadedXml& xml, pugi::xml_node tuv, Variant* variant) {
    pugi::xml_attribute lang = tuv.attribute("xml:lang");
    if (!lang) {
      lang = tuv.attribute("lang");
      if (!lang) {
        Warn(xml, tuv, "no-lang", "<tuv> has no xml:lang: variant skipped (and any other such)");
        return false;
      }
      Warn(xml, tuv, "old-lang",
           "<tuv> uses the deprecated 'lang' attribute (TMX 1.1-1.2) instead "
           "of xml:lang; read anyway");
    }
    std::string tag = lang.value();
    text::Result<text::LangTag> parsed = text::LangTag::Parse(tag);
    if (!parsed.ok()) {
      text::Result<text::LangTag> fixed = text::LangTag::ParseLoose(tag);
      Warn(xml, tuv, "bad-lang-" + tag,
           parsed.status().message() + (fixed.ok() ? "; read as '" + fixed->str() + "'" : ""));
      variant->lang = fixed.ok() ? fixed->str() : tag;
    } else {
      variant->lang = parsed->str();
    }
    pugi::xml_node seg = tuv.child("seg");
    if (!seg) {
      Warn(xml, tuv, "no-seg", "<tuv> has no <seg>: variant skipped (and any other such)");
      return false;
    }
    variant->text.clear();
    variant->markup.clear();
    variant->codes.clear();
    if (SegmentText(xml, seg, variant)) {
      StringWriter writer(&variant->markup);
      for (pugi::xml_node child : seg.children()) child.print(writer, "", pugi::format_raw);
    }
    return true;
  }

  // Reads the stream up to its first child of <body> (or its end), so that the header is known.
  Status ReadToFirst() {
    first_ready = stream.Next(&first);
    return stream.status();
  }

  Status ReadHeader();
  void ReadUnit(const xml::LoadedXml& xml, pugi::xml_node tu, TranslationUnit* unit);
};

// The header of the frame the stream has read; fails when the root is not <tmx> or has no <body>.
Status TmxReader::Impl::ReadHeader() {
  const xml::LoadedXml& xml = stream.frame();
  pugi::xml_node root = xml.doc.document_element();
  if (!root || !Is(root, "tmx")) {
    return Status::Error(ErrorCode::kParse, xml.Where(root) + "the root element is <" +
                                                std::string(root.name()) + ">, not <tmx>");
  }
  info.version = root.attribute("version").value();
  info.encoding = stream.encoding();
  pugi::xml_node header = root.child("header");
  if (!header) {
    Warn(xml, root, "no-header", "<tmx> has no <header>");
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
    Warn(xml, header, "no-srclang", "<header> has no srclang attribute");
  } else if (info.srclang != "*all*" && !info.srclang.empty()) {
    text::Result<text::LangTag> src = text::LangTag::Parse(info.srclang);
    if (src.ok()) {
      info.srclang = src->str();
    } else {
      text::Result<text::LangTag> fixed = text::LangTag::ParseLoose(info.srclang);
      Warn(xml, header, "bad-srclang", "srclang " + src.status().message());
      if (fixed.ok()) info.srclang = fixed->str();
    }
  }
  if (!root.child("body")) {
    return Status::Error(ErrorCode::kParse, xml.Where(root) + "<tmx> has no <body>");
  }
  return Status::Ok();
}

void TmxReader::Impl::ReadUnit(const xml::LoadedXml& xml, pugi::xml_node tu,
                               TranslationUnit* unit) {
  *unit = TranslationUnit();
  unit->tuid = tu.attribute("tuid").value();
  unit->creation_date = tu.attribute("creationdate").value();
  if (pugi::xml_attribute srclang = tu.attribute("srclang")) {
    unit->srclang = text::CanonicalLangTag(srclang.value());
  }
  unit->line = xml.Of(tu).line;
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
      if (ReadVariant(xml, child, &variant)) unit->variants.push_back(std::move(variant));
    }
  }
}

TmxReader::TmxReader() : impl_(std::make_unique<Impl>()) {}
TmxReader::~TmxReader() = default;

Status TmxReader::Open(const std::string& path) {
  impl_ = std::make_unique<Impl>();
  Status status = impl_->stream.Open(path, text::InputKind::kTmx, {"tmx", "body"});
  return status.ok() ? Start() : status;
}

Status TmxReader::OpenBytes(std::string bytes, const std::string& name) {
  impl_ = std::make_unique<Impl>();
  Status status = impl_->stream.OpenBytes(std::move(bytes), name, {"tmx", "body"});
  return status.ok() ? Start() : status;
}

Status TmxReader::Start() {
  Status status = impl_->ReadToFirst();
  return status.ok() ? impl_->ReadHeader() : status;
}

const TmxInfo& TmxReader::info() const { return impl_->info; }

const std::vector<std::string>& TmxReader::warnings() const { return impl_->warnings; }

const Status& TmxReader::status() const { return impl_->stream.status(); }

Status TmxReader::Rewind() {
  Status status = impl_->stream.Rewind();
  return status.ok() ? impl_->ReadToFirst() : status;
}

bool TmxReader::Next(TranslationUnit* unit) {
  using Event = xml::XmlStream::Event;
  Impl& s = *impl_;
  for (;;) {
    Event event = s.first;
    if (s.first_ready) {
      s.first_ready = false;
    } else if (!s.stream.Next(&event)) {
      return false;
    }
    if (event == Event::kEnd) return false;
    pugi::xml_node tu = s.stream.child().doc.document_element();
    if (event == Event::kElement && Is(tu, "tu")) {
      s.ReadUnit(s.stream.child(), tu, unit);
      return true;
    }
  }
}

}  // namespace termalign::tmx
