// The main job over a corpus folder: align, write TMX, build the glossary, check, report.
#include "pipeline/run.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include "align/aligner.h"
#include "glossary/exchange.h"
#include "glossary/termbase.h"
#include "pipeline/dictionaries.h"
#include "pipeline/jobs.h"
#include "qa/check.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "text/atomic_file.h"
#include "tmx/merge.h"
#include "tmx/writer.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;

// The longest file name Linux file systems take (NAME_MAX).
constexpr std::size_t kMaxFileName = 255;
// Room left for what text::AtomicFile appends to its temporary file: ".tmp.<pid>.<counter>".
constexpr std::size_t kTempSuffixRoom = 32;

// The TMX file name of the pair NAME: "NAME.en-fr.tmx", with NAME cut at a character boundary
// and a hash of the whole of it added when the name and its temporary suffix would not fit.
std::string PairTmxName(const std::string& name, const std::string& suffix) {
  std::string file = name + suffix;
  if (file.size() + kTempSuffixRoom <= kMaxFileName) return file;
  std::string hash = "~" + glossary::ContentHash(name).substr(0, 8);
  std::size_t keep = kMaxFileName - kTempSuffixRoom - suffix.size() - hash.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return name.substr(0, keep) + hash + suffix;
}

// A pair aligned and written: what the check step needs.
struct AlignedPair {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
};

class Runner {
 public:
  explicit Runner(const RunOptions& options)
      : options_(options), dictionaries_(options.use_dictionaries, options.warn) {}

