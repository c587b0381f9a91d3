// The main job over a corpus folder: align, write TMX, build the glossary, check, report.
#include "pipeline/run.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include "align/aligner.h"
#include "glossary/builder.h"
#include "glossary/exchange.h"
#include "qa/check.h"
#include "qa/refine.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "text/atomic_file.h"
#include "text/dictionary.h"
#include "text/input_file.h"
#include "text/reader.h"
#include "tmx/merge.h"
#include "tmx/writer.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;

// A document read for the run, with the bytes' hash the glossary keys it by.
struct LoadedDocument {
  text::Document document;
  std::string hash;
};

class Runner {
 public:
  explicit Runner(const RunOptions& options) : options_(options) {}

  text::Result<RunResult> Run() {
    text::Result<Corpus> corpus =
        ScanCorpus(options_.corpus_dir, options_.source_lang, options_.target_lang);
    if (!corpus.ok()) return corpus.status();
    result_.corpus = std::move(corpus.value());
    for (const std::string& warning : result_.corpus.warnings) Warn(warning);
    result_.sentences.assign(result_.corpus.documents.size(), 0);

    std::error_code error;
    fs::create_directories(fs::path(options_.out_dir) / "tmx", error);
    if (error) {
      return text::Status::Error(text::ErrorCode::kIo, "creating the output folder " +
                                                           options_.out_dir + ": " +
                                                           error.message());
    }
    LoadDictionaries();
    if (options_.build_glossary) {
      result_.glossary_db = Out("termalign.db");
      text::Result<std::unique_ptr<glossary::Termbase>> opened =
          glossary::Termbase::Open(result_.glossary_db);
      if (!opened.ok()) return opened.status().WithContext("opening the glossary");
      termbase_ = std::move(opened.value());
    }

    // Align and learn from every pair first, so the term checks see the whole glossary.
    std::vector<std::pair<LoadedDocument, LoadedDocument>> texts;
    std::vector<align::Alignment> alignments;
    std::vector<std::string> tmx_paths;
    for (std::size_t k = 0; k < result_.corpus.pairs.size(); ++k) {
      const CorpusPair& pair = result_.corpus.pairs[k];
      const CorpusDocument& source = result_.corpus.documents[pair.source];
      Progress("aligning " + source.name + " (" + std::to_string(k + 1) + "/" +
               std::to_string(result_.corpus.pairs.size()) + ")");
      std::optional<LoadedDocument> source_text = Load(pair.source);
      std::optional<LoadedDocument> target_text = Load(pair.target);
      if (!source_text || !target_text) continue;
      align::AlignOptions align_options;
      align_options.source_lang = options_.source_lang;
      align_options.target_lang = options_.target_lang;
      align_options.dictionary = forward_ ? &*forward_ : nullptr;
      text::Result<align::Alignment> alignment =
          align::Align(source_text->document, target_text->document, align_options);
      if (!alignment.ok()) {
        Error(alignment.status().WithContext("aligning " + source.path).message());
        continue;
      }
      qa::SplitUnmatchedEdges(source_text->document, target_text->document, &alignment.value());
      PairResult pair_result;
      pair_result.name = source.name;
      text::Status status = WritePairTmx(*source_text, *target_text, *alignment, &pair_result);
      if (!status.ok()) return status;
      tmx_paths.push_back(pair_result.tmx_path);
      if (termbase_) {
        Progress("learning terms from " + source.name);
        status = LearnFromPair(*source_text, *target_text, *alignment);
        if (!status.ok()) return status;
      }
      result_.pairs.push_back(std::move(pair_result));
      texts.emplace_back(std::move(*source_text), std::move(*target_text));
      alignments.push_back(std::move(alignment.value()));
    }
    if (termbase_) {
      for (std::size_t index : result_.corpus.monolingual) {
        text::Status status = LearnFromMonolingual(index);
        if (!status.ok()) return status;
      }
    }
    if (!tmx_paths.empty()) {
      Progress("merging the TMX files");
      text::Status status = Merge(tmx_paths);
      if (!status.ok()) return status;
    }

    for (std::size_t k = 0; k < result_.pairs.size(); ++k) {
      Progress("checking " + result_.pairs[k].name);
      qa::CheckOptions check;
      check.weak_below = options_.weak_below;
      check.spelling = options_.spelling;
      check.termbase = termbase_.get();
      check.split_edges = false;  // done before the TMX was written
      text::Result<qa::Report> report =
          qa::CheckPair(std::move(texts[k].first.document), std::move(texts[k].second.document),
                    std::move(alignments[k]), check);
      if (!report.ok()) return report.status().WithContext("checking " + result_.pairs[k].name);
      result_.pairs[k].report = std::move(report.value());
      result_.total.Add(result_.pairs[k].report.coverage);
    }
    if (termbase_) {
      text::Status status = Summarise();
      if (!status.ok()) return status;
    }
    Progress("writing the report");
    text::Status status = WriteReports();
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
  void Error(const std::string& message) {
    result_.errors.push_back(message);
  }

  void LoadDictionaries() {
    if (!options_.use_dictionaries) return;
    auto load = [](const std::string& from, const std::string& to) {
      std::optional<text::BilingualDictionary> dictionary;
      text::Result<text::BilingualDictionary> loaded =
          text::BilingualDictionary::LoadFreeDict(from, to);
      if (loaded.ok()) dictionary = std::move(loaded.value());
      return dictionary;
    };
    if (!result_.corpus.pairs.empty()) {
      forward_ = load(options_.source_lang, options_.target_lang);
      backward_ = load(options_.target_lang, options_.source_lang);
    }
    for (std::size_t index : result_.corpus.monolingual) {
      const std::string& lang = result_.corpus.documents[index].lang;
      for (const std::string& other : {options_.source_lang, options_.target_lang}) {
        std::string key = lang + ">" + other;
        if (lang == other || links_.count(key)) continue;
        std::optional<text::BilingualDictionary> dictionary = load(lang, other);
        if (dictionary) links_.emplace(key, std::move(*dictionary));
      }
    }
  }

  std::optional<LoadedDocument> Load(std::size_t index) {
    const CorpusDocument& entry = result_.corpus.documents[index];
    text::Result<std::string> bytes = text::ReadInput(entry.path, text::InputKind::kText);
    text::Result<text::Document> document =
        bytes.ok() ? text::ReadDocument(entry.path, entry.lang)
                   : text::Result<text::Document>(bytes.status());
    if (!document.ok()) {
      Error(document.status().message());
      return std::nullopt;
    }
    document->name = entry.file_name;
    result_.sentences[index] = document->sentences.size();
    return LoadedDocument{std::move(document.value()), glossary::ContentHash(*bytes)};
  }

  text::Status WritePairTmx(const LoadedDocument& source, const LoadedDocument& target,
                            const align::Alignment& alignment, PairResult* pair) {
    pair->tmx_path = Out("tmx/" + pair->name + "." + options_.source_lang + "-" +
                         options_.target_lang + ".tmx");
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

  text::Status LearnFromPair(const LoadedDocument& source, const LoadedDocument& target,
                             const align::Alignment& alignment) {
    glossary::BitextInput input;
    input.source_document = {0, source.document.name, options_.source_lang, source.hash};
    input.target_document = {0, target.document.name, options_.target_lang, target.hash};
    input.pairs = align::ToSentencePairs(source.document, target.document, alignment, 0.0, true);
    glossary::BitextOptions bitext;
    bitext.forward = forward_ ? &*forward_ : nullptr;
    bitext.backward = backward_ ? &*backward_ : nullptr;
    glossary::BuildReport report;
    text::Status status = glossary::BuildFromBitext(*termbase_, input, bitext, &report);
    if (!status.ok()) return status.WithContext("building the glossary");
    if (report.skipped) Warn(source.document.name + ": already in the glossary; not added again");
    return text::Status::Ok();
  }

  text::Status LearnFromMonolingual(std::size_t index) {
    const CorpusDocument& entry = result_.corpus.documents[index];
    Progress("linking terms of " + entry.file_name);
    std::optional<LoadedDocument> loaded = Load(index);
    if (!loaded) return text::Status::Ok();
    glossary::MonolingualInput input;
    input.document = {0, entry.file_name, entry.lang, loaded->hash};
    for (text::Sentence& sentence : loaded->document.sentences) {
      input.sentences.push_back(std::move(sentence.text));
    }
    glossary::MonolingualOptions monolingual;
    for (auto& [key, dictionary] : links_) {
      if (key.rfind(entry.lang + ">", 0) == 0) {
        monolingual.dictionaries[key.substr(entry.lang.size() + 1)] = &dictionary;
      }
    }
    glossary::BuildReport report;
    text::Status status =
        glossary::AddMonolingualDocument(*termbase_, input, monolingual, &report);
    if (!status.ok()) return status.WithContext("adding " + entry.path + " to the glossary");
    if (report.skipped) Warn(entry.file_name + ": already in the glossary; not added again");
    result_.link_proposals += report.links;
    return text::Status::Ok();
  }

  text::Status Merge(const std::vector<std::string>& inputs) {
    result_.merged_tmx = Out("termalign.tmx");
    tmx::MergeOptions merge;
    merge.src_lang = options_.source_lang;
    tmx::MergeStats stats;
    text::Status status = tmx::MergeTmx(
        inputs, result_.merged_tmx, merge, [](const std::string&) {}, &stats);
    if (!status.ok()) return status.WithContext("merging the TMX files");
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
    text::Result<glossary::ExportStats> exported =
        glossary::Export(*termbase_, result_.glossary_tbx, export_options);
    if (!exported.ok()) {
      // No concept named in the pair's languages yet (only monolingual documents): no TBX.
      if (exported.status().code() != text::ErrorCode::kNotFound) {
        return exported.status().WithContext("exporting the glossary");
      }
      Warn("no TBX written: " + exported.status().message());
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
    html.title = "termalign: " + fs::path(options_.corpus_dir).lexically_normal().string();
    html.facts.emplace_back("corpus", options_.corpus_dir);
    html.facts.emplace_back("documents", std::to_string(result_.corpus.documents.size()) + " (" +
                                             std::to_string(result_.corpus.pairs.size()) +
                                             (result_.corpus.pairs.size() == 1 ? " pair, "
                                                                               : " pairs, ") +
                                             std::to_string(result_.corpus.monolingual.size()) +
                                             " monolingual)");
    for (const PairResult& pair : result_.pairs) {
      html.facts.emplace_back("TMX " + pair.name, pair.tmx_path + " (" +
                                                      std::to_string(pair.tmx_units) + " units)");
    }
    if (!result_.merged_tmx.empty()) {
      html.facts.emplace_back("merged TMX", result_.merged_tmx + " (" +
                                                std::to_string(result_.merged_units) + " units)");
    }
    if (!result_.glossary_db.empty()) {
      html.facts.emplace_back("glossary", result_.glossary_db + " (" +
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
  RunResult result_;
  std::unique_ptr<glossary::Termbase> termbase_;
  std::optional<text::BilingualDictionary> forward_;
  std::optional<text::BilingualDictionary> backward_;
  std::map<std::string, text::BilingualDictionary> links_;  // "ar>en" -> dictionary
};

}  // namespace

text::Result<RunResult> RunCorpus(const RunOptions& options) { return Runner(options).Run(); }

}  // namespace termalign::pipeline
