// Bilingual word lists from tab-separated files and from FreeDict's dictd files.
//
// A dictd dictionary is a .index file of "headword<TAB>offset<TAB>length" lines (offset and
// length in dictd's base 64) and a .dict.dz body: gzip with random-access extras (dictzip), which
// zlib reads as plain gzip. Each FreeDict entry body is:
//   headword /pronunciation/ <grammar>
//   1. translation, translation        (or an unnumbered translation line for one sense)
//   definition or example lines        (deu-fra: German definitions of the sense; skipped)
//   2. translation ...
#include "text/dictionary.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_set>

#include "text/fold.h"
#include "text/input_file.h"
#include "text/language.h"

namespace termalign::text {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSpaces = " \t\r";

std::string_view Trim(std::string_view s, std::string_view chars = kSpaces) {
  std::size_t begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  std::size_t end = s.find_last_not_of(chars);
  return s.substr(begin, end - begin + 1);
}

// The byte offset of the first invalid UTF-8 sequence in `s`, or npos.
std::size_t FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    if (length == 0 || (length == 2 && c < 0xC2) || i + length > s.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    if (length == 3) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return i;
    } else if (length == 4) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

// Reads a whole file through zlib, which passes uncompressed files through unchanged.
Result<std::string> ReadMaybeGzip(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::Error(ErrorCode::kIo, "reading " + path + ": " + std::strerror(errno));
  }
  gzbuffer(file, 1 << 17);
  std::string out;
  std::array<char, 1 << 16> buffer;
  while (true) {
    int n = gzread(file, buffer.data(), buffer.size());
    if (n < 0) {
      int code = 0;
      std::string why = gzerror(file, &code);
      gzclose(file);
      return Status::Error(ErrorCode::kIo, "reading " + path + ": " + why);
    }
    if (n == 0) break;
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  gzclose(file);
  return out;
}

// Decodes dictd's base 64 number ("A".."Z" "a".."z" "0".."9" "+" "/", most significant first);
// false on a character outside that alphabet or an overflow.
bool DecodeBase64Number(std::string_view s, std::uint64_t& value) {
  if (s.empty() || s.size() > 10) return false;
  value = 0;
  for (char c : s) {
    int digit = c >= 'A' && c <= 'Z'   ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+'             ? 62
                : c == '/'             ? 63
                                       : -1;
    if (digit < 0) return false;
    value = value * 64 + static_cast<std::uint64_t>(digit);
  }
  return true;
}

// Removes (…), […], <…> and {…} with what they hold: grammar notes, domains ("[cul]"),
// optional words ("(fitted) carpet" -> "carpet"). An unclosed bracket drops the rest.
std::string StripBracketed(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[' || c == '<' || c == '{') {
      ++depth;
    } else if (depth > 0 && (c == ')' || c == ']' || c == '>' || c == '}')) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// Splits a translation line into its items: commas and semicolons, Latin or Arabic ones.
// "camper#se camper" (a lemma and its form) gives both.
std::vector<std::string> SplitTranslations(std::string_view line) {
  std::string cleaned = StripBracketed(line);
  for (std::string_view mark : {"\u060C", "\u061B"}) {  // Arabic comma and semicolon
    for (std::size_t at = cleaned.find(mark); at != std::string::npos;
         at = cleaned.find(mark, at)) {
      cleaned.replace(at, mark.size(), ",");
    }
  }
  std::vector<std::string> items;
  std::string_view rest = cleaned;
  while (!rest.empty()) {
    std::size_t cut = rest.find_first_of(",;#");
    std::string_view item = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    // Quotes and escapes around an item are not part of the word.
    std::string text(Trim(item, " \t\r\"\\'.:"));
    for (std::string_view quote : {"\u00AB", "\u00BB", "\u201C", "\u201D"}) {
      for (std::size_t at = text.find(quote); at != std::string::npos; at = text.find(quote)) {
        text.erase(at, quote.size());
      }
    }
    std::string_view trimmed = Trim(text);
    if (!trimmed.empty()) items.emplace_back(trimmed);
  }
  return items;
}

// A sense number at the start of a line ("1. ", "12.", " 3."): sets `number` and `rest` (what
// follows).
bool StripSenseNumber(std::string_view line, int& number, std::string_view& rest) {
  std::string_view s = Trim(line);
  std::size_t digits = 0;
  number = 0;
  while (digits < s.size() && digits < 4 && s[digits] >= '0' && s[digits] <= '9') {
    number = number * 10 + (s[digits] - '0');
    ++digits;
  }
  if (digits == 0 || digits >= s.size() || s[digits] != '.') return false;
  if (digits + 1 < s.size() && s[digits + 1] != ' ' && s[digits + 1] != '\t') return false;
  rest = Trim(s.substr(digits + 1));
  return true;
}

// The headword of an entry's first line: what comes before the pronunciation or grammar.
std::string_view Headword(std::string_view headline) {
  std::size_t end = std::min(headline.find(" /"), headline.find(" <"));
  return Trim(headline.substr(0, end));
}

// The translations of one entry body, every sense. Definition and example lines (those that
// follow a sense's translation line) are skipped.
std::vector<std::string> EntryTranslations(std::string_view body) {
  std::vector<std::string> out;
  bool expect_translation = true;
  int last_sense = 0;
  std::size_t pos = body.find('\n');
  while (pos != std::string_view::npos && pos < body.size()) {
    std::size_t end = body.find('\n', pos + 1);
    std::string_view line = body.substr(
        pos + 1, end == std::string_view::npos ? std::string_view::npos : end - pos - 1);
    pos = end;
    if (Trim(line).empty()) continue;
    std::string_view rest;
    int number = 0;
    // Senses are numbered in sequence; "16. bis 19. Jahrhundert" in a definition is not one.
    if (StripSenseNumber(line, number, rest) && number == last_sense + 1) {
      last_sense = number;
      // A number with nothing after it opens a sense whose lines are examples or definitions.
      expect_translation = false;
      if (rest.empty()) continue;
    } else if (expect_translation) {
      expect_translation = false;
      rest = Trim(line);
    } else {
      continue;
    }
    // Some deu-fra entries carry the next sense's number at the end: "cassis 2.".
    std::size_t space = rest.rfind(' ');
    std::string_view tail;
    if (space != std::string_view::npos && StripSenseNumber(rest.substr(space), number, tail) &&
        tail.empty() && (number == last_sense + 1 || number == last_sense + 2)) {
      last_sense = number;
      rest = Trim(rest.substr(0, space));
    }
    for (std::string& item : SplitTranslations(rest)) out.push_back(std::move(item));
  }
  return out;
}

// FreeDict names its dictionaries with ISO 639-2/T codes; a language without a profile, or a
// code already in that form, is used as given.
std::string FreeDictCode(std::string_view lang) {
  const LanguageProfile* profile = FindLanguage(lang);
  return profile != nullptr ? std::string(profile->freedict_code) : std::string(lang);
}

}  // namespace

void BilingualDictionary::Add(std::string_view source, std::string_view target) {
  AddFolded(FoldForMatch(Trim(source)), FoldForMatch(Trim(target)));
}

namespace {

// `folded` with the article of each Arabic word removed (StripArabicArticle); other words as
// they are.
std::string WithoutArabicArticles(const std::string& folded) {
  // Arabic letters are two bytes led by 0xD8-0xDB: text without them has no article.
  if (std::none_of(folded.begin(), folded.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0xD8 && byte <= 0xDB;
      })) {
    return folded;
  }
  std::string out;
  std::size_t begin = 0;
  while (begin <= folded.size()) {
    std::size_t end = folded.find(' ', begin);
    if (end == std::string::npos) end = folded.size();
    if (!out.empty()) out.push_back(' ');
    out += StripArabicArticle(std::string_view(folded).substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

}  // namespace

void BilingualDictionary::AddFolded(std::string source, std::string target) {
  std::string bare_source = WithoutArabicArticles(source);
  std::string bare_target = WithoutArabicArticles(target);
  const bool defined = bare_source != source || bare_target != target;
  AddOne(std::move(source), std::move(target));
  if (defined) AddOne(std::move(bare_source), std::move(bare_target));
}

void BilingualDictionary::AddOne(std::string source, std::string target) {
  if (source.empty() || target.empty()) return;
  longest_source_bytes_ = std::max(longest_source_bytes_, source.size());
  std::vector<std::string>& targets = entries_[std::move(source)];
  if (std::find(targets.begin(), targets.end(), target) == targets.end()) {
    targets.push_back(std::move(target));
  }
}

const std::vector<std::string>& BilingualDictionary::Translations(
    std::string_view folded_source) const {
  static const std::vector<std::string> kNone;
  // A word longer than every entry is not one; checking first keeps a lookup's cost bounded by
  // the longest entry, however long the word.
  if (folded_source.size() > longest_source_bytes_) return kNone;
  auto it = entries_.find(std::string(folded_source));
  return it == entries_.end() ? kNone : it->second;
}

Result<BilingualDictionary> BilingualDictionary::LoadTsv(const std::string& path) {
  Result<std::string> bytes = ReadInput(path, InputKind::kDictionary);
  if (!bytes.ok()) return bytes.status();
  BilingualDictionary dictionary;
  std::string_view rest = *bytes;
  std::size_t line_number = 0;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view view = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++line_number;
    if (line_number == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    auto fail = [&](std::size_t column, const std::string& why) {
      return Status::Error(ErrorCode::kParse, path + ":" + std::to_string(line_number) + ":" +
                                                  std::to_string(column) + ": " + why);
    };
    if (std::size_t bad = FindInvalidUtf8(view); bad != std::string_view::npos) {
      return fail(bad + 1, "invalid UTF-8");
    }
    std::string_view content = Trim(view);
    if (content.empty() || content.front() == '#') continue;
    std::size_t tab = view.find('\t');
    if (tab == std::string_view::npos) return fail(1, "expected source<TAB>target");
    std::string_view source = Trim(view.substr(0, tab));
    std::string_view target = view.substr(tab + 1);
    target = Trim(target.substr(0, target.find('\t')));
    if (source.empty()) return fail(1, "empty source word");
    if (target.empty()) return fail(tab + 2, "empty target word");
    dictionary.Add(source, target);
  }
  return dictionary;
}

Status BilingualDictionary::AddDictd(const std::string& base, bool invert) {
  std::string index_path = base + ".index";
  std::string dict_path = base + ".dict.dz";
  if (!fs::exists(dict_path)) dict_path = base + ".dict";
  Result<std::string> index = ReadMaybeGzip(index_path);
  if (!index.ok()) return index.status();
  Result<std::string> dict = ReadMaybeGzip(dict_path);
  if (!dict.ok()) return dict.status();
  const std::string& body = *dict;

  std::unordered_set<std::uint64_t> seen_offsets;
  std::string_view rest = *index;
  std::size_t line_number = 0;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    // Headwords may hold spaces (and even start with one): the numbers are the last two fields.
    std::size_t tab2 = line.rfind('\t');
    std::size_t tab1 = tab2 == std::string_view::npos || tab2 == 0 ? std::string_view::npos
                                                                   : line.rfind('\t', tab2 - 1);
    std::uint64_t offset = 0, length = 0;
    if (tab1 == std::string_view::npos ||
        !DecodeBase64Number(line.substr(tab1 + 1, tab2 - tab1 - 1), offset) ||
        !DecodeBase64Number(line.substr(tab2 + 1), length)) {
      return Status::Error(ErrorCode::kParse,
                           index_path + ":" + std::to_string(line_number) +
                               ": expected headword<TAB>offset<TAB>length (dictd base 64)");
    }
    if (offset > body.size() || length > body.size() - offset) {
      return Status::Error(ErrorCode::kParse, index_path + ":" + std::to_string(line_number) +
                                                  ": entry lies beyond the end of " + dict_path);
    }
    // Metadata entries ("00databaseinfo", "00-database-url") describe the dictionary.
    if (line.substr(0, 10) == "00database" || line.substr(0, 11) == "00-database") continue;
    if (!seen_offsets.insert(offset).second) continue;
    std::string_view entry(body.data() + offset, length);
    std::string_view headword = Headword(entry.substr(0, entry.find('\n')));
    if (headword.empty()) continue;
    std::string folded_headword = FoldForMatch(headword);
    for (const std::string& translation : EntryTranslations(entry)) {
      std::string folded = FoldForMatch(translation);
      if (invert) {
        AddFolded(std::move(folded), folded_headword);
      } else {
        AddFolded(folded_headword, std::move(folded));
      }
    }
  }
  return Status::Ok();
}

Result<BilingualDictionary> BilingualDictionary::LoadFreeDict(std::string_view source_lang,
                                                              std::string_view target_lang,
                                                              const std::string& dictd_dir) {
  std::string source = FreeDictCode(source_lang), target = FreeDictCode(target_lang);
  std::string forward = "freedict-" + source + "-" + target;
  std::string reverse = "freedict-" + target + "-" + source;
  fs::path dir(dictd_dir);
  BilingualDictionary dictionary;
  bool found = false;
  for (const auto& [name, invert] : {std::pair{forward, false}, std::pair{reverse, true}}) {
    std::string base = (dir / name).string();
    if (!fs::exists(base + ".index")) continue;
    found = true;
    Status status = dictionary.AddDictd(base, invert);
    if (!status.ok()) {
      return status.WithContext("loading the FreeDict dictionary " + name);
    }
  }
  if (!found) {
    return Status::Error(ErrorCode::kNotFound,
                         "no FreeDict dictionary for " + std::string(source_lang) + "-" +
                             std::string(target_lang) + ": neither " + forward + " nor " + reverse +
                             " is installed in " + dictd_dir + " (Debian package dict-" + forward +
                             ")");
  }
  return dictionary;
}

}  // namespace termalign::text
