// The map and reduce steps of a corpus workflow: `run`'s per-pair and corpus-wide work, one
// process per step, meeting through files under the output folder.
#include "pipeline/corpus_steps.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>

#include "formats/srx.h"
#include "glossary/termbase.h"
#include "pair_steps.h"
#include "pipeline/corpus.h"
#include "pipeline/corrections.h"
#include "pipeline/dictionaries.h"
#include "pipeline/jobs.h"
#include "pipeline/manifest.h"
#include "pipeline/run.h"
#include "pipeline/run_pairs.h"
#include "qa/accepted.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "reduce_steps.h"
#include "text/atomic_file.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using text::ErrorCode;
using text::Status;

// The bytes of a file read whole, or nullopt when it cannot be read. Not recorded as an input
// (text::RecordInput): the steps read their own records and beads before rewriting them.
std::optional<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return bytes.str();
}

// The content hash of a file's bytes; "" when it cannot be read.
std::string HashOfFile(const std::string& path) {
  std::optional<std::string> bytes = ReadBytes(path);
  return bytes ? glossary::ContentHash(*bytes) : std::string();
}

// A record read back; nullopt when it is missing or damaged (then the step runs again).
std::optional<json> ReadRecord(const std::string& path) {
  std::optional<std::string> bytes = ReadBytes(path);
  if (!bytes) return std::nullopt;
  json record = json::parse(*bytes, nullptr, false);
  if (!record.is_object()) return std::nullopt;
  return record;
}

Status WriteText(const std::string& path, const std::string& text) {
  std::error_code error;
  fs::create_directories(fs::path(path).parent_path(), error);
  text::AtomicFile file;
  Status status = file.Open(path);
  if (status.ok()) {
    file.Write(text);
    status = file.Commit();
  }
  return status.ok() ? status : status.WithContext("writing " + path);
}

Status WriteRecord(const std::string& path, const json& record) {
  return WriteText(path, record.dump(1, ' ', false, json::error_handler_t::replace) + "\n");
}

// A key made of what a file name and a workflow manager's wildcard take without quoting.
std::string SafeKey(const std::string& tmx_name) {
  std::string key = tmx_name.substr(0, tmx_name.size() - 4);  // without ".tmx"
  bool plain = !key.empty() && key[0] != '.' && key[0] != '-';
  for (char c : key) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '+' || c == '-';
    if (!allowed) plain = false;
  }
  return plain ? key : "pair-" + glossary::ContentHash(key);
}

std::string BitextPath(const std::string& out_dir, const std::string& key) {
  return (fs::path(out_dir) / "work" / "map" / (key + ".bitext.jsonl")).string();
}
std::string FindingsPath(const std::string& out_dir, const std::string& key) {
  return (fs::path(out_dir) / "work" / "check" / (key + ".qa.jsonl")).string();
}
std::string GlossaryRecordPath(const std::string& out_dir) {
  return (fs::path(out_dir) / "work" / "glossary.json").string();
}
// The pair's page, relative to the output folder (the index links to it).
std::string PagePath(const std::string& key) { return "pages/" + key + ".html"; }

// A bitext as JSON Lines: its documents, then one [source, target, score, source_count,
// target_count, source_index, target_index] per sentence pair. Scores keep every digit.
std::string RenderBitext(const glossary::BitextInput& bitext) {
  const auto document = [](const glossary::DocumentRecord& record) {
    return json{{"name", record.name}, {"lang", record.lang}, {"hash", record.content_hash}};
  };
  std::string out =
      json{{"source", document(bitext.source_document)},
           {"target", document(bitext.target_document)}}
          .dump(-1, ' ', false, json::error_handler_t::replace) +
      "\n";
  for (const text::SentencePair& pair : bitext.pairs) {
    out += json::array({pair.source, pair.target, pair.score, pair.source_count,
                        pair.target_count, pair.source_index, pair.target_index})
               .dump(-1, ' ', false, json::error_handler_t::replace) +
           "\n";
  }
  return out;
}

