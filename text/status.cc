#include "text/status.h"

namespace termalign::text {

Status Status::WithContext(std::string_view doing) const {
  if (ok()) return *this;
  std::string message(doing);
  message += ": ";
  message += message_;
  return Status(code_, std::move(message));
}

}  // namespace termalign::text
