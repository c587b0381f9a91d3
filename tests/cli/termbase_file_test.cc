// The termbase file, end to end: read from a folder the reader cannot write, a schema version
// termalign never writes, a path that is no regular file. These cases back rows of the README's
// bad-input table.
#include <unistd.h>

#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

// Sets the 4-byte big-endian user_version of the SQLite file at `path` (header offset 60).
void SetUserVersion(const fs::path& path, std::uint32_t version) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(60);
  char bytes[4] = {static_cast<char>(version >> 24), static_cast<char>(version >> 16),
                   static_cast<char>(version >> 8), static_cast<char>(version)};
  file.write(bytes, 4);
}

std::string Listing(const fs::path& dir) {
  std::string names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names += entry.path().filename().string() + " ";
  }
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(termbase_file)

// As root, chmod does not stop a write: the reader is then the user nobody, for whom the folder
// is not writable (the test folder is 0755, owned by root). As any other user, the folder is
// made read-only. Either way SQLite cannot create -shm or -wal files beside the termbase, and the
// reading commands must still work.
BOOST_AUTO_TEST_CASE(a_termbase_in_a_folder_the_reader_cannot_write_is_read) {
  TempDir dir;
  fs::create_directories(dir / "ro");
  BOOST_REQUIRE(RunCli("glossary add pump --lang en --db ro/t.db", dir.path()).exit_code == 0);
  BOOST_REQUIRE(RunCli("glossary add pompe --lang fr --to pump --db ro/t.db", dir.path())
                    .exit_code == 0);
  // The owner's reading commands leave no -wal or -shm file either.
  BOOST_TEST(RunCli("lookup pump --db ro/t.db", dir.path()).exit_code == 0);
  BOOST_TEST(Listing(dir / "ro") == "t.db ");
  std::string as_reader;
  if (::geteuid() == 0) {
    if (std::system("runuser -u nobody -- true 2>/dev/null") != 0) {
      BOOST_TEST_MESSAGE("skipped: running as root without 'runuser -u nobody'");
      return;
    }
    fs::permissions(dir.path(), fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
    as_reader = "runuser -u nobody -- ";
  } else {
    fs::permissions(dir / "ro", fs::perms::owner_write, fs::perm_options::remove);
  }
  auto run = [&](const std::string& args) {
    // The shell (this user) writes out.txt and err.txt; only termalign runs as the reader.
    std::string command = "cd '" + dir.path().string() + "' && " + as_reader + "'" +
                          TERMALIGN_BINARY + "' " + args + " > out.txt 2> err.txt";
    int status = std::system(command.c_str());
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = ReadFile(dir / "out.txt");
    result.err = ReadFile(dir / "err.txt");
    return result;
  };
  RunResult lookup = run("lookup --db ro/t.db pump");
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
  BOOST_TEST(lookup.out.find("fr  pompe") != std::string::npos, lookup.out);
  RunResult exported = run("glossary export --db ro/t.db --format csv -o -");
  BOOST_TEST(exported.exit_code == 0, exported.err);
  BOOST_TEST(exported.out.find(",pump,pompe") != std::string::npos, exported.out);
  RunResult stats = run("glossary stats --db ro/t.db");
  BOOST_TEST(stats.exit_code == 0, stats.err);
  BOOST_TEST(Listing(dir / "ro") == "t.db ");
  if (::geteuid() != 0) fs::permissions(dir / "ro", fs::perms::owner_write, fs::perm_options::add);
}

BOOST_AUTO_TEST_CASE(a_schema_version_termalign_never_writes_is_a_foreign_file) {
  TempDir dir;
  BOOST_REQUIRE(RunCli("glossary add pump --lang en --db t.db", dir.path()).exit_code == 0);
  SetUserVersion(dir / "t.db", 0xFFFFFFFF);  // -1
  std::string before = ReadFile(dir / "t.db");
  for (const char* args : {"glossary add valve --lang en --db t.db", "lookup pump --db t.db",
                           "glossary stats --db t.db"}) {
    RunResult result = RunCli(args, dir.path());
    BOOST_TEST(result.exit_code == 2, args);
    BOOST_TEST(result.err ==
                   "termalign: error: opening t.db: an SQLite database that is not a termalign "
                   "termbase\n",
               args);
  }
  BOOST_TEST((ReadFile(dir / "t.db") == before));
}

BOOST_AUTO_TEST_CASE(a_termbase_path_that_is_no_regular_file_is_refused) {
  TempDir dir;
  fs::create_symlink("/dev/null", dir / "null.db");
  for (const char* args : {"glossary add pump --lang en --db null.db", "lookup pump --db null.db",
                           "glossary add pump --lang en --db /dev/null"}) {
    RunResult result = RunCli(args, dir.path());
    BOOST_TEST(result.exit_code == 2, args);
    BOOST_TEST(result.err.find(": not a regular file; a termbase is a file of its own (give --db "
                               "a file name)") != std::string::npos,
               args << ": " << result.err);
  }
  BOOST_TEST(Listing(dir.path()).find("null.db-") == std::string::npos, Listing(dir.path()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
