// termalign corpus: `run`'s steps as commands of their own, for a workflow manager (Snakemake)
// to spread over many cores or a cluster.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "pipeline/corpus_steps.h"
#include "text/atomic_file.h"

namespace termalign::cli {
namespace {

struct CorpusCliOptions {
  std::string corpus;
  std::vector<std::string> keys;
  std::string done;  // written once every key's record is
  std::string out = "termalign-out";
  std::string source_lang = "en";
  std::string target_lang = "fr";
  bool no_dict = false;
  bool spell = false;
  bool follow_symlinks = false;
  std::string srx;
  bool json = false;
};

enum class Step { kList, kMap, kGlossary, kMerge, kCheck, kReport };

pipeline::CorpusStepOptions StepOptions(const CorpusCliOptions& options) {
  pipeline::CorpusStepOptions step;
  step.corpus = options.corpus;
  step.out_dir = options.out;
  step.source_lang = options.source_lang;
  step.target_lang = options.target_lang;
  step.use_dictionaries = !options.no_dict;
  step.spelling = options.spell;
  step.follow_symlinks = options.follow_symlinks;
  step.srx_path = options.srx;
  step.warn = [](std::string_view line) { PrintWarning(line); };
  step.trace = AlignTrace();
  return step;
}

int RunList(const pipeline::CorpusStepOptions& step, bool json) {
  text::Result<pipeline::CorpusListing> listing = pipeline::ListCorpus(step);
  if (!listing.ok()) return ReportStatus(listing.status());
  for (const std::string& warning : listing->warnings) PrintWarning(warning);
  std::string out;
  for (const pipeline::CorpusItem& item : listing->items) {
    if (json) {
      out += nlohmann::json{{"key", item.key},
                            {"kind", item.kind},
                            {"name", item.name},
                            {"inputs", item.inputs}}
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::ignore) +
             "\n";
    } else {
      out += item.key + "\t" + item.kind + "\t" + item.name + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  for (const std::string& error : listing->errors) PrintError(error);
  return listing->errors.empty() ? kExitOk : kExitError;
}

int RunStep(Step step_kind, CorpusCliOptions options) {
  if (!CheckLanguage("--src-lang", &options.source_lang, false) ||
      !CheckLanguage("--tgt-lang", &options.target_lang, false)) {
    return kExitError;
  }
  const pipeline::CorpusStepOptions step = StepOptions(options);
  if (step_kind == Step::kList) return RunList(step, options.json);
  const auto run = [&]() -> text::Result<pipeline::StepReport> {
    switch (step_kind) {
      case Step::kMap:
        return pipeline::MapCorpusItems(step, options.keys);
      case Step::kGlossary:
        return pipeline::BuildCorpusGlossary(step);
      case Step::kMerge:
        return pipeline::MergeCorpusTmx(step);
      case Step::kCheck:
        return pipeline::CheckCorpusItems(step, options.keys);
      case Step::kList:
      case Step::kReport:
        break;
    }
    return pipeline::WriteCorpusReport(step);
  };
  text::Result<pipeline::StepReport> report = run();
  if (!report.ok()) return ReportStatus(report.status());
  if (!options.done.empty()) {
    // Every item's record is written: the workflow manager's sign that the job is complete.
    std::string listed;
    for (const std::string& key : options.keys) listed += key + "\n";
    text::AtomicFile file;
    text::Status status = file.Open(options.done);
    if (status.ok()) {
      file.Write(listed);
      status = file.Commit();
    }
    if (!status.ok()) return ReportStatus(status.WithContext("writing " + options.done));
  }
  // Many inputs, one bad: each was reported and recorded, the rest was done; exit 2.
  for (const std::string& error : report->errors) PrintError(error);
  return report->errors.empty() ? kExitOk : kExitError;
}

// Adds the options every step takes, so one workflow passes the same line to each.
void AddCommon(CLI::App* sub, CorpusCliOptions* options, bool with_out) {
  sub->allow_extras(false);
  sub->add_option("corpus", options->corpus,
                  "The corpus folder or manifest, as 'termalign run' takes it")
      ->required()
      ->type_name("DIR|MANIFEST");
  if (with_out) {
    sub->add_option("-o,--output", options->out,
                    "Output folder (default termalign-out), the same for every step")
        ->type_name("DIR");
  }
  sub->add_option("--src-lang", options->source_lang, "Source language of the pairs (default en)");
  sub->add_option("--tgt-lang", options->target_lang, "Target language of the pairs (default fr)");
  AddNoDictFlag(*sub, &options->no_dict);
  sub->add_flag("--spell", options->spell, "Check the spelling of the targets");
  sub->add_flag("--follow-symlinks", options->follow_symlinks,
                "Read symbolic links that lead out of the corpus folder");
  AddSrxOption(*sub, &options->srx)
      ->type_name("FILE")
      ->description("Segment with the SRX 2.0 rules of FILE (default: the corpus folder's "
                    "segmentation.srx when it has one, else the built-in rules)");
}

}  // namespace

Handler SetupCorpus(CLI::App& app) {
  auto options = std::make_shared<CorpusCliOptions>();
  auto selected = std::make_shared<Handler>();
  struct Row {
    const char* name;
    const char* summary;
    Step step;
    bool takes_key;
  };
  static const Row kSteps[] = {
      {"list", "List the corpus's pairs, bilingual files and monolingual documents with their keys",
       Step::kList, false},
      {"map", "Map step: read, align and write pairs' TMX, beads and bitext (by their keys)",
       Step::kMap, true},
      {"glossary", "Reduce step: learn the glossary from every mapped pair at once", Step::kGlossary,
       false},
      {"merge", "Reduce step: merge every mapped pair's TMX into termalign.tmx", Step::kMerge,
       false},
      {"check", "Map step: check pairs against the glossary (after 'corpus glossary')",
       Step::kCheck, true},
      {"report", "Reduce step: qa.jsonl, the report index and errors.txt from every check",
       Step::kReport, false},
  };
  for (const Row& row : kSteps) {
    CLI::App* sub = app.add_subcommand(row.name, row.summary);
    AddCommon(sub, options.get(), row.step != Step::kList);
    if (row.takes_key) {
      sub->add_option("keys", options->keys,
                      "The items' keys, as 'termalign corpus list' prints them")
          ->required();
      sub->add_option("--done", options->done,
                      "Once every item's record is written, write FILE (the keys, one a line)")
          ->type_name("FILE");
    }
    if (row.step == Step::kList) {
      sub->add_flag("--json", options->json,
                    "One JSON object per item: {key, kind, name, inputs: [paths]}");
    }
    const Step step = row.step;
    sub->callback([options, selected, step] {
      *selected = [options, step] { return RunStep(step, *options); };
    });
  }
  return [selected] {
    if (*selected) return (*selected)();
    PrintError("'corpus' needs a command (termalign corpus --help)");
    return kExitError;
  };
}

}  // namespace termalign::cli
