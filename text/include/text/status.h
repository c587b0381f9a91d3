// Status and Result: how library calls that can fail on user data report it.
#ifndef TERMALIGN_TEXT_STATUS_H_
#define TERMALIGN_TEXT_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace termalign::text {

// What went wrong, coarsely: the CLI maps it to an exit code.
enum class ErrorCode {
  kOk = 0,
  kUsage,     // the caller asked for something impossible (bad option value)
  kIo,        // a file could not be opened, read or written
  kParse,     // user data is malformed (invalid UTF-8, bad XML, bad bead line)
  kDatabase,  // the termbase refused or is damaged
  kNotFound,  // a looked-up thing does not exist
  kInternal,  // a bug: an invariant did not hold
};

// A Status is ok, or carries a code and a message such as
// "reading a.txt: line 3, byte 17: invalid UTF-8 sequence".
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string message) {
    return Status(code, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns this status with "doing: " put before the message (no-op when ok),
  // so each layer adds what it was doing.
  Status WithContext(std::string_view doing) const;

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A Result holds a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}                 // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}         // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace termalign::text

#endif  // TERMALIGN_TEXT_STATUS_H_
