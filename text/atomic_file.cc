#include "text/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "file_registry.h"

namespace termalign::text {
namespace {

Status IoError(std::string_view doing, const std::string& path, int err) {
  return Status::Error(ErrorCode::kIo,
                       std::string(doing) + " " + path + ": " + std::strerror(err));
}

// Device and process folders hold nodes that stand for something else (/dev/stdout,
// /proc/self/fd/1 naming a pipe): they are written through, and their links are left to the
// kernel, whose "pipe:[123]" targets are no paths.
bool InSystemFolder(const std::string& path) {
  return path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
}

std::string Folder(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The file a chain of symlinks at `path` ends in (which may not exist yet), as the shell's `>`
// would write it. 0 or an errno (ELOOP).
int FollowSymlinks(const std::string& path, std::string* target) {
  *target = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat info {};
    if (InSystemFolder(*target) || ::lstat(target->c_str(), &info) != 0 ||
        !S_ISLNK(info.st_mode)) {
      return 0;
    }
    std::string link(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 4096) + 1, '\0');
    ssize_t length = ::readlink(target->c_str(), link.data(), link.size());
    if (length < 0) return errno;
    link.resize(static_cast<std::size_t>(length));
    *target = link.front() == '/' ? link : Folder(*target) + "/" + link;
  }
  return ELOOP;
}

std::string TemporaryName(const std::string& target) {
  // The counter keeps two AtomicFiles of one process (one per pair, in threads) apart.
  static std::atomic<unsigned> counter{0};
  return target + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Removes "<target>.tmp.<pid>.<n>" files whose process no longer runs (a crash, kill -9).
void RemoveStaleTemporaries(const std::string& target) {
  std::string folder = Folder(target);
  std::string prefix = target.substr(target.rfind('/') + 1) + ".tmp.";
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return;
  while (const struct dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name.rfind(prefix, 0) != 0) continue;
    std::string_view rest = name.substr(prefix.size());
    std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos || !AllDigits(rest.substr(0, dot)) ||
        !AllDigits(rest.substr(dot + 1)) || dot > 9) {
      continue;
    }
    pid_t pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, dot))));
    // EPERM: the process runs under another user; only a process that is gone is certain.
    if (pid == ::getpid() || pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    ::unlink((folder + "/" + std::string(name)).c_str());
  }
  ::closedir(dir);
}

}  // namespace

AtomicFile::~AtomicFile() { Discard(); }

Status AtomicFile::Open(const std::string& path) {
  Discard();
  path_ = path;
  write_errno_ = 0;
  if (path == "-") {
    mode_ = Mode::kStdout;
    file_ = stdout;
    return Status::Ok();
  }
  if (int err = FollowSymlinks(path, &target_); err != 0) return IoError("cannot write", path, err);
  struct stat info {};
  bool exists = ::stat(target_.c_str(), &info) == 0;
  if (!exists && errno != ENOENT) return IoError("cannot write", path, errno);
  if (exists) {
    if (S_ISDIR(info.st_mode)) {
      return Status::Error(ErrorCode::kUsage, "cannot write " + path + ": it is a folder");
    }
    if (Status status = CheckNotAnInput(path, info); !status.ok()) return status;
    if (!S_ISREG(info.st_mode) || InSystemFolder(target_)) {
      return OpenThrough(S_ISREG(info.st_mode));
    }
  }
  RemoveStaleTemporaries(target_);
  temp_path_ = TemporaryName(target_);
  std::unique_lock<std::mutex> lock = LockTemporaries();
  // An existing file's content may be private: the copy is made private until it has the
  // original's owner and mode. A new file gets what the umask leaves of 0666.
  int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                  exists ? 0600 : 0666);
  if (fd < 0) {
    int err = errno;
    temp_path_.clear();
    return IoError("cannot create", path, err);
  }
  ListTemporary(temp_path_);
  lock.unlock();
  mode_ = exists && info.st_nlink > 1 ? Mode::kInPlace : Mode::kReplace;
  if (exists) {
    // Owner first: chown clears the set-user-ID bits that chmod then restores. Only root may
    // give a file away; for others the new file stays theirs.
    if (::fchown(fd, info.st_uid, info.st_gid) != 0) {
      [[maybe_unused]] int ignored = ::fchown(fd, static_cast<uid_t>(-1), info.st_gid);
    }
    ::fchmod(fd, info.st_mode & 07777);
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    int err = errno;
    ::close(fd);
    Discard();
    return IoError("cannot create", path, err);
  }
  return Status::Ok();
}

