// A corpus described by a TSV manifest instead of a folder: documents anywhere, paired by row.
#ifndef TERMALIGN_PIPELINE_MANIFEST_H_
#define TERMALIGN_PIPELINE_MANIFEST_H_

#include <string>
#include <string_view>

#include "pipeline/corpus.h"
#include "text/status.h"

namespace termalign::pipeline {

// The manifest's header line, which its first line that is not blank or a comment must be.
inline constexpr std::string_view kManifestHeader =
    "id\tsource\ttarget\tsource_lang\ttarget_lang";

// Reads a manifest: after the header (kManifestHeader), one row per document pair, five fields
// separated by tabs: a unique id (no '/', no control characters), the source file, the target
// file, their languages. An empty side makes the other one a monolingual document; an empty
// language column means `source_lang` or `target_lang`. Relative paths are read from the
// manifest's folder. Blank lines and lines starting with '#' are skipped.
//
// The corpus lists documents and pairs in row order; each document's name is its row's id and
// its display name the path as the row gives it. A bad row (wrong number of fields, an id
// given twice, an unknown language, a pair of other languages than the run's, a file that is
// missing or no regular file) is recorded in `errors` as "MANIFEST:LINE: why" and left out.
// Fails (kIo) when the manifest cannot be read, (kParse) when its header is missing or no row
// is left.
text::Result<Corpus> ReadManifest(const std::string& manifest, std::string_view source_lang,
                                  std::string_view target_lang);

// A corpus folder (ScanCorpus) or, when `path` is a regular file, a manifest (ReadManifest).
text::Result<Corpus> OpenCorpus(const std::string& path, std::string_view source_lang,
                                std::string_view target_lang, const ScanOptions& options = {});

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_MANIFEST_H_
