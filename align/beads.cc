#include "align/beads.h"

#include <charconv>
#include <cstdio>
#include <cstring>

#include "text/input_file.h"

namespace termalign::align {
namespace {

using text::ErrorCode;
using text::Result;
using text::Status;

void AppendIndices(std::size_t begin, std::size_t count, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(begin + i);
  }
  out += ']';
}

// Parses one non-blank line into index lists; on failure, sets `error` and `error_column`
// (0-based byte). With `consecutive`, each list must be a run of consecutive increasing indices.
class LineParser {
 public:
  LineParser(std::string_view line, bool consecutive) : line_(line), consecutive_(consecutive) {}

  bool Parse(BeadIndices& bead) {
    if (!ParseList(bead.source, "source")) return false;
    SkipSpace();
    if (!Expect(':', "expected ':' between the source and target lists")) return false;
    if (!ParseList(bead.target, "target")) return false;
    SkipSpace();
    if (pos_ < line_.size()) {
      if (line_[pos_] != ':') return Fail("expected ':' or the end of the line");
      // The third field is a score; tools write it in various forms, so a field that is not a
      // plain number is ignored rather than rejected.
      std::string_view rest = line_.substr(pos_ + 1);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
      double score = 0.0;
      auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), score);
      if (ec == std::errc() && end == rest.data() + rest.size()) bead.score = score;
    }
    return true;
  }

  const std::string& error() const { return error_; }
  std::size_t error_column() const { return error_column_; }

 private:
  void SkipSpace() {
    while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t')) ++pos_;
  }

  bool Fail(std::string message) {
    error_ = std::move(message);
    error_column_ = pos_;
    return false;
  }

  bool Expect(char c, const char* message) {
    if (pos_ >= line_.size() || line_[pos_] != c) return Fail(message);
    ++pos_;
    return true;
  }

  bool ParseList(std::vector<std::size_t>& indices, const std::string& side) {
    SkipSpace();
    if (!Expect('[', ("expected '[' to open the " + side + " list").c_str())) return false;
    SkipSpace();
    if (pos_ < line_.size() && line_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      std::size_t value = 0;
      const char* first = line_.data() + pos_;
      auto [end, ec] = std::from_chars(first, line_.data() + line_.size(), value);
      if (end == first) return Fail("expected a sentence index");
      if (ec == std::errc::result_out_of_range) return Fail("sentence index too large");
      if (consecutive_ && !indices.empty() && value != indices.back() + 1) {
        return Fail("the " + side +
                    " indices of a bead must be consecutive and increasing: expected " +
                    std::to_string(indices.back() + 1));
      }
      indices.push_back(value);
      pos_ += end - first;
      SkipSpace();
      if (pos_ < line_.size() && line_[pos_] == ',') {
        ++pos_;
        continue;
      }
      return Expect(']', "expected ',' or ']' after a sentence index");
    }
  }

  std::string_view line_;
  bool consecutive_;
  std::size_t pos_ = 0;
  std::string error_;
  std::size_t error_column_ = 0;
};

// Parses every non-blank line; "[]:[]" lines are dropped.
Result<std::vector<BeadIndices>> ParseLines(std::string_view text, std::string_view file_name,
                                            bool consecutive) {
  std::vector<BeadIndices> beads;
  std::size_t line_number = 0;
  std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line_number == 1) line.remove_prefix(bom);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    BeadIndices bead;
    LineParser parser(line, consecutive);
    if (!parser.Parse(bead)) {
      std::size_t column = parser.error_column() + 1 + (line_number == 1 ? bom : 0);
      std::string message = std::string(file_name) + ":" + std::to_string(line_number) + ":" +
                            std::to_string(column) + ": " + parser.error() + "\n  " +
                            std::string(line) + "\n  " + std::string(parser.error_column(), ' ') +
                            "^";
      return Status::Error(ErrorCode::kParse, std::move(message));
    }
    if (!bead.source.empty() || !bead.target.empty()) beads.push_back(std::move(bead));
  }
  return beads;
}

}  // namespace

