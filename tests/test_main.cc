// The Boost.Test entry point shared by every module's test executable.
#define BOOST_TEST_MODULE termalign
#include <boost/test/unit_test.hpp>
