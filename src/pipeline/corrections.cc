// Corrections to one pair's alignment: the edits, and their two files beside the TMX.
#include "pipeline/corrections.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <utility>

#include "align/beads.h"
#include "text/atomic_file.h"
#include "text/reader.h"

namespace termalign::pipeline {
namespace {

using nlohmann::json;
using text::ErrorCode;
using text::Status;

// Bead files and corrections are a few bytes a sentence: a book of a million sentences has
// some tens of MiB.
constexpr std::size_t kMaxCorrectionsBytes = std::size_t{256} << 20;

// Reads one of the corrections' files. Not through text::ReadInput: that records the file as an
// input of this process, and the same process (run, the review server) replaces it later.
// kNotFound when it does not exist, kIo when it cannot be read or is too large.
text::Result<std::string> ReadOwnFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Status::Error(ErrorCode::kNotFound, path + ": no such file");
  }
  const auto size = std::filesystem::file_size(path, error);
  if (error || size > kMaxCorrectionsBytes) {
    return Status::Error(ErrorCode::kIo, "cannot read " + path + ": " +
                                             (error ? error.message() : "larger than 256 MiB"));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) return Status::Error(ErrorCode::kIo, "cannot read " + path);
  return bytes;
}

Status Refused(const std::string& why) { return Status::Error(ErrorCode::kUsage, why); }

std::string BeadName(std::size_t bead) { return "bead " + std::to_string(bead + 1); }

// "a.en-fr.tmx" -> "a.en-fr" + suffix; a path not ending in ".tmx" keeps its whole name.
std::string Beside(const std::string& tmx_path, const std::string& suffix) {
  constexpr std::string_view kTmx = ".tmx";
  std::string stem = tmx_path;
  if (stem.size() > kTmx.size() && stem.compare(stem.size() - kTmx.size(), kTmx.size(), kTmx) == 0) {
    stem.resize(stem.size() - kTmx.size());
  }
  return stem + suffix;
}

json EditsJson(const std::map<std::size_t, std::string>& edits) {
  json object = json::object();
  for (const auto& [index, text] : edits) object[std::to_string(index)] = text;
  return object;
}

// The edits of one side, each sentence index below `count`. False when damaged.
bool ReadEdits(const json& object, std::size_t count, std::map<std::size_t, std::string>* edits) {
  if (!object.is_object()) return false;
  for (const auto& [key, value] : object.items()) {
    std::size_t used = 0;
    unsigned long long index = 0;
    try {
      index = std::stoull(key, &used);
    } catch (const std::exception&) {
      return false;
    }
    if (used != key.size() || index >= count || !value.is_string()) return false;
    (*edits)[static_cast<std::size_t>(index)] = value.get<std::string>();
  }
  return true;
}