text::Result<glossary::BitextInput> ReadBitext(const std::string& path) {
  std::optional<std::string> bytes = ReadBytes(path);
  if (!bytes) {
    return Status::Error(ErrorCode::kIo, path + ": no such file (run the map step again)");
  }
  const Status damaged =
      Status::Error(ErrorCode::kParse, path + ": damaged (run the map step again)");
  std::istringstream lines(*bytes);
  std::string line;
  glossary::BitextInput bitext;
  bool first = true;
  while (std::getline(lines, line)) {
    json value = json::parse(line, nullptr, false);
    if (first) {
      first = false;
      if (!value.is_object() || !value.contains("source") || !value.contains("target")) {
        return damaged;
      }
      for (auto [side, record] : {std::pair{"source", &bitext.source_document},
                                  std::pair{"target", &bitext.target_document}}) {
        const json& document = value[side];
        if (!document.is_object() || !document.value("name", json()).is_string() ||
            !document.value("lang", json()).is_string() ||
            !document.value("hash", json()).is_string()) {
          return damaged;
        }
        record->name = document["name"].get<std::string>();
        record->lang = document["lang"].get<std::string>();
        record->content_hash = document["hash"].get<std::string>();
      }
      continue;
    }
    if (!value.is_array() || value.size() != 7 || !value[0].is_string() ||
        !value[1].is_string() || !value[2].is_number() || !value[3].is_number_integer() ||
        !value[4].is_number_integer() || !value[5].is_number_unsigned() ||
        !value[6].is_number_unsigned()) {
      return damaged;
    }
    text::SentencePair pair;
    pair.source = value[0].get<std::string>();
    pair.target = value[1].get<std::string>();
    pair.score = value[2].get<double>();
    pair.source_count = value[3].get<int>();
    pair.target_count = value[4].get<int>();
    pair.source_index = value[5].get<std::size_t>();
    pair.target_index = value[6].get<std::size_t>();
    bitext.pairs.push_back(std::move(pair));
  }
  if (first) return damaged;
  return bitext;
}

json BeadsJson(const align::Alignment& alignment) {
  json beads = json::array();
  for (const align::Bead& bead : alignment.beads) {
    beads.push_back(json::array(
        {bead.source_begin, bead.source_count, bead.target_begin, bead.target_count, bead.score}));
  }
  return beads;
}

// Gives `alignment` the exact scores `beads` (BeadsJson) holds, where both have the same beads:
// the beads kept beside a TMX carry scores to three decimals, the map step's record every digit.
void RestoreScores(const json& beads, align::Alignment* alignment) {
  if (!beads.is_array() || beads.size() != alignment->beads.size()) return;
  for (std::size_t k = 0; k < beads.size(); ++k) {
    const json& bead = beads[k];
    align::Bead& ours = alignment->beads[k];
    if (!bead.is_array() || bead.size() != 5 || !bead[4].is_number()) return;
    if (bead[0] != ours.source_begin || bead[1] != ours.source_count ||
        bead[2] != ours.target_begin || bead[3] != ours.target_count) {
      return;
    }
  }
  for (std::size_t k = 0; k < beads.size(); ++k) {
    alignment->beads[k].score = beads[k][4].get<double>();
  }
}

std::vector<std::string> Strings(const json& record, const char* key) {
  std::vector<std::string> out;
  if (!record.contains(key) || !record[key].is_array()) return out;
  for (const json& value : record[key]) {
    if (value.is_string()) out.push_back(value.get<std::string>());
  }
  return out;
}

json CoverageJson(const qa::Coverage& coverage) {
  return json{{"beads", coverage.beads},
              {"matched_beads", coverage.matched_beads},
              {"source_sentences", coverage.source_sentences},
              {"target_sentences", coverage.target_sentences},
              {"source_matched", coverage.source_matched},
              {"target_matched", coverage.target_matched},
              {"source_chars", coverage.source_chars},
              {"target_chars", coverage.target_chars},
              {"source_matched_chars", coverage.source_matched_chars},
              {"target_matched_chars", coverage.target_matched_chars}};
}

qa::Coverage CoverageFrom(const json& value) {
  qa::Coverage coverage;
  if (!value.is_object()) return coverage;
  const auto get = [&](const char* key) {
    return value.contains(key) && value[key].is_number_unsigned() ? value[key].get<std::size_t>()
                                                                  : std::size_t{0};
  };
  coverage.beads = get("beads");
  coverage.matched_beads = get("matched_beads");
  coverage.source_sentences = get("source_sentences");
  coverage.target_sentences = get("target_sentences");
  coverage.source_matched = get("source_matched");
  coverage.target_matched = get("target_matched");
  coverage.source_chars = get("source_chars");
  coverage.target_chars = get("target_chars");
  coverage.source_matched_chars = get("source_matched_chars");
  coverage.target_matched_chars = get("target_matched_chars");
  return coverage;
}

