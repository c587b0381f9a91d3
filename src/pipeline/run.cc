// The main job over a corpus folder: align, write TMX, build the glossary, check, report.
#include "pipeline/run.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include "align/aligner.h"
#include "formats/srx.h"
#include "glossary/exchange.h"
#include "glossary/termbase.h"
#include "pipeline/bilingual_input.h"
#include "pipeline/corrections.h"
#include "pipeline/dictionaries.h"
#include "pipeline/jobs.h"
#include "pipeline/manifest.h"
#include "pipeline/run_pairs.h"
#include "ordered_map.h"
#include "pair_steps.h"
#include "reduce_steps.h"
#include "termbase_pool.h"
#include "qa/accepted.h"
#include "qa/check.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "text/atomic_file.h"
#include "tmx/merge.h"
#include "tmx/writer.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;

class Runner {
 public:
  explicit Runner(const RunOptions& options)
      : options_(options), dictionaries_(options.use_dictionaries, options.warn) {}

  // The steps, in order. A document or a pair that fails is recorded in `errors` and left out;
  // only a failure that concerns every pair (the output folder, the glossary) ends the run.
  text::Result<RunResult> Run() {
    text::Status status = ScanStep();
    if (!status.ok()) return status;
    status = SegmentationStep();
    if (!status.ok()) return status;
    status = PrepareOutputs();
    if (!status.ok()) return status;
    PairSettings settings;
    settings.out_dir = options_.out_dir;
    settings.source_lang = options_.source_lang;
    settings.target_lang = options_.target_lang;
    settings.revise = options_.revise;
    settings.bitext = termbase_ && !options_.revise;
    settings.trace = options_.trace;
    steps_.emplace(std::move(settings), &dictionaries_, srx_.get());
    // Align and learn from every pair first, so the term checks see the whole glossary.
    std::vector<AlignedPair> aligned;
    AlignStep(&aligned);
    if (termbase_ && !options_.revise) {
      status = LearnStep();
      if (!status.ok()) return status;
      for (std::size_t index : result_.corpus.monolingual) {
        status = MonolingualStep(index);
        if (!status.ok()) return status;
      }
    }
    status = MergeStep();
    if (!status.ok()) return status;
    status = CheckStep(std::move(aligned));
    if (!status.ok()) return status;
    if (termbase_) {
      status = Summarise();
      if (!status.ok()) return status;
    }
    Progress("writing the report");
    status = WriteReports();
    if (!status.ok()) return status;
    if (!options_.revise) {
      status = WriteRunRecord(options_, result_.segmentation_rules);
      if (!status.ok()) return status;
    }
    return std::move(result_);
  }

 private:
  std::string Out(const std::string& name) const {
    return (fs::path(options_.out_dir) / name).string();
  }
  void Progress(const std::string& line) const {
    if (options_.progress) options_.progress(line);
  }
  void Warn(const std::string& line) const {
    if (options_.warn) options_.warn(line);
  }
  void Error(const std::string& message) { result_.errors.push_back(message); }

  // Finds the documents and pairs them.
  text::Status ScanStep() {
    ScanOptions scan;
    scan.follow_symlinks = options_.follow_symlinks;
    text::Result<Corpus> corpus =
        OpenCorpus(options_.corpus_dir, options_.source_lang, options_.target_lang, scan);
    if (!corpus.ok()) return corpus.status();
    result_.corpus = std::move(corpus.value());
    for (const std::string& warning : result_.corpus.warnings) Warn(warning);
    for (const std::string& error : result_.corpus.errors) Error(error);
    result_.sentences.assign(result_.corpus.documents.size(), 0);
    return text::Status::Ok();
  }

  // Loads the SRX rules: the ones given, else the corpus folder's segmentation.srx if any; in a
  // revision, the ones the run used (none: the built-in rules).
  text::Status SegmentationStep() {
    std::string path = options_.srx_path;
    if (path.empty()) {
      if (options_.revise) return text::Status::Ok();
      fs::path in_corpus = fs::path(options_.corpus_dir) / kCorpusSrxName;
      std::error_code error;
      if (!fs::is_regular_file(in_corpus, error)) return text::Status::Ok();
      path = in_corpus.string();
    }
    text::Result<std::shared_ptr<const text::SrxRules>> rules = formats::LoadSrxRules(path);
    if (!rules.ok()) {
      return rules.status().WithContext("reading the segmentation rules " + DisplayName(path));
    }
    srx_ = std::move(rules.value());
    result_.segmentation_rules = path;
    return text::Status::Ok();
  }

