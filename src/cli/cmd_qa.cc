// termalign qa: coverage, terminology, numbers and untranslated text of one translation; of a
// bilingual file (XLIFF, PO, TMX), also its units' tags, placeholders, spaces and punctuation.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/beads.h"
#include "cli_util.h"
#include "commands.h"
#include "glossary/termbase.h"
#include "qa/accepted.h"
#include "qa/check.h"
#include "qa/finding.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "qa/tmx_input.h"
#include "formats/document_text.h"
#include "pipeline/bilingual_input.h"
#include "pipeline/dictionaries.h"
#include "pipeline/document.h"
#include "pipeline/jobs.h"

namespace termalign::cli {
namespace {

struct QaCliOptions {
  std::vector<std::string> files;  // SOURCE TARGET, or one bilingual FILE
  std::string tmx;                 // the bilingual file, by --tmx or as the only FILE
  std::string source_lang;
  std::string target_lang;
  std::string db;
  std::string beads;
  std::string dict;
  bool no_dict = false;
  bool presegmented = false;
  std::string srx;
  bool json = false;
  std::string html;
  std::string accepted;
  bool spell = false;
  bool no_numbers = false;
  std::optional<double> fail_under;
  std::vector<std::string> fail_on;
  double weak_below = 0.3;
};

// Parses "--fail-on omission,missing_term" (the option may also be repeated). Not given: any
// finding is a failure, as a problem found is the negative answer (exit 1); "none": none is.
bool ParseFailOn(const std::vector<std::string>& words, std::set<qa::FindingKind>* kinds) {
  if (words.empty()) kinds->insert(qa::AllKinds().begin(), qa::AllKinds().end());
  std::vector<std::string> names = {"any", "none"};
  for (qa::FindingKind kind : qa::AllKinds()) names.emplace_back(qa::KindName(kind));
  for (const std::string& list : words) {
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t comma = list.find(',', start);
      std::string word = list.substr(start, comma == std::string::npos ? comma : comma - start);
      start = comma == std::string::npos ? list.size() + 1 : comma + 1;
      if (word.empty()) continue;
      if (word == "any") {
        kinds->insert(qa::AllKinds().begin(), qa::AllKinds().end());
        continue;
      }
      if (word == "none") continue;
      std::optional<qa::FindingKind> kind = qa::ParseKind(word);
      if (!kind) {
        std::string hint = ClosestMatch(word, names);
        PrintError("--fail-on: unknown kind '" + word + "'" +
                   (hint.empty() ? "" : "; did you mean '" + hint + "'?") + " (kinds: " +
                   qa::KindNames() + ", any, none)");
        return false;
      }
      kinds->insert(*kind);
    }
  }
  return true;
}

struct Inputs {
  text::Document source;
  text::Document target;
  align::Alignment alignment;
  std::vector<qa::Segment> segments;  // of a bilingual file
};

text::Result<Inputs> ReadAndAlign(const QaCliOptions& options) {
  Inputs inputs;
  if (!options.tmx.empty()) {
    text::Result<qa::TmxBitext> bitext =
        pipeline::ReadBilingualBitext(options.tmx, options.source_lang, options.target_lang);
    if (!bitext.ok()) return bitext.status().WithContext("reading " + options.tmx);
    for (const std::string& warning : bitext->warnings) PrintWarning(warning);
    inputs.source = std::move(bitext->source);
    inputs.target = std::move(bitext->target);
    inputs.alignment = std::move(bitext->alignment);
    inputs.segments = std::move(bitext->segments);
    return inputs;
  }
  text::Result<std::shared_ptr<const text::SrxRules>> srx = LoadSrxOption(options.srx);
  if (!srx.ok()) return srx.status();
  const pipeline::Segmentation segmentation{options.presegmented, srx->get()};
  text::Result<pipeline::LoadedDocument> source =
      pipeline::LoadDocument(options.files[0], options.source_lang, segmentation);
  if (!source.ok()) return source.status();
  text::Result<pipeline::LoadedDocument> target =
      pipeline::LoadDocument(options.files[1], options.target_lang, segmentation);
  if (!target.ok()) return target.status();
  inputs.source = std::move(source->document);
  inputs.target = std::move(target->document);
  if (!options.beads.empty()) {
    text::Result<std::vector<align::Bead>> beads = align::ReadBeadFile(options.beads);
    if (!beads.ok()) return beads.status();
    inputs.alignment.beads = std::move(beads.value());
    // A bead file without scores is an alignment a person made or checked: no weak pairs.
    bool scored = false;
    for (const align::Bead& bead : inputs.alignment.beads) scored = scored || bead.score != 0.0;
    if (!scored) {
      for (align::Bead& bead : inputs.alignment.beads) bead.score = 1.0;
    }
    return inputs;
  }

  pipeline::Dictionaries dictionaries(!options.no_dict, PrintWarning);
  if (!options.dict.empty()) {
    text::Status loaded = dictionaries.UseTsv(options.dict, options.source_lang,
                                              options.target_lang);
    if (!loaded.ok()) return loaded;
  }
  pipeline::AlignJob job;
  job.trace = AlignTrace();
  text::Result<align::Alignment> alignment =
      pipeline::AlignPair(inputs.source, inputs.target, dictionaries, job);
  if (!alignment.ok()) return alignment.status();
  inputs.alignment = std::move(alignment.value());
  return inputs;
}

int RunQa(QaCliOptions options) {
  if (!CheckLanguage("--src-lang", &options.source_lang, true) ||
      !CheckLanguage("--tgt-lang", &options.target_lang, true)) {
    return kExitError;
  }
  if (options.tmx.empty() && options.files.size() == 1) {
    // One file: a bilingual one, told by its content.
    std::error_code error;
    formats::Format format = pipeline::SniffFormat(options.files[0]);
    if (std::filesystem::exists(options.files[0], error) && !pipeline::IsBilingualFormat(format)) {
      PrintError(options.files[0] + ": a " + std::string(formats::ToString(format)) +
                 " document, not a bilingual file (XLIFF, PO or TMX); give SOURCE and TARGET");
      return kExitError;
    }
    options.tmx = options.files[0];
    options.files.clear();
  }
  if (!options.tmx.empty() && !options.beads.empty()) {
    PrintError("--beads goes with SOURCE TARGET, not with a bilingual file");
    return kExitError;
  }
  if (!options.tmx.empty() && !options.files.empty()) {
    PrintError("qa takes either SOURCE TARGET or --tmx FILE, not both");
    return kExitError;
  }
  if (options.tmx.empty() && options.files.size() != 2) {
    PrintError("qa needs SOURCE and TARGET files, or one bilingual FILE (XLIFF, PO, TMX)");
    return kExitError;
  }
  std::set<qa::FindingKind> fail_on;
  if (!ParseFailOn(options.fail_on, &fail_on)) return kExitError;

  std::unique_ptr<glossary::Termbase> termbase;
  if (!options.db.empty()) {
    glossary::OpenOptions open;
    open.create = false;
    open.read_only = true;
    text::Result<std::unique_ptr<glossary::Termbase>> opened =
        glossary::Termbase::Open(options.db, open);
    if (!opened.ok()) {
      PrintError("opening the glossary: " + opened.status().message());
      return kExitError;
    }
    termbase = std::move(opened.value());
  }

  qa::AcceptedFindings accepted;
  if (!options.accepted.empty()) {
    text::Result<qa::AcceptedFindings> read = qa::AcceptedFindings::Read(options.accepted, false);
    if (!read.ok()) {
      PrintError("--accepted: " + read.status().message());
      return kExitError;
    }
    accepted = std::move(read.value());
  }

  text::Result<Inputs> inputs = ReadAndAlign(options);
  if (!inputs.ok()) {
    PrintError(inputs.status().message());
    return kExitError;
  }
  qa::CheckOptions check;
  check.weak_below = options.weak_below;
  if (options.no_numbers) check.switches["numbers"] = false;
  if (options.spell) check.switches["spelling"] = true;
  check.termbase = termbase.get();
  text::Result<qa::Report> report =
      qa::CheckPair(std::move(inputs->source), std::move(inputs->target),
                    std::move(inputs->alignment), check, std::move(inputs->segments));
  if (!report.ok()) {
    PrintError(report.status().message());
    return kExitError;
  }

  qa::SetAsideAccepted(accepted, &*report);
  std::string out = options.json ? qa::RenderJsonLines(*report) : qa::RenderText(*report);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (!options.html.empty()) {
    qa::HtmlOptions html;
    html.title = "QA: " + report->source.name + " → " + report->target.name;
    text::Status written = qa::WriteHtml(options.html, {&*report}, html);
    if (!written.ok()) {
      PrintError(written.message());
      return kExitError;
    }
  }

  bool failed = options.fail_under && report->coverage.SourceCharPercent() < *options.fail_under;
  for (qa::FindingKind kind : fail_on) failed = failed || report->Count(kind) != 0;
  return failed ? kExitNegative : kExitOk;
}

}  // namespace

