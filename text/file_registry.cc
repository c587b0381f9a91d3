#include "file_registry.h"

#include <unistd.h>

#include <algorithm>
#include <vector>

#include "text/atomic_file.h"

namespace termalign::text {
namespace {

// An input is known by device and inode; the change time tells it from a later file that got
// the number of a deleted one (tests create and delete thousands of files in one process).
struct InputFile {
  dev_t device;
  ino_t inode;
  struct timespec changed;
  std::string path;
  std::string what;
};

bool Same(const InputFile& input, const struct stat& info) {
  return input.device == info.st_dev && input.inode == info.st_ino &&
         input.changed.tv_sec == info.st_ctim.tv_sec &&
         input.changed.tv_nsec == info.st_ctim.tv_nsec;
}

std::mutex& InputsMutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<InputFile>& Inputs() {
  static std::vector<InputFile> inputs;
  return inputs;
}

std::mutex& TemporariesMutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<std::string>& Temporaries() {
  static std::vector<std::string> temporaries;
  return temporaries;
}

}  // namespace

void RecordInputFile(const std::string& path, const struct stat& info, std::string_view what) {
  if (!S_ISREG(info.st_mode)) return;  // devices and pipes cannot be replaced by a rename
  std::lock_guard<std::mutex> lock(InputsMutex());
  for (const InputFile& input : Inputs()) {
    if (Same(input, info)) return;
  }
  Inputs().push_back({info.st_dev, info.st_ino, info.st_ctim, path, std::string(what)});
}

void RecordInput(const std::string& path, std::string_view what) {
  struct stat info {};
  if (path != "-" && ::stat(path.c_str(), &info) == 0) RecordInputFile(path, info, what);
}

void ForgetInputs() {
  std::lock_guard<std::mutex> lock(InputsMutex());
  Inputs().clear();
}

Status CheckNotAnInput(const std::string& output, const struct stat& info) {
  std::lock_guard<std::mutex> lock(InputsMutex());
  for (const InputFile& input : Inputs()) {
    if (!Same(input, info)) continue;
    std::string same = input.path == output ? "" : " (the same file under another name)";
    return Status::Error(ErrorCode::kUsage, "refusing to write " + output + ": it is " +
                                                input.what + " " + input.path + same +
                                                "; choose another output");
  }
  return Status::Ok();
}

std::unique_lock<std::mutex> LockTemporaries() {
  return std::unique_lock<std::mutex>(TemporariesMutex());
}

void ListTemporary(const std::string& path) { Temporaries().push_back(path); }

void UnlistTemporary(const std::string& path) {
  std::vector<std::string>& list = Temporaries();
  auto found = std::find(list.begin(), list.end(), path);
  if (found != list.end()) list.erase(found);
}

void RemoveTemporaryFilesForExit() {
  // The lock is kept for good: no AtomicFile of another thread creates or renames a file
  // between this cleanup and the exit that follows.
  TemporariesMutex().lock();
  for (const std::string& path : Temporaries()) ::unlink(path.c_str());
  Temporaries().clear();
}

}  // namespace termalign::text
