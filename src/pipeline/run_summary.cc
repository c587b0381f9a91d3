// The summary a run prints: what was read, what was found, where each file is.
#include <fmt/format.h>

#include <map>

#include "pipeline/run.h"

namespace termalign::pipeline {

std::string RenderRunSummary(const RunResult& result, const RunOptions& options) {
  const Corpus& corpus = result.corpus;
  // Every name and path goes through DisplayName: a file name may hold any byte.
  const auto& D = DisplayName;
  std::string out = fmt::format("termalign run: {} -> {}\n\n", D(options.corpus_dir),
                                D(options.out_dir));
  out += fmt::format("documents   {}:", corpus.documents.size());
  std::map<std::string, std::size_t> sentences_by_lang;
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    const CorpusDocument& document = corpus.documents[i];
    out += fmt::format(" {} ({}{})", document.display_name, document.lang,
                       document.lang_guessed ? ", guessed" : "");
    out += i + 1 < corpus.documents.size() ? "," : "";
    sentences_by_lang[document.lang] += result.sentences[i];
  }
  out += "\nsentences  ";
  for (const auto& [lang, count] : sentences_by_lang) out += fmt::format(" {} {}", count, lang);
  if (!result.segmentation_rules.empty()) {
    out += fmt::format(" (segmented with {})", D(result.segmentation_rules));
  }
  // A pair one side of which could not be read or aligned is not counted: it is in the errors.
  if (!corpus.bilingual.empty()) {
    out += fmt::format("\nbilingual   {}:", corpus.bilingual.size());
    for (std::size_t i = 0; i < corpus.bilingual.size(); ++i) {
      out += fmt::format(" {}{}", corpus.bilingual[i].display_name,
                         i + 1 < corpus.bilingual.size() ? "," : "");
    }
  }
  const std::size_t expected = corpus.pairs.size() + corpus.bilingual.size();
  out += fmt::format("\npairs       {}", result.pairs.size());
  if (result.pairs.size() < expected) {
    out += fmt::format(" ({} more left out: see the warnings and errors)",
                       expected - result.pairs.size());
  }
  for (const PairResult& pair : result.pairs) {
    const qa::Coverage& c = pair.report.coverage;
    out += fmt::format("\n  {:<14} {} {} sentences, {} {}: {} matched beads", pair.name,
                       c.source_sentences, options.source_lang, c.target_sentences,
                       options.target_lang, c.matched_beads);
  }
  out += fmt::format("\nmonolingual {}", corpus.monolingual.size());
  for (std::size_t index : corpus.monolingual) {
    out += fmt::format(" {}", corpus.documents[index].display_name);
  }
  out += '\n';
  if (!result.pairs.empty()) {
    const qa::Coverage& t = result.total;
    out += fmt::format(
        "coverage    {} {:.1f}% of sentences ({:.1f}% of characters) translated; "
        "{} {:.1f}% of sentences ({:.1f}% of characters) with a source\n",
        options.source_lang, t.SourceSentencePercent(), t.SourceCharPercent(),
        options.target_lang, t.TargetSentencePercent(), t.TargetCharPercent());
    std::string counts;
    for (qa::FindingKind kind : qa::AllKinds()) {
      std::size_t n = 0;
      for (const PairResult& pair : result.pairs) n += pair.report.Count(kind);
      if (n != 0) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, qa::KindName(kind));
    }
    out += fmt::format("findings    {}\n", counts.empty() ? "none" : counts);
  }
  if (!result.glossary_db.empty()) {
    out += fmt::format("glossary    {} concepts, {} terms, {} pending proposals ({} links "
                       "proposed for monolingual documents in this run)\n",
                       result.glossary_stats.entities, result.glossary_stats.terms,
                       result.glossary_stats.pending_proposals, result.link_proposals);
    if (!result.top_terms.empty()) {
      out += "top terms  ";
      for (std::size_t i = 0; i < result.top_terms.size(); ++i) {
        const TopTerm& term = result.top_terms[i];
        out += fmt::format("{} {} = {} ({})", i ? ";" : "", term.source, term.target,
                           term.frequency);
      }
      out += '\n';
    }
  }
  out += "\nfiles\n";
  for (const PairResult& pair : result.pairs) {
    out += fmt::format("  {:<40} TMX of {} ({} units)\n", D(pair.tmx_path), pair.name,
                       pair.tmx_units);
  }
  if (!result.merged_tmx.empty()) {
    out += fmt::format("  {:<40} merged TMX ({} units)\n", D(result.merged_tmx),
                       result.merged_units);
  }
  if (!result.glossary_db.empty()) {
    out += fmt::format("  {:<40} glossary (termalign lookup --db {} TERM)\n",
                       D(result.glossary_db), D(result.glossary_db));
    if (!result.glossary_tbx.empty()) {
      out += fmt::format("  {:<40} glossary as TBX\n", D(result.glossary_tbx));
    }
  }
  out += fmt::format("  {:<40} QA report: open it in a browser\n", D(result.html_report));
  out += fmt::format("  {:<40} QA findings, JSON Lines\n", D(result.json_report));
  return out;
}

}  // namespace termalign::pipeline