// One corpus opened for a step: its items, its rules, the per-pair steps.
class CorpusSteps {
 public:
  explicit CorpusSteps(const CorpusStepOptions& options)
      : options_(options), dictionaries_(options.use_dictionaries, options.warn) {}

  // Reads the corpus and the segmentation rules, and lists the items.
  Status Open(bool revise, bool write) {
    ScanOptions scan;
    scan.follow_symlinks = options_.follow_symlinks;
    text::Result<Corpus> corpus =
        OpenCorpus(options_.corpus, options_.source_lang, options_.target_lang, scan);
    if (!corpus.ok()) return corpus.status();
    corpus_ = std::move(corpus.value());
    std::string path = options_.srx_path;
    if (path.empty()) {
      fs::path in_corpus = fs::path(options_.corpus) / kCorpusSrxName;
      std::error_code error;
      if (fs::is_regular_file(in_corpus, error)) path = in_corpus.string();
    }
    if (!path.empty()) {
      text::Result<std::shared_ptr<const text::SrxRules>> rules = formats::LoadSrxRules(path);
      if (!rules.ok()) {
        return rules.status().WithContext("reading the segmentation rules " + DisplayName(path));
      }
      srx_ = std::move(rules.value());
      srx_path_ = path;
    }
    PairSettings settings;
    settings.out_dir = options_.out_dir;
    settings.source_lang = options_.source_lang;
    settings.target_lang = options_.target_lang;
    settings.revise = revise;
    settings.write = write;
    settings.bitext = write;
    settings.trace = options_.trace;
    steps_.emplace(std::move(settings), &dictionaries_, srx_.get());
    for (const CorpusPair& pair : corpus_.pairs) {
      const CorpusDocument& source = corpus_.documents[pair.source];
      const CorpusDocument& target = corpus_.documents[pair.target];
      items_.push_back(CorpusItem{
          SafeKey(PairTmxName(source.name, options_.source_lang, options_.target_lang)), "pair",
          DisplayName(source.name), {source.path, target.path}});
    }
    for (const CorpusBilingual& file : corpus_.bilingual) {
      items_.push_back(CorpusItem{
          SafeKey(PairTmxName(file.file_name, options_.source_lang, options_.target_lang)),
          "bilingual", file.display_name, {file.path}});
    }
    return Status::Ok();
  }

  // The items a map step handles (pairs, bilingual files), in corpus order.
  const std::vector<CorpusItem>& items() const { return items_; }
  const Corpus& corpus() const { return corpus_; }
  const PairSteps& steps() const { return *steps_; }
  Dictionaries& dictionaries() { return dictionaries_; }
  const std::string& srx_path() const { return srx_path_; }

  // The index of the item `key`, or kUsage.
  text::Result<std::size_t> Find(const std::string& key) const {
    for (std::size_t k = 0; k < items_.size(); ++k) {
      if (items_[k].key == key) return k;
    }
    return Status::Error(ErrorCode::kUsage,
                         "no document pair or bilingual file of " + DisplayName(options_.corpus) +
                             " has the key '" + DisplayName(key) +
                             "' (see 'termalign corpus list')");
  }

  // Item k through the map step (as PairSteps was set up).
  PairOutcome Map(std::size_t k) const {
    if (k < corpus_.pairs.size()) return steps_->MapPair(corpus_, corpus_.pairs[k]);
    return steps_->MapBilingual(corpus_.bilingual[k - corpus_.pairs.size()]);
  }

  // What decides item k's map outputs: its files' bytes and the settings.
  std::string Stamp(std::size_t k) const {
    std::string basis = items_[k].kind + "\n" + options_.source_lang + "\n" +
                        options_.target_lang + "\n" + (options_.use_dictionaries ? "dict" : "") +
                        "\n" + (srx_path_.empty() ? "" : HashOfFile(srx_path_)) + "\n";
    for (const std::string& input : items_[k].inputs) basis += HashOfFile(input) + "\n";
    return glossary::ContentHash(basis);
  }

  // The map records of every item, in order; kNotFound naming the first missing one.
  text::Result<std::vector<json>> MapRecords() const {
    std::vector<json> records;
    for (const CorpusItem& item : items_) {
      std::optional<json> record = ReadRecord(MapRecordPath(options_.out_dir, item.key));
      if (!record) {
        return Status::Error(ErrorCode::kIo,
                             MapRecordPath(options_.out_dir, item.key) +
                                 ": no such file (run the map step of " + item.name + " first)");
      }
      records.push_back(std::move(*record));
    }
    return records;
  }