  // Creates the output folder and opens (or creates) the glossary.
  text::Status PrepareOutputs() {
    std::error_code error;
    fs::create_directories(fs::path(options_.out_dir) / "tmx", error);
    if (error) {
      return text::Status::Error(text::ErrorCode::kIo, "creating the output folder " +
                                                           options_.out_dir + ": " +
                                                           error.message());
    }
    if (!options_.build_glossary) return text::Status::Ok();
    result_.glossary_db = Out("termalign.db");
    glossary::OpenOptions open;
    open.create = !options_.revise;
    text::Result<std::unique_ptr<glossary::Termbase>> opened =
        glossary::Termbase::Open(result_.glossary_db, open);
    if (!opened.ok()) return opened.status().WithContext("opening the glossary");
    termbase_ = std::move(opened.value());
    return text::Status::Ok();
  }

  // Reads one document for the calling thread's own use, recording its warnings and errors.
  std::optional<LoadedDocument> Load(std::size_t index) {
    PairOutcome outcome;
    std::optional<LoadedDocument> loaded =
        steps_->Load(result_.corpus.documents[index], &outcome);
    for (const std::string& warning : outcome.warnings) Warn(warning);
    for (std::string& error : outcome.errors) Error(std::move(error));
    if (loaded) result_.sentences[index] = loaded->document.sentences.size();
    return loaded;
  }

  // Every pair through MapPair, then every bilingual file through MapBilingual, on
  // options_.jobs threads, taken in corpus order.
  void AlignStep(std::vector<AlignedPair>* aligned) {
    const std::size_t pairs = result_.corpus.pairs.size();
    const std::size_t count = pairs + result_.corpus.bilingual.size();
    // The pair next in corpus order: with one thread, the one being aligned (or read).
    auto announce = [&](std::size_t k) {
      if (k >= count) return;
      std::string what =
          k < pairs ? "aligning " + DisplayName(
                                        result_.corpus.documents[result_.corpus.pairs[k].source]
                                            .name)
                    : "reading " + result_.corpus.bilingual[k - pairs].display_name;
      Progress(what + " (" + std::to_string(k + 1) + "/" + std::to_string(count) + ")");
    };
    announce(0);
    OrderedMap(
        count, static_cast<std::size_t>(std::max(options_.jobs, 1)),
        [this, pairs](std::size_t k) {
          return k < pairs ? steps_->MapPair(result_.corpus, result_.corpus.pairs[k])
                           : steps_->MapBilingual(result_.corpus.bilingual[k - pairs]);
        },
        [&](std::size_t k, PairOutcome outcome) {
          announce(k + 1);
          for (const std::string& warning : outcome.warnings) Warn(warning);
          for (std::string& error : outcome.errors) Error(std::move(error));
          if (k < pairs) {
            const CorpusPair& pair = result_.corpus.pairs[k];
            result_.sentences[pair.source] = outcome.source_sentences;
            result_.sentences[pair.target] = outcome.target_sentences;
          }
          if (!outcome.aligned) return true;
          if (outcome.bitext) bitexts_.push_back(std::move(*outcome.bitext));
          result_.pairs.push_back(std::move(outcome.result));
          aligned->push_back(std::move(*outcome.aligned));
          return true;
        });
  }

  // Learns the terms of every aligned pair at once: counts and word alignment over the whole
  // corpus.
  text::Status LearnStep() {
    if (bitexts_.empty()) return text::Status::Ok();
    Progress("learning terms from " + std::to_string(bitexts_.size()) + " aligned pair" +
             (bitexts_.size() == 1 ? "" : "s"));
    glossary::BuildReport report;
    text::Status status = LearnFromBitexts(*termbase_, bitexts_, dictionaries_, &report);
    if (!status.ok()) return status;
    for (std::size_t k : report.skipped_inputs) {
      Warn(bitexts_[k].source_document.name + ": already in the glossary; not added again");
    }
    bitexts_.clear();
    return text::Status::Ok();
  }

