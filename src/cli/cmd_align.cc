// termalign align: sentence alignment of one or more document pairs.
#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "align/aligner.h"
#include "align/beads.h"
#include "cli_util.h"
#include "commands.h"
#include "pipeline/dictionaries.h"
#include "pipeline/document.h"
#include "pipeline/jobs.h"
#include "text/atomic_file.h"
#include "tmx/writer.h"

namespace termalign::cli {
namespace {

struct AlignCliOptions {
  std::vector<std::string> files;  // source, target, source, target, ...
  std::string source_lang = "en";
  std::string target_lang = "fr";
  bool presegmented = false;
  std::string srx;
  std::shared_ptr<const text::SrxRules> srx_rules;  // loaded from `srx`
  std::string format = "tsv";
  std::string output = "-";
  std::string dict;
  bool no_dict = false;
  double min_score = 0.0;
  int jobs = 1;
  bool single_pass = false;
  std::string beads_in;  // beads corrected by a person: used instead of aligning
};

// One document pair and what became of it.
struct PairJob {
  std::string source_path;
  std::string target_path;
  text::Document source;
  text::Document target;
  text::Status status;
  align::Alignment alignment;
  std::string output;
};

std::string OneLine(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; },
                  ' ');
  return text;
}

std::string JoinSentences(const text::Document& document, std::size_t begin, std::size_t count) {
  std::string joined;
  for (std::size_t k = begin; k < begin + count; ++k) {
    if (!joined.empty()) joined += ' ';
    joined += document.sentences[k].text;
  }
  return joined;
}

std::string Format(const AlignCliOptions& options, const PairJob& job, bool name_files) {
  std::string out;
  const std::vector<align::Bead>& beads = job.alignment.beads;
  if (options.format == "beads") return align::FormatBeads(beads);
  for (const align::Bead& bead : beads) {
    if (bead.matched() && bead.score < options.min_score) continue;
    std::string source_text = JoinSentences(job.source, bead.source_begin, bead.source_count);
    std::string target_text = JoinSentences(job.target, bead.target_begin, bead.target_count);
    if (options.format == "tsv") {
      if (!bead.matched()) continue;
      out += OneLine(std::move(source_text));
      out += '\t';
      out += OneLine(std::move(target_text));
      out += '\t';
      char score[32];
      std::snprintf(score, sizeof score, "%.3f", bead.score);
      out += score;
      out += '\n';
      continue;
    }
    nlohmann::json source_indices = nlohmann::json::array();
    nlohmann::json target_indices = nlohmann::json::array();
    for (std::size_t k = 0; k < bead.source_count; ++k) source_indices.push_back(bead.source_begin + k);
    for (std::size_t k = 0; k < bead.target_count; ++k) target_indices.push_back(bead.target_begin + k);
    nlohmann::json line = {
        {"source", source_indices},
        {"target", target_indices},
        {"source_text", source_text},
        {"target_text", target_text},
        {"type", std::to_string(bead.source_count) + "-" + std::to_string(bead.target_count)},
        {"score", std::round(bead.score * 1000.0) / 1000.0}};
    if (name_files) {
      line["source_file"] = job.source_path;
      line["target_file"] = job.target_path;
    }
    out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

// The beads of `path` for the pair of `job`, once they are found to cover both documents'
// sentences exactly once and in order (a bead file made for other texts is refused).
text::Result<align::Alignment> GivenBeads(const std::string& path, const PairJob& job) {
  auto beads = align::ReadBeadFile(path);
  if (!beads.ok()) return beads.status();
  text::Status covered =
      align::CheckCoverage(*beads, job.source.sentences.size(), job.target.sentences.size());
  if (!covered.ok()) {
    return covered.WithContext("--beads-in " + path + " for " + job.source_path + " and " +
                               job.target_path);
  }
  return align::Alignment{std::move(*beads)};
}

void RunJob(const AlignCliOptions& options, pipeline::Dictionaries& dictionaries,
            const pipeline::AlignJob& align_job, bool name_files, PairJob& job) {
  const pipeline::Segmentation segmentation{options.presegmented, options.srx_rules.get()};
  // The two sides are read at once (a book's reading and segmenting take seconds).
  std::future<text::Result<pipeline::LoadedDocument>> reading_target =
      std::async(std::launch::async, [&] {
        return pipeline::LoadDocument(job.target_path, options.target_lang, segmentation);
      });
  text::Result<pipeline::LoadedDocument> source =
      pipeline::LoadDocument(job.source_path, options.source_lang, segmentation);
  text::Result<pipeline::LoadedDocument> target = reading_target.get();
  if (!source.ok()) {
    job.status = source.status();
    return;
  }
  if (!target.ok()) {
    job.status = target.status();
    return;
  }
  job.source = std::move(source->document);
  job.target = std::move(target->document);
  text::Result<align::Alignment> alignment =
      options.beads_in.empty() ? pipeline::AlignPair(job.source, job.target, dictionaries, align_job)
                               : GivenBeads(options.beads_in, job);
  if (!alignment.ok()) {
    job.status = alignment.status();
    return;
  }
  job.alignment = std::move(alignment.value());
  job.output = Format(options, job, name_files);
}

// Writes the matched pairs of every aligned job into one TMX 1.4b file (the tmx module decides
// the header, the escaping and the atomic rename).
int WriteAlignedTmx(const AlignCliOptions& options, const std::vector<PairJob>& jobs) {
  tmx::TmxHeader header;
  header.src_lang = options.source_lang;
  header.tgt_lang = options.target_lang;
  tmx::TmxWriter writer;
  text::Status status = writer.Open(options.output, header);
  if (!status.ok()) return ReportStatus(status.WithContext("writing " + options.output));
  int exit_code = kExitOk;
  for (const PairJob& job : jobs) {
    if (!job.status.ok()) {
      ReportStatus(job.status);
      exit_code = kExitError;
      continue;
    }
    for (const text::SentencePair& pair :
         align::ToSentencePairs(job.source, job.target, job.alignment, options.min_score)) {
      status = writer.Write(pair, job.source_path, job.target_path);
      if (!status.ok()) return ReportStatus(status.WithContext("writing " + options.output));
    }
  }
  status = writer.Close();
  if (!status.ok()) return ReportStatus(status);
  if (writer.stats().removed_chars > 0) {
    PrintWarning("removed " + std::to_string(writer.stats().removed_chars) +
                 " character(s) that XML 1.0 forbids from segments");
  }
  return exit_code;
}

int RunAlign(AlignCliOptions options) {
  if (!CheckLanguage("--src-lang", &options.source_lang, true) ||
      !CheckLanguage("--tgt-lang", &options.target_lang, true)) {
    return kExitError;
  }
  if (options.files.size() % 2 != 0) {
    PrintError("align needs files in pairs: SOURCE TARGET [SOURCE TARGET ...]");
    return kExitError;
  }
  text::Result<std::shared_ptr<const text::SrxRules>> srx = LoadSrxOption(options.srx);
  if (!srx.ok()) return ReportStatus(srx.status());
  options.srx_rules = std::move(srx.value());
  const std::size_t pair_count = options.files.size() / 2;
  if (options.format == "beads" && pair_count > 1) {
    PrintError("--format beads takes one document pair per run");
    return kExitError;
  }
  if (!options.beads_in.empty() && pair_count > 1) {
    PrintError("--beads-in takes one document pair per run");
    return kExitError;
  }

  pipeline::Dictionaries dictionaries(!options.no_dict, PrintWarning);
  if (!options.dict.empty()) {
    text::Status loaded = dictionaries.UseTsv(options.dict, options.source_lang,
                                              options.target_lang);
    if (!loaded.ok()) return ReportStatus(loaded);
  }
  pipeline::AlignJob align_job;
  align_job.second_pass = !options.single_pass;
  align_job.trace = AlignTrace();

  std::vector<PairJob> jobs(pair_count);
  for (std::size_t k = 0; k < pair_count; ++k) {
    jobs[k].source_path = options.files[2 * k];
    jobs[k].target_path = options.files[2 * k + 1];
  }
  const bool name_files = pair_count > 1;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k = next++; k < pair_count; k = next++) {
      RunJob(options, dictionaries, align_job, name_files, jobs[k]);
    }
  };
  std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(options.jobs), pair_count);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();

  if (options.format == "tmx") return WriteAlignedTmx(options, jobs);

  // Many inputs, one bad: report it, write the rest, exit 2 at the end.
  int exit_code = kExitOk;
  text::AtomicFile out;
  text::Status opened = out.Open(options.output);
  if (!opened.ok()) return ReportStatus(opened);
  for (const PairJob& job : jobs) {
    if (!job.status.ok()) {
      ReportStatus(job.status);
      exit_code = kExitError;
      continue;
    }
    out.Write(job.output);
  }
  text::Status committed = out.Commit();
  if (!committed.ok()) return ReportStatus(committed);
  return exit_code;
}

}  // namespace

