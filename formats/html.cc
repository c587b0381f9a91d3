// HTML through libxml2's HTML parser (which repairs what browsers repair): block elements are
// paragraphs, line breaks end one; scripts, styles, navigation and forms are left out.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "readers.h"
#include "text/reader.h"

namespace termalign::formats {
namespace {

using text::ErrorCode;
using text::Status;

bool Is(const xmlNode* node, const char* const* names) {
  const char* name = reinterpret_cast<const char*>(node->name);
  for (; *names != nullptr; ++names) {
    if (std::strcmp(name, *names) == 0) return true;
  }
  return false;
}

// Elements whose text is not the document's.
constexpr const char* kSkipped[] = {"head",   "script", "style",  "noscript", "template",
                                    "nav",    "svg",    "math",   "iframe",   "object",
                                    "button", "select", "textarea", "form",   nullptr};
// Elements that start and end a paragraph.
constexpr const char* kBlocks[] = {
    "p",       "h1",     "h2",       "h3",    "h4",      "h5",         "h6",   "li",
    "td",      "th",     "dt",       "dd",    "caption", "blockquote", "pre",  "div",
    "section", "article", "main",    "header", "footer", "aside",      "address",
    "figcaption", "table", "tr",     "ul",    "ol",      "dl",         "body", "title",
    "details", "summary", "hr",      "br",    nullptr};

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

text::Result<ExtractedText> ReadHtml(std::string_view bytes, const std::string& path) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    return Status::Error(ErrorCode::kParse, path + ": too large for the HTML parser");
  }
  // Valid UTF-8 is read as UTF-8 whatever the page declares (a page without a declaration would
  // otherwise be read as Latin-1); other bytes follow the page's <meta charset>.
  const char* encoding = text::ValidateUtf8(bytes, path).ok() ? "UTF-8" : nullptr;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
          HTML_PARSE_NOBLANKS));
  if (!doc) return Status::Error(ErrorCode::kParse, path + ": not readable as HTML");
  ExtractedText out;
  out.format = Format::kHtml;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return out;
  if (xmlChar* lang = xmlGetProp(root, reinterpret_cast<const xmlChar*>("lang"))) {
    out.lang = reinterpret_cast<const char*>(lang);
    xmlFree(lang);
  }
  // Document order without recursion (pages nest deeper than any stack should follow).
  std::string paragraph;
  std::size_t index = 0;
  auto flush = [&] {
    if (paragraph.empty()) return;
    AddParagraph(std::move(paragraph), {"", ++index}, &out);
    paragraph.clear();
  };
  xmlNode* node = root;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      if (!Is(node, kSkipped)) {
        if (Is(node, kBlocks)) flush();
        descend = node->children != nullptr;
      }
    } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        AppendCollapsed(reinterpret_cast<const char*>(node->content), &paragraph);
      }
    }
    if (descend) {
      node = node->children;
      continue;
    }
    // Leaving `node`, and every ancestor whose last child it was.
    while (node != nullptr && node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node == reinterpret_cast<xmlNode*>(doc.get())) {
        node = nullptr;
        break;
      }
      if (node->type == XML_ELEMENT_NODE && Is(node, kBlocks)) flush();
      if (node == root) {
        node = nullptr;
        break;
      }
    }
    if (node != nullptr) {
      if (node->type == XML_ELEMENT_NODE && Is(node, kBlocks)) flush();
      node = node->next;
    }
  }
  flush();
  return out;
}

}  // namespace termalign::formats
