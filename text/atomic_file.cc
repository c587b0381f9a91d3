#include "text/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

namespace termalign::text {
namespace {

Status IoError(std::string_view doing, const std::string& path, int err) {
  return Status::Error(ErrorCode::kIo,
                       std::string(doing) + " " + path + ": " + std::strerror(err));
}

}  // namespace

AtomicFile::~AtomicFile() { Discard(); }

Status AtomicFile::Open(const std::string& path) {
  Discard();
  path_ = path;
  write_errno_ = 0;
  if (path == "-") {
    is_stdout_ = true;
    file_ = stdout;
    return Status::Ok();
  }
  // The counter keeps two AtomicFiles of one process (one per pair, in threads) apart.
  static std::atomic<unsigned> counter{0};
  temp_path_ = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    int err = errno;
    temp_path_.clear();
    return IoError("cannot create", path, err);
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    int err = errno;
    ::close(fd);
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
    return IoError("cannot create", path, err);
  }
  return Status::Ok();
}

void AtomicFile::Write(std::string_view bytes) {
  if (file_ == nullptr || write_errno_ != 0 || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    write_errno_ = errno != 0 ? errno : EIO;
  }
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) {
    return Status::Error(ErrorCode::kInternal, "commit of a file that is not open");
  }
  if (is_stdout_) {
    std::fflush(stdout);
    file_ = nullptr;
    is_stdout_ = false;
    return Status::Ok();
  }
  int err = write_errno_;
  if (err == 0 && std::fflush(file_) != 0) err = errno;
  if (err == 0 && ::fsync(::fileno(file_)) != 0) err = errno;
  if (std::fclose(file_) != 0 && err == 0) err = errno;
  file_ = nullptr;
  if (err == 0 && ::rename(temp_path_.c_str(), path_.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
    return IoError("cannot write", path_, err);
  }
  temp_path_.clear();
  return Status::Ok();
}

void AtomicFile::Discard() {
  if (is_stdout_) {
    file_ = nullptr;
    is_stdout_ = false;
    return;
  }
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
  }
}

}  // namespace termalign::text