Handler SetupQa(CLI::App& app) {
  auto options = std::make_shared<QaCliOptions>();
  app.add_option("files", options->files,
                 "SOURCE TARGET documents, or one bilingual FILE: XLIFF (1.2, 2.x, SDLXLIFF), PO "
                 "or TMX, told by its content")
      ->type_name("FILE");
  app.add_option("--tmx", options->tmx, "The bilingual FILE, as an option (same as qa FILE)")
      ->type_name("FILE");
  app.add_option("--src-lang", options->source_lang,
                 "Source language: en, fr, ar (guessed when not given; TMX: the header's)");
  app.add_option("--tgt-lang", options->target_lang,
                 "Target language (guessed when not given; TMX: the other language)");
  app.add_option("--db", options->db, "Glossary (termbase) to check terms against")
      ->type_name("FILE");
  app.add_option("--beads", options->beads,
                 "Use this alignment (bead lines such as [0]:[0, 1]) instead of aligning")
      ->type_name("FILE");
  app.add_option("--dict", options->dict, "Bilingual word list for the aligner: source<TAB>target");
  AddNoDictFlag(app, &options->no_dict);
  app.add_flag("--presegmented", options->presegmented,
               "Inputs hold one sentence per line (no segmentation)");
  AddSrxOption(app, &options->srx)->type_name("FILE");
  app.add_flag("--json", options->json,
               "JSON Lines: one object per finding (type, bead, source_sentences, "
               "target_sentences, source_text, target_text, subject, expected, found, message, "
               "marks; of a bilingual file also unit_id, unit_line), then one summary object");
  app.add_option("--html", options->html, "Also write the HTML report to this file")
      ->type_name("FILE");
  app.add_option("--accepted", options->accepted,
                 "Findings accepted before (kind, source and target text a line, as the review "
                 "page writes accepted.tsv): listed as accepted, not counted")
      ->type_name("FILE");
  app.add_flag("--spell", options->spell, "Check the target's spelling with Hunspell");
  app.add_flag("--no-numbers", options->no_numbers, "Do not compare numbers and dates");
  app.add_option("--fail-under", options->fail_under,
                 "Exit 1 when the source coverage in characters is under PERCENT")
      ->check(NumberFrom(0.0, 100.0))
      ->type_name("PERCENT");
  app.add_option("--fail-on", options->fail_on,
                 "Exit 1 when a finding of these kinds is present (default any): KIND[,KIND] (" +
                     qa::KindNames() + ", any, none)")
      ->allow_extra_args(false)
      ->type_name("KIND[,KIND]");
  app.add_option("--weak-below", options->weak_below,
                 "Matched beads scoring below this are weak pairs (default 0.3)")
      ->check(NumberFrom(0.0, 1.0))
      ->type_name("SCORE");
  return [options] { return RunQa(*options); };
}

}  // namespace termalign::cli
