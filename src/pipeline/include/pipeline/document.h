// Reading a document once: its sentences and the hash of its bytes.
#ifndef TERMALIGN_PIPELINE_DOCUMENT_H_
#define TERMALIGN_PIPELINE_DOCUMENT_H_

#include <functional>
#include <string>
#include <string_view>

#include "formats/document_text.h"
#include "text/srx.h"
#include "text/status.h"
#include "text/types.h"

namespace termalign::pipeline {

// Where the per-document jobs send a warning (a dictionary that failed to load, a document
// already in the glossary): one line without the "termalign: warning: " prefix. May be empty.
using Warn = std::function<void(std::string_view)>;

// A LoadedDocument is a document read once: its sentences, and the content hash of the file's
// bytes by which the glossary recognises it (glossary::ContentHash).
struct LoadedDocument {
  text::Document document;  // named by the path it was read from
  std::string content_hash;  // of the file's bytes, whatever its format
  formats::Format format = formats::Format::kText;
  // The language the text looks like (text::GuessLanguage), "und" when unsure: a caller warns
  // when it contradicts the language given (French text in a NAME.en.txt).
  std::string guessed_lang = "und";
};

// "x.en.txt: named en, but the text looks like fr; read as en (...)" when the guess contradicts
// the language the document is read in; "" otherwise. `given` says where the language came from.
std::string LanguageMismatch(const LoadedDocument& loaded, const std::string& display_name,
                             const std::string& given);

// How documents are cut into sentences.
struct Segmentation {
  bool presegmented = false;            // every non-empty line is one sentence
  const text::SrxRules* srx = nullptr;  // SRX rules in place of the built-in ones; not owned
};

// Reads `path` ("-" for stdin) once, hashes its bytes and segments it into sentences as
// `segmentation` says. DOCX, ODT, HTML and PDF (told by their content)
// are read as the text of their paragraphs (formats/document_text.h), one paragraph a line.
// `lang` "" or "auto" means the document's declared language, else a guess. Errors are those of
// formats::ExtractText and text::ReadDocument, naming the file.
text::Result<LoadedDocument> LoadDocument(const std::string& path, std::string_view lang,
                                          const Segmentation& segmentation = {});

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_DOCUMENT_H_
