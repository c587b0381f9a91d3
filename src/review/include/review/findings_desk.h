// The QA view's questions and decisions: a run's findings, and accepting one so that later
// checks list it as accepted.
#ifndef TERMALIGN_REVIEW_FINDINGS_DESK_H_
#define TERMALIGN_REVIEW_FINDINGS_DESK_H_

#include <cstddef>
#include <string>

#include "qa/accepted.h"
#include "review/terms_desk.h"

namespace termalign::review {

// A FindingsDesk answers the QA view over the output folder of one run: it reads the run's
// qa.jsonl and records accepted findings in its accepted.tsv. It does not lock: the server
// calls it from one thread at a time.
class FindingsDesk {
 public:
  explicit FindingsDesk(std::string out_dir) : out_dir_(std::move(out_dir)) {}

  // {"total", "accepted", "findings": [{"type", "message", "source_text", "target_text",
  // "accepted", ...}]} for findings [offset, offset + limit) of qa.jsonl, in its order (those
  // accepted after it was written are marked accepted too). 500 when it cannot be read.
  Reply Findings(std::size_t offset, std::size_t limit);

  // Records `fingerprint` in accepted.tsv, then rewrites the run's QA (pipeline::ReviseRun)
  // so that qa.jsonl and report.html list it as accepted: {"message"}. 400 for an unknown
  // kind; 500 when accepted.tsv cannot be written. When only the rewrite fails, the finding
  // stays accepted and the message says the QA files show it after the next run.
  Reply Accept(const qa::Fingerprint& fingerprint);

 private:
  std::string out_dir_;
};

}  // namespace termalign::review

#endif  // TERMALIGN_REVIEW_FINDINGS_DESK_H_
