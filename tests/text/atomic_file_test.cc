// AtomicFile: nothing appears under the final name until Commit succeeds.
#include "text/atomic_file.h"
#include "text/input_file.h"

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {

BOOST_AUTO_TEST_SUITE(atomic_file)

BOOST_AUTO_TEST_CASE(commit_renames_into_place) {
  TempDir dir;
  std::string path = (dir / "out.txt").string();
  text::AtomicFile file;
  BOOST_REQUIRE(file.Open(path).ok());
  file.Write("hello\n");
  BOOST_TEST(!fs::exists(path));
  BOOST_REQUIRE(file.Commit().ok());
  BOOST_TEST(ReadFile(path) == "hello\n");
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(abandoned_file_leaves_old_content_and_no_temporary) {
  TempDir dir;
  std::string path = (dir / "out.txt").string();
  WriteFile(path, "old");
  {
    text::AtomicFile file;
    BOOST_REQUIRE(file.Open(path).ok());
    file.Write("partial");
  }
  BOOST_TEST(ReadFile(path) == "old");
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(unwritable_folder_names_the_path) {
  text::AtomicFile file;
  text::Status status = file.Open("/nonexistent-folder/out.txt");
  BOOST_TEST(!status.ok());
  BOOST_TEST(status.message() ==
             "cannot create /nonexistent-folder/out.txt: No such file or directory");
}

BOOST_AUTO_TEST_CASE(read_file_bytes_honours_a_size_limit) {
  TempDir dir;
  std::string path = (dir / "in.txt").string();
  WriteFile(path, std::string(3 << 20, 'a'));
  BOOST_TEST(text::ReadFileBytes(path, 3 << 20).ok());
  text::Result<std::string> refused = text::ReadFileBytes(path, 2 << 20);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().message() ==
             "cannot read " + path +
                 ": the file is 3 MiB; inputs over 2 MiB are not read (they are held in memory): "
                 "split it");
  // A file without a size (a device, a pipe) is cut off once past the limit.
  text::Result<std::string> zeros = text::ReadFileBytes("/dev/zero", 1 << 20);
  BOOST_REQUIRE(!zeros.ok());
  BOOST_TEST(zeros.status().message() ==
             "cannot read /dev/zero: more than 1 MiB; inputs over 1 MiB are not read (they are "
             "held in memory): split it");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
