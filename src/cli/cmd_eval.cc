// termalign eval: strict and lax precision, recall and F1 of bead files against gold beads.
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "align/beads.h"
#include "align/eval.h"
#include "cli_util.h"
#include "commands.h"

namespace termalign::cli {
namespace {

struct EvalOptions {
  std::vector<std::string> gold;
  std::vector<std::string> test;
  bool json = false;
  bool per_file = false;
};

nlohmann::json ScoresJson(const align::EvalScores& s) {
  return {{"precision_strict", s.precision_strict},
          {"recall_strict", s.recall_strict},
          {"f1_strict", s.f1_strict},
          {"precision_lax", s.precision_lax},
          {"recall_lax", s.recall_lax},
          {"f1_lax", s.f1_lax}};
}

nlohmann::json TallyJson(const align::EvalTally& t) {
  return {{"strict_hits", t.strict_hits}, {"lax_hits", t.lax_hits}, {"total", t.total}};
}

// One JSON line: the scores over all beads, over matched beads only, and the counts.
std::string JsonLine(nlohmann::json head, const align::Evaluation& all,
                     const align::Evaluation& matched) {
  head.update(ScoresJson(all.Scores()));
  head["matched_only"] = ScoresJson(matched.Scores());
  head["counts"] = {{"precision", TallyJson(all.precision())}, {"recall", TallyJson(all.recall())}};
  return head.dump() + "\n";
}

// The table align-score prints, then the non-empty-bead F1 and the counts behind the ratios.
std::string Table(const align::Evaluation& all, const align::Evaluation& matched) {
  align::EvalScores s = all.Scores(), m = matched.Scores();
  std::string out = fmt::format(
      "|           | Strict | Lax   |\n"
      "| Precision | {:.3f}  | {:.3f} |\n"
      "| Recall    | {:.3f}  | {:.3f} |\n"
      "| F1        | {:.3f}  | {:.3f} |\n",
      s.precision_strict, s.precision_lax, s.recall_strict, s.recall_lax, s.f1_strict, s.f1_lax);
  out += fmt::format("F1 over non-empty beads: strict {:.3f}, lax {:.3f}\n", m.f1_strict, m.f1_lax);
  out += fmt::format(
      "test beads {} (strict hits {}, lax hits {}); matched gold beads {} (strict hits {}, "
      "lax hits {})\n",
      all.precision().total, all.precision().strict_hits, all.precision().lax_hits,
      all.recall().total, all.recall().strict_hits, all.recall().lax_hits);
  return out;
}

int RunEval(const EvalOptions& options) {
  if (options.gold.size() != options.test.size()) {
    PrintError(
        fmt::format("eval: {} gold file{} but {} test file{}: give them in pairs, in the "
                    "same order",
                    options.gold.size(), options.gold.size() == 1 ? "" : "s", options.test.size(),
                    options.test.size() == 1 ? "" : "s"));
    return kExitError;
  }
  align::Evaluation all, matched(true);
  std::string out;
  bool failed = false;
  for (std::size_t i = 0; i < options.gold.size(); ++i) {
    auto gold = align::ReadBeadIndicesFile(options.gold[i]);
    auto test = align::ReadBeadIndicesFile(options.test[i]);
    // Every unreadable file is reported before giving up, so one run shows them all.
    for (const auto* result : {&gold, &test}) {
      if (!result->ok()) {
        ReportStatus(result->status());
        failed = true;
      }
    }
    if (failed) continue;
    all.Add(*gold, *test);
    matched.Add(*gold, *test);
    if (options.per_file) {
      align::Evaluation file_all, file_matched(true);
      file_all.Add(*gold, *test);
      file_matched.Add(*gold, *test);
      if (options.json) {
        out += JsonLine({{"gold", options.gold[i]}, {"test", options.test[i]}}, file_all,
                        file_matched);
      } else {
        out += fmt::format("{} vs {}: F1 strict {:.3f}, lax {:.3f}\n", options.test[i],
                           options.gold[i], file_all.Scores().f1_strict, file_all.Scores().f1_lax);
      }
    }
  }
  if (failed) return kExitError;
  if (options.json) {
    out += JsonLine({{"files", options.gold.size()}}, all, matched);
  } else {
    out += Table(all, matched);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Handler SetupEval(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  app.add_option("-g,--gold", options->gold, "Gold bead files, one per document pair")->required();
  app.add_option("-t,--test", options->test,
                 "Bead files to score, in the same order as --gold ('-' for stdin)")
      ->required();
  app.add_flag("--json", options->json,
               "One JSON line: precision_strict, recall_strict, f1_strict, precision_lax, "
               "recall_lax, f1_lax, files, matched_only {same six}, counts");
  app.add_flag("--per-file", options->per_file,
               "Also score each pair on its own (a line each, before the total)");
  app.footer(
      "Scores are micro-averaged over the files. Precision judges every test bead, unmatched "
      "ones included; recall judges the matched gold beads against the matched test beads. "
      "Strict: the identical bead; lax: a shared source and target sentence.");
  return [options] { return RunEval(*options); };
}

}  // namespace termalign::cli
