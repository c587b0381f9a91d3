// Reading a document once, with the hash of its bytes.
#include "pipeline/document.h"

#include <utility>
#include <vector>

#include "formats/document_text.h"
#include "glossary/termbase.h"
#include "text/input_file.h"
#include "text/lang_guess.h"
#include "text/reader.h"

namespace termalign::pipeline {

text::Result<LoadedDocument> LoadDocument(const std::string& path, std::string_view lang,
                                          const Segmentation& segmentation) {
  text::Result<std::string> bytes = text::ReadInput(path, text::InputKind::kText);
  if (!bytes.ok()) return bytes.status();
  LoadedDocument loaded;
  loaded.content_hash = glossary::ContentHash(*bytes);
  // DOCX, ODT, HTML and PDF are read as the text of their paragraphs; text as it is.
  formats::Format format = formats::DetectFormat(*bytes, path);
  std::string declared_lang;
  std::vector<text::Place> places;  // of each paragraph (line) of the extracted text
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
    places.reserve(extracted->places.size());
    for (const formats::Place& place : extracted->places) {
      places.push_back(formats::PlaceForPeople(place));
    }
  }
  // After extraction: the guess reads the document's text, not its package.
  loaded.guessed_lang = text::GuessLanguage(*bytes);
  text::Result<text::Document> document =
      segmentation.presegmented
          ? text::ParsePresegmented(std::move(bytes.value()), path, lang)
          : text::ParseDocument(std::move(bytes.value()), path, lang, segmentation.srx);
  if (!document.ok()) return document.status();
  loaded.document = std::move(document.value());
  // One place per line of the extracted text, and the text layer's paragraphs are those lines:
  // a sentence's paragraph indexes its place.
  loaded.document.places = std::move(places);
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
