// Fuzzes glossary import: the same bytes are read as TBX (v2 or v3, the root decides), as TSV
// and CSV with their header and with columns given (no header), and whatever parses is stored
// into an in-memory termbase. The import
// path takes a file name, so the bytes go through an anonymous in-memory file; every input runs
// inside a transaction that is rolled back, so each starts from an empty termbase.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <memory>
#include <string>

#include "glossary/exchange.h"
#include "glossary/termbase.h"

namespace {

namespace glossary = termalign::glossary;

// Rolls back the fuzz input's writes; never returned by the code under test.
constexpr const char* kRollback = "fuzz: roll back";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<glossary::Termbase> termbase = [] {
    auto opened = glossary::Termbase::Open(":memory:");
    if (!opened.ok()) __builtin_trap();
    return std::move(*opened);
  }();
  static int fd = memfd_create("glossary_import_fuzz", 0);
  if (fd < 0) __builtin_trap();
  if (ftruncate(fd, 0) != 0) __builtin_trap();
  for (std::size_t done = 0; done < size;) {
    ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    if (n <= 0) __builtin_trap();
    done += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);

  glossary::Status status = termbase->InTransaction([&]() -> glossary::Status {
    struct Reading {
      glossary::ExchangeFormat format;
      bool columns;
    };
    for (Reading reading : {Reading{glossary::ExchangeFormat::kTbx2, false},
                            Reading{glossary::ExchangeFormat::kTsv, false},
                            Reading{glossary::ExchangeFormat::kTsv, true},
                            Reading{glossary::ExchangeFormat::kCsv, false},
                            Reading{glossary::ExchangeFormat::kCsv, true}}) {
      glossary::ImportOptions options;
      options.format = reading.format;
      if (reading.columns) options.columns = {"en", "fr", "note", "definition", "x"};
      glossary::Result<glossary::ImportStats> imported =
          glossary::Import(*termbase, path, options);
      if (!imported.ok()) continue;
      // Importing the same file again must find every term already there.
      glossary::Result<glossary::ImportStats> again = glossary::Import(*termbase, path, options);
      if (!again.ok() || again->terms_added != 0 || again->entities_created != 0) {
        __builtin_trap();
      }
    }
    return glossary::Status::Error(termalign::text::ErrorCode::kInternal, kRollback);
  });
  if (status.ok() || status.message().find(kRollback) == std::string::npos) __builtin_trap();
  return 0;
}
