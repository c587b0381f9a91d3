// End-to-end tests of the command line itself: help, version, typos, exit codes.
#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(help_lists_subcommands_and_exits_zero) {
  TempDir dir;
  RunResult result = RunCli("--help", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("segment") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(version_names_the_tool) {
  TempDir dir;
  RunResult result = RunCli("--version", dir.path());
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.rfind("termalign ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(unknown_command_suggests_the_closest) {
  TempDir dir;
  RunResult result = RunCli("segmnt a.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("termalign: error: unknown command 'segmnt'; did you mean "
                             "'segment'?") != std::string::npos);
  BOOST_TEST(result.out.empty());
}

BOOST_AUTO_TEST_CASE(unknown_flag_suggests_the_closest) {
  TempDir dir;
  RunResult result = RunCli("segment --jsn a.txt", dir.path());
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("unknown option '--jsn'; did you mean '--json'?") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_command_is_a_usage_error) {
  TempDir dir;
  RunResult result = RunCli("", dir.path());
  BOOST_TEST(result.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
