// A run's output folder seen again: run.json, the pairs, each pair with its corrections.
#include "pipeline/run_pairs.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "formats/srx.h"
#include "glossary/termbase.h"
#include "pipeline/corpus.h"
#include "pipeline/manifest.h"
#include "text/atomic_file.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using text::ErrorCode;
using text::Status;

// The longest file name Linux file systems take (NAME_MAX).
constexpr std::size_t kMaxFileName = 255;
// Room left for what text::AtomicFile appends to its temporary file: ".tmp.<pid>.<counter>",
// and for the corrections beside the TMX, whose longest suffix ".review.json" is 8 bytes
// longer than ".tmx".
constexpr std::size_t kTempSuffixRoom = 32 + 8;
// run.json is a few hundred bytes; anything much larger is not one.
constexpr std::size_t kMaxRecordBytes = 1 << 20;

std::string RecordPath(const std::string& out_dir) {
  return (fs::path(out_dir) / kRunRecordName).string();
}

// `path` made absolute and normal; as it is when that fails.
std::string Absolute(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

}  // namespace

Status WriteRunRecord(const RunOptions& options, const std::string& segmentation_rules) {
  json record = {{"corpus", Absolute(options.corpus_dir)},
                 {"srx", segmentation_rules.empty() ? std::string() : Absolute(segmentation_rules)},
                 {"source_lang", options.source_lang},
                 {"target_lang", options.target_lang},
                 {"glossary", options.build_glossary},
                 {"dictionaries", options.use_dictionaries},
                 {"spelling", options.spelling},
                 {"follow_symlinks", options.follow_symlinks},
                 {"weak_below", options.weak_below}};
  const std::string path = RecordPath(options.out_dir);
  text::AtomicFile file;
  Status status = file.Open(path);
  if (status.ok()) {
    // A corpus path that is no UTF-8 is kept byte for byte as \u escapes would not be.
    file.Write(record.dump(1, ' ', false, json::error_handler_t::ignore) + "\n");
    status = file.Commit();
  }
  return status.ok() ? status : status.WithContext("writing " + path);
}

text::Result<RunOptions> ReadRunRecord(const std::string& out_dir) {
  const std::string path = RecordPath(out_dir);
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    return Status::Error(ErrorCode::kNotFound,
                         path + ": no such file (the folder was not written by 'termalign run', "
                                "or by an older version: run it again)");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes;
  bytes.resize(kMaxRecordBytes);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  json record = json::parse(bytes, nullptr, false);
  const auto is = [&](const char* key, json::value_t type) {
    return record.is_object() && record.contains(key) && record[key].type() == type;
  };
  if (!is("corpus", json::value_t::string) || !is("source_lang", json::value_t::string) ||
      !is("target_lang", json::value_t::string) || !is("glossary", json::value_t::boolean) ||
      !is("dictionaries", json::value_t::boolean) || !is("spelling", json::value_t::boolean) ||
      !is("follow_symlinks", json::value_t::boolean) || !record.contains("weak_below") ||
      !record["weak_below"].is_number()) {
    return Status::Error(ErrorCode::kParse, path + ": damaged (run 'termalign run' again)");
  }
  RunOptions options;
  options.corpus_dir = record["corpus"].get<std::string>();
  options.out_dir = out_dir;
  options.source_lang = record["source_lang"].get<std::string>();
  options.target_lang = record["target_lang"].get<std::string>();
  options.build_glossary = record["glossary"].get<bool>();
  options.use_dictionaries = record["dictionaries"].get<bool>();
  options.spelling = record["spelling"].get<bool>();
  options.follow_symlinks = record["follow_symlinks"].get<bool>();
  options.weak_below = record["weak_below"].get<double>();
  // A record written before the rules were recorded: the built-in ones.
  if (record.contains("srx") && record["srx"].is_string()) {
    options.srx_path = record["srx"].get<std::string>();
  }
  options.revise = true;
  return options;
}

std::string PairTmxName(const std::string& name, const std::string& source_lang,
                        const std::string& target_lang) {
  const std::string suffix = "." + source_lang + "-" + target_lang + ".tmx";
  std::string file = name + suffix;
  if (file.size() + kTempSuffixRoom <= kMaxFileName) return file;
  std::string hash = "~" + glossary::ContentHash(name).substr(0, 8);
  std::size_t keep = kMaxFileName - kTempSuffixRoom - suffix.size() - hash.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return name.substr(0, keep) + hash + suffix;
}

text::Result<std::vector<RunPair>> ListRunPairs(const RunOptions& options) {
  ScanOptions scan;
  scan.follow_symlinks = options.follow_symlinks;
  text::Result<Corpus> corpus =
      OpenCorpus(options.corpus_dir, options.source_lang, options.target_lang, scan);
  if (!corpus.ok()) return corpus.status();
  std::vector<RunPair> pairs;
  for (const CorpusPair& pair : corpus->pairs) {
    const CorpusDocument& source = corpus->documents[pair.source];
    const CorpusDocument& target = corpus->documents[pair.target];
    RunPair entry;
    entry.name = DisplayName(source.name);
    entry.source_path = source.path;
    entry.target_path = target.path;
    entry.source_lang = source.lang;
    entry.target_lang = target.lang;
    entry.tmx_path = (fs::path(options.out_dir) / "tmx" /
                      PairTmxName(source.name, options.source_lang, options.target_lang))
                         .string();
    entry.srx_path = options.srx_path;
    pairs.push_back(std::move(entry));
  }
  return pairs;
}

text::Result<Corrections> KeptCorrections(const std::string& tmx_path,
                                          const LoadedDocument& source,
                                          const LoadedDocument& target) {
  return ReadCorrections(tmx_path,
                         {source.content_hash, target.content_hash,
                          source.document.sentences.size(), target.document.sentences.size()});
}

text::Result<ReviewedPair> LoadRunPair(const RunPair& pair) {
  std::shared_ptr<const text::SrxRules> rules;
  if (!pair.srx_path.empty()) {
    text::Result<std::shared_ptr<const text::SrxRules>> loaded =
        formats::LoadSrxRules(pair.srx_path);
    if (!loaded.ok()) {
      return loaded.status().WithContext("reading the segmentation rules " + pair.srx_path);
    }
    rules = std::move(loaded.value());
  }
  const Segmentation segmentation{false, rules.get()};
  text::Result<LoadedDocument> source =
      LoadDocument(pair.source_path, pair.source_lang, segmentation);
  if (!source.ok()) return source.status();
  text::Result<LoadedDocument> target =
      LoadDocument(pair.target_path, pair.target_lang, segmentation);
  if (!target.ok()) return target.status();
  text::Result<Corrections> kept = KeptCorrections(pair.tmx_path, *source, *target);
  if (!kept.ok()) {
    if (kept.status().code() != ErrorCode::kNotFound) return kept.status();
    return Status::Error(ErrorCode::kNotFound,
                         pair.name + ": the run kept no beads beside " + pair.tmx_path +
                             " (run 'termalign run' again)");
  }
  ReviewedPair reviewed{std::move(source.value()), std::move(target.value()),
                        std::move(kept.value())};
  return reviewed;
}

text::Result<RunResult> ReviseRun(const std::string& out_dir) {
  text::Result<RunOptions> options = ReadRunRecord(out_dir);
  if (!options.ok()) return options.status();
  text::ForgetInputs();
  text::Result<RunResult> result = RunCorpus(*options);
  if (!result.ok()) return result.status();
  if (!result->errors.empty()) {
    return Status::Error(ErrorCode::kIo, "rewriting the outputs: " + result->errors.front());
  }
  return result;
}

}  // namespace termalign::pipeline
