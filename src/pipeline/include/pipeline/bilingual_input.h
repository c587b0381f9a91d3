// Bilingual files read as pairs, whatever tool wrote them: TMX (streamed, tmx/import.h), XLIFF
// and gettext PO (formats/bilingual.h). One entry for `tmx import`, `glossary build --tmx` and
// `qa --tmx`, so each takes all three.
#ifndef TERMALIGN_PIPELINE_BILINGUAL_INPUT_H_
#define TERMALIGN_PIPELINE_BILINGUAL_INPUT_H_

#include <functional>
#include <string>

#include "formats/document_text.h"
#include "pipeline/document.h"
#include "qa/tmx_input.h"
#include "text/status.h"
#include "tmx/import.h"

namespace termalign::pipeline {

// The format of the file at `path` from its first bytes (formats::DetectFormat); standard input
// ("-") is taken for TMX. An unreadable file gives kText, for its reader to report.
formats::Format SniffFormat(const std::string& path);

// Whether `format` is one this file's readers take: TMX, XLIFF or PO.
bool IsBilingualFormat(formats::Format format);

// Reads `path` and calls `sink` for each unit holding both languages, as tmx::ImportTmx does
// for TMX. An XLIFF or PO file declares its languages (PO only its target; its source is
// `options.src_lang`, else en): a requested language the file's does not serve is refused
// naming both; an empty one is the file's. `tuid` is the XLIFF unit id or the PO message
// (with its context), `line` the unit's line (XLIFF).
text::Status ImportBilingual(const std::string& path, const tmx::ImportOptions& options,
                             const std::function<void(const tmx::ImportedPair&)>& sink,
                             tmx::ImportSummary* summary);

// The same file as a bitext for QA (qa::ReadTmxBitext for TMX): every unit a bead, an
// untranslated unit an unmatched source sentence.
text::Result<qa::TmxBitext> ReadBilingualBitext(const std::string& path,
                                                const std::string& source_lang,
                                                const std::string& target_lang);

// A bilingual file read for `run`: its two sides as documents, its units as the beads that
// link them, and each unit for the checks of units.
struct BilingualPair {
  LoadedDocument source;  // named `name`, hashed as `glossary build --tmx` hashes the file
  LoadedDocument target;
  align::Alignment alignment;
  std::vector<qa::Segment> segments;
  std::vector<std::string> warnings;
};

// Reads `path` as ReadBilingualBitext does, naming both documents `name`. Fails as it does:
// kUsage when the file's languages are not `source_lang` and `target_lang`.
text::Result<BilingualPair> LoadBilingualPair(const std::string& path, const std::string& name,
                                              const std::string& source_lang,
                                              const std::string& target_lang);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_BILINGUAL_INPUT_H_
