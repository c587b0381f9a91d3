// The alignment view's questions and edits: a run's pairs side by side, a page of beads at a
// time, the edits a person makes held until they are saved through the pipeline.
#ifndef TERMALIGN_REVIEW_ALIGNMENT_DESK_H_
#define TERMALIGN_REVIEW_ALIGNMENT_DESK_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/run_pairs.h"
#include "review/terms_desk.h"

namespace termalign::review {

// One edit the page asks for on a pair it showed at `version`.
struct BeadEdit {
  enum class Action { kMerge, kSplit, kUnlink, kExclude, kInclude, kEdit };
  Action action = Action::kMerge;
  std::size_t pair = 0;
  std::uint64_t version = 0;
  std::size_t bead = 0;
  std::size_t source_first = 1;  // kSplit: sentences of each side in the first part
  std::size_t target_first = 1;
  bool target_side = false;  // kEdit: the sentence's side, its index in its document and text
  std::size_t sentence = 0;
  std::string text;
};

// An AlignmentDesk answers the alignment view over the output folder of one run. A pair is
// read (documents and kept beads) the first time it is asked for and held with the edits made
// since; Save writes them and rewrites the run's outputs (pipeline::ReviseRun). It does not
// lock: the server calls it from one thread at a time.
class AlignmentDesk {
 public:
  explicit AlignmentDesk(std::string out_dir);
  ~AlignmentDesk();

  // {"pairs": [{"pair": k, "name", "source_lang", "target_lang", "tmx"}]}; 500 when the folder
  // was not written by `run` or is gone.
  Reply Pairs();

  // {"pair", "name", "version", "changed", "total", "offset", "beads": [...]} for beads
  // [offset, offset + limit) in document order or, with `weakest_first`, by score (unmatched
  // beads first, ties in document order). Each bead: {"bead": index, "score", "matched",
  // "excluded", "source": [{"n", "text", "edited"}], "target": [...]}.
  Reply Beads(std::size_t pair, std::size_t offset, std::size_t limit, bool weakest_first);

  // Applies one edit to the pair held in memory: {"version", "message", "changed": true}.
  // Refused with 409 and nothing changed when `version` is not the pair's (the page is out of
  // date); 400 when the edit does not apply; 404 for an unknown pair.
  Reply Change(const BeadEdit& edit);

  // Writes the pair's corrections beside its TMX and rewrites the run's outputs:
  // {"message", "version", "units"}. 409 when `version` is stale; 500 with the reason when a
  // file cannot be written (nothing is lost from memory: saving again retries).
  Reply Save(std::size_t pair, std::uint64_t version);

 private:
  struct Held;
  // The pair `pair`, read when first asked for; *error gets the reply when it cannot be.
  Held* Open(std::size_t pair, Reply* error);
  // The beads of `held` ordered weakest first (cached until the next change).
  const std::vector<std::size_t>& WeakestFirst(Held& held);

  std::string out_dir_;
  std::vector<pipeline::RunPair> pairs_;
  bool listed_ = false;
  std::map<std::size_t, std::unique_ptr<Held>> held_;
  std::uint64_t next_version_ = 1;
};

}  // namespace termalign::review

#endif  // TERMALIGN_REVIEW_ALIGNMENT_DESK_H_
