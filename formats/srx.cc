// SRX 2.0 through the XML loader shared with TMX, TBX and XLIFF (well-formedness, entity
// declarations refused, nesting capped, size bounded). Elements are told by the root's prefix:
// those under another prefix belong to a tool's extension and are skipped.
#include "formats/srx.h"

#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "xml/escape.h"
#include "xml/load.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

constexpr std::string_view kNamespace = "http://www.lisa.org/srx20";

// Reads the elements of one file, knowing the SRX prefix ("" or "srx:").
class SrxReader {
 public:
  explicit SrxReader(const xml::LoadedXml& loaded) : loaded_(loaded) {}

  text::Result<text::SrxDocument> Read() {
    pugi::xml_node root = loaded_.doc.document_element();
    std::string_view name = root.name();
    std::size_t colon = name.find(':');
    prefix_ = colon == std::string_view::npos ? "" : std::string(name.substr(0, colon + 1));
    if (name.substr(prefix_.size()) != "srx") {
      return Error(root, "the root element is <" + std::string(name) +
                             ">, not <srx>: this is not an SRX file");
    }
    std::string_view version = root.attribute("version").value();
    if (version == "1.0") {
      return Error(root,
                   "SRX 1.0 is not read; save the rules as SRX 2.0 (OmegaT, Okapi Ratel "
                   "and SRX editors do)");
    }
    if (version != "2.0") {
      return Error(root, "SRX version '" + std::string(version) +
                             "' is not read; termalign reads SRX 2.0 (version=\"2.0\")");
    }
    text::SrxDocument document;
    document.file = loaded_.path;
    if (pugi::xml_node header = Child(root, "header")) {
      Status status = Header(header, &document);
      if (!status.ok()) return status;
    }
    pugi::xml_node body = Child(root, "body");
    if (!body) return Error(root, "<srx> has no <body>");
    for (pugi::xml_node child : body.children()) {
      if (!Mine(child)) continue;
      std::string_view local = Local(child);
      Status status = local == "languagerules" ? LanguageRules(child, &document)
                      : local == "maprules"    ? MapRules(child, &document)
                                               : Unexpected(child, body);
      if (!status.ok()) return status;
    }
    if (document.language_rules.empty()) return Error(body, "the file has no <languagerule>");
    return document;
  }

 private:
  // True for an element of the SRX namespace.
  bool Mine(pugi::xml_node node) const {
    if (node.type() != pugi::node_element) return false;
    std::string_view name = node.name();
    return name.size() > prefix_.size() && name.substr(0, prefix_.size()) == prefix_ &&
           name.find(':', prefix_.size()) == std::string_view::npos;
  }
  std::string_view Local(pugi::xml_node node) const {
    return std::string_view(node.name()).substr(prefix_.size());
  }
  pugi::xml_node Child(pugi::xml_node parent, std::string_view local) const {
    for (pugi::xml_node child : parent.children()) {
      if (Mine(child) && Local(child) == local) return child;
    }
    return {};
  }
  Status Error(pugi::xml_node node, const std::string& why) const {
    return Status::Error(ErrorCode::kParse, loaded_.Where(node) + why);
  }
  // A misspelt element would silently change the rules (a <beforbreak> read as no pattern, so
  // as "anywhere"): every SRX element that is not where the format puts one is refused.
  Status Unexpected(pugi::xml_node node, pugi::xml_node parent) const {
    return Error(node, "<" + std::string(Local(node)) + "> is not an SRX 2.0 element of <" +
                           std::string(Local(parent)) + ">");
  }
  // "yes" or "no" of attribute `name`; `fallback` when it is absent.
  Status YesNo(pugi::xml_node node, const char* name, bool fallback, bool* value) const {
    pugi::xml_attribute attribute = node.attribute(name);
    std::string_view text = attribute.value();
    if (!attribute) {
      *value = fallback;
    } else if (text == "yes" || text == "no") {
      *value = text == "yes";
    } else {
      return Error(node,
                   std::string(name) + "=\"" + std::string(text) + "\": give \"yes\" or \"no\"");
    }
    return Status::Ok();
  }

  Status Header(pugi::xml_node header, text::SrxDocument* document) const {
    bool subflows = true;
    Status status = YesNo(header, "segmentsubflows", true, &subflows);
    if (status.ok()) status = YesNo(header, "cascade", false, &document->cascade);
    if (!status.ok()) return status;
    for (pugi::xml_node child : header.children()) {
      if (Mine(child) && Local(child) != "formathandle") return Unexpected(child, header);
    }
    return Status::Ok();
  }