 private:
  const CorpusStepOptions& options_;
  Dictionaries dictionaries_;
  Corpus corpus_;
  std::shared_ptr<const text::SrxRules> srx_;
  std::string srx_path_;
  std::optional<PairSteps> steps_;
  std::vector<CorpusItem> items_;
};

void AddWarning(const CorpusStepOptions& options, StepReport* report, std::string line) {
  if (options.warn) options.warn(line);
  report->warnings.push_back(std::move(line));
}

}  // namespace

std::string MapRecordPath(const std::string& out_dir, const std::string& key) {
  return (fs::path(out_dir) / "work" / "map" / (key + ".json")).string();
}

std::string CheckRecordPath(const std::string& out_dir, const std::string& key) {
  return (fs::path(out_dir) / "work" / "check" / (key + ".json")).string();
}

text::Result<CorpusListing> ListCorpus(const CorpusStepOptions& options) {
  CorpusSteps steps(options);
  Status status = steps.Open(false, false);
  if (!status.ok()) return status;
  CorpusListing listing;
  listing.items = steps.items();
  for (std::size_t index : steps.corpus().monolingual) {
    const CorpusDocument& document = steps.corpus().documents[index];
    listing.items.push_back(CorpusItem{"", "monolingual", document.display_path, {document.path}});
  }
  listing.errors = steps.corpus().errors;
  listing.warnings = steps.corpus().warnings;
  return listing;
}

namespace {

// The map step of item k of `steps` (opened to write), into `report`.
Status MapItem(const CorpusStepOptions& options, const CorpusSteps& steps, std::size_t k,
               StepReport* report) {
  const std::string& key = steps.items()[k].key;
  const std::string record_path = MapRecordPath(options.out_dir, key);
  const std::string stamp = steps.Stamp(k);
  // The same inputs mapped before, and the beads beside the TMX still those it wrote: a retried
  // or duplicated job changes nothing.
  if (std::optional<json> record = ReadRecord(record_path);
      record && record->value("stamp", "") == stamp) {
    std::string tmx = record->value("tmx", "");
    if (record->value("ok", false) && fs::exists(tmx) &&
        fs::exists(BitextPath(options.out_dir, key)) &&
        record->value("review_hash", "") == HashOfFile(CorrectionsPathOf(tmx))) {
      ++report->up_to_date;
      return Status::Ok();
    }
  }
  std::error_code error;
  fs::create_directories(fs::path(options.out_dir) / "tmx", error);
  if (error) {
    return Status::Error(ErrorCode::kIo, "creating the output folder " + options.out_dir + ": " +
                                             error.message());
  }
  PairOutcome outcome = steps.Map(k);
  for (const std::string& warning : outcome.warnings) AddWarning(options, report, warning);
  json record = {{"stamp", stamp},
                 {"kind", steps.items()[k].kind},
                 {"name", outcome.result.name},
                 {"ok", outcome.aligned.has_value()},
                 {"source_sentences", outcome.source_sentences},
                 {"target_sentences", outcome.target_sentences},
                 {"warnings", outcome.warnings}};
  if (outcome.aligned) {
    Status status = WriteText(BitextPath(options.out_dir, key), RenderBitext(*outcome.bitext));
    if (!status.ok()) return status;
    record["tmx"] = outcome.result.tmx_path;
    record["tmx_units"] = outcome.result.tmx_units;
    record["corrected"] = outcome.result.corrected;
    record["review_hash"] = HashOfFile(CorrectionsPathOf(outcome.result.tmx_path));
    record["beads"] = BeadsJson(outcome.aligned->alignment);
  }
  record["errors"] = outcome.errors;
  for (std::string& error : outcome.errors) report->errors.push_back(std::move(error));
  return WriteRecord(record_path, record);
}

// The indices of `keys` in `steps`, or kUsage naming the first unknown one.
text::Result<std::vector<std::size_t>> FindAll(const CorpusSteps& steps,
                                               const std::vector<std::string>& keys) {
  std::vector<std::size_t> indices;
  for (const std::string& key : keys) {
    text::Result<std::size_t> found = steps.Find(key);
    if (!found.ok()) return found.status();
    indices.push_back(*found);
  }
  return indices;
}

}  // namespace

