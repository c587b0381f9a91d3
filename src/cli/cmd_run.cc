// termalign run: the main job over a corpus folder.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "pipeline/corpus.h"
#include "pipeline/run.h"

namespace termalign::cli {
namespace {

struct RunCliOptions {
  std::string corpus;
  std::string out = "termalign-out";
  std::string source_lang = "en";
  std::string target_lang = "fr";
  bool target_given = false;  // --tgt-lang was given
  bool no_glossary = false;
  bool no_dict = false;
  bool spell = false;
  bool follow_symlinks = false;
  int jobs = 1;
  std::string srx;  // "": the corpus folder's segmentation.srx, else the built-in rules
  bool review = false;
};

// One progress line on stderr, rewritten in place, at most ten times a second.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ~ProgressLine() { Clear(); }

  void Show(std::string_view line) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    std::string text = "termalign: " + std::string(line);
    if (text.size() > 78) text.resize(78);
    std::fprintf(stderr, "\r%-78s", text.c_str());
    std::fflush(stderr);
  }

  void Clear() {
    if (!enabled_ || !shown_) return;
    std::fprintf(stderr, "\r%78s\r", "");
    std::fflush(stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

int RunRun(RunCliOptions options) {
  if (!CheckLanguage("--src-lang", &options.source_lang, false) ||
      !CheckLanguage("--tgt-lang", &options.target_lang, false)) {
    return kExitError;
  }
  if (!options.target_given) {
    // A folder of English and Arabic documents pairs them, as its names say.
    std::string found =
        pipeline::PairableLanguage(options.corpus, options.source_lang, options.target_lang);
    if (!found.empty()) {
      if (!Quiet()) {
        PrintWarning("pairing " + options.source_lang + " with " + found + " documents: no " +
                     options.target_lang + " document has an " + options.source_lang +
                     " counterpart (--tgt-lang chooses)");
      }
      options.target_lang = found;
    }
  }
  ProgressLine progress(!Quiet() && StderrIsTerminal());
  pipeline::RunOptions run;
  run.corpus_dir = options.corpus;
  run.out_dir = options.out;
  run.source_lang = options.source_lang;
  run.target_lang = options.target_lang;
  run.build_glossary = !options.no_glossary;
  run.use_dictionaries = !options.no_dict;
  run.spelling = options.spell;
  run.follow_symlinks = options.follow_symlinks;
  run.jobs = options.jobs;
  run.srx_path = options.srx;
  run.progress = [&progress](std::string_view line) { progress.Show(line); };
  run.warn = [&progress](std::string_view line) {
    if (Quiet()) return;
    progress.Clear();
    PrintWarning(line);
  };
  run.trace = AlignTrace();
  text::Result<pipeline::RunResult> result = pipeline::RunCorpus(run);
  progress.Clear();
  if (!result.ok()) return ReportStatus(result.status());
  std::string summary = pipeline::RenderRunSummary(*result, run);
  std::fwrite(summary.data(), 1, summary.size(), stdout);
  std::fflush(stdout);
  // Many inputs, one bad: each was reported, the rest was done; exit 2 at the end.
  for (const std::string& error : result->errors) PrintError(error);
  if (options.review) {
    // The page's address follows the summary on stdout; the run's errors were said above.
    int served = ServeReview(options.out, 0, false);
    if (served != kExitOk) return served;
  }
  return result->errors.empty() ? kExitOk : kExitError;
}

}  // namespace

Handler SetupRun(CLI::App& app) {
  auto options = std::make_shared<RunCliOptions>();
  app.add_option("corpus", options->corpus,
                 "Folder of documents named NAME.LANG.txt (e.g. report.en.txt, report.fr.txt; "
                 "other .txt files get a guessed language), or a manifest file: a TSV with the "
                 "header id, source, target, source_lang, target_lang and a row per pair")
      ->required()
      ->type_name("DIR|MANIFEST");
  AddOutputOption(app, &options->out,
                  "Output folder (default termalign-out): TMX, glossary, report", "--out")
      ->type_name("DIR");
  app.add_option("--src-lang", options->source_lang, "Source language of the pairs (default en)");
  app.add_option("--tgt-lang", options->target_lang,
                 "Target language of the pairs (default fr, or else the language the folder's "
                 "names pair with the source)")
      ->each([options](const std::string&) { options->target_given = true; });
  app.add_flag("--no-glossary", options->no_glossary,
               "Do not build the glossary (and so check no terms)");
  AddNoDictFlag(app, &options->no_dict);
  app.add_flag("--spell", options->spell, "Check the spelling of the targets");
  app.add_option("-j,--jobs", options->jobs,
                 "Document pairs read, aligned and checked at once (default 1); the output is "
                 "the same for any number")
      ->check(CountFrom(1));
  app.add_flag("--review", options->review,
               "At the end, serve the review page over the output folder (as 'termalign review "
               "OUT_DIR'; its address is the last line on stdout) until Ctrl-C");
  app.add_flag("--follow-symlinks", options->follow_symlinks,
               "Read symbolic links that lead out of the corpus folder (skipped by default)");
  AddSrxOption(app, &options->srx)
      ->type_name("FILE")
      ->description("Segment with the SRX 2.0 rules of FILE (default: the corpus folder's "
                    "segmentation.srx when it has one, else the built-in rules)");
  return [options] { return RunRun(*options); };
}

}  // namespace termalign::cli
