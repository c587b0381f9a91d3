// Reading a document once, with the hash of its bytes.
#include "pipeline/document.h"

#include <utility>

#include "formats/document_text.h"
#include "glossary/termbase.h"
#include "text/input_file.h"
#include "text/lang_guess.h"
#include "text/reader.h"

namespace termalign::pipeline {

text::Result<LoadedDocument> LoadDocument(const std::string& path, std::string_view lang,
                                          bool presegmented) {
  text::Result<std::string> bytes = text::ReadInput(path, text::InputKind::kText);
  if (!bytes.ok()) return bytes.status();
  LoadedDocument loaded;
  loaded.content_hash = glossary::ContentHash(*bytes);
  // DOCX, ODT, HTML and PDF are read as the text of their paragraphs; text as it is.
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
  // After extraction: the guess reads the document's text, not its package.
  loaded.guessed_lang = text::GuessLanguage(*bytes);
  text::Result<text::Document> document =
      presegmented ? text::ParsePresegmented(std::move(bytes.value()), path, lang)
                   : text::ParseDocument(std::move(bytes.value()), path, lang);
  if (!document.ok()) return document.status();
  loaded.document = std::move(document.value());
  return loaded;
}

std::string LanguageMismatch(const LoadedDocument& loaded, const std::string& display_name,
                             const std::string& given) {
  const std::string& lang = loaded.document.lang;
  if (loaded.guessed_lang == "und" || lang == "und" || loaded.guessed_lang == lang) return "";
  return display_name + ": " + given + " " + lang + ", but the text looks like " +
         loaded.guessed_lang + "; read as " + lang + " (its terms are learnt as " + lang +
         " terms: correct the language if it is wrong)";
}

}  // namespace termalign::pipeline