  // A document without a counterpart: its terms, with links proposed towards the pair's
  // languages.
  text::Status MonolingualStep(std::size_t index) {
    const CorpusDocument& entry = result_.corpus.documents[index];
    Progress("linking terms of " + entry.display_name);
    std::optional<LoadedDocument> loaded = Load(index);
    if (!loaded) return text::Status::Ok();
    glossary::BuildReport report;
    text::Status status =
        LearnFromMonolingual(*termbase_, std::move(*loaded),
                             {options_.source_lang, options_.target_lang}, dictionaries_, &report);
    if (!status.ok()) return status;
    if (report.skipped) Warn(entry.display_name + ": already in the glossary; not added again");
    result_.link_proposals += report.links;
    return text::Status::Ok();
  }

  text::Status MergeStep() {
    std::vector<std::string> inputs;
    for (const PairResult& pair : result_.pairs) inputs.push_back(pair.tmx_path);
    if (inputs.empty()) return text::Status::Ok();
    Progress("merging the TMX files");
    return Merge(inputs);
  }

  // Checks every aligned pair against the whole glossary, on options_.jobs threads, each with a
  // read-only connection of its own to the glossary (a Termbase serves one thread at a time).
  text::Status CheckStep(std::vector<AlignedPair> aligned) {
    const std::size_t threads = static_cast<std::size_t>(std::max(options_.jobs, 1));
    TermbasePool termbases(threads > 1 && termbase_ ? result_.glossary_db : "",
                           termbase_.get());
    // Findings a person accepted in the review page are listed as accepted, not counted.
    const std::string accepted_path = Out(kAcceptedFileName);
    text::Result<qa::AcceptedFindings> accepted = qa::AcceptedFindings::Read(accepted_path, true);
    if (!accepted.ok()) return accepted.status();
    text::Status failed = text::Status::Ok();
    if (!result_.pairs.empty()) Progress("checking " + result_.pairs[0].name);
    OrderedMap(
        result_.pairs.size(), threads,
        [&](std::size_t k) -> text::Result<qa::Report> {
          text::Result<TermbasePool::Lease> termbase = termbases.Acquire();
          if (!termbase.ok()) return termbase.status();
          return CheckAlignedPair(std::move(aligned[k]),
                                  CheckSettings{options_.weak_below, options_.spelling},
                                  termbase->get());
        },
        [&](std::size_t k, text::Result<qa::Report> report) {
          if (k + 1 < result_.pairs.size()) Progress("checking " + result_.pairs[k + 1].name);
          if (!report.ok()) {
            failed = report.status().WithContext("checking " + result_.pairs[k].name);
            return false;
          }
          result_.pairs[k].report = std::move(report.value());
          qa::SetAsideAccepted(*accepted, &result_.pairs[k].report);
          result_.total.Add(result_.pairs[k].report.coverage);
          return true;
        });
    return failed;
  }

  text::Status Merge(const std::vector<std::string>& inputs) {
    result_.merged_tmx = Out("termalign.tmx");
    std::size_t conflicts = 0;
    return MergeTmxFiles(inputs, result_.merged_tmx, options_.source_lang, nullptr,
                         &result_.merged_units, &conflicts);
  }

