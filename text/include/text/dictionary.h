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

  // Reads the installed FreeDict dictionaries for the pair ("en", "fr" -> freedict-eng-fra and
  // freedict-fra-eng under `dictd_dir`), gzip (.dict.dz) included. Both directions are merged,
  // the reverse one inverted; either alone is enough. Languages are ISO 639-1 ("en", "fr", "ar",
  // "de") or the 639-2 codes FreeDict uses ("eng"). kNotFound, naming the Debian package, when
  // neither direction is installed; kIo or kParse (naming the file) when one is unreadable.
  static Result<BilingualDictionary> LoadFreeDict(std::string_view source_lang,
                                                  std::string_view target_lang,
                                                  const std::string& dictd_dir = kDictdDir);

  // Reads one dictd dictionary: `base` + ".index" and `base` + ".dict.dz" (or ".dict"). Every
  // sense's translations are kept; pronunciations, grammar notes, bracketed remarks and
  // definition lines are dropped. With `invert`, headword and translations swap roles (for a
  // dictionary of the reverse direction). Errors name the file (and the index line).
  Status AddDictd(const std::string& base, bool invert);

  // Where Debian's dictd packages install their files.
  static constexpr const char* kDictdDir = "/usr/share/dictd";

  // The folded translations of a folded source word; empty when unknown. Costs at most
  // longest_source_bytes() to hash, however long the word.
  const std::vector<std::string>& Translations(std::string_view folded_source) const;

  // Every entry: folded source word or phrase -> its folded translations, without duplicates.
  const std::unordered_map<std::string, std::vector<std::string>>& entries() const {
    return entries_;
  }

  // The number of source entries.
  std::size_t size() const { return entries_.size(); }

  // The length in bytes of the longest folded source entry: no longer word has translations.
  std::size_t longest_source_bytes() const { return longest_source_bytes_; }

  // Adds one pair; both sides are folded, and a pair already present is not added again.
  // Empty sides are ignored. A side in Arabic is found with and without its articles: FreeDict
  // writes most Arabic nouns defined ("التجربة"), term extraction keys them without.
  void Add(std::string_view source, std::string_view target);

 private:
  // Adds a pair whose sides are already folded, and its form without Arabic articles.
  void AddFolded(std::string source, std::string target);
  void AddOne(std::string source, std::string target);

  std::unordered_map<std::string, std::vector<std::string>> entries_;
  std::size_t longest_source_bytes_ = 0;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_DICTIONARY_H_
