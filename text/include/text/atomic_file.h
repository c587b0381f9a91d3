// AtomicFile: output written to a temporary file beside the target and renamed into place.
#ifndef TERMALIGN_TEXT_ATOMIC_FILE_H_
#define TERMALIGN_TEXT_ATOMIC_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::text {

// An AtomicFile writes to "<path>.tmp.<pid>.<n>" and, on Commit(), flushes, fsyncs and renames
// it over `path`, so readers never see a partial file under the final name. If it is destroyed
// without a successful Commit() the temporary file is removed. The path "-" means stdout: writes
// go straight there and Commit() only flushes.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file. Fails with kIo naming the path.
  Status Open(const std::string& path);

  // Appends bytes. Errors (a full disk) are remembered and reported by Commit().
  void Write(std::string_view bytes);

  // Flushes, syncs and renames into place. On failure the temporary file is removed and the
  // status names the path and the system's reason ("No space left on device").
  Status Commit();

  const std::string& path() const { return path_; }

 private:
  void Discard();

  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool is_stdout_ = false;
  int write_errno_ = 0;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_ATOMIC_FILE_H_
