// Reading a document once, with the hash of its bytes.
#include "pipeline/document.h"

#include <utility>

#include "formats/document_text.h"
#include "glossary/termbase.h"
#include "text/input_file.h"
#include "text/reader.h"

namespace termalign::pipeline {

text::Result<LoadedDocument> LoadDocument(const std::string& path, std::string_view lang,
                                          bool presegmented) {
  text::Result<std::string> bytes = text::ReadInput(path, text::InputKind::kText);
  if (!bytes.ok()) return bytes.status();
  LoadedDocument loaded;
  loaded.content_hash = glossary::ContentHash(*bytes);
  // DOCX, ODT and HTML are read as the text of their paragraphs; text as it is.
  formats::Format format = formats::DetectFormat(*bytes, path);
  std::string declared_lang;
  if (format != formats::Format::kText) {
    auto extracted = formats::ExtractText(*bytes, format, path);
    if (!extracted.ok()) return extracted.status();
    if ((lang.empty() || lang == "auto") && !extracted->lang.empty()) {
      // The document's own declaration, when the name gave none.
      declared_lang = extracted->lang;
      lang = declared_lang;
    }
    loaded.format = format;
    bytes.value() = std::move(extracted->text);
  }
  text::Result<text::Document> document =
      presegmented ? text::ParsePresegmented(std::move(bytes.value()), path, lang)
                   : text::ParseDocument(std::move(bytes.value()), path, lang);
  if (!document.ok()) return document.status();
  loaded.document = std::move(document.value());
  return loaded;
}

}  // namespace termalign::pipeline
