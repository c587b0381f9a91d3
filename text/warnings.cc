// The text layer's warning sink.
#include "text/warnings.h"

#include <utility>

namespace termalign::text {
namespace {

WarningSink& Sink() {
  static WarningSink sink;
  return sink;
}

}  // namespace

void SetWarningSink(WarningSink sink) { Sink() = std::move(sink); }

void ReportWarning(std::string_view message) {
  if (Sink()) Sink()(message);
}

}  // namespace termalign::text
