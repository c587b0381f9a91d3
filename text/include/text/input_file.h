// Reading input files within a stated size limit per kind of input.
#ifndef TERMALIGN_TEXT_INPUT_FILE_H_
#define TERMALIGN_TEXT_INPUT_FILE_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::text {

// The kinds of input termalign reads. Each is held in memory whole (with what is built from it)
// except kPairs, which is streamed a line at a time, and kTmx, streamed a unit at a time. Each
// has a largest size (kPairs: a largest line) beyond which it is refused with a message rather
// than read until memory runs out.
enum class InputKind {
  kText,        // a document: align, segment, glossary build, run, qa
  kTmx,         // a TMX file (streamed a unit at a time; stdin is held whole)
  kTbx,         // a TBX glossary
  kTable,       // a TSV or CSV glossary
  kDictionary,  // a word list given with --dict
  kBeads,       // a bead file: --beads, eval
  kPairs,       // tmx export --pairs, one line at a time
  kSrx,         // segmentation rules given with --srx
};

// One row per kind: how messages name it and its limit in bytes.
struct InputLimit {
  InputKind kind;
  std::string_view name;  // plural, as in "TMX files over 1024 MiB are not read"
  std::size_t max_bytes;
};

// The row of `kind`.
const InputLimit& LimitOf(InputKind kind);

// Reads a whole file ("-" for stdin) of kind `kind`. Fails with kIo naming the path when it
// cannot be read, or when it is larger than the kind's limit: before a byte is read when its size
// is known (a regular file), else (a pipe, a device such as /dev/zero) once the limit is passed:
// "cannot read big.tmx: the file is 1907 MiB; TMX files over 1024 MiB are not read (they are held
// in memory): split it".
Result<std::string> ReadInput(const std::string& path, InputKind kind);

// The same with a limit of `max_bytes` and messages saying "inputs over N MiB".
Result<std::string> ReadFileBytes(const std::string& path, std::size_t max_bytes);

// The first `max_bytes` bytes of a file (fewer when it is shorter), to tell its format: never
// more is read. Fails with kIo naming the path.
Result<std::string> ReadFileHead(const std::string& path, std::size_t max_bytes);

// A LineReader reads a file ("-" for stdin) one line at a time, holding one line, for inputs
// streamed rather than read whole. A line longer than the kind's limit is an error, so an input
// without line ends (a device, a sparse file) cannot fill memory.
class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Opens `path`. Fails with kIo naming the path.
  Status Open(const std::string& path, InputKind kind);

  // Reads the next line into `*line`, without its "\n". Returns false at the end of the input or
  // on an error; status() then tells which.
  bool Next(std::string* line);

  // Ok at the end of the input; kIo naming the file (and the line) after an error.
  const Status& status() const { return status_; }
  // The 1-based number of the line last read.
  std::size_t line_number() const { return line_number_; }

 private:
  std::FILE* file_ = nullptr;
  std::string name_;
  std::size_t max_bytes_ = 0;
  std::size_t line_number_ = 0;
  Status status_;
  char buffer_[1 << 16];
  std::size_t begin_ = 0;  // unread bytes of buffer_: [begin_, end_)
  std::size_t end_ = 0;
};

// An InputStream reads a file ("-" for stdin) a block at a time, for inputs streamed rather than
// read whole. The kind's limit applies as in ReadInput (a regular file over it is refused at
// Open), so a device such as /dev/zero cannot be read for ever.
class InputStream {
 public:
  InputStream() = default;
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Opens `path`. Fails with kIo naming the path.
  Status Open(const std::string& path, InputKind kind);

  // Appends up to `max_bytes` more bytes to `*out`. Returns false at the end of the input or on
  // an error; status() then tells which.
  bool Read(std::size_t max_bytes, std::string* out);

  // Ok at the end of the input; kIo naming the file after an error.
  const Status& status() const { return status_; }

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  InputKind kind_ = InputKind::kText;
  std::size_t read_ = 0;
  Status status_;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_INPUT_FILE_H_
