// The per-pair work of a run: read, take or make the beads, write the TMX, make the bitext, check.
#include "pair_steps.h"

#include <filesystem>
#include <utility>

#include "pipeline/bilingual_input.h"
#include "pipeline/jobs.h"
#include "pipeline/run_pairs.h"
#include "qa/check.h"
#include "tmx/writer.h"

namespace termalign::pipeline {
namespace {

namespace fs = std::filesystem;

// `message` with the document's path, as bytes, replaced by its display form.
std::string Displayed(std::string message, const CorpusDocument& entry) {
  if (entry.path == entry.display_path) return message;
  for (std::size_t at = message.find(entry.path); at != std::string::npos;
       at = message.find(entry.path, at + entry.display_path.size())) {
    message.replace(at, entry.path.size(), entry.display_path);
  }
  return message;
}

}  // namespace

std::string PairSteps::TmxPath(const std::string& name) const {
  return (fs::path(settings_.out_dir) / "tmx" /
          PairTmxName(name, settings_.source_lang, settings_.target_lang))
      .string();
}

std::optional<LoadedDocument> PairSteps::Load(const CorpusDocument& entry,
                                              PairOutcome* outcome) const {
  text::Result<LoadedDocument> loaded =
      LoadDocument(entry.path, entry.lang, Segmentation{false, srx_});
  if (!loaded.ok()) {
    outcome->errors.push_back(Displayed(loaded.status().message(), entry));
    return std::nullopt;
  }
  // The name in the TMX, the glossary and the report: valid UTF-8 without control characters.
  loaded->document.name = entry.display_name;
  if (!entry.lang_guessed) {
    std::string mismatch = LanguageMismatch(*loaded, entry.display_path, "named");
    if (!mismatch.empty()) outcome->warnings.push_back(std::move(mismatch));
  }
  return std::move(loaded.value());
}

PairOutcome PairSteps::MapPair(const Corpus& corpus, const CorpusPair& pair) const {
  const CorpusDocument& source = corpus.documents[pair.source];
  PairOutcome outcome;
  outcome.result.name = DisplayName(source.name);
  std::optional<LoadedDocument> source_text = Load(source, &outcome);
  if (!source_text) return outcome;
  outcome.source_sentences = source_text->document.sentences.size();
  std::optional<LoadedDocument> target_text = Load(corpus.documents[pair.target], &outcome);
  if (!target_text) return outcome;
  outcome.target_sentences = target_text->document.sentences.size();
  outcome.result.tmx_path = TmxPath(source.name);
  std::optional<Corrections> corrections =
      CorrectionsFor(outcome.result, *source_text, *target_text, &outcome);
  if (!corrections) return outcome;
  outcome.result.corrected = corrections->corrected;
  corrections->ApplyEdits(&source_text->document, &target_text->document);
  align::Alignment tmx_alignment = corrections->TmxAlignment();
  if (settings_.write) {
    text::Status status =
        WritePairTmx(*source_text, *target_text, tmx_alignment, &outcome.result);
    if (status.ok()) status = WriteCorrections(outcome.result.tmx_path, *corrections);
    if (!status.ok()) {
      outcome.errors.push_back(DisplayName(status.message()));
      return outcome;
    }
  }
  align::Alignment alignment = corrections->Alignment();
  if (settings_.bitext) outcome.bitext = BitextFromPair(*source_text, *target_text, alignment);
  outcome.aligned = AlignedPair{std::move(source_text->document),
                                std::move(target_text->document), std::move(alignment), {}};
  return outcome;
}

PairOutcome PairSteps::MapBilingual(const CorpusBilingual& file) const {
  PairOutcome outcome;
  outcome.result.name = file.display_name;
  text::Result<BilingualPair> read = LoadBilingualPair(
      file.path, file.display_name, settings_.source_lang, settings_.target_lang);
  if (!read.ok()) {
    std::string message = read.status().message();
    if (file.path != file.display_path && message.rfind(file.path, 0) == 0) {
      message = file.display_path + message.substr(file.path.size());
    }
    if (read.status().code() == text::ErrorCode::kUsage) {
      outcome.warnings.push_back(message + "; skipped");
    } else {
      outcome.errors.push_back(std::move(message));
    }
    return outcome;
  }
  for (std::string& warning : read->warnings) outcome.warnings.push_back(std::move(warning));
  outcome.result.tmx_path = TmxPath(file.file_name);
  if (settings_.write) {
    text::Status status =
        WritePairTmx(read->source, read->target, read->alignment, &outcome.result);
    if (!status.ok()) {
      outcome.errors.push_back(DisplayName(status.message()));
      return outcome;
    }
  }
  if (settings_.bitext) {
    outcome.bitext = BitextFromPair(read->source, read->target, read->alignment);
  }
  outcome.aligned =
      AlignedPair{std::move(read->source.document), std::move(read->target.document),
                  std::move(read->alignment), std::move(read->segments)};
  return outcome;
}

// The beads of a pair: a person's kept from a review while the documents have the same bytes
// (in a revision, whatever was kept), else the aligner's. nullopt when aligning failed; in a
// revision, kept beads that are missing or no longer fit the documents are an error of the
// pair too (both recorded in `outcome`).
std::optional<Corrections> PairSteps::CorrectionsFor(const PairResult& pair,
                                                     const LoadedDocument& source,
                                                     const LoadedDocument& target,
                                                     PairOutcome* outcome) const {
  text::Result<Corrections> kept = KeptCorrections(pair.tmx_path, source, target);
  if (kept.ok() && (kept->corrected || settings_.revise)) return std::move(kept.value());
  if (settings_.revise) {
    outcome->errors.push_back(pair.name + ": " + kept.status().message() +
                              "; run 'termalign run' again");
    return std::nullopt;
  }
  if (!kept.ok() && kept.status().code() != text::ErrorCode::kNotFound) {
    outcome->warnings.push_back(DisplayName(kept.status().message()) +
                                "; the pair is aligned again");
  }
  AlignJob job;
  job.trace = settings_.trace;
  text::Result<align::Alignment> alignment =
      AlignPair(source.document, target.document, *dictionaries_, job);
  if (!alignment.ok()) {
    outcome->errors.push_back(alignment.status().message());
    return std::nullopt;
  }
  return Corrections::FromAlignment(*alignment, source.content_hash, target.content_hash);
}

text::Status PairSteps::WritePairTmx(const LoadedDocument& source, const LoadedDocument& target,
                                     const align::Alignment& alignment, PairResult* pair) const {
  tmx::TmxHeader header;
  header.src_lang = settings_.source_lang;
  header.tgt_lang = settings_.target_lang;
  header.source_doc = source.document.name;
  header.target_doc = target.document.name;
  tmx::WriteStats stats;
  text::Status status = tmx::WriteTmx(
      pair->tmx_path, header, align::ToSentencePairs(source.document, target.document, alignment),
      &stats);
  if (!status.ok()) return status.WithContext("writing " + pair->tmx_path);
  pair->tmx_units = stats.units;
  return text::Status::Ok();
}

text::Result<qa::Report> CheckAlignedPair(AlignedPair aligned, const CheckSettings& settings,
                                          glossary::Termbase* termbase) {
  qa::CheckOptions check;
  check.weak_below = settings.weak_below;
  if (settings.spelling) check.switches["spelling"] = true;
  check.termbase = termbase;
  return qa::CheckPair(std::move(aligned.source), std::move(aligned.target),
                       std::move(aligned.alignment), check, std::move(aligned.segments));
}

}  // namespace termalign::pipeline