// One line of text as a sentence holds it: white space runs (line breaks too) as one space,
// none at either end, NFC.
text::Result<std::string> SentenceText(const std::string& typed) {
  text::Result<text::NormalizedText> normalized = text::NormalizeText(typed, "the edited text");
  if (!normalized.ok()) return normalized.status();
  std::string line;
  bool space = false;
  for (char c : normalized->text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

}  // namespace

Corrections Corrections::FromAlignment(const align::Alignment& alignment, std::string source_hash,
                                       std::string target_hash) {
  Corrections corrections;
  corrections.source_hash = std::move(source_hash);
  corrections.target_hash = std::move(target_hash);
  corrections.beads = alignment.beads;
  corrections.excluded.assign(alignment.beads.size(), false);
  return corrections;
}

Status Corrections::MergeWithNext(std::size_t bead) {
  if (bead + 1 >= beads.size()) {
    return Refused(BeadName(bead) + " has no next bead to merge with");
  }
  align::Bead& first = beads[bead];
  const align::Bead& next = beads[bead + 1];
  // An empty side takes the next bead's start: the sentences stay in order.
  if (first.source_count == 0) first.source_begin = next.source_begin;
  if (first.target_count == 0) first.target_begin = next.target_begin;
  first.source_count += next.source_count;
  first.target_count += next.target_count;
  first.score = kPersonScore;
  excluded[bead] = excluded[bead] && excluded[bead + 1];
  beads.erase(beads.begin() + static_cast<std::ptrdiff_t>(bead) + 1);
  excluded.erase(excluded.begin() + static_cast<std::ptrdiff_t>(bead) + 1);
  corrected = true;
  return Status::Ok();
}

Status Corrections::Split(std::size_t bead, std::size_t source_first, std::size_t target_first) {
  if (bead >= beads.size()) return Refused(BeadName(bead) + " does not exist");
  const align::Bead whole = beads[bead];
  if (source_first > whole.source_count || target_first > whole.target_count) {
    return Refused(BeadName(bead) + " has " + std::to_string(whole.source_count) + " source and " +
                   std::to_string(whole.target_count) + " target sentences");
  }
  const std::size_t first_size = source_first + target_first;
  const std::size_t rest_size = whole.source_count + whole.target_count - first_size;
  if (first_size == 0 || rest_size == 0) {
    return Refused(BeadName(bead) + ": both parts of a split need a sentence");
  }
  align::Bead first{whole.source_begin, source_first, whole.target_begin, target_first,
                    kPersonScore};
  align::Bead rest{whole.source_begin + source_first, whole.source_count - source_first,
                   whole.target_begin + target_first, whole.target_count - target_first,
                   kPersonScore};
  beads[bead] = first;
  beads.insert(beads.begin() + static_cast<std::ptrdiff_t>(bead) + 1, rest);
  excluded.insert(excluded.begin() + static_cast<std::ptrdiff_t>(bead) + 1, excluded[bead]);
  corrected = true;
  return Status::Ok();
}

Status Corrections::Unlink(std::size_t bead) {
  if (bead >= beads.size()) return Refused(BeadName(bead) + " does not exist");
  const align::Bead whole = beads[bead];
  if (!whole.matched() && whole.source_count + whole.target_count == 1) {
    return Refused(BeadName(bead) + " links nothing");
  }
  std::vector<align::Bead> parts;
  for (std::size_t k = 0; k < whole.source_count; ++k) {
    parts.push_back({whole.source_begin + k, 1, whole.target_begin, 0, kPersonScore});
  }
  for (std::size_t k = 0; k < whole.target_count; ++k) {
    parts.push_back({whole.source_begin + whole.source_count, 0, whole.target_begin + k, 1,
                     kPersonScore});
  }
  const bool was_excluded = excluded[bead];
  beads.erase(beads.begin() + static_cast<std::ptrdiff_t>(bead));
  excluded.erase(excluded.begin() + static_cast<std::ptrdiff_t>(bead));
  beads.insert(beads.begin() + static_cast<std::ptrdiff_t>(bead), parts.begin(), parts.end());
  excluded.insert(excluded.begin() + static_cast<std::ptrdiff_t>(bead), parts.size(),
                  was_excluded);
  corrected = true;
  return Status::Ok();
}

Status Corrections::Exclude(std::size_t bead, bool exclude) {
  if (bead >= beads.size()) return Refused(BeadName(bead) + " does not exist");
  excluded[bead] = exclude;
  corrected = true;
  return Status::Ok();
}

Status Corrections::Edit(bool target_side, std::size_t index, std::size_t sentence_count,
                         const std::string& typed) {
  const std::string side = target_side ? "target" : "source";
  if (index >= sentence_count) {
    return Refused(side + " sentence " + std::to_string(index + 1) + " does not exist");
  }
  text::Result<std::string> line = SentenceText(typed);
  if (!line.ok()) return Refused(line.status().message());
  if (line->empty()) {
    return Refused("the edited text is empty: unlink the sentence or exclude its bead instead");
  }
  (target_side ? target_edits : source_edits)[index] = std::move(line.value());
  corrected = true;
  return Status::Ok();
}

align::Alignment Corrections::Alignment() const { return align::Alignment{beads}; }

align::Alignment Corrections::TmxAlignment() const {
  align::Alignment kept;
  for (std::size_t k = 0; k < beads.size(); ++k) {
    if (!excluded[k]) kept.beads.push_back(beads[k]);
  }
  return kept;
}

void Corrections::ApplyEdits(text::Document* source, text::Document* target) const {
  for (const auto& [index, line] : source_edits) {
    if (index < source->sentences.size()) source->sentences[index].text = line;
  }
  for (const auto& [index, line] : target_edits) {
    if (index < target->sentences.size()) target->sentences[index].text = line;
  }
}

std::string BeadsPathOf(const std::string& tmx_path) { return Beside(tmx_path, ".beads"); }
std::string CorrectionsPathOf(const std::string& tmx_path) {
  return Beside(tmx_path, ".review.json");
}

Status WriteCorrections(const std::string& tmx_path, const Corrections& corrections) {
  json excluded = json::array();
  for (std::size_t k = 0; k < corrections.excluded.size(); ++k) {
    if (corrections.excluded[k]) excluded.push_back(k);
  }
  json document = {{"source_hash", corrections.source_hash},
                   {"target_hash", corrections.target_hash},
                   {"corrected", corrections.corrected},
                   {"excluded", std::move(excluded)},
                   {"source_edits", EditsJson(corrections.source_edits)},
                   {"target_edits", EditsJson(corrections.target_edits)}};
  for (const auto& [path, bytes] :
       {std::pair{BeadsPathOf(tmx_path), align::FormatBeads(corrections.beads, true)},
        std::pair{CorrectionsPathOf(tmx_path), document.dump(1) + "\n"}}) {
    text::AtomicFile file;
    Status status = file.Open(path);
    if (status.ok()) {
      file.Write(bytes);
      status = file.Commit();
    }
    if (!status.ok()) return status.WithContext("writing " + path);
  }
  return Status::Ok();
}

text::Result<Corrections> ReadCorrections(const std::string& tmx_path,
                                          const CorrectedDocuments& documents) {
  const std::size_t source_count = documents.source_count;
  const std::size_t target_count = documents.target_count;
  const std::string json_path = CorrectionsPathOf(tmx_path);
  text::Result<std::string> bytes = ReadOwnFile(json_path);
  if (!bytes.ok()) return bytes.status();
  const auto damaged = [&](const std::string& why) {
    return Status::Error(ErrorCode::kParse, json_path + ": " + why);
  };
  json document = json::parse(*bytes, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return damaged("not a JSON object");
  Corrections corrections;
  if (!document.value("source_hash", json()).is_string() ||
      !document.value("target_hash", json()).is_string() ||
      !document.value("corrected", json()).is_boolean()) {
    return damaged("no source_hash, target_hash or corrected");
  }
  corrections.source_hash = document["source_hash"].get<std::string>();
  corrections.target_hash = document["target_hash"].get<std::string>();
  corrections.corrected = document["corrected"].get<bool>();
  if ((!documents.source_hash.empty() && documents.source_hash != corrections.source_hash) ||
      (!documents.target_hash.empty() && documents.target_hash != corrections.target_hash)) {
    return damaged("the documents changed since they were aligned");
  }
  if (!ReadEdits(document.value("source_edits", json::object()), source_count,
                 &corrections.source_edits) ||
      !ReadEdits(document.value("target_edits", json::object()), target_count,
                 &corrections.target_edits)) {
    return damaged("an edit names no sentence of the documents");
  }

  text::Result<std::string> bead_bytes = ReadOwnFile(BeadsPathOf(tmx_path));
  if (!bead_bytes.ok()) return bead_bytes.status();
  text::Result<std::vector<align::Bead>> beads =
      align::ParseBeads(*bead_bytes, BeadsPathOf(tmx_path));
  if (!beads.ok()) return beads.status();
  Status covered = align::CheckCoverage(*beads, source_count, target_count);
  if (!covered.ok()) {
    return Status::Error(ErrorCode::kParse, BeadsPathOf(tmx_path) +
                                                ": the beads do not cover the documents: " +
                                                covered.message());
  }
  corrections.beads = std::move(beads.value());
  corrections.excluded.assign(corrections.beads.size(), false);
  const json& excluded = document.value("excluded", json::array());
  if (!excluded.is_array()) return damaged("excluded is not a list");
  for (const json& k : excluded) {
    if (!k.is_number_unsigned() || k.get<std::size_t>() >= corrections.beads.size()) {
      return damaged("an excluded bead is out of range");
    }
    corrections.excluded[k.get<std::size_t>()] = true;
  }
  return corrections;
}

}  // namespace termalign::pipeline
