// Finding and pairing the documents of a corpus folder.
#include "pipeline/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

#include "text/lang_guess.h"

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

}  // namespace

bool ParseDocumentName(std::string_view file_name, std::string* name, std::string* lang) {
  if (file_name.size() <= 4 || file_name.substr(file_name.size() - 4) != ".txt") return false;
  std::string_view stem = file_name.substr(0, file_name.size() - 4);
  std::size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string tag = Lower(stem.substr(dot + 1));
  std::string primary = tag.substr(0, tag.find_first_of("-_"));
  if (primary.size() < 2 || primary.size() > 3 || !IsLower(primary)) return false;
  if (primary != tag) {
    std::string region = tag.substr(primary.size() + 1);
    if (region.size() < 2 || region.size() > 4) return false;
  }
  *name = std::string(stem.substr(0, dot));
  *lang = primary;
  return true;
}

text::Result<Corpus> ScanCorpus(const std::string& folder, std::string_view source_lang,
                                std::string_view target_lang) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  if (error) {
    return text::Status::Error(text::ErrorCode::kIo,
                               "reading the folder " + folder + ": " + error.message());
  }
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : it) {
    std::string file_name = entry.path().filename().string();
    if (file_name.empty() || file_name[0] == '.') continue;
    if (!entry.is_regular_file(error) || entry.path().extension() != ".txt") continue;
    files.push_back(file_name);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    return text::Status::Error(text::ErrorCode::kIo,
                               "no .txt document in " + folder +
                                   " (name them NAME.LANG.txt, e.g. report.en.txt)");
  }

  Corpus corpus;
  for (const std::string& file_name : files) {
    CorpusDocument document;
    document.file_name = file_name;
    document.path = (fs::path(folder) / file_name).string();
    if (!ParseDocumentName(file_name, &document.name, &document.lang)) {
      document.name = file_name.substr(0, file_name.size() - 4);
      document.lang = text::GuessLanguage(ReadHead(document.path, 65536));
      document.lang_guessed = true;
      if (document.lang == "und") {
        corpus.warnings.push_back(document.path +
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

  // name -> first document in each of the two languages.
  std::map<std::string, std::pair<long, long>> by_name;
  std::vector<bool> paired(corpus.documents.size(), false);
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    const CorpusDocument& document = corpus.documents[i];
    auto& slots = by_name.try_emplace(document.name, -1, -1).first->second;
    long* slot = document.lang == source_lang   ? &slots.first
                 : document.lang == target_lang ? &slots.second
                                                : nullptr;
    if (slot == nullptr) continue;
    if (*slot >= 0) {
      corpus.warnings.push_back(document.path + ": a second " + document.lang +
                                " document named '" + document.name + "' (after " +
                                corpus.documents[*slot].file_name + "); treated as monolingual");
      continue;
    }
    *slot = static_cast<long>(i);
  }
  for (const auto& [name, slots] : by_name) {
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