  Status LanguageRules(pugi::xml_node rules, text::SrxDocument* document) {
    for (pugi::xml_node child : rules.children()) {
      if (!Mine(child)) continue;
      if (Local(child) != "languagerule") return Unexpected(child, rules);
      std::string name = child.attribute("languagerulename").value();
      if (name.empty()) return Error(child, "<languagerule> has no languagerulename");
      if (!names_.insert(name).second) {
        return Error(child, "a second <languagerule> named '" + name +
                                "' (a map could not tell which one it means)");
      }
      text::SrxLanguageRule language_rule{name, {}};
      for (pugi::xml_node rule : child.children()) {
        if (!Mine(rule)) continue;
        if (Local(rule) != "rule") return Unexpected(rule, child);
        text::SrxRule read;
        read.line = loaded_.Of(rule).line;
        Status status = YesNo(rule, "break", true, &read.breaks);
        if (!status.ok()) return status;
        for (pugi::xml_node part : rule.children()) {
          if (!Mine(part)) continue;
          std::string_view local = Local(part);
          if (local != "beforebreak" && local != "afterbreak") return Unexpected(part, rule);
          std::string& pattern = local == "beforebreak" ? read.before : read.after;
          for (pugi::xml_node piece : part.children()) {
            if (piece.type() == pugi::node_pcdata || piece.type() == pugi::node_cdata) {
              pattern += piece.value();
            } else if (piece.type() == pugi::node_element) {
              return Error(piece,
                           "<" + std::string(local) + "> holds a regular expression, not elements");
            }
          }
        }
        language_rule.rules.push_back(std::move(read));
      }
      document->language_rules.push_back(std::move(language_rule));
    }
    return Status::Ok();
  }

  Status MapRules(pugi::xml_node maps, text::SrxDocument* document) const {
    for (pugi::xml_node child : maps.children()) {
      if (!Mine(child)) continue;
      if (Local(child) != "languagemap") return Unexpected(child, maps);
      pugi::xml_attribute pattern = child.attribute("languagepattern");
      pugi::xml_attribute rule = child.attribute("languagerulename");
      if (!pattern) return Error(child, "<languagemap> has no languagepattern");
      if (!rule) return Error(child, "<languagemap> has no languagerulename");
      document->maps.push_back({pattern.value(), rule.value(), loaded_.Of(child).line});
    }
    return Status::Ok();
  }

  const xml::LoadedXml& loaded_;
  std::string prefix_;
  std::set<std::string> names_;
};

void Append(std::string* out, std::string_view text, xml::Context context) {
  std::size_t removed = 0, bad = 0;
  // Rules are UTF-8 from a parsed file or from the built-in lists; a bad byte is left out.
  xml::AppendEscaped(out, text, context, &removed, &bad);
}

}  // namespace

text::Result<text::SrxDocument> ParseSrx(std::string bytes, const std::string& path) {
  auto loaded = xml::ParseXml(std::move(bytes), path);
  if (!loaded.ok()) return loaded.status();
  return SrxReader(**loaded).Read();
}

text::Result<text::SrxDocument> ReadSrx(const std::string& path) {
  auto loaded = xml::LoadXml(path, text::InputKind::kSrx);
  if (!loaded.ok()) return loaded.status();
  return SrxReader(**loaded).Read();
}

text::Result<std::shared_ptr<const text::SrxRules>> LoadSrxRules(const std::string& path) {
  text::Result<text::SrxDocument> document = ReadSrx(path);
  if (!document.ok()) return document.status();
  return text::SrxRules::Compile(*document);
}

std::string WriteSrx(const text::SrxDocument& document) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<srx xmlns=\"";
  out += kNamespace;
  out += "\" version=\"2.0\">\n  <header segmentsubflows=\"yes\" cascade=\"";
  out += document.cascade ? "yes" : "no";
  out +=
      "\">\n"
      "    <formathandle type=\"start\" include=\"no\"/>\n"
      "    <formathandle type=\"end\" include=\"yes\"/>\n"
      "    <formathandle type=\"isolated\" include=\"no\"/>\n"
      "  </header>\n  <body>\n    <languagerules>\n";
  for (const text::SrxLanguageRule& language_rule : document.language_rules) {
    out += "      <languagerule languagerulename=\"";
    Append(&out, language_rule.name, xml::Context::kAttribute);
    out += "\">\n";
    for (const text::SrxRule& rule : language_rule.rules) {
      out += rule.breaks ? "        <rule break=\"yes\">\n" : "        <rule break=\"no\">\n";
      out += "          <beforebreak>";
      Append(&out, rule.before, xml::Context::kContent);
      out += "</beforebreak>\n          <afterbreak>";
      Append(&out, rule.after, xml::Context::kContent);
      out += "</afterbreak>\n        </rule>\n";
    }
    out += "      </languagerule>\n";
  }
  out += "    </languagerules>\n    <maprules>\n";
  for (const text::SrxLanguageMap& map : document.maps) {
    out += "      <languagemap languagepattern=\"";
    Append(&out, map.pattern, xml::Context::kAttribute);
    out += "\" languagerulename=\"";
    Append(&out, map.rule_name, xml::Context::kAttribute);
    out += "\"/>\n";
  }
  out += "    </maprules>\n  </body>\n</srx>\n";
  return out;
}

}  // namespace termalign::formats
