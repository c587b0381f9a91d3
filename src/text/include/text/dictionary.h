// Bilingual word lists: FreeDict (dictd files) and tab-separated files.
#ifndef TERMALIGN_TEXT_DICTIONARY_H_
#define TERMALIGN_TEXT_DICTIONARY_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/status.h"

namespace termalign::text {

// A BilingualDictionary maps a folded source word to the folded target words it may translate
// to (every sense). Entries are stored folded (FoldForMatch), so lookups are case and accent
// insensitive. Immutable after loading; safe to share between threads.
class BilingualDictionary {
 public:
  // Reads `src<TAB>tgt` lines (more columns are ignored; `#` starts a comment).
  // Errors name the file and line.
  static Result<BilingualDictionary> LoadTsv(const std::string& path);

  // Reads the installed FreeDict dictionary for the pair ("en", "fr" -> fra-eng or eng-fra under
  // the dictd folder), gzip (.dict.dz) included; when only the reverse direction is installed it
  // is inverted. kNotFound when neither is installed.
  static Result<BilingualDictionary> LoadFreeDict(std::string_view source_lang,
                                                  std::string_view target_lang);

  // The folded translations of a folded source word; empty when unknown.
  const std::vector<std::string>& Translations(std::string_view folded_source) const;

  std::size_t size() const { return entries_.size(); }
  void Add(std::string_view source, std::string_view target);

 private:
  std::unordered_map<std::string, std::vector<std::string>> entries_;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_DICTIONARY_H_
