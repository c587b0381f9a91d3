// Finding and pairing the documents of a corpus folder.
#include "pipeline/corpus.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <system_error>

#include "formats/document_text.h"
#include "text/lang_guess.h"
#include "text/lang_tag.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;

bool IsLower(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ReadHead(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string head(max_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(max_bytes));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// The length of the UTF-8 sequence at `pos` and its code point, or 0 when it is not one.
std::size_t Utf8Sequence(std::string_view s, std::size_t pos, char32_t* code_point) {
  unsigned char lead = static_cast<unsigned char>(s[pos]);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                     : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || pos + length > s.size()) return 0;
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    unsigned char next = static_cast<unsigned char>(s[pos + i]);
    if ((next & 0xC0) != 0x80) return 0;
    value = (value << 6) | (next & 0x3F);
  }
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};  // no overlong forms
  if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *code_point = value;
  return length;
}

void AppendHex(std::string* out, unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
  *out += buffer;
}

// What kind of non-regular file `status` describes, for a message.
std::string KindOf(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::character:
    case fs::file_type::block:
      return "a device";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::not_found:
      return "a dangling symbolic link";
    default:
      return "not a regular file";
  }
}

// Whether `path` (absolute, normal) lies inside `folder` (absolute, normal).
bool Inside(const fs::path& path, const fs::path& folder) {
  auto [end, ignored] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

// The extensions of the documents a corpus folder may hold (formats/document_text.h). RTF is
// one, though not read: the document is named with what to do, as one that fails to read.
constexpr std::string_view kDocumentExtensions[] = {".txt", ".docx", ".odt", ".html", ".htm",
                                                    ".xhtml", ".pdf", ".rtf"};

// The extensions of the bilingual files a corpus folder may hold.
constexpr std::string_view kBilingualExtensions[] = {".xlf", ".xliff", ".sdlxliff", ".mqxliff",
                                                     ".po"};

bool HasBilingualExtension(std::string_view file_name) {
  for (std::string_view ext : kBilingualExtensions) {
    if (file_name.size() > ext.size() &&
        Lower(file_name.substr(file_name.size() - ext.size())) == ext) {
      return true;
    }
  }
  return false;
}

// The extension of `file_name` when it is a document's, else "".
std::string_view DocumentExtension(std::string_view file_name) {
  for (std::string_view ext : kDocumentExtensions) {
    if (file_name.size() > ext.size() &&
        Lower(file_name.substr(file_name.size() - ext.size())) == ext) {
      return ext;
    }
  }
  return {};
}

// The document entries of `folder` that are files to read, by file name; the others reported.
text::Result<std::vector<std::string>> ListTextFiles(const std::string& folder,
                                                     const ScanOptions& options, Corpus* corpus) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  if (error) {
    return text::Status::Error(text::ErrorCode::kIo,
                               "reading the folder " + folder + ": " + error.message());
  }
  fs::path root = fs::weakly_canonical(folder, error);
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : it) {
    std::string file_name = entry.path().filename().string();
    if (file_name.empty() || file_name[0] == '.' || file_name == kCorpusSrxName) continue;
    std::string shown = DisplayName(entry.path().string());
    if (DocumentExtension(file_name).empty() && !HasBilingualExtension(file_name)) {
      if (entry.is_regular_file(error)) {
        corpus->warnings.push_back(shown + ": skipped: not a document termalign reads (give "
                                           ".txt, .docx, .odt, .html or .pdf files, or XLIFF "
                                           "and PO files)");
      }
      continue;
    }
    fs::file_status status = entry.status(error);  // follows a symbolic link
    if (status.type() != fs::file_type::regular) {
      corpus->errors.push_back(shown + ": skipped: " + KindOf(status) + ", not a text file");
      continue;
    }
    if (entry.is_symlink(error) && !options.follow_symlinks) {
      fs::path target = fs::canonical(entry.path(), error);
      if (error || !Inside(target, root)) {
        corpus->warnings.push_back(shown + ": skipped: a symbolic link leading out of the corpus "
                                           "folder (to " +
                                   DisplayName(target.string()) +
                                   "); give --follow-symlinks to read it");
        continue;
      }
    }
    files.push_back(file_name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::string DisplayName(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    char32_t code_point = 0;
    std::size_t length = Utf8Sequence(bytes, pos, &code_point);
    if (length == 0) {
      AppendHex(&out, static_cast<unsigned char>(bytes[pos++]));
      continue;
    }
    if (code_point == '\n') {
      out += "\\n";
    } else if (code_point == '\t') {
      out += "\\t";
    } else if (code_point == '\r') {
      out += "\\r";
    } else if (code_point == '\\') {
      out += "\\\\";
    } else if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) {
      for (std::size_t i = 0; i < length; ++i) {
        AppendHex(&out, static_cast<unsigned char>(bytes[pos + i]));
      }
    } else {
      out.append(bytes.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

bool ParseDocumentName(std::string_view file_name, std::string* name, std::string* lang,
                       std::string* tag) {
  std::string_view ext = DocumentExtension(file_name);
  if (ext.empty()) return false;
  std::string_view stem = file_name.substr(0, file_name.size() - ext.size());
  std::size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  text::Result<text::LangTag> parsed = text::LangTag::ParseLoose(stem.substr(dot + 1));
  if (!parsed.ok()) return false;
  // Only an ISO 639 code (two or three letters) names a language here: BCP 47 also allows
  // registered languages of five to eight letters, which would read "notes.draft.txt" as one.
  std::string_view primary = parsed->language();
  if (primary.size() < 2 || primary.size() > 3 || !IsLower(primary)) return false;
  *name = std::string(stem.substr(0, dot));
  *lang = std::string(primary);
  if (tag != nullptr) *tag = text::LangTagKey(parsed->str());
  return true;
}

std::string PairableLanguage(const std::string& folder, std::string_view source_lang,
                             std::string_view preferred) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return {};
  std::map<std::string, std::set<std::string>> names_by_lang;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::string name, lang;
    if (ParseDocumentName(it->path().filename().string(), &name, &lang)) {
      names_by_lang[lang].insert(name);
    }
  }
  auto source = names_by_lang.find(std::string(source_lang));
  if (source == names_by_lang.end()) return {};
  auto shared = [&](const std::set<std::string>& names) {
    return std::count_if(names.begin(), names.end(),
                         [&](const std::string& name) { return source->second.count(name) > 0; });
  };
  std::string best;
  long best_shared = 0;
  for (const auto& [lang, names] : names_by_lang) {
    if (lang == source_lang) continue;
    const long count = shared(names);
    if (lang == preferred && count > 0) return {};
    if (count > best_shared) {
      best = lang;
      best_shared = count;
    }
  }
  return best;
}

text::Result<Corpus> ScanCorpus(const std::string& folder, std::string_view source_lang,
                                std::string_view target_lang, const ScanOptions& options) {
  Corpus corpus;
  text::Result<std::vector<std::string>> files = ListTextFiles(folder, options, &corpus);
  if (!files.ok()) return files.status();
  if (files->empty() && corpus.errors.empty() && corpus.warnings.empty()) {
    return text::Status::Error(text::ErrorCode::kIo,
                               "no document in " + folder +
                                   " (name them NAME.LANG.EXT, e.g. report.en.txt or "
                                   "manual.fr.docx; .txt, .docx, .odt, .html and .pdf are read)");
  }

  for (const std::string& file_name : *files) {
    CorpusDocument document;
    document.file_name = file_name;
    document.display_name = DisplayName(file_name);
    document.path = (fs::path(folder) / file_name).string();
    document.display_path = DisplayName(document.path);
    // By content: an XLIFF or PO file is bilingual whatever its name says.
    formats::Format format = formats::DetectFormat(ReadHead(document.path, 4096), file_name);
    if (format == formats::Format::kXliff || format == formats::Format::kPo) {
      corpus.bilingual.push_back(
          {document.path, file_name, document.display_name, document.display_path});
      continue;
    }
    if (format == formats::Format::kTmx) {
      corpus.warnings.push_back(document.display_path +
                                ": skipped: a TMX file; run reads documents, XLIFF and PO "
                                "(give it to 'glossary build --tmx' or 'qa')");
      continue;
    }
    if (HasBilingualExtension(file_name)) {
      corpus.warnings.push_back(document.display_path + ": skipped: named like XLIFF or PO, but " +
                                "its content is " + std::string(formats::ToString(format)));
      continue;
    }
    if (!ParseDocumentName(file_name, &document.name, &document.lang, &document.tag)) {
      if (format == formats::Format::kRtf) {
        // Renaming would not help: say what would.
        corpus.errors.push_back(
            formats::ExtractText({}, format, document.display_path).status().message());
        continue;
      }
      std::string_view ext = DocumentExtension(file_name);
      if (ext != ".txt") {
        corpus.warnings.push_back(document.display_path +
                                  ": skipped: no language in its name; rename it NAME.LANG" +
                                  std::string(ext));
        continue;
      }
      document.name = file_name.substr(0, file_name.size() - ext.size());
      document.lang = text::GuessLanguage(ReadHead(document.path, 65536));
      document.lang_guessed = true;
      if (document.lang == "und") {
        corpus.warnings.push_back(document.display_path +
                                  ": skipped: its language could not be guessed; rename it "
                                  "NAME.LANG.txt");
        continue;
      }
    }
    corpus.documents.push_back(std::move(document));
  }
  std::stable_sort(corpus.documents.begin(), corpus.documents.end(),
                   [](const CorpusDocument& a, const CorpusDocument& b) {
                     return a.name != b.name ? a.name < b.name : a.lang < b.lang;
                   });

  // name -> the documents in each of the two languages, in file name order.
  std::map<std::string, std::pair<std::vector<long>, std::vector<long>>> by_name;
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    const CorpusDocument& document = corpus.documents[i];
    auto& sides = by_name[document.name];
    if (document.lang == source_lang) {
      sides.first.push_back(static_cast<long>(i));
    } else if (document.lang == target_lang) {
      sides.second.push_back(static_cast<long>(i));
    }
  }
  auto exact = [&](long index) {
    const CorpusDocument& document = corpus.documents[index];
    return document.tag.empty() || document.tag == document.lang;
  };
  // The document of one side to pair: the first whose tag is exactly the language ("t.en" over
  // "t.en-GB"), else the first; each other one is reported. -1 when the side is empty.
  auto choose = [&](const std::vector<long>& candidates) -> long {
    if (candidates.empty()) return -1;
    auto found = std::find_if(candidates.begin(), candidates.end(), exact);
    long chosen = found != candidates.end() ? *found : candidates.front();
    const CorpusDocument& kept = corpus.documents[chosen];
    for (long other : candidates) {
      if (other == chosen) continue;
      corpus.warnings.push_back(
          corpus.documents[other].display_path + ": a second " + kept.lang +
          " document named '" + DisplayName(kept.name) + "' (" + kept.display_name +
          (exact(chosen) && !exact(other) ? ", whose tag is exactly '" + kept.lang + "', is paired"
                                          : " is paired") +
          "); treated as monolingual");
    }
    return chosen;
  };
  std::map<std::string, std::pair<long, long>> chosen;
  for (const auto& [name, sides] : by_name) {
    chosen[name] = {choose(sides.first), choose(sides.second)};
  }
  std::vector<bool> paired(corpus.documents.size(), false);
  for (const auto& [name, slots] : chosen) {
    if (slots.first < 0 || slots.second < 0) continue;
    corpus.pairs.push_back({static_cast<std::size_t>(slots.first),
                            static_cast<std::size_t>(slots.second)});
    paired[slots.first] = paired[slots.second] = true;
  }
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    if (!paired[i]) corpus.monolingual.push_back(i);
  }
  return corpus;
}

}  // namespace termalign::pipeline