Handler SetupAlign(CLI::App& app) {
  auto options = std::make_shared<AlignCliOptions>();
  app.add_option("files", options->files,
                 "SOURCE TARGET text files ('-' for stdin); more pairs may follow")
      ->required();
  app.add_option("--src-lang", options->source_lang, "Source language (default en)");
  app.add_option("--tgt-lang", options->target_lang, "Target language (default fr)");
  app.add_flag("--presegmented", options->presegmented,
               "Inputs hold one sentence per line (no segmentation)");
  AddSrxOption(app, &options->srx)->type_name("FILE");
  app.add_option("--format", options->format,
                 "tsv (source, target, score; matched beads), beads ([0]:[1, 2] lines covering "
                 "every sentence), json (JSON Lines: {source, target, source_text, target_text, "
                 "type, score}), tmx (TMX 1.4b of the matched pairs, for CAT tools)")
      ->check(CLI::IsMember({"tsv", "beads", "json", "tmx"}));
  AddOutputOption(app, &options->output, "Output file, written atomically ('-': stdout)");
  app.add_option("--dict", options->dict, "Bilingual word list: source<TAB>target lines");
  AddNoDictFlag(app, &options->no_dict);
  app.add_option("--min-score", options->min_score,
                 "Drop matched beads scoring below this from tsv and json output (0..1)")
      ->check(NumberFrom(0.0, 1.0));
  app.add_option("-j,--jobs", options->jobs, "Document pairs aligned in parallel")
      ->check(CountFrom(1));
  app.add_flag("--single-pass", options->single_pass,
               "Skip the second pass (a translation table learnt from the first)");
  app.add_option("--beads-in", options->beads_in,
                 "Use these beads ([0]:[1, 2] lines, e.g. corrected by hand) instead of aligning; "
                 "they must cover both texts' sentences in order")
      ->type_name("FILE");
  return [options] { return RunAlign(*options); };
}

}  // namespace termalign::cli
