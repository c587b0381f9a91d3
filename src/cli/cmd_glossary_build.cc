// termalign glossary build: term pairs from aligned bitexts (pairs of files, aligned here, or
// TMX files), learnt together. termalign glossary add-doc: candidates of a monolingual document linked to entities.
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli_util.h"
#include "commands.h"
#include "glossary/builder.h"
#include "glossary_cli.h"
#include "pipeline/bilingual_input.h"
#include "pipeline/dictionaries.h"
#include "pipeline/document.h"
#include "pipeline/jobs.h"
#include "text/input_file.h"
#include "tmx/import.h"

namespace termalign::cli {
namespace {

struct BuildOptions {
  std::string db;
  std::string src_lang = "en";
  std::string tgt_lang = "fr";
  std::vector<std::string> tmx;     // TMX files
  std::vector<std::string> inputs;  // SRC TGT [SRC TGT ...]
  bool no_dictionary = false;
  std::string srx;
  std::shared_ptr<const text::SrxRules> srx_rules;  // loaded from `srx`
};

struct AddDocOptions {
  std::string db;
  std::string lang;
  std::vector<std::string> link_to;  // empty: the termbase's languages
  std::vector<std::string> inputs;
  bool no_dictionary = false;
  std::string srx;
};

void PrintSummary(const std::string& what, const glossary::BuildReport& report) {
  if (Quiet()) return;
  if (report.skipped) {
    std::fprintf(stderr, "termalign: %s: already in the termbase; nothing changed\n", what.c_str());
    return;
  }
  std::fprintf(stderr,
               "termalign: %s: %lld+%lld candidates, %lld pairs proposed (%lld joined), "
               "%lld acronyms, %lld links proposed, %lld new entities\n",
               what.c_str(), static_cast<long long>(report.source_candidates),
               static_cast<long long>(report.target_candidates),
               static_cast<long long>(report.pairs), static_cast<long long>(report.joined),
               static_cast<long long>(report.acronyms), static_cast<long long>(report.links),
               static_cast<long long>(report.new_entities));
}

text::Result<glossary::BitextInput> BitextFromTmx(const BuildOptions& options,
                                                  const std::string& path) {
  glossary::BitextInput input;
  auto bytes = text::ReadInput(path, text::InputKind::kTmx);
  if (!bytes.ok()) return bytes.status();
  tmx::ImportOptions import;
  import.src_lang = options.src_lang;
  import.tgt_lang = options.tgt_lang;
  tmx::ImportSummary summary;
  std::size_t index = 0;
  text::Status status = pipeline::ImportBilingual(
      path, import,
      [&](const tmx::ImportedPair& imported) {
        text::SentencePair pair;
        pair.source = imported.source;
        pair.target = imported.target;
        pair.score = imported.score < 0 ? 1.0 : imported.score;
        pair.source_index = pair.target_index = index++;
        input.pairs.push_back(std::move(pair));
      },
      &summary);
  if (!status.ok()) return status;
  for (const std::string& warning : summary.warnings) PrintWarning(warning);
  // One file holds both sides: each side is recorded under its own language with a hash of
  // the file and that language, so the same TMX twice is recognised.
  std::string hash = glossary::ContentHash(*bytes);
  input.source_document = {0, path, options.src_lang, hash + ":" + options.src_lang};
  input.target_document = {0, path, options.tgt_lang, hash + ":" + options.tgt_lang};
  return input;
}

// The bitext of files `source_path` and `target_path`, each read once, aligned.
text::Result<glossary::BitextInput> BitextFromFiles(const BuildOptions& options,
                                                    const std::string& source_path,
                                                    const std::string& target_path,
                                                    pipeline::Dictionaries& dictionaries) {
  const pipeline::Segmentation segmentation{false, options.srx_rules.get()};
  text::Result<pipeline::LoadedDocument> source =
      pipeline::LoadDocument(source_path, options.src_lang, segmentation);
  if (!source.ok()) return source.status();
  text::Result<pipeline::LoadedDocument> target =
      pipeline::LoadDocument(target_path, options.tgt_lang, segmentation);
  if (!target.ok()) return target.status();
  for (auto [loaded, flag] :
       {std::pair{&*source, "given as --src-lang"}, std::pair{&*target, "given as --tgt-lang"}}) {
    const std::string mismatch = pipeline::LanguageMismatch(*loaded, loaded->document.name, flag);
    if (!mismatch.empty()) PrintWarning(mismatch);
  }
  pipeline::AlignJob job;
  job.trace = AlignTrace();
  text::Result<align::Alignment> alignment =
      pipeline::AlignPair(source->document, target->document, dictionaries, job);
  if (!alignment.ok()) return alignment.status();
  return pipeline::BitextFromPair(*source, *target, *alignment);
}

int RunBuild(BuildOptions options) {
  if (!CheckLanguage("--src-lang", &options.src_lang, false) ||
      !CheckLanguage("--tgt-lang", &options.tgt_lang, false)) {
    return kExitError;
  }
  if (!options.tmx.empty() && !options.inputs.empty()) {
    PrintError("glossary build: give either SRC and TGT files or --tmx FILE, not both");
    return kExitError;
  }
  if (options.tmx.empty() && (options.inputs.empty() || options.inputs.size() % 2 != 0)) {
    PrintError("glossary build: give either SRC and TGT files or --tmx FILE");
    return kExitError;
  }
  text::Result<std::shared_ptr<const text::SrxRules>> srx = LoadSrxOption(options.srx);
  if (!srx.ok()) return ReportStatus(srx.status());
  options.srx_rules = std::move(srx.value());
  pipeline::Dictionaries dictionaries(!options.no_dictionary, PrintWarning);
  // Inputs are read (and aligned) before the termbase is opened: a bad input creates nothing.
  std::vector<glossary::BitextInput> bitexts;
  std::vector<std::string> names;
  for (const std::string& path : options.tmx) {
    auto input = BitextFromTmx(options, path);
    if (!input.ok()) return ReportStatus(input.status());
    bitexts.push_back(std::move(input.value()));
    names.push_back(path);
  }
  for (std::size_t k = 0; k + 1 < options.inputs.size(); k += 2) {
    auto input = BitextFromFiles(options, options.inputs[k], options.inputs[k + 1], dictionaries);
    if (!input.ok()) return ReportStatus(input.status());
    bitexts.push_back(std::move(input.value()));
    names.push_back(options.inputs[k] + " + " + options.inputs[k + 1]);
  }
  auto termbase = OpenTermbase(options.db, false);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  // All bitexts together: candidates are counted and paired over the whole corpus.
  glossary::BuildReport report;
  text::Status status = pipeline::LearnFromBitexts(**termbase, bitexts, dictionaries, &report);
  if (!status.ok()) return ReportStatus(status);
  if (!report.skipped) {
    glossary::BuildReport skipped;
    skipped.skipped = true;
    for (std::size_t k : report.skipped_inputs) PrintSummary(names[k], skipped);
  }
  std::string what = names.front();
  for (std::size_t k = 1; k < names.size(); ++k) what += ", " + names[k];
  PrintSummary(what, report);
  return kExitOk;
}

int RunAddDoc(AddDocOptions options) {
  if (options.lang.empty()) {
    PrintError("glossary add-doc: --lang is required (en, fr, ar, ...)");
    return kExitError;
  }
  if (!CheckLanguage("--lang", &options.lang, false)) return kExitError;
  text::Result<std::shared_ptr<const text::SrxRules>> srx = LoadSrxOption(options.srx);
  if (!srx.ok()) return ReportStatus(srx.status());
  const pipeline::Segmentation segmentation{false, srx->get()};
  auto termbase = OpenTermbase(options.db, false);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  // Links go towards the languages the termbase has learnt, unless --link-to names others.
  std::vector<std::string> link_to = options.link_to;
  if (link_to.empty()) {
    text::Result<std::vector<std::string>> langs = pipeline::TermbaseLanguages(**termbase);
    if (!langs.ok()) return ReportStatus(langs.status());
    link_to = std::move(langs.value());
  }
  pipeline::Dictionaries dictionaries(!options.no_dictionary, PrintWarning);
  int exit_code = kExitOk;
  for (const std::string& path : options.inputs) {
    text::Result<pipeline::LoadedDocument> document =
        pipeline::LoadDocument(path, options.lang, segmentation);
    if (!document.ok()) {
      ReportStatus(document.status());
      exit_code = kExitError;  // report it, carry on with the other files
      continue;
    }
    const std::string mismatch = pipeline::LanguageMismatch(*document, path, "given as --lang");
    if (!mismatch.empty()) PrintWarning(mismatch);
    glossary::BuildReport report;
    text::Status status = pipeline::LearnFromMonolingual(**termbase, std::move(document.value()),
                                                         link_to, dictionaries, &report);
    if (!status.ok()) {
      ReportStatus(status);
      exit_code = kExitError;
      continue;
    }
    PrintSummary(path, report);
  }
  return exit_code;
}

}  // namespace

Handler SetupGlossaryBuild(CLI::App& app) {
  auto options = std::make_shared<BuildOptions>();
  AddDbOption(app, &options->db);
  app.add_option("--src-lang", options->src_lang, "Source language (default en)");
  app.add_option("--tgt-lang", options->tgt_lang, "Target language (default fr)");
  app.add_option("--tmx", options->tmx,
                 "Read aligned pairs from a bilingual file (TMX, XLIFF or PO) instead of SRC TGT "
                 "(repeatable)");
  app.add_option("inputs", options->inputs,
                 "SRC TGT [SRC TGT ...]: pairs of texts to align; all pairs are learnt together");
  AddNoDictFlag(app, &options->no_dictionary);
  AddSrxOption(app, &options->srx)->type_name("FILE");
  return [options] { return RunBuild(*options); };
}

Handler SetupGlossaryAddDoc(CLI::App& app) {
  auto options = std::make_shared<AddDocOptions>();
  AddDbOption(app, &options->db);
  app.add_option("--lang", options->lang, "Language of the documents: ar, en, fr, ...")
      ->required();
  app.add_option("--link-to", options->link_to,
                 "Languages to propose links towards: LANG[,LANG] (default: the termbase's)")
      ->delimiter(',')
      ->type_name("LANG[,LANG]");
  app.add_option("inputs", options->inputs, "Monolingual text files")->required();
  AddNoDictFlag(app, &options->no_dictionary);
  AddSrxOption(app, &options->srx)->type_name("FILE");
  return [options] { return RunAddDoc(*options); };
}

}  // namespace termalign::cli
