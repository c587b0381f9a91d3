// Fuzzes the SRX reader, the rules' compilation and their use on a fixed text: any bytes must
// give rules or an error, never a crash, and rules must give breaks inside the paragraph, in
// order, at character boundaries.
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/srx.h"
#include "text/srx.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace text = termalign::text;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto document = termalign::formats::ParseSrx(std::move(bytes), "fuzz.srx");
  if (!document.ok()) return 0;
  // Written and read again, the rules are the same.
  std::string written = termalign::formats::WriteSrx(*document);
  auto again = termalign::formats::ParseSrx(written, "again.srx");
  if (!again.ok() || termalign::formats::WriteSrx(*again) != written) __builtin_trap();
  // A small time limit: a catastrophic pattern is an error, not a hang of the fuzzer.
  auto rules = text::SrxRules::Compile(*document, text::SrxLimits{20, 1 << 20});
  if (!rules.ok()) return 0;
  constexpr std::string_view kParagraph =
      "Dr. Lee met J. R. Smith (see e.g. Fig. 3) at 5 p.m. Was it late? « Oui ! » dit-il. "
      "Voir la v. 4.2… هل هذا صحيح؟ نعم.";
  for (std::string_view lang : {"en", "fr", "ar", "x-unknown"}) {
    auto matcher = (*rules)->MatcherFor(lang);
    auto breaks = matcher->Breaks(kParagraph);
    if (!breaks.ok()) continue;
    std::size_t previous = 0;
    for (std::size_t at : *breaks) {
      bool boundary =
          at < kParagraph.size() && (static_cast<unsigned char>(kParagraph[at]) & 0xC0) != 0x80;
      if (at <= previous || !boundary) __builtin_trap();
      previous = at;
    }
  }
  return 0;
}
