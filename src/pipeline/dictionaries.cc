// One rule for every command: a TSV the user named must load; FreeDict is used when installed.
#include "pipeline/dictionaries.h"

#include <mutex>
#include <utility>

namespace termalign::pipeline {
namespace {

// The key of a TSV file given for any direction.
constexpr std::string_view kAnyDirection = "*";

bool Unknown(std::string_view lang) { return lang.empty() || lang == "auto"; }

std::string Key(std::string_view from, std::string_view to) {
  if (Unknown(from) || Unknown(to)) return std::string(kAnyDirection);
  return std::string(from) + ">" + std::string(to);
}

}  // namespace

Dictionaries::Dictionaries(bool use_freedict, Warn warn, std::string dictd_dir)
    : use_freedict_(use_freedict), dictd_dir_(std::move(dictd_dir)), warn_(std::move(warn)) {}

text::Status Dictionaries::UseTsv(const std::string& path, std::string_view from,
                                  std::string_view to) {
  text::Result<text::BilingualDictionary> loaded = text::BilingualDictionary::LoadTsv(path);
  if (!loaded.ok()) return loaded.status().WithContext("reading the dictionary");
  std::lock_guard<std::mutex> lock(mutex_);
  loaded_[Key(from, to)] = std::move(loaded.value());
  return text::Status::Ok();
}

const text::BilingualDictionary* Dictionaries::Get(std::string_view from, std::string_view to) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = Key(from, to);
  auto found = loaded_.find(key);
  if (found == loaded_.end()) {
    auto any = loaded_.find(kAnyDirection);
    if (any != loaded_.end()) return &*any->second;
    std::optional<text::BilingualDictionary> dictionary;
    if (use_freedict_) {
      text::Result<text::BilingualDictionary> loaded =
          text::BilingualDictionary::LoadFreeDict(from, to, dictd_dir_);
      if (loaded.ok()) {
        dictionary = std::move(loaded.value());
      } else if (loaded.status().code() != text::ErrorCode::kNotFound && warn_) {
        warn_(loaded.status().message() + "; going on without a " + std::string(from) + "-" +
              std::string(to) + " dictionary");
      }
    }
    found = loaded_.emplace(std::move(key), std::move(dictionary)).first;
  }
  return found->second ? &*found->second : nullptr;
}

}  // namespace termalign::pipeline
