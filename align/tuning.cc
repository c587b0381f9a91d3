#include "tuning.h"

namespace termalign::align::internal {

// Tuned on the Text+Berg development set (German-French); the second-pass and band widths
// trade speed on large documents against recovery from first-pass errors.
const Tuning& GetTuning() {
  static const Tuning tuning;
  return tuning;
}

}  // namespace termalign::align::internal
