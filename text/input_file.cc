#include "text/input_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "file_registry.h"
#include "text/reader.h"

namespace termalign::text {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

// The limits. Whole files are held in memory with what is built from them: a document about four
// times over (bytes, normalised text, sentences, tokens). A TMX is streamed, but one unit is held
// whole, and stdin is read whole.
const InputLimit kLimits[] = {
    {InputKind::kText, "texts", kMaxTextBytes},
    {InputKind::kTmx, "TMX files", 1024 * kMiB},
    {InputKind::kTbx, "TBX files", 256 * kMiB},
    {InputKind::kTable, "glossary tables", 256 * kMiB},
    {InputKind::kDictionary, "dictionaries", 256 * kMiB},
    {InputKind::kBeads, "bead files", 256 * kMiB},
    {InputKind::kPairs, "lines of pairs", 64 * kMiB},
    // OmegaT's rules for 15 languages are 0.35 MiB; every rule is compiled and tried in turn.
    {InputKind::kSrx, "SRX files", 16 * kMiB},
};

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

Status IoError(std::string_view doing, const std::string& path, int err) {
  return Status::Error(ErrorCode::kIo,
                       std::string(doing) + " " + DisplayName(path) + ": " + std::strerror(err));
}

// "cannot read a.tmx: <size>; TMX files over 1024 MiB are not read ...".
Status TooLarge(const std::string& path, const std::string& size, std::size_t max_bytes,
                std::string_view name) {
  return Status::Error(ErrorCode::kIo, "cannot read " + DisplayName(path) + ": " + size + "; " +
                                           std::string(name) + " over " +
                                           std::to_string(max_bytes / kMiB) +
                                           " MiB are not read (they are held in memory): "
                                           "split it");
}

// Opens `path` ("-": stdin) and records it as an input; a regular file larger than `max_bytes`
// is refused before a byte is read. `*info` gets its status.
Result<std::FILE*> OpenBounded(const std::string& path, std::size_t max_bytes,
                               std::string_view name, struct stat* info) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) return IoError("cannot open", path, errno);
  *info = {};
  if (::fstat(::fileno(file), info) == 0 && file != stdin) {
    RecordInputFile(path, *info, "the input");
  }
  if (S_ISREG(info->st_mode) && static_cast<std::size_t>(info->st_size) > max_bytes) {
    if (file != stdin) std::fclose(file);
    return TooLarge(path,
                    "the file is " +
                        std::to_string(static_cast<std::size_t>(info->st_size) / kMiB) + " MiB",
                    max_bytes, name);
  }
  return file;
}

Result<std::string> ReadBounded(const std::string& path, std::size_t max_bytes,
                                std::string_view name) {
  struct stat info {};
  Result<std::FILE*> opened = OpenBounded(path, max_bytes, name, &info);
  if (!opened.ok()) return opened.status();
  std::FILE* file = *opened;
  auto too_large = [&](const std::string& size) {
    if (file != stdin) std::fclose(file);
    return TooLarge(path, size, max_bytes, name);
  };
  std::string bytes;
  if (S_ISREG(info.st_mode)) bytes.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (bytes.size() + n > max_bytes) {
      return too_large("more than " + std::to_string(max_bytes / kMiB) + " MiB");
    }
    bytes.append(buffer, n);
  }
  int err = std::ferror(file) ? (errno != 0 ? errno : EIO) : 0;
  if (file != stdin) std::fclose(file);
  if (err != 0) return IoError("cannot read", path, err);
  return bytes;
}

}  // namespace

const InputLimit& LimitOf(InputKind kind) {
  for (const InputLimit& limit : kLimits) {
    if (limit.kind == kind) return limit;
  }
  return kLimits[0];
}

Result<std::string> ReadInput(const std::string& path, InputKind kind) {
  const InputLimit& limit = LimitOf(kind);
  return ReadBounded(path, limit.max_bytes, limit.name);
}

Result<std::string> ReadFileBytes(const std::string& path, std::size_t max_bytes) {
  return ReadBounded(path, max_bytes, "inputs");
}

Result<std::string> ReadFileHead(const std::string& path, std::size_t max_bytes) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return IoError("cannot open", path, errno);
  std::string head(max_bytes, '\0');
  head.resize(std::fread(head.data(), 1, max_bytes, file));
  int err = std::ferror(file) ? (errno != 0 ? errno : EIO) : 0;
  std::fclose(file);
  if (err != 0) return IoError("cannot read", path, err);
  return head;
}

LineReader::~LineReader() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

Status LineReader::Open(const std::string& path, InputKind kind) {
  name_ = DisplayName(path);
  max_bytes_ = LimitOf(kind).max_bytes;
  line_number_ = 0;
  status_ = Status::Ok();
  file_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) return status_ = IoError("cannot open", path, errno);
  struct stat info {};
  if (file_ != stdin && ::fstat(::fileno(file_), &info) == 0) {
    RecordInputFile(path, info, "the input");
  }
  return status_;
}

bool LineReader::Next(std::string* line) {
  line->clear();
  if (file_ == nullptr || !status_.ok()) return false;
  bool any = false;
  for (;;) {
    if (begin_ == end_) {
      begin_ = 0;
      end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
      if (end_ == 0) break;
    }
    any = true;
    const char* start = buffer_ + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    std::size_t length = newline != nullptr ? static_cast<std::size_t>(newline - start)
                                            : end_ - begin_;
    if (line->size() + length > max_bytes_) {
      status_ = Status::Error(ErrorCode::kIo,
                              "cannot read " + name_ + ": line " +
                                  std::to_string(line_number_ + 1) + " is longer than " +
                                  std::to_string(max_bytes_ / kMiB) +
                                  " MiB; longer lines are not read (they are held in memory)");
      return false;
    }
    line->append(start, length);
    begin_ += length;
    if (newline != nullptr) {
      ++begin_;
      break;
    }
  }
  if (std::ferror(file_)) {
    status_ = Status::Error(ErrorCode::kIo, "cannot read " + name_ + ": " +
                                                std::strerror(errno != 0 ? errno : EIO));
    return false;
  }
  if (!any) return false;
  ++line_number_;
  return true;
}

InputStream::~InputStream() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

Status InputStream::Open(const std::string& path, InputKind kind) {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  file_ = nullptr;
  path_ = path;
  kind_ = kind;
  read_ = 0;
  status_ = Status::Ok();
  const InputLimit& limit = LimitOf(kind);
  struct stat info {};
  Result<std::FILE*> opened = OpenBounded(path, limit.max_bytes, limit.name, &info);
  if (!opened.ok()) return opened.status();
  file_ = *opened;
  return Status::Ok();
}

bool InputStream::Read(std::size_t max_bytes, std::string* out) {
  if (file_ == nullptr || !status_.ok()) return false;
  std::size_t before = out->size();
  out->resize(before + max_bytes);
  std::size_t n = std::fread(out->data() + before, 1, max_bytes, file_);
  out->resize(before + n);
  read_ += n;
  const InputLimit& limit = LimitOf(kind_);
  if (read_ > limit.max_bytes) {
    status_ = TooLarge(path_, "more than " + std::to_string(limit.max_bytes / kMiB) + " MiB",
                       limit.max_bytes, limit.name);
    return false;
  }
  if (n == 0 && std::ferror(file_)) {
    status_ = IoError("cannot read", path_, errno != 0 ? errno : EIO);
  }
  return n > 0;
}

}  // namespace termalign::text