std::string FormatBead(const Bead& bead, bool with_score) {
  std::string out;
  AppendIndices(bead.source_begin, bead.source_count, out);
  out += ':';
  AppendIndices(bead.target_begin, bead.target_count, out);
  if (with_score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ":%.3f", bead.score);
    out += buffer;
  }
  return out;
}

std::string FormatBeads(const std::vector<Bead>& beads, bool with_score) {
  std::string out;
  out.reserve(beads.size() * 12);
  for (const Bead& bead : beads) {
    out += FormatBead(bead, with_score);
    out += '\n';
  }
  return out;
}

Result<std::vector<Bead>> ParseBeads(std::string_view text, std::string_view file_name) {
  Result<std::vector<BeadIndices>> lists = ParseLines(text, file_name, true);
  if (!lists.ok()) return lists.status();
  std::vector<Bead> beads;
  beads.reserve(lists->size());
  for (const BeadIndices& list : *lists) {
    Bead bead;
    if (!list.source.empty()) bead.source_begin = list.source.front();
    bead.source_count = list.source.size();
    if (!list.target.empty()) bead.target_begin = list.target.front();
    bead.target_count = list.target.size();
    bead.score = list.score;
    beads.push_back(bead);
  }
  return beads;
}

Result<std::vector<Bead>> ReadBeadFile(const std::string& path) {
  Result<std::string> bytes = text::ReadInput(path, text::InputKind::kBeads);
  if (!bytes.ok()) return bytes.status();
  return ParseBeads(*bytes, path == "-" ? "<stdin>" : path);
}

BeadIndices ToIndices(const Bead& bead) {
  BeadIndices out;
  for (std::size_t i = 0; i < bead.source_count; ++i) out.source.push_back(bead.source_begin + i);
  for (std::size_t i = 0; i < bead.target_count; ++i) out.target.push_back(bead.target_begin + i);
  out.score = bead.score;
  return out;
}

Result<std::vector<BeadIndices>> ParseBeadIndices(std::string_view text,
                                                  std::string_view file_name) {
  return ParseLines(text, file_name, false);
}

Result<std::vector<BeadIndices>> ReadBeadIndicesFile(const std::string& path) {
  Result<std::string> bytes = text::ReadInput(path, text::InputKind::kBeads);
  if (!bytes.ok()) return bytes.status();
  return ParseLines(*bytes, path == "-" ? "<stdin>" : path, false);
}

Status CheckCoverage(const std::vector<Bead>& beads, std::optional<std::size_t> source_count,
                     std::optional<std::size_t> target_count) {
  std::size_t next_source = 0, next_target = 0;
  for (std::size_t i = 0; i < beads.size(); ++i) {
    const Bead& bead = beads[i];
    auto fail = [&](const std::string& why) {
      return Status::Error(ErrorCode::kParse,
                           "bead " + std::to_string(i) + " (" + FormatBead(bead) + "): " + why);
    };
    if (bead.source_count == 0 && bead.target_count == 0) return fail("the bead is empty");
    if (bead.source_count > 0) {
      if (bead.source_begin != next_source) {
        return fail("expected source sentence " + std::to_string(next_source) + ", found " +
                    std::to_string(bead.source_begin));
      }
      next_source += bead.source_count;
      if (source_count && next_source > *source_count) {
        return fail("the source has only " + std::to_string(*source_count) + " sentences");
      }
    }
    if (bead.target_count > 0) {
      if (bead.target_begin != next_target) {
        return fail("expected target sentence " + std::to_string(next_target) + ", found " +
                    std::to_string(bead.target_begin));
      }
      next_target += bead.target_count;
      if (target_count && next_target > *target_count) {
        return fail("the target has only " + std::to_string(*target_count) + " sentences");
      }
    }
  }
  if (source_count && next_source < *source_count) {
    return Status::Error(ErrorCode::kParse, "source sentences " + std::to_string(next_source) +
                                                "-" + std::to_string(*source_count - 1) +
                                                " are in no bead");
  }
  if (target_count && next_target < *target_count) {
    return Status::Error(ErrorCode::kParse, "target sentences " + std::to_string(next_target) +
                                                "-" + std::to_string(*target_count - 1) +
                                                " are in no bead");
  }
  return Status::Ok();
}

}  // namespace termalign::align
