#include "review/findings_desk.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/run.h"
#include "pipeline/run_pairs.h"
#include "json_reply.h"

namespace termalign::review {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

}  // namespace

Reply FindingsDesk::Findings(std::size_t offset, std::size_t limit) {
  const std::string path = (fs::path(out_dir_) / "qa.jsonl").string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return ErrorReply(500, "cannot read " + path + " (was the run's folder removed?)");
  text::Result<qa::AcceptedFindings> accepted =
      qa::AcceptedFindings::Read((fs::path(out_dir_) / pipeline::kAcceptedFileName).string(), true);
  if (!accepted.ok()) return ErrorReply(500, accepted.status().message());
  json list = json::array();
  std::size_t total = 0, accepted_count = 0;
  std::string line;
  while (std::getline(in, line)) {
    json finding = json::parse(line, nullptr, false);
    if (!finding.is_object() || finding.value("type", "") == "summary") continue;
    const qa::Fingerprint fingerprint{finding.value("type", ""), finding.value("source_text", ""),
                                      finding.value("target_text", "")};
    const bool is_accepted = finding.value("accepted", false) || accepted->Contains(fingerprint);
    accepted_count += is_accepted ? 1 : 0;
    if (total++ < offset || list.size() >= limit) continue;
    list.push_back({{"finding", total - 1},
                    {"type", fingerprint.kind},
                    {"message", finding.value("message", "")},
                    {"source_text", fingerprint.source},
                    {"target_text", fingerprint.target},
                    {"source_sentences", finding.value("source_sentences", json::array())},
                    {"target_sentences", finding.value("target_sentences", json::array())},
                    {"accepted", is_accepted}});
  }
  return JsonReply(200, json{{"total", total},
                             {"accepted", accepted_count},
                             {"offset", offset},
                             {"findings", std::move(list)}});
}

Reply FindingsDesk::Accept(const qa::Fingerprint& fingerprint) {
  if (!qa::ParseKind(fingerprint.kind)) {
    return ErrorReply(400, "unknown kind of finding '" + fingerprint.kind + "'");
  }
  const std::string path = (fs::path(out_dir_) / pipeline::kAcceptedFileName).string();
  text::Result<qa::AcceptedFindings> accepted = qa::AcceptedFindings::Read(path, true);
  if (!accepted.ok()) return ErrorReply(500, accepted.status().message());
  if (!accepted->Add(fingerprint)) {
    return JsonReply(200, json{{"message", "already accepted"}});
  }
  text::Status written = accepted->Write(path);
  if (!written.ok()) return ErrorReply(500, written.message());
  text::Result<pipeline::RunResult> revised = pipeline::ReviseRun(out_dir_);
  if (!revised.ok()) {
    return JsonReply(
        200, json{{"message", "accepted (" + path + "); the QA files list it after the next run: " +
                                  revised.status().message()}});
  }
  return JsonReply(200, json{{"message", "accepted (" + path + "); the QA rewritten"}});
}

}  // namespace termalign::review
