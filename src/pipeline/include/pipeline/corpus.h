// A corpus folder: its documents, their languages, and which of them translate each other.
#ifndef TERMALIGN_PIPELINE_CORPUS_H_
#define TERMALIGN_PIPELINE_CORPUS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/status.h"

namespace termalign::pipeline {

// One text file of a corpus folder. A file named NAME.LANG.txt ("tram.en.txt") has that name and
// language; any other *.txt file has its whole stem as name and a guessed language.
struct CorpusDocument {
  std::string path;          // folder + file name: bytes, for opening
  std::string file_name;     // "tram.en.txt": bytes, as the folder has it
  std::string display_name;  // file_name for people, documents and XML (see DisplayName)
  std::string display_path;  // path for people
  std::string name;          // "tram"
  std::string lang;          // "en", "fr", "ar", ...
  std::string tag;           // the file name's whole tag, lower case: "en-gb"; "" when guessed
  bool lang_guessed = false;
};

// A bilingual file of a corpus folder (XLIFF or PO, told by its content): already aligned, it
// goes to TMX, the glossary and QA as it is.
struct CorpusBilingual {
  std::string path;          // folder + file name: bytes, for opening
  std::string file_name;     // "ui.po": bytes, as the folder has it
  std::string display_name;  // file_name for people (see DisplayName)
  std::string display_path;  // path for people
};

// Two documents of one name, in the source and the target language.
struct CorpusPair {
  std::size_t source = 0;  // indices into Corpus::documents
  std::size_t target = 0;
};

// A Corpus lists the documents of a folder sorted by name then language, the pairs among them,
// and the others (monolingual: no counterpart in the pair's other language).
struct Corpus {
  std::vector<CorpusDocument> documents;
  std::vector<CorpusPair> pairs;
  std::vector<std::size_t> monolingual;
  std::vector<CorpusBilingual> bilingual;  // by file name
  std::vector<std::string> warnings;  // files left out on purpose, or not paired, and why
  std::vector<std::string> errors;    // *.txt entries that are no readable file, and why
};

// A file name made safe to print and to put in UTF-8 documents: valid UTF-8 is kept except
// control characters (C0, DEL, C1), which become "\n", "\t", "\r" or "\xHH"; a byte that is
// not UTF-8 becomes "\xHH"; a backslash becomes "\\". Names of plain text come back unchanged.
std::string DisplayName(std::string_view bytes);

// The segmentation rules a corpus folder may hold: `run` segments its documents with them
// (SRX 2.0) and the scan does not report the file as skipped.
inline constexpr std::string_view kCorpusSrxName = "segmentation.srx";

struct ScanOptions {
  // Follow symbolic links whose target lies outside the folder (those inside are always
  // followed).
  bool follow_symlinks = false;
};

// Splits "tram.en.txt" into name "tram" and lang "en"; false when the file name carries no
// language: its last-but-one part is no well-formed BCP 47 tag (text/lang_tag.h, '_' read as
// '-': "fr-CA", "fr_CA", "zh-Hant-TW") whose language is a two- or three-letter code.
// The language is returned lower case, primary subtag only.
// `tag`, when given, receives the whole tag, lower case ("fr-ca", "zh-hant-tw").
bool ParseDocumentName(std::string_view file_name, std::string* name, std::string* lang,
                       std::string* tag = nullptr);

// The language whose documents in `folder` pair with `source_lang` documents by name, when no
// `preferred` one does ("law.en.txt" and "law.ar.txt", no "law.fr.txt"): the language sharing
// most names with the source's documents, the first in code order on a tie. "" when a
// `preferred` document pairs, when no language does, or when `folder` is no folder. Names only:
// no document is read.
std::string PairableLanguage(const std::string& folder, std::string_view source_lang,
                             std::string_view preferred);

// Lists the documents directly in `folder` (hidden files skipped; .txt, .docx, .odt, .html,
// .htm, .xhtml, .pdf), and the bilingual files (.xlf, .xliff, .sdlxliff, .mqxliff, .po), each
// told by its content: an XLIFF or PO file under any of these names is bilingual, a bilingual
// name whose content is not (or is TMX) is skipped with a warning. Then it guesses the language of
// those whose name does not say (text::GuessLanguage on the first 64 KiB; skipped with a warning
// when it is "und"), and pairs documents of the same name in `source_lang` and `target_lang`.
// When a name has two documents in one language, the one whose tag is exactly that language
// ("t.en.txt" rather than "t.en-GB.txt"), else the first by file name, is paired and the other
// treated as monolingual, with a warning. A symbolic link leading out of the folder is skipped
// with a warning unless `options.follow_symlinks`; an entry named *.txt that is no regular file
// (a directory, a FIFO, a device, a dangling link) is skipped with an error. Fails (kIo) when
// the folder cannot be read or holds no text file.
text::Result<Corpus> ScanCorpus(const std::string& folder, std::string_view source_lang,
                                std::string_view target_lang, const ScanOptions& options = {});

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_CORPUS_H_
