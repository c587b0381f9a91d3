// Choosing and loading the bilingual dictionaries the jobs use, once per language pair.
#ifndef TERMALIGN_PIPELINE_DICTIONARIES_H_
#define TERMALIGN_PIPELINE_DICTIONARIES_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "text/dictionary.h"
#include "text/status.h"

namespace termalign::pipeline {

// Dictionaries hands out the word list for a direction ("en" -> "fr"): a TSV file the user
// gave for it (UseTsv), else the installed FreeDict dictionary, loaded on first request and
// kept. A FreeDict dictionary that is not installed gives none, silently (the jobs work without
// one); one that is installed but cannot be read gives none with a warning, once. Thread-safe;
// the dictionaries it returns are immutable and may be shared between threads.
class Dictionaries {
 public:
  // `use_freedict` false: no FreeDict dictionary is ever loaded (TSV files still are).
  // `dictd_dir`: where FreeDict's files are looked for.
  Dictionaries(bool use_freedict, Warn warn,
               std::string dictd_dir = text::BilingualDictionary::kDictdDir);

  // Loads a `src<TAB>tgt` file for the direction `from` -> `to` ("" or "auto" for either: every
  // direction without a file of its own uses it). Errors name the file.
  text::Status UseTsv(const std::string& path, std::string_view from, std::string_view to);

  // The dictionary from `from` to `to`, or null. The pointer stays valid as long as this object.
  const text::BilingualDictionary* Get(std::string_view from, std::string_view to);

 private:
  bool use_freedict_;
  std::string dictd_dir_;
  Warn warn_;
  std::mutex mutex_;
  std::map<std::string, std::optional<text::BilingualDictionary>, std::less<>> loaded_;
};

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_DICTIONARIES_H_
