#include "review/alignment_desk.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <utility>

#include "json_reply.h"

namespace termalign::review {
namespace {

using nlohmann::json;
using text::ErrorCode;
using text::Status;

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kUsage:
      return 400;
    default:
      return 500;
  }
}

const char* ActionName(BeadEdit::Action action) {
  switch (action) {
    case BeadEdit::Action::kMerge:
      return "merged";
    case BeadEdit::Action::kSplit:
      return "split";
    case BeadEdit::Action::kUnlink:
      return "unlinked";
    case BeadEdit::Action::kExclude:
      return "excluded from the TMX";
    case BeadEdit::Action::kInclude:
      return "put back into the TMX";
    case BeadEdit::Action::kEdit:
      return "edited";
  }
  return "";
}

}  // namespace

// A pair as the page sees it: read once, edited in memory, `version` changed by every edit.
struct AlignmentDesk::Held {
  pipeline::ReviewedPair pair;
  std::uint64_t version = 0;
  bool changed = false;  // edits since the last save
  std::vector<std::size_t> weakest;  // empty until asked for after an edit
};

AlignmentDesk::AlignmentDesk(std::string out_dir) : out_dir_(std::move(out_dir)) {}
AlignmentDesk::~AlignmentDesk() = default;

Reply AlignmentDesk::Pairs() {
  if (!listed_) {
    text::Result<pipeline::RunOptions> options = pipeline::ReadRunRecord(out_dir_);
    if (!options.ok()) return ErrorReply(500, options.status().message());
    text::Result<std::vector<pipeline::RunPair>> pairs = pipeline::ListRunPairs(*options);
    if (!pairs.ok()) return ErrorReply(500, pairs.status().message());
    pairs_ = std::move(pairs.value());
    listed_ = true;
  }
  json list = json::array();
  for (std::size_t k = 0; k < pairs_.size(); ++k) {
    list.push_back({{"pair", k},
                    {"name", pairs_[k].name},
                    {"source_lang", pairs_[k].source_lang},
                    {"target_lang", pairs_[k].target_lang}});
  }
  return JsonReply(200, json{{"pairs", std::move(list)}});
}

AlignmentDesk::Held* AlignmentDesk::Open(std::size_t pair, Reply* error) {
  if (auto found = held_.find(pair); found != held_.end()) return found->second.get();
  if (!listed_) {
    Reply listed = Pairs();
    if (listed.status != 200) {
      *error = listed;
      return nullptr;
    }
  }
  if (pair >= pairs_.size()) {
    *error = ErrorReply(404, "no pair " + std::to_string(pair) + " in this run");
    return nullptr;
  }
  text::Result<pipeline::ReviewedPair> loaded = pipeline::LoadRunPair(pairs_[pair]);
  if (!loaded.ok()) {
    *error = ErrorReply(500, loaded.status().message());
    return nullptr;
  }
  auto held = std::make_unique<Held>();
  held->pair = std::move(loaded.value());
  held->version = next_version_++;
  return held_.emplace(pair, std::move(held)).first->second.get();
}

const std::vector<std::size_t>& AlignmentDesk::WeakestFirst(Held& held) {
  const std::vector<align::Bead>& beads = held.pair.corrections.beads;
  if (held.weakest.size() == beads.size()) return held.weakest;
  held.weakest.resize(beads.size());
  std::iota(held.weakest.begin(), held.weakest.end(), std::size_t{0});
  // An unmatched bead is the weakest of all: a sentence with no translation.
  const auto weight = [&](std::size_t k) { return beads[k].matched() ? beads[k].score : -1.0; };
  std::stable_sort(held.weakest.begin(), held.weakest.end(),
                   [&](std::size_t a, std::size_t b) { return weight(a) < weight(b); });
  return held.weakest;
}

