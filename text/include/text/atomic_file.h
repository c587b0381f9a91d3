// AtomicFile: output written to a temporary file beside the target and renamed into place.
#ifndef TERMALIGN_TEXT_ATOMIC_FILE_H_
#define TERMALIGN_TEXT_ATOMIC_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::text {

// An AtomicFile writes to "<target>.tmp.<pid>.<n>" and, on Commit(), flushes, fsyncs and
// renames it over the target, so readers never see a partial file under the final name. If it
// is destroyed without a successful Commit() the temporary file is removed, and an interrupt
// (RemoveTemporaryFilesForExit) removes it too.
// What the target is decides how it is written:
//  - "-" is stdout: writes go straight there and Commit() only flushes;
//  - a symlink is followed: its target is replaced, the link stays;
//  - anything that is not a regular file (a device, a FIFO, /dev/stdout, any path under /dev
//    or /proc) is written through, never renamed over;
//  - a regular file keeps its mode and, where the system allows, its owner; a new file gets
//    0666 less the umask, as the shell's `>` does;
//  - a regular file with several hard links is rewritten in place once the new content is
//    complete, so every name keeps seeing it;
//  - a file this process read (RecordInput) is refused, under any name: an output never
//    replaces an input.
// Temporary files of this naming left by a process that no longer runs are removed when the
// same target is next written.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file (or opens the device). Fails with kIo naming the path, or
  // kUsage when the target is a folder or an input of this process.
  Status Open(const std::string& path);

  // Appends bytes. Errors (a full disk) are remembered and reported by Commit().
  void Write(std::string_view bytes);

  // Flushes, syncs and renames into place. On failure the temporary file is removed and the
  // status names the path and the system's reason ("No space left on device").
  Status Commit();

  const std::string& path() const { return path_; }

 private:
  enum class Mode { kClosed, kStdout, kThrough, kReplace, kInPlace };

  Status OpenThrough(bool regular);
  Status CopyIntoTarget();
  void Discard();

  std::string path_;    // as given
  std::string target_;  // symlinks followed
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  Mode mode_ = Mode::kClosed;
  int write_errno_ = 0;
};

// Records the file at `path` (when it exists; "-" is ignored) as read by this process: no
// AtomicFile of this process replaces it afterwards. `what` names it in the refusal ("the
// termbase"). The input readers (input_file.h) record what they read.
void RecordInput(const std::string& path, std::string_view what = "the input");

// Forgets every input recorded so far, for a process that runs one job after another over the
// same files (the review server rewrites the TMX a save before had merged): each job starts
// with no inputs, and records its own.
void ForgetInputs();

// Removes every temporary file an AtomicFile holds and blocks any further creation or rename,
// for a process about to exit on a signal. Returns with a lock held for good: call it once.
void RemoveTemporaryFilesForExit();

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_ATOMIC_FILE_H_