  // Glossary figures, the TBX export and the concepts named in both languages that the
  // extractor is surest of (frequency breaks ties): the best terms more than the commonest
  // words ("tram line" before "years").
  text::Status Summarise() {
    text::Result<glossary::TermbaseStats> stats = termbase_->Stats();
    if (!stats.ok()) return stats.status();
    result_.glossary_stats = *stats;
    result_.glossary_tbx = Out("glossary.tbx");
    bool written = false;
    text::Status exported = ExportPairTbx(
        *termbase_, result_.glossary_tbx, options_.source_lang, options_.target_lang,
        [this](const std::string& line) { Warn(line); }, &written);
    if (!exported.ok()) return exported;
    // No concept named in both languages yet: no TBX (the summary lists no such file).
    if (!written) result_.glossary_tbx.clear();
    std::vector<TopTerm> top;
    text::Status status = termbase_->ForEachEntity(
        [&](const glossary::Entity&, const std::vector<glossary::Term>& terms) {
          TopTerm entry;
          for (const glossary::Term& term : terms) {  // by language, approved first, frequency
            if (term.status == glossary::TermStatus::kRejected) continue;
            if (term.lang == options_.source_lang) {
              if (entry.source.empty()) entry.source = term.text;
              entry.frequency += term.frequency;
              entry.score = std::max(entry.score, term.score);
            } else if (term.lang == options_.target_lang && entry.target.empty()) {
              entry.target = term.text;
            }
          }
          if (!entry.source.empty() && !entry.target.empty()) top.push_back(std::move(entry));
          return text::Status::Ok();
        },
        options_.source_lang);
    if (!status.ok()) return status;
    std::stable_sort(top.begin(), top.end(), [](const TopTerm& a, const TopTerm& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.frequency > b.frequency;
    });
    if (top.size() > 10) top.resize(10);
    result_.top_terms = std::move(top);
    return text::Status::Ok();
  }

  text::Status WriteReports() {
    std::vector<const qa::Report*> reports;
    std::string json;
    for (const PairResult& pair : result_.pairs) {
      reports.push_back(&pair.report);
      json += qa::RenderJsonLines(pair.report);
    }
    qa::HtmlOptions html;
    html.title =
        "termalign: " + DisplayName(fs::path(options_.corpus_dir).lexically_normal().string());
    html.facts.emplace_back("corpus", DisplayName(options_.corpus_dir));
    html.facts.emplace_back("documents", std::to_string(result_.corpus.documents.size()) + " (" +
                                             std::to_string(result_.corpus.pairs.size()) +
                                             (result_.corpus.pairs.size() == 1 ? " pair, "
                                                                               : " pairs, ") +
                                             std::to_string(result_.corpus.monolingual.size()) +
                                             " monolingual)");
    if (!result_.corpus.bilingual.empty()) {
      html.facts.emplace_back("bilingual files",
                              std::to_string(result_.corpus.bilingual.size()) + " (XLIFF, PO)");
    }
    for (const PairResult& pair : result_.pairs) {
      html.facts.emplace_back("TMX " + pair.name, DisplayName(pair.tmx_path) + " (" +
                                                      std::to_string(pair.tmx_units) + " units)");
    }
    if (!result_.merged_tmx.empty()) {
      html.facts.emplace_back("merged TMX", DisplayName(result_.merged_tmx) + " (" +
                                                std::to_string(result_.merged_units) + " units)");
    }
    if (!result_.glossary_db.empty()) {
      html.facts.emplace_back("glossary", DisplayName(result_.glossary_db) + " (" +
                                              std::to_string(result_.glossary_stats.terms) +
                                              " terms, " +
                                              std::to_string(result_.glossary_stats.entities) +
                                              " concepts)");
    }
    result_.html_report = Out("report.html");
    text::Status status = qa::WriteHtml(result_.html_report, reports, html);
    if (!status.ok()) return status;
    result_.json_report = Out("qa.jsonl");
    text::AtomicFile file;
    status = file.Open(result_.json_report);
    if (!status.ok()) return status;
    file.Write(json);
    return file.Commit();
  }

  const RunOptions& options_;
  mutable Dictionaries dictionaries_;  // thread-safe: the map step's threads share it
  RunResult result_;
  std::unique_ptr<glossary::Termbase> termbase_;
  std::shared_ptr<const text::SrxRules> srx_;  // null: the built-in rules
  std::optional<PairSteps> steps_;              // once the rules are loaded
  std::vector<glossary::BitextInput> bitexts_;  // the aligned pairs the glossary learns from
};

}  // namespace

text::Result<RunResult> RunCorpus(const RunOptions& options) { return Runner(options).Run(); }

}  // namespace termalign::pipeline
