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
  std::string path;       // folder + file name
  std::string file_name;  // "tram.en.txt"
  std::string name;       // "tram"
  std::string lang;       // "en", "fr", "ar", ...
  bool lang_guessed = false;
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
  std::vector<std::string> warnings;  // files skipped and why
};

// Splits "tram.en.txt" into name "tram" and lang "en"; false when the file name carries no
// language (a last-but-one part of 2 or 3 ASCII letters, optionally with a region: "fr-CA").
// The language is returned lower case, primary subtag only.
bool ParseDocumentName(std::string_view file_name, std::string* name, std::string* lang);

// Lists the *.txt files directly in `folder` (hidden files skipped), guesses the language of
// those whose name does not say (text::GuessLanguage on the first 64 KiB; skipped with a warning
// when it is "und"), and pairs documents of the same name in `source_lang` and `target_lang`.
// When a name has two documents in one language, the first by file name is used and the other
// is treated as monolingual, with a warning. Fails (kIo) when the folder cannot be read or
// holds no text file.
text::Result<Corpus> ScanCorpus(const std::string& folder, std::string_view source_lang,
                                std::string_view target_lang);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_CORPUS_H_
