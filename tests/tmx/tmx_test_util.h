// Helpers shared by the TMX tests.
#ifndef TERMALIGN_TESTS_TMX_TMX_TEST_UTIL_H_
#define TERMALIGN_TESTS_TMX_TMX_TEST_UTIL_H_

#include <ostream>

#include "text/status.h"

namespace termalign::text {

// Lets BOOST_TEST print error codes it compares.
inline std::ostream& operator<<(std::ostream& out, ErrorCode code) {
  return out << "ErrorCode(" << static_cast<int>(code) << ")";
}

}  // namespace termalign::text

#endif  // TERMALIGN_TESTS_TMX_TMX_TEST_UTIL_H_
