// The corpus-wide steps of a run, shared by `run` and the corpus reduce commands: merging the
// pairs' TMX files and exporting the glossary for CAT tools.
#ifndef TERMALIGN_PIPELINE_REDUCE_STEPS_H_
#define TERMALIGN_PIPELINE_REDUCE_STEPS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "glossary/termbase.h"
#include "text/status.h"

namespace termalign::pipeline {

// Merges `inputs` in order into `output` (tmx::MergeTmx: duplicates dropped), `source_lang`
// first. Each conflict (a source translated two ways: both kept) goes to `conflict`, which may
// be empty. Sets *units to the units written and *conflicts to their count. Fails as MergeTmx,
// and on the first unit without a source variant, with "merging the TMX files: ...".
text::Status MergeTmxFiles(const std::vector<std::string>& inputs, const std::string& output,
                           const std::string& source_lang,
                           const std::function<void(const std::string&)>& conflict,
                           std::size_t* units, std::size_t* conflicts);

// Exports the concepts of `termbase` named in both languages as TBX to `path`. False in
// *written when there is none (no file then). A warning goes to `warn` when characters XML
// forbids were removed.
text::Status ExportPairTbx(glossary::Termbase& termbase, const std::string& path,
                           const std::string& source_lang, const std::string& target_lang,
                           const std::function<void(const std::string&)>& warn, bool* written);

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_REDUCE_STEPS_H_