  // The steps, in order. A document or a pair that fails is recorded in `errors` and left out;
  // only a failure that concerns every pair (the output folder, the glossary) ends the run.
  text::Result<RunResult> Run() {
    text::Status status = ScanStep();
    if (!status.ok()) return status;
    status = PrepareOutputs();
    if (!status.ok()) return status;
    // Align and learn from every pair first, so the term checks see the whole glossary.
    std::vector<AlignedPair> aligned;
    for (std::size_t k = 0; k < result_.corpus.pairs.size(); ++k) {
      text::Result<std::optional<AlignedPair>> pair = AlignStep(k);
      if (!pair.ok()) return pair.status();
      if (*pair) aligned.push_back(std::move(**pair));
    }
    if (termbase_) {
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
        ScanCorpus(options_.corpus_dir, options_.source_lang, options_.target_lang, scan);
    if (!corpus.ok()) return corpus.status();
    result_.corpus = std::move(corpus.value());
    for (const std::string& warning : result_.corpus.warnings) Warn(warning);
    for (const std::string& error : result_.corpus.errors) Error(error);
    result_.sentences.assign(result_.corpus.documents.size(), 0);
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
    text::Result<std::unique_ptr<glossary::Termbase>> opened =
        glossary::Termbase::Open(result_.glossary_db);
    if (!opened.ok()) return opened.status().WithContext("opening the glossary");
    termbase_ = std::move(opened.value());
    return text::Status::Ok();
  }

  // `message` with the document's path, as bytes, replaced by its display form.
  static std::string Displayed(std::string message, const CorpusDocument& entry) {
    if (entry.path == entry.display_path) return message;
    for (std::size_t at = message.find(entry.path); at != std::string::npos;
         at = message.find(entry.path, at + entry.display_path.size())) {
      message.replace(at, entry.path.size(), entry.display_path);
    }
    return message;
  }

  // Reads one corpus document (once); a failure is recorded and gives nullopt.
  std::optional<LoadedDocument> Load(std::size_t index) {
    const CorpusDocument& entry = result_.corpus.documents[index];
    text::Result<LoadedDocument> loaded = LoadDocument(entry.path, entry.lang);
    if (!loaded.ok()) {
      Error(Displayed(loaded.status().message(), entry));
      return std::nullopt;
    }
    // The name in the TMX, the glossary and the report: valid UTF-8 without control characters.
    loaded->document.name = entry.display_name;
    if (!entry.lang_guessed) {
      const std::string mismatch = LanguageMismatch(*loaded, entry.display_path, "named");
      if (!mismatch.empty()) Warn(mismatch);
    }
    result_.sentences[index] = loaded->document.sentences.size();
    return std::move(loaded.value());
  }

  // Pair k: read the source (and only when it is good, the target), align, write its
  // TMX, learn its terms. nullopt when one side or its TMX failed (recorded in `errors`).
  text::Result<std::optional<AlignedPair>> AlignStep(std::size_t k) {
    const CorpusPair& pair = result_.corpus.pairs[k];
    const CorpusDocument& source = result_.corpus.documents[pair.source];
    const std::string name = DisplayName(source.name);
    Progress("aligning " + name + " (" + std::to_string(k + 1) + "/" +
             std::to_string(result_.corpus.pairs.size()) + ")");
    std::optional<LoadedDocument> source_text = Load(pair.source);
    if (!source_text) return std::optional<AlignedPair>();
    std::optional<LoadedDocument> target_text = Load(pair.target);
    if (!target_text) return std::optional<AlignedPair>();
    AlignJob job;
    job.trace = options_.trace;
    text::Result<align::Alignment> alignment =
        AlignPair(source_text->document, target_text->document, dictionaries_, job);
    if (!alignment.ok()) {
      Error(alignment.status().message());
      return std::optional<AlignedPair>();
    }
    PairResult pair_result;
    pair_result.name = name;
    pair_result.tmx_path = Out(
        "tmx/" + PairTmxName(source.name, "." + options_.source_lang + "-" +
                                              options_.target_lang + ".tmx"));
    text::Status status = WritePairTmx(*source_text, *target_text, *alignment, &pair_result);
    if (!status.ok()) {
      Error(DisplayName(status.message()));
      return std::optional<AlignedPair>();
    }
    if (termbase_) {
      bitexts_.push_back(BitextFromPair(*source_text, *target_text, *alignment));
    }
    result_.pairs.push_back(std::move(pair_result));
    return std::optional<AlignedPair>(AlignedPair{std::move(source_text->document),
                                                  std::move(target_text->document),
                                                  std::move(alignment.value())});
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

  text::Status WritePairTmx(const LoadedDocument& source, const LoadedDocument& target,
                            const align::Alignment& alignment, PairResult* pair) {
    tmx::TmxHeader header;
    header.src_lang = options_.source_lang;
    header.tgt_lang = options_.target_lang;
    header.source_doc = source.document.name;
    header.target_doc = target.document.name;
    tmx::WriteStats stats;
    text::Status status =
        tmx::WriteTmx(pair->tmx_path, header,
                      align::ToSentencePairs(source.document, target.document, alignment),
                      &stats);
    if (!status.ok()) return status.WithContext("writing " + pair->tmx_path);
    pair->tmx_units = stats.units;
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

  // Checks every aligned pair against the whole glossary.
  text::Status CheckStep(std::vector<AlignedPair> aligned) {
    for (std::size_t k = 0; k < result_.pairs.size(); ++k) {
      Progress("checking " + result_.pairs[k].name);
      qa::CheckOptions check;
      check.weak_below = options_.weak_below;
      if (options_.spelling) check.switches["spelling"] = true;
      check.termbase = termbase_.get();
      text::Result<qa::Report> report =
          qa::CheckPair(std::move(aligned[k].source), std::move(aligned[k].target),
                        std::move(aligned[k].alignment), check);
      if (!report.ok()) return report.status().WithContext("checking " + result_.pairs[k].name);
      result_.pairs[k].report = std::move(report.value());
      result_.total.Add(result_.pairs[k].report.coverage);
    }
    return text::Status::Ok();
  }

  text::Status Merge(const std::vector<std::string>& inputs) {
    result_.merged_tmx = Out("termalign.tmx");
    tmx::MergeOptions merge;
    merge.src_lang = options_.source_lang;
    tmx::MergeStats stats;
    std::string first_error;
    text::Status status = tmx::MergeTmx(
        inputs, result_.merged_tmx, merge,
        [&](tmx::Severity severity, const std::string& message) {
          if (severity == tmx::Severity::kError && first_error.empty()) first_error = message;
        },
        &stats);
    if (!status.ok()) return status.WithContext("merging the TMX files");
    if (!first_error.empty()) {
      return text::Status::Error(text::ErrorCode::kParse, "merging the TMX files: " + first_error);
    }
    result_.merged_units = stats.written;
    return text::Status::Ok();
  }

  // Glossary figures, the TBX export and the most frequent concepts named in both languages.
  text::Status Summarise() {
    text::Result<glossary::TermbaseStats> stats = termbase_->Stats();
    if (!stats.ok()) return stats.status();
    result_.glossary_stats = *stats;
    result_.glossary_tbx = Out("glossary.tbx");
    glossary::ExportOptions export_options;
    export_options.source_lang = options_.source_lang;
    export_options.target_lang = options_.target_lang;
    // A CAT tool's glossary pane shows entries to translate with: a concept named in one
    // language only is a hit with no translation.
    export_options.bilingual_only = true;
    text::Result<glossary::ExportStats> exported =
        glossary::Export(*termbase_, result_.glossary_tbx, export_options);
    if (!exported.ok()) {
      // No concept named in both languages yet: no TBX (the summary lists no such file).
      if (exported.status().code() != text::ErrorCode::kNotFound) {
        return exported.status().WithContext("exporting the glossary");
      }
      result_.glossary_tbx.clear();
    } else if (exported->removed_chars > 0) {
      Warn("glossary.tbx: removed " + std::to_string(exported->removed_chars) +
           " character(s) that XML 1.0 forbids (control characters, U+FFFE, U+FFFF)");
    }
    std::vector<TopTerm> top;
    text::Status status = termbase_->ForEachEntity(
        [&](const glossary::Entity&, const std::vector<glossary::Term>& terms) {
          TopTerm entry;
          for (const glossary::Term& term : terms) {  // by language, approved first, frequency
            if (term.status == glossary::TermStatus::kRejected) continue;
            if (term.lang == options_.source_lang) {
              if (entry.source.empty()) entry.source = term.text;
              entry.frequency += term.frequency;
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
  Dictionaries dictionaries_;
  RunResult result_;
  std::unique_ptr<glossary::Termbase> termbase_;
  std::vector<glossary::BitextInput> bitexts_;  // the aligned pairs the glossary learns from
};

}  // namespace

text::Result<RunResult> RunCorpus(const RunOptions& options) { return Runner(options).Run(); }

}  // namespace termalign::pipeline
