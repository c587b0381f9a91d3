// Reading a document once: its sentences and the hash of its bytes.
#ifndef TERMALIGN_PIPELINE_DOCUMENT_H_
#define TERMALIGN_PIPELINE_DOCUMENT_H_

#include <functional>
#include <string>
#include <string_view>

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
  std::string content_hash;
};

// Reads `path` ("-" for stdin) once, hashes its bytes and segments it into sentences (or, when
// `presegmented`, takes every non-empty line as one). `lang` "" or "auto" means guess it.
// Errors are those of text::ReadDocument, naming the file.
text::Result<LoadedDocument> LoadDocument(const std::string& path, std::string_view lang,
                                          bool presegmented = false);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_DOCUMENT_H_