Reply AlignmentDesk::Beads(std::size_t pair, std::size_t offset, std::size_t limit,
                           bool weakest_first) {
  Reply error;
  Held* held = Open(pair, &error);
  if (held == nullptr) return error;
  const pipeline::Corrections& corrections = held->pair.corrections;
  const text::Document& source = held->pair.source.document;
  const text::Document& target = held->pair.target.document;
  const auto sentences = [](const text::Document& document,
                            const std::map<std::size_t, std::string>& edits, std::size_t begin,
                            std::size_t count) {
    json list = json::array();
    for (std::size_t n = begin; n < begin + count; ++n) {
      auto edit = edits.find(n);
      const bool edited = edit != edits.end();
      list.push_back({{"n", n},
                      {"text", edited ? edit->second : document.sentences[n].text},
                      {"edited", edited}});
    }
    return list;
  };
  const std::size_t total = corrections.beads.size();
  const std::vector<std::size_t>* order = weakest_first ? &WeakestFirst(*held) : nullptr;
  json beads = json::array();
  for (std::size_t i = offset; i < std::min(total, offset + limit); ++i) {
    const std::size_t k = order ? (*order)[i] : i;
    const align::Bead& bead = corrections.beads[k];
    beads.push_back(
        {{"bead", k},
         {"score", bead.score},
         {"matched", bead.matched()},
         {"excluded", static_cast<bool>(corrections.excluded[k])},
         {"source", sentences(source, corrections.source_edits, bead.source_begin,
                              bead.source_count)},
         {"target", sentences(target, corrections.target_edits, bead.target_begin,
                              bead.target_count)}});
  }
  return JsonReply(200, json{{"pair", pair},
                             {"name", pairs_[pair].name},
                             {"version", held->version},
                             {"changed", held->changed},
                             {"total", total},
                             {"offset", offset},
                             {"beads", std::move(beads)}});
}

Reply AlignmentDesk::Change(const BeadEdit& edit) {
  Reply error;
  Held* held = Open(edit.pair, &error);
  if (held == nullptr) return error;
  if (edit.version != held->version) {
    return ErrorReply(409, "stale: the alignment changed since the page showed it; nothing was "
                           "done, reload to see it as it is");
  }
  pipeline::Corrections& corrections = held->pair.corrections;
  Status status;
  switch (edit.action) {
    case BeadEdit::Action::kMerge:
      status = corrections.MergeWithNext(edit.bead);
      break;
    case BeadEdit::Action::kSplit:
      status = corrections.Split(edit.bead, edit.source_first, edit.target_first);
      break;
    case BeadEdit::Action::kUnlink:
      status = corrections.Unlink(edit.bead);
      break;
    case BeadEdit::Action::kExclude:
    case BeadEdit::Action::kInclude:
      status = corrections.Exclude(edit.bead, edit.action == BeadEdit::Action::kExclude);
      break;
    case BeadEdit::Action::kEdit: {
      const text::Document& document =
          edit.target_side ? held->pair.target.document : held->pair.source.document;
      status = corrections.Edit(edit.target_side, edit.sentence, document.sentences.size(),
                                edit.text);
      break;
    }
  }
  if (!status.ok()) return ErrorReply(HttpStatusOf(status), status.message());
  held->version = next_version_++;
  held->changed = true;
  held->weakest.clear();
  std::string message = edit.action == BeadEdit::Action::kEdit
                            ? std::string(edit.target_side ? "target" : "source") + " sentence " +
                                  std::to_string(edit.sentence + 1) + " edited"
                            : "bead " + std::to_string(edit.bead + 1) + " " +
                                  ActionName(edit.action);
  return JsonReply(200, json{{"version", held->version},
                             {"message", message + " (not saved yet)"},
                             {"changed", true}});
}

Reply AlignmentDesk::Save(std::size_t pair, std::uint64_t version) {
  Reply error;
  Held* held = Open(pair, &error);
  if (held == nullptr) return error;
  if (version != held->version) {
    return ErrorReply(409, "stale: the alignment changed since the page showed it; nothing was "
                           "saved, reload to see it as it is");
  }
  const std::string& tmx_path = pairs_[pair].tmx_path;
  Status status = pipeline::WriteCorrections(tmx_path, held->pair.corrections);
  if (!status.ok()) return ErrorReply(500, "saving: " + status.message());
  text::Result<pipeline::RunResult> revised = pipeline::ReviseRun(out_dir_);
  if (!revised.ok()) {
    return ErrorReply(500, "saved the beads, but " + revised.status().message());
  }
  std::size_t units = 0;
  for (const pipeline::PairResult& result : revised->pairs) {
    if (result.tmx_path == tmx_path) units = result.tmx_units;
  }
  held->changed = false;
  return JsonReply(200, json{{"version", held->version},
                             {"units", units},
                             {"message", "saved: " + pipeline::BeadsPathOf(tmx_path) + "; " +
                                             tmx_path + " (" + std::to_string(units) +
                                             " units), the merged TMX and the QA rewritten"}});
}

}  // namespace termalign::review
