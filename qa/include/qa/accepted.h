// Findings a person accepted as right in context: recorded by fingerprint so later checks list
// them as accepted instead of reporting them again.
#ifndef TERMALIGN_QA_ACCEPTED_H_
#define TERMALIGN_QA_ACCEPTED_H_

#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "qa/finding.h"
#include "text/status.h"

namespace termalign::qa {

// A finding's fingerprint: its kind's name and the texts of its source and target sentences.
// It does not depend on where the sentences are, so it survives an edit elsewhere in the
// documents and a run on another copy of them.
struct Fingerprint {
  std::string kind;
  std::string source;
  std::string target;

  auto operator<=>(const Fingerprint&) const = default;
};

Fingerprint FingerprintOf(const Report& report, const Finding& finding);

// AcceptedFindings is a set of fingerprints kept in a TSV file, one a line: kind, source text,
// target text, with tab, line feed, carriage return and backslash written as \t, \n, \r, \\.
class AcceptedFindings {
 public:
  // Reads `path`. A missing file is an empty set when `missing_ok`, else kIo; a line that is
  // not three fields of a known kind is kParse "PATH:LINE: why".
  static text::Result<AcceptedFindings> Read(const std::string& path, bool missing_ok);

  // Adds one fingerprint; false when it was there already.
  bool Add(Fingerprint fingerprint);
  bool Contains(const Fingerprint& fingerprint) const { return set_.count(fingerprint) != 0; }
  std::size_t size() const { return set_.size(); }

  // Writes the set to `path` atomically, sorted. Errors name the file.
  text::Status Write(const std::string& path) const;

 private:
  std::set<Fingerprint> set_;
};

// Moves the findings of `report` whose fingerprints `accepted` holds into report->accepted,
// keeping both in order.
void SetAsideAccepted(const AcceptedFindings& accepted, Report* report);

}  // namespace termalign::qa

#endif  // TERMALIGN_QA_ACCEPTED_H_