Status AtomicFile::OpenThrough(bool regular) {
  int fd = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | (regular ? O_TRUNC : 0));
  if (fd < 0) return IoError("cannot write", path_, errno);
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    int err = errno;
    ::close(fd);
    return IoError("cannot write", path_, err);
  }
  mode_ = Mode::kThrough;
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
  if (mode_ == Mode::kStdout) {
    std::fflush(stdout);
    file_ = nullptr;
    mode_ = Mode::kClosed;
    return Status::Ok();
  }
  int err = write_errno_;
  if (err == 0 && std::fflush(file_) != 0) err = errno;
  // A device or a pipe cannot be synced (EINVAL): what was written has been handed over.
  if (err == 0 && ::fsync(::fileno(file_)) != 0 && mode_ != Mode::kThrough) err = errno;
  if (std::fclose(file_) != 0 && err == 0) err = errno;
  file_ = nullptr;
  if (mode_ == Mode::kThrough) {
    mode_ = Mode::kClosed;
    return err == 0 ? Status::Ok() : IoError("cannot write", path_, err);
  }
  if (err != 0) {
    Discard();
    return IoError("cannot write", path_, err);
  }
  // An input read since Open (a bitext streamed while writing) is refused now, before the
  // rename would replace it.
  struct stat info {};
  if (::stat(target_.c_str(), &info) == 0) {
    if (Status status = CheckNotAnInput(path_, info); !status.ok()) {
      Discard();
      return status;
    }
  }
  if (mode_ == Mode::kInPlace) return CopyIntoTarget();
  std::unique_lock<std::mutex> lock = LockTemporaries();
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    err = errno;
    lock.unlock();
    Discard();
    return IoError("cannot write", path_, err);
  }
  UnlistTemporary(temp_path_);
  temp_path_.clear();
  mode_ = Mode::kClosed;
  return Status::Ok();
}

// The complete new content is copied over the hard-linked target. An interrupt waits for the
// copy (the lock is held), so the file is never left half written by Ctrl-C.
Status AtomicFile::CopyIntoTarget() {
  std::unique_lock<std::mutex> lock = LockTemporaries();
  int err = 0;
  int in = ::open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  int out = in < 0 ? -1 : ::open(target_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (in < 0 || out < 0) err = errno;
  char buffer[1 << 16];
  while (err == 0) {
    ssize_t got = ::read(in, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      if (got < 0) err = errno;
      break;
    }
    for (ssize_t done = 0; done < got && err == 0;) {
      ssize_t put = ::write(out, buffer + done, static_cast<std::size_t>(got - done));
      if (put < 0 && errno != EINTR) err = errno;
      if (put > 0) done += put;
    }
  }
  if (err == 0 && ::fsync(out) != 0) err = errno;
  if (out >= 0 && ::close(out) != 0 && err == 0) err = errno;
  if (in >= 0) ::close(in);
  lock.unlock();
  Discard();
  return err == 0 ? Status::Ok() : IoError("cannot write", path_, err);
}

void AtomicFile::Discard() {
  if (mode_ == Mode::kStdout) {
    file_ = nullptr;
    mode_ = Mode::kClosed;
    return;
  }
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temp_path_.empty()) {
    std::unique_lock<std::mutex> lock = LockTemporaries();
    ::unlink(temp_path_.c_str());
    UnlistTemporary(temp_path_);
    temp_path_.clear();
  }
  mode_ = Mode::kClosed;
}

}  // namespace termalign::text
