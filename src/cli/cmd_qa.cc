// termalign qa: coverage, terminology, numbers and untranslated text of one translation.
#include <cstdio>
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
#include "qa/check.h"
#include "qa/finding.h"
#include "qa/report_html.h"
#include "qa/report_text.h"
#include "qa/tmx_input.h"
#include "text/dictionary.h"
#include "text/reader.h"

namespace termalign::cli {
namespace {

struct QaCliOptions {
  std::vector<std::string> files;  // SOURCE TARGET
  std::string tmx;
  std::string source_lang;
  std::string target_lang;
  std::string db;
  std::string beads;
  std::string dict;
  bool no_dict = false;
  bool presegmented = false;
  bool json = false;
  std::string html;
  bool spell = false;
  bool no_numbers = false;
  std::optional<double> fail_under;
  std::vector<std::string> fail_on;
  double weak_below = 0.3;
};

// Parses "--fail-on omission,missing_term" (the option may also be repeated).
bool ParseFailOn(const std::vector<std::string>& words, std::set<qa::FindingKind>* kinds) {
  std::vector<std::string> names;
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
      std::optional<qa::FindingKind> kind = qa::ParseKind(word);
      if (!kind) {
        std::string hint = ClosestMatch(word, names);
        PrintError("--fail-on: unknown kind '" + word + "'" +
                   (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
                   " (kinds: omission, addition, weak_pair, missing_term, inconsistent_term, "
                   "rejected_term, number_mismatch, untranslated, spelling, any)");
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
};

text::Result<Inputs> ReadAndAlign(const QaCliOptions& options) {
  Inputs inputs;
  if (!options.tmx.empty()) {
    text::Result<qa::TmxBitext> bitext =
        qa::ReadTmxBitext(options.tmx, options.source_lang, options.target_lang);
    if (!bitext.ok()) return bitext.status().WithContext("reading " + options.tmx);
    for (const std::string& warning : bitext->warnings) PrintWarning(warning);
    inputs.source = std::move(bitext->source);
    inputs.target = std::move(bitext->target);
    inputs.alignment = std::move(bitext->alignment);
    return inputs;
  }
  auto read = [&](const std::string& path, const std::string& lang) {
    return options.presegmented ? text::ReadPresegmented(path, lang)
                                : text::ReadDocument(path, lang);
  };
  text::Result<text::Document> source = read(options.files[0], options.source_lang);
  if (!source.ok()) return source.status();
  text::Result<text::Document> target = read(options.files[1], options.target_lang);
  if (!target.ok()) return target.status();
  inputs.source = std::move(source.value());
  inputs.target = std::move(target.value());
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

  std::optional<text::BilingualDictionary> dictionary;
  if (!options.dict.empty()) {
    text::Result<text::BilingualDictionary> loaded = text::BilingualDictionary::LoadTsv(options.dict);
    if (!loaded.ok()) return loaded.status().WithContext("reading the dictionary");
    dictionary = std::move(loaded.value());
  } else if (!options.no_dict) {
    text::Result<text::BilingualDictionary> loaded =
        text::BilingualDictionary::LoadFreeDict(inputs.source.lang, inputs.target.lang);
    if (loaded.ok()) dictionary = std::move(loaded.value());
  }
  align::AlignOptions align_options;
  align_options.source_lang = inputs.source.lang;
  align_options.target_lang = inputs.target.lang;
  align_options.dictionary = dictionary ? &*dictionary : nullptr;
  text::Result<align::Alignment> alignment =
      align::Align(inputs.source, inputs.target, align_options);
  if (!alignment.ok()) {
    return alignment.status().WithContext("aligning " + options.files[0] + " with " +
                                          options.files[1]);
  }
  inputs.alignment = std::move(alignment.value());
  return inputs;
}

int RunQa(const QaCliOptions& options) {
  if (!options.tmx.empty() && !options.beads.empty()) {
    PrintError("--beads goes with SOURCE TARGET, not with --tmx");
    return kExitError;
  }
  if (options.tmx.empty() == (options.files.size() != 2)) {
    PrintError(options.tmx.empty() ? "qa needs SOURCE and TARGET files, or --tmx FILE"
                                   : "qa takes either SOURCE TARGET or --tmx FILE, not both");
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

  text::Result<Inputs> inputs = ReadAndAlign(options);
  if (!inputs.ok()) {
    PrintError(inputs.status().message());
    return kExitError;
  }
  qa::CheckOptions check;
  check.weak_below = options.weak_below;
  check.numbers = !options.no_numbers;
  check.spelling = options.spell;
  check.termbase = termbase.get();
  check.split_edges = options.tmx.empty() && options.beads.empty();
  text::Result<qa::Report> report =
      qa::CheckPair(std::move(inputs->source), std::move(inputs->target),
                    std::move(inputs->alignment), check);
  if (!report.ok()) {
    PrintError(report.status().message());
    return kExitError;
  }

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
  app.add_option("files", options->files, "SOURCE TARGET text files")->type_name("FILE");
  app.add_option("--tmx", options->tmx, "Check a translation memory instead of two texts")
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
  app.add_flag("--no-dict", options->no_dict,
               "Align with no dictionary (by default the installed FreeDict one of the pair)");
  app.add_flag("--presegmented", options->presegmented,
               "Inputs hold one sentence per line (no segmentation)");
  app.add_flag("--json", options->json,
               "JSON Lines: one object per finding (type, bead, source_sentences, "
               "target_sentences, source_text, target_text, subject, expected, found, message, "
               "marks), then one summary object");
  app.add_option("--html", options->html, "Also write the HTML report to this file")
      ->type_name("FILE");
  app.add_flag("--spell", options->spell, "Check the target's spelling with Hunspell");
  app.add_flag("--no-numbers", options->no_numbers, "Do not compare numbers and dates");
  app.add_option("--fail-under", options->fail_under,
                 "Exit 1 when the source coverage in characters is under PERCENT")
      ->check(CLI::Range(0.0, 100.0))
      ->type_name("PERCENT");
  app.add_option("--fail-on", options->fail_on,
                 "Exit 1 when a finding of these kinds is present: KIND[,KIND] (omission, "
                 "addition, weak_pair, missing_term, inconsistent_term, rejected_term, "
                 "number_mismatch, untranslated, spelling, any)")
      ->allow_extra_args(false)
      ->type_name("KIND[,KIND]");
  app.add_option("--weak-below", options->weak_below,
                 "Matched beads scoring below this are weak pairs (default 0.3)")
      ->check(CLI::Range(0.0, 1.0))
      ->type_name("SCORE");
  return [options] { return RunQa(*options); };
}

}  // namespace termalign::cli