text::Result<StepReport> MapCorpusItems(const CorpusStepOptions& options,
                                        const std::vector<std::string>& keys) {
  CorpusSteps steps(options);
  Status status = steps.Open(false, true);
  if (!status.ok()) return status;
  text::Result<std::vector<std::size_t>> indices = FindAll(steps, keys);
  if (!indices.ok()) return indices.status();
  StepReport report;
  for (std::size_t k : *indices) {
    status = MapItem(options, steps, k, &report);
    if (!status.ok()) return status;
  }
  return report;
}


text::Result<StepReport> BuildCorpusGlossary(const CorpusStepOptions& options) {
  CorpusSteps steps(options);
  Status status = steps.Open(false, false);
  if (!status.ok()) return status;
  text::Result<std::vector<json>> records = steps.MapRecords();
  if (!records.ok()) return records.status();
  std::vector<glossary::BitextInput> bitexts;
  for (std::size_t k = 0; k < records->size(); ++k) {
    if (!(*records)[k].value("ok", false)) continue;
    text::Result<glossary::BitextInput> bitext =
        ReadBitext(BitextPath(options.out_dir, steps.items()[k].key));
    if (!bitext.ok()) return bitext.status();
    bitexts.push_back(std::move(bitext.value()));
  }
  const std::string db = (fs::path(options.out_dir) / "termalign.db").string();
  glossary::OpenOptions open;
  open.create = true;
  text::Result<std::unique_ptr<glossary::Termbase>> opened = glossary::Termbase::Open(db, open);
  if (!opened.ok()) return opened.status().WithContext("opening the glossary");
  glossary::Termbase& termbase = **opened;
  StepReport report;
  glossary::BuildReport built;
  status = LearnFromBitexts(termbase, bitexts, steps.dictionaries(), &built);
  if (!status.ok()) return status;
  for (std::size_t k : built.skipped_inputs) {
    AddWarning(options, &report,
         bitexts[k].source_document.name + ": already in the glossary; not added again");
  }
  bitexts.clear();
  for (std::size_t index : steps.corpus().monolingual) {
    const CorpusDocument& entry = steps.corpus().documents[index];
    PairOutcome outcome;
    std::optional<LoadedDocument> loaded = steps.steps().Load(entry, &outcome);
    for (std::string& warning : outcome.warnings) AddWarning(options, &report, std::move(warning));
    for (std::string& error : outcome.errors) report.errors.push_back(std::move(error));
    if (!loaded) continue;
    glossary::BuildReport added;
    status = LearnFromMonolingual(termbase, std::move(*loaded),
                                  {options.source_lang, options.target_lang},
                                  steps.dictionaries(), &added);
    if (!status.ok()) return status;
    if (added.skipped) {
      AddWarning(options, &report, entry.display_name + ": already in the glossary; not added again");
    }
  }
  bool written = false;
  status = ExportPairTbx(
      termbase, (fs::path(options.out_dir) / "glossary.tbx").string(), options.source_lang,
      options.target_lang, [&](const std::string& line) { AddWarning(options, &report, line); },
      &written);
  if (!status.ok()) return status;
  status = WriteRecord(GlossaryRecordPath(options.out_dir), json{{"errors", report.errors}});
  if (!status.ok()) return status;
  return report;
}

text::Result<StepReport> MergeCorpusTmx(const CorpusStepOptions& options) {
  CorpusSteps steps(options);
  Status status = steps.Open(false, false);
  if (!status.ok()) return status;
  text::Result<std::vector<json>> records = steps.MapRecords();
  if (!records.ok()) return records.status();
  std::vector<std::string> inputs;
  for (const json& record : *records) {
    if (record.value("ok", false)) inputs.push_back(record.value("tmx", ""));
  }
  StepReport report;
  std::string conflicts_text;
  std::size_t units = 0, conflicts = 0;
  status = MergeTmxFiles(
      inputs, (fs::path(options.out_dir) / "termalign.tmx").string(), options.source_lang,
      [&](const std::string& line) { conflicts_text += line + "\n"; }, &units, &conflicts);
  if (!status.ok()) return status;
  const std::string conflicts_path = (fs::path(options.out_dir) / "work" / "conflicts.txt").string();
  status = WriteText(conflicts_path, conflicts_text);
  if (!status.ok()) return status;
  if (conflicts > 0) {
    AddWarning(options, &report,
         "termalign.tmx: " + std::to_string(conflicts) +
             " unit(s) translate a source an earlier unit translates differently (both kept; "
             "listed in " + conflicts_path + ")");
  }
  return report;
}

