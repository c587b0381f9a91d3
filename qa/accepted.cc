// accepted.tsv read and written, and the findings it names set aside as accepted.
#include "qa/accepted.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include "text/atomic_file.h"

namespace termalign::qa {
namespace {

using text::ErrorCode;
using text::Status;

// An accepted list is a line per finding a person looked at: far below this.
constexpr std::uintmax_t kMaxBytes = std::uintmax_t{64} << 20;

// The characters written as a backslash and a letter, each with its letter.
constexpr std::pair<char, char> kEscapes[] = {{'\t', 't'}, {'\n', 'n'}, {'\r', 'r'}, {'\\', '\\'}};

std::string Escaped(std::string_view field) {
  std::string out;
  for (char c : field) {
    const auto* escape = std::find_if(std::begin(kEscapes), std::end(kEscapes),
                                      [c](const auto& e) { return e.first == c; });
    if (escape == std::end(kEscapes)) {
      out += c;
    } else {
      out += '\\';
      out += escape->second;
    }
  }
  return out;
}

// The field with its escapes undone; false on a lone backslash or an unknown escape.
bool Unescaped(std::string_view field, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      *out += field[i];
      continue;
    }
    if (++i == field.size()) return false;
    const char letter = field[i];
    const auto* escape = std::find_if(std::begin(kEscapes), std::end(kEscapes),
                                      [letter](const auto& e) { return e.second == letter; });
    if (escape == std::end(kEscapes)) return false;
    *out += escape->first;
  }
  return true;
}

}  // namespace

Fingerprint FingerprintOf(const Report& report, const Finding& finding) {
  return {std::string(KindName(finding.kind)), report.SourceText(finding),
          report.TargetText(finding)};
}

text::Result<AcceptedFindings> AcceptedFindings::Read(const std::string& path, bool missing_ok) {
  AcceptedFindings accepted;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    if (missing_ok) return accepted;
    return Status::Error(ErrorCode::kIo, "cannot open " + path + ": no such file");
  }
  // Not through text::ReadInput: the same process rewrites this file after an accept.
  if (std::filesystem::file_size(path, error) > kMaxBytes || error) {
    return Status::Error(ErrorCode::kIo, "cannot read " + path + ": larger than 64 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kIo, "cannot open " + path);
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    std::string_view rest = line;
    for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos;) {
      fields.push_back(rest.substr(0, tab));
      rest.remove_prefix(tab + 1);
    }
    fields.push_back(rest);
    const auto bad = [&](const std::string& why) {
      return Status::Error(ErrorCode::kParse, path + ":" + std::to_string(number) + ": " + why);
    };
    if (fields.size() != 3) return bad("expected 3 tab-separated fields (kind, source, target)");
    if (!ParseKind(fields[0])) return bad("unknown kind '" + std::string(fields[0]) + "'");
    Fingerprint fingerprint;
    fingerprint.kind = std::string(fields[0]);
    if (!Unescaped(fields[1], &fingerprint.source) || !Unescaped(fields[2], &fingerprint.target)) {
      return bad("a backslash must start \\t, \\n, \\r or \\\\");
    }
    accepted.Add(std::move(fingerprint));
  }
  return accepted;
}

bool AcceptedFindings::Add(Fingerprint fingerprint) {
  return set_.insert(std::move(fingerprint)).second;
}

Status AcceptedFindings::Write(const std::string& path) const {
  text::AtomicFile file;
  Status status = file.Open(path);
  if (!status.ok()) return status.WithContext("writing " + path);
  for (const Fingerprint& f : set_) {
    file.Write(f.kind + "\t" + Escaped(f.source) + "\t" + Escaped(f.target) + "\n");
  }
  status = file.Commit();
  return status.ok() ? status : status.WithContext("writing " + path);
}

void SetAsideAccepted(const AcceptedFindings& accepted, Report* report) {
  if (accepted.size() == 0) return;
  std::vector<Finding> kept;
  for (Finding& finding : report->findings) {
    if (accepted.Contains(FingerprintOf(*report, finding))) {
      report->accepted.push_back(std::move(finding));
    } else {
      kept.push_back(std::move(finding));
    }
  }
  report->findings = std::move(kept);
}

}  // namespace termalign::qa
