// Lets Boost.Test print the glossary's enums and error codes in failed assertions.
#ifndef TERMALIGN_TESTS_GLOSSARY_GLOSSARY_TEST_PRINT_H_
#define TERMALIGN_TESTS_GLOSSARY_GLOSSARY_TEST_PRINT_H_

#include <ostream>

#include "glossary/termbase.h"

namespace termalign::glossary {
inline std::ostream& operator<<(std::ostream& out, TermStatus v) { return out << ToString(v); }
inline std::ostream& operator<<(std::ostream& out, TermOrigin v) { return out << ToString(v); }
inline std::ostream& operator<<(std::ostream& out, MatchKind v) { return out << ToString(v); }
inline std::ostream& operator<<(std::ostream& out, ProposalStatus v) { return out << ToString(v); }
}  // namespace termalign::glossary

namespace termalign::text {
inline std::ostream& operator<<(std::ostream& out, ErrorCode v) {
  return out << "ErrorCode(" << static_cast<int>(v) << ")";
}
}  // namespace termalign::text

#endif  // TERMALIGN_TESTS_GLOSSARY_GLOSSARY_TEST_PRINT_H_
