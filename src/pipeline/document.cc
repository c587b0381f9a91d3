// Reading a document once, with the hash of its bytes.
#include "pipeline/document.h"

#include <utility>

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
  text::Result<text::Document> document =
      presegmented ? text::ParsePresegmented(std::move(bytes.value()), path, lang)
                   : text::ParseDocument(std::move(bytes.value()), path, lang);
  if (!document.ok()) return document.status();
  loaded.document = std::move(document.value());
  return loaded;
}

}  // namespace termalign::pipeline
