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

// Reads a whole file ("-" for stdin) into bytes. Fails with kIo naming the path. A file of more
// than `max_bytes` bytes fails with kIo ("... is 1024 MiB, more than the 256 MiB limit ...")
// before it is read when its size is known (a regular file), else once that much has been read.
Result<std::string> ReadFileBytes(const std::string& path,
                                  std::size_t max_bytes = static_cast<std::size_t>(-1));

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_ATOMIC_FILE_H_