namespace {

// What the check steps of one call share: the glossary, the findings a person accepted.
struct CheckContext {
  std::unique_ptr<glossary::Termbase> termbase;
  qa::AcceptedFindings accepted;
};

// The check step of item k of `steps` (opened to read kept beads), into `report`.
Status CheckItem(const CorpusStepOptions& options, const CorpusSteps& steps, std::size_t k,
                 CheckContext& context, StepReport* report) {
  const std::string& key = steps.items()[k].key;
  Status status = Status::Ok();
  const std::string map_path = MapRecordPath(options.out_dir, key);
  std::optional<json> mapped = ReadRecord(map_path);
  if (!mapped) {
    return Status::Error(ErrorCode::kIo,
                         map_path + ": no such file (run the map step of " + key + " first)");
  }
  json record = {{"name", steps.items()[k].name}, {"ok", false}};
  if (!mapped->value("ok", false)) {
    record["errors"] = Strings(*mapped, "errors");
    return WriteRecord(CheckRecordPath(options.out_dir, key), record);
  }
  PairOutcome outcome = steps.Map(k);
  if (!outcome.aligned) {
    record["errors"] = outcome.errors;
    for (std::string& error : outcome.errors) report->errors.push_back(std::move(error));
    return WriteRecord(CheckRecordPath(options.out_dir, key), record);
  }
  RestoreScores((*mapped)["beads"], &outcome.aligned->alignment);
  text::Result<qa::Report> checked =
      CheckAlignedPair(std::move(*outcome.aligned),
                       CheckSettings{options.weak_below, options.spelling},
                       context.termbase.get());
  if (!checked.ok()) return checked.status().WithContext("checking " + steps.items()[k].name);
  qa::SetAsideAccepted(context.accepted, &*checked);
  status = WriteText(FindingsPath(options.out_dir, key), qa::RenderJsonLines(*checked));
  if (!status.ok()) return status;
  qa::HtmlOptions html;
  html.title = "termalign: " + steps.items()[k].name;
  html.facts.emplace_back("TMX", DisplayName(mapped->value("tmx", "")) + " (" +
                                     std::to_string(mapped->value("tmx_units", 0)) + " units)");
  const std::string page = PagePath(key);
  std::error_code error;
  fs::create_directories(fs::path(options.out_dir) / "pages", error);
  status = qa::WriteHtml((fs::path(options.out_dir) / page).string(), {&*checked}, html);
  if (!status.ok()) return status;
  record["ok"] = true;
  record["coverage"] = CoverageJson(checked->coverage);
  record["findings"] = checked->findings.size();
  record["accepted"] = checked->accepted.size();
  record["page"] = page;
  record["tmx_units"] = mapped->value("tmx_units", 0);
  record["corrected"] = mapped->value("corrected", false);
  return WriteRecord(CheckRecordPath(options.out_dir, key), record);
}

}  // namespace

text::Result<StepReport> CheckCorpusItems(const CorpusStepOptions& options,
                                          const std::vector<std::string>& keys) {
  CorpusSteps steps(options);
  Status status = steps.Open(true, false);
  if (!status.ok()) return status;
  text::Result<std::vector<std::size_t>> indices = FindAll(steps, keys);
  if (!indices.ok()) return indices.status();
  CheckContext context;
  glossary::OpenOptions open;
  open.create = false;
  open.read_only = true;
  text::Result<std::unique_ptr<glossary::Termbase>> termbase = glossary::Termbase::Open(
      (fs::path(options.out_dir) / "termalign.db").string(), open);
  if (!termbase.ok()) return termbase.status().WithContext("opening the glossary");
  context.termbase = std::move(termbase.value());
  text::Result<qa::AcceptedFindings> accepted = qa::AcceptedFindings::Read(
      (fs::path(options.out_dir) / kAcceptedFileName).string(), true);
  if (!accepted.ok()) return accepted.status();
  context.accepted = std::move(accepted.value());
  StepReport report;
  for (std::size_t k : *indices) {
    status = CheckItem(options, steps, k, context, &report);
    if (!status.ok()) return status;
  }
  return report;
}


