#include "two_threads.h"

#include <cstdlib>
#include <string_view>

namespace termalign::align::internal {

bool UseTwoThreads(int threads) {
  if (threads == 0) {
    // Read once: the variable is for runs that measure or compare one thread against two.
    static const int from_environment = [] {
      const char* value = std::getenv("TERMALIGN_THREADS");
      if (value == nullptr || *value == '\0') return 0;
      return std::string_view(value) == "1" ? 1 : 2;
    }();
    threads = from_environment;
  }
  if (threads == 0) return std::thread::hardware_concurrency() > 1;
  return threads > 1;
}

}  // namespace termalign::align::internal
