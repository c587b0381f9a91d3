// termalign glossary build: term pairs from an aligned bitext (two files, aligned here, or a
// TMX). termalign glossary add-doc: candidates of a monolingual document linked to entities.
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "align/aligner.h"
#include "cli_util.h"
#include "commands.h"
#include "glossary/builder.h"
#include "glossary_cli.h"
#include "text/atomic_file.h"
#include "text/dictionary.h"
#include "text/input_file.h"
#include "text/reader.h"
#include "tmx/import.h"

namespace termalign::cli {
namespace {

struct BuildOptions {
  std::string db;
  std::string src_lang = "en";
  std::string tgt_lang = "fr";
  std::string tmx;
  std::vector<std::string> inputs;
  bool no_dictionary = false;
  bool quiet = false;
};

struct AddDocOptions {
  std::string db;
  std::string lang;
  std::vector<std::string> inputs;
  bool no_dictionary = false;
  bool quiet = false;
};

// A FreeDict dictionary, or none (with a warning) when it is not installed.
std::optional<text::BilingualDictionary> LoadDictionary(const std::string& from,
                                                        const std::string& to, bool quiet) {
  auto loaded = text::BilingualDictionary::LoadFreeDict(from, to);
  if (loaded.ok()) return std::move(loaded).value();
  if (!quiet) {
    PrintWarning(fmt::format("no {}-{} dictionary ({}); pairing uses identity, cognates and "
                             "statistics only",
                             from, to, loaded.status().message()));
  }
  return std::nullopt;
}

void PrintSummary(const std::string& what, const glossary::BuildReport& report, bool quiet) {
  if (quiet) return;
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

text::Result<glossary::BitextInput> BitextFromFiles(const BuildOptions& options,
                                                   const text::BilingualDictionary* dictionary) {
  glossary::BitextInput input;
  const std::string& source_path = options.inputs[0];
  const std::string& target_path = options.inputs[1];
  auto source_bytes = text::ReadInput(source_path, text::InputKind::kText);
  if (!source_bytes.ok()) return source_bytes.status();
  auto target_bytes = text::ReadInput(target_path, text::InputKind::kText);
  if (!target_bytes.ok()) return target_bytes.status();
  auto source = text::ReadDocument(source_path, options.src_lang);
  if (!source.ok()) return source.status();
  auto target = text::ReadDocument(target_path, options.tgt_lang);
  if (!target.ok()) return target.status();
  align::AlignOptions align_options;
  align_options.source_lang = options.src_lang;
  align_options.target_lang = options.tgt_lang;
  align_options.dictionary = dictionary;
  auto alignment = align::Align(*source, *target, align_options);
  if (!alignment.ok()) return alignment.status().WithContext("aligning " + source_path);
  input.pairs = align::ToSentencePairs(*source, *target, *alignment, 0.0, true);
  input.source_document = {0, source_path, options.src_lang, glossary::ContentHash(*source_bytes)};
  input.target_document = {0, target_path, options.tgt_lang, glossary::ContentHash(*target_bytes)};
  return input;
}

text::Result<glossary::BitextInput> BitextFromTmx(const BuildOptions& options) {
  glossary::BitextInput input;
  auto bytes = text::ReadInput(options.tmx, text::InputKind::kTmx);
  if (!bytes.ok()) return bytes.status();
  tmx::ImportOptions import;
  import.src_lang = options.src_lang;
  import.tgt_lang = options.tgt_lang;
  tmx::ImportSummary summary;
  std::size_t index = 0;
  text::Status status = tmx::ImportTmx(
      options.tmx, import,
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
  input.source_document = {0, options.tmx, options.src_lang, hash + ":" + options.src_lang};
  input.target_document = {0, options.tmx, options.tgt_lang, hash + ":" + options.tgt_lang};
  return input;
}

int RunBuild(const BuildOptions& options) {
  if (options.tmx.empty() == (options.inputs.size() != 2)) {
    PrintError("glossary build: give either SRC and TGT files or --tmx FILE");
    return kExitError;
  }
  if (!options.tmx.empty() && !options.inputs.empty()) {
    PrintError("glossary build: give either SRC and TGT files or --tmx FILE, not both");
    return kExitError;
  }
  std::optional<text::BilingualDictionary> forward, backward;
  if (!options.no_dictionary) {
    forward = LoadDictionary(options.src_lang, options.tgt_lang, options.quiet);
    backward = LoadDictionary(options.tgt_lang, options.src_lang, options.quiet);
  }
  auto input = options.tmx.empty()
                   ? BitextFromFiles(options, forward ? &*forward : nullptr)
                   : BitextFromTmx(options);
  if (!input.ok()) return ReportStatus(input.status());
  auto termbase = OpenTermbase(options.db, false);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  glossary::BitextOptions bitext;
  bitext.forward = forward ? &*forward : nullptr;
  bitext.backward = backward ? &*backward : nullptr;
  glossary::BuildReport report;
  text::Status status = glossary::BuildFromBitext(**termbase, *input, bitext, &report);
  if (!status.ok()) return ReportStatus(status.WithContext("building the glossary"));
  PrintSummary(options.tmx.empty() ? options.inputs[0] + " + " + options.inputs[1] : options.tmx,
               report, options.quiet);
  return kExitOk;
}

int RunAddDoc(const AddDocOptions& options) {
  if (options.lang.empty()) {
    PrintError("glossary add-doc: --lang is required (en, fr, ar, ...)");
    return kExitError;
  }
  // Links go towards English (and French) terms: load what FreeDict has from this language.
  std::map<std::string, text::BilingualDictionary> dictionaries;
  if (!options.no_dictionary) {
    for (const char* other : {"en", "fr"}) {
      if (options.lang == other) continue;
      auto loaded = text::BilingualDictionary::LoadFreeDict(options.lang, other);
      if (loaded.ok()) dictionaries.emplace(other, std::move(loaded).value());
    }
  }
  glossary::MonolingualOptions monolingual;
  for (auto& [lang, dictionary] : dictionaries) monolingual.dictionaries[lang] = &dictionary;

  auto termbase = OpenTermbase(options.db, false);
  if (!termbase.ok()) return ReportStatus(termbase.status());
  int exit_code = kExitOk;
  for (const std::string& path : options.inputs) {
    auto bytes = text::ReadInput(path, text::InputKind::kText);
    auto document = bytes.ok() ? text::ReadDocument(path, options.lang)
                               : text::Result<text::Document>(bytes.status());
    if (!document.ok()) {
      ReportStatus(document.status());
      exit_code = kExitError;  // report it, carry on with the other files
      continue;
    }
    glossary::MonolingualInput input;
    input.document = {0, path, options.lang, glossary::ContentHash(*bytes)};
    for (text::Sentence& sentence : document->sentences) {
      input.sentences.push_back(std::move(sentence.text));
    }
    glossary::BuildReport report;
    text::Status status = glossary::AddMonolingualDocument(**termbase, input, monolingual, &report);
    if (!status.ok()) {
      ReportStatus(status.WithContext("adding " + path));
      exit_code = kExitError;
      continue;
    }
    PrintSummary(path, report, options.quiet);
  }
  return exit_code;
}

}  // namespace

Handler SetupGlossaryBuild(CLI::App& app) {
  auto options = std::make_shared<BuildOptions>();
  AddDbOption(app, &options->db);
  app.add_option("--src-lang", options->src_lang, "Source language (default en)");
  app.add_option("--tgt-lang", options->tgt_lang, "Target language (default fr)");
  app.add_option("--tmx", options->tmx, "Read aligned pairs from a TMX file instead of SRC TGT");
  app.add_option("inputs", options->inputs, "SRC TGT: two texts to align");
  app.add_flag("--no-dictionary", options->no_dictionary,
               "Do not load FreeDict (identity, cognates and statistics only)");
  app.add_flag("-q,--quiet", options->quiet, "No summary or warnings on stderr");
  return [options] { return RunBuild(*options); };
}

Handler SetupGlossaryAddDoc(CLI::App& app) {
  auto options = std::make_shared<AddDocOptions>();
  AddDbOption(app, &options->db);
  app.add_option("--lang", options->lang, "Language of the documents: ar, en, fr, ...")
      ->required();
  app.add_option("inputs", options->inputs, "Monolingual text files")->required();
  app.add_flag("--no-dictionary", options->no_dictionary, "Do not load FreeDict");
  app.add_flag("-q,--quiet", options->quiet, "No summary on stderr");
  return [options] { return RunAddDoc(*options); };
}

}  // namespace termalign::cli