text::Result<StepReport> WriteCorpusReport(const CorpusStepOptions& options) {
  CorpusSteps steps(options);
  Status status = steps.Open(false, false);
  if (!status.ok()) return status;
  StepReport report;
  report.errors = steps.corpus().errors;
  std::string findings;
  std::string rows;
  qa::Coverage total;
  std::size_t checked = 0, finding_count = 0;
  for (const CorpusItem& item : steps.items()) {
    const std::string path = CheckRecordPath(options.out_dir, item.key);
    std::optional<json> record = ReadRecord(path);
    if (!record) {
      return Status::Error(ErrorCode::kIo,
                           path + ": no such file (run the check step of " + item.name + " first)");
    }
    if (!record->value("ok", false)) {
      for (std::string& error : Strings(*record, "errors")) report.errors.push_back(error);
      rows += "<tr class=failed><td>" + qa::EscapeHtml(item.name) +
              "</td><td colspan=4>failed: " +
              qa::EscapeHtml(Strings(*record, "errors").empty()
                                 ? std::string("see errors.txt")
                                 : Strings(*record, "errors").front()) +
              "</td></tr>\n";
      continue;
    }
    std::optional<std::string> lines = ReadBytes(FindingsPath(options.out_dir, item.key));
    if (!lines) {
      return Status::Error(ErrorCode::kIo, FindingsPath(options.out_dir, item.key) +
                                                     ": no such file (run the check step of " +
                                                     item.name + " again)");
    }
    findings += *lines;
    qa::Coverage coverage = CoverageFrom((*record)["coverage"]);
    total.Add(coverage);
    ++checked;
    std::size_t count = record->value("findings", std::size_t{0});
    finding_count += count;
    char figures[160];
    std::snprintf(figures, sizeof figures, "<td>%.1f%%</td><td>%.1f%%</td><td>%zu</td><td>%zu</td>",
                  coverage.SourceSentencePercent(), coverage.TargetSentencePercent(),
                  record->value("tmx_units", std::size_t{0}), count);
    rows += "<tr><td><a href=\"" + qa::EscapeHtml(record->value("page", "")) + "\">" +
            qa::EscapeHtml(item.name) + "</a></td>" + figures + "</tr>\n";
  }
  if (std::optional<json> glossary = ReadRecord(GlossaryRecordPath(options.out_dir))) {
    for (std::string& error : Strings(*glossary, "errors")) report.errors.push_back(error);
  }
  const fs::path out(options.out_dir);
  status = WriteText((out / "qa.jsonl").string(), findings);
  if (!status.ok()) return status;
  std::string errors_text;
  for (const std::string& error : report.errors) errors_text += error + "\n";
  status = WriteText((out / "errors.txt").string(), errors_text);
  if (!status.ok()) return status;
  const std::string title =
      "termalign: " + DisplayName(fs::path(options.corpus).lexically_normal().string());
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "<p>%zu pairs checked, %zu failed; sentences matched: %.1f%% source, %.1f%% "
                "target; %zu findings.</p>\n",
                checked, steps.items().size() - checked, total.SourceSentencePercent(),
                total.TargetSentencePercent(), finding_count);
  std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + qa::EscapeHtml(title) +
      "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child,th:first-"
      "child{text-align:left}tr.failed td{color:#a00;text-align:left}</style></head><body>\n<h1>" +
      qa::EscapeHtml(title) + "</h1>\n" + summary +
      "<p>Merged TMX: <a href=\"termalign.tmx\">termalign.tmx</a>; glossary: termalign.db, "
      "<a href=\"glossary.tbx\">glossary.tbx</a>; findings: <a href=\"qa.jsonl\">qa.jsonl</a>"
      "</p>\n<table><tr><th>pair</th><th>source matched</th><th>target matched</th>"
      "<th>TMX units</th><th>findings</th></tr>\n" +
      rows + "</table>\n</body></html>\n";
  status = WriteText((out / "report.html").string(), html);
  if (!status.ok()) return status;
  RunOptions run;
  run.corpus_dir = options.corpus;
  run.out_dir = options.out_dir;
  run.source_lang = options.source_lang;
  run.target_lang = options.target_lang;
  run.use_dictionaries = options.use_dictionaries;
  run.spelling = options.spelling;
  run.follow_symlinks = options.follow_symlinks;
  run.weak_below = options.weak_below;
  status = WriteRunRecord(run, steps.srx_path());
  if (!status.ok()) return status;
  return report;
}

}  // namespace termalign::pipeline
