// Outputs, end to end: an output never replaces an input or the termbase, devices and FIFOs are
// written through, symlinks and hard links are kept, the replaced file's mode is kept, and
// temporary files left by a dead process are cleaned. These cases back rows of the README's
// bad-input table.
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include <boost/test/unit_test.hpp>

#include "test_util.h"

namespace termalign::testing {
namespace {

const char kEnglish[] = "The pump stopped. The valve is open.\n";
const char kFrench[] = "La pompe s'est arrêtée. La vanne est ouverte.\n";

void WriteTexts(const TempDir& dir) {
  WriteFile(dir / "s.en", kEnglish);
  WriteFile(dir / "s.fr", kFrench);
}

mode_t ModeOf(const fs::path& path) {
  struct stat info {};
  ::lstat(path.c_str(), &info);
  return info.st_mode;
}

std::string TempFiles(const fs::path& dir) {
  std::string names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".tmp.") != std::string::npos) names += name + " ";
  }
  return names;
}

// Runs a shell command line in `dir`; returns its exit code.
int Shell(const std::string& command, const fs::path& dir) {
  int status = std::system(("cd '" + dir.string() + "' && " + command).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string Cli() { return std::string("'") + TERMALIGN_BINARY + "'"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(output_safety)

BOOST_AUTO_TEST_CASE(an_output_that_is_an_input_is_refused) {
  TempDir dir;
  WriteTexts(dir);
  RunResult align = RunCli("align --no-dict s.en s.fr -o s.en", dir.path());
  BOOST_TEST(align.exit_code == 2);
  BOOST_TEST(align.err ==
             "termalign: error: refusing to write s.en: it is the input s.en; choose another "
             "output\n");
  BOOST_TEST(ReadFile(dir / "s.en") == kEnglish);

  // The same file under another name: a hard link, a symlink.
  fs::create_hard_link(dir / "s.fr", dir / "hard.fr");
  fs::create_symlink("s.fr", dir / "soft.fr");
  for (const char* name : {"hard.fr", "soft.fr"}) {
    RunResult other = RunCli(std::string("align --no-dict s.en s.fr -o ") + name, dir.path());
    BOOST_TEST(other.exit_code == 2);
    BOOST_TEST(other.err == std::string("termalign: error: refusing to write ") + name +
                                ": it is the input s.fr (the same file under another name); "
                                "choose another output\n");
  }
  BOOST_TEST(ReadFile(dir / "s.fr") == kFrench);
  BOOST_TEST(fs::is_symlink(dir / "soft.fr"));

  WriteFile(dir / "p.tsv", "The pump.\tLa pompe.\n");
  RunResult tmx =
      RunCli("tmx export --src-lang en --tgt-lang fr --pairs p.tsv -o p.tsv", dir.path());
  BOOST_TEST(tmx.exit_code == 2);
  BOOST_TEST(tmx.err.find("refusing to write p.tsv: it is the input p.tsv") != std::string::npos,
             tmx.err);
  BOOST_TEST(ReadFile(dir / "p.tsv") == "The pump.\tLa pompe.\n");

  RunResult qa = RunCli("qa --no-dict --src-lang en --tgt-lang fr s.en s.fr --html s.fr",
                        dir.path());
  BOOST_TEST(qa.exit_code == 2);
  BOOST_TEST(qa.err.find("refusing to write s.fr: it is the input s.fr") != std::string::npos,
             qa.err);
  BOOST_TEST(ReadFile(dir / "s.fr") == kFrench);
  BOOST_TEST(TempFiles(dir.path()) == "");
}

BOOST_AUTO_TEST_CASE(an_export_over_its_termbase_is_refused) {
  TempDir dir;
  BOOST_REQUIRE(RunCli("glossary add pump --lang en --db g.db", dir.path()).exit_code == 0);
  RunResult exported = RunCli("glossary export --db g.db -o g.db --format tbx", dir.path());
  BOOST_TEST(exported.exit_code == 2);
  BOOST_TEST(exported.err ==
             "termalign: error: refusing to write g.db: it is the termbase g.db; choose another "
             "output\n");
  RunResult lookup = RunCli("lookup pump --db g.db", dir.path());
  BOOST_TEST(lookup.exit_code == 0, lookup.err);
}

BOOST_AUTO_TEST_CASE(devices_fifos_and_proc_links_are_written_through) {
  TempDir dir;
  WriteTexts(dir);
  // A symlink to a device: the device gets the bytes, the link stays a link.
  fs::create_symlink("/dev/null", dir / "null");
  RunResult null = RunCli("align --no-dict s.en s.fr -o null", dir.path());
  BOOST_TEST(null.exit_code == 0, null.err);
  BOOST_TEST(fs::is_symlink(dir / "null"));
  BOOST_TEST(S_ISCHR(ModeOf("/dev/null")));

  // A symlink to the process's own stdout (the issue's /proc/self/fd/1).
  fs::create_symlink("/proc/self/fd/1", dir / "out");
  RunResult out = RunCli("align --no-dict s.en s.fr -o out", dir.path());
  BOOST_TEST(out.exit_code == 0, out.err);
  BOOST_TEST(fs::is_symlink(dir / "out"));
  BOOST_TEST(out.out.find("The pump stopped.\tLa pompe s'est arrêtée.") != std::string::npos,
             out.out);

  // A FIFO: a reader gets the output; the FIFO stays a FIFO. (timeout ends the reader if the
  // FIFO were replaced by a file, which would leave it waiting.)
  BOOST_REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
  int code = Shell("(timeout 60 cat fifo > got &); " + Cli() +
                       " align --no-dict s.en s.fr -o fifo 2>err.txt",
                   dir.path());
  BOOST_TEST(code == 0, ReadFile(dir / "err.txt"));
  BOOST_TEST(S_ISFIFO(ModeOf(dir / "fifo")));
  for (int i = 0; i < 600 && ReadFile(dir / "got").empty(); ++i) ::usleep(100000);
  BOOST_TEST(ReadFile(dir / "got").find("The valve is open.") != std::string::npos);

  // A character device node (root only): /dev/full's numbers in the test folder.
  if (::mknod((dir / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0) {
    RunResult full = RunCli("align --no-dict s.en s.fr -o full", dir.path());
    BOOST_TEST(full.exit_code == 2);
    BOOST_TEST(full.err == "termalign: error: cannot write full: No space left on device\n");
    BOOST_TEST(S_ISCHR(ModeOf(dir / "full")));
  } else {
    BOOST_TEST_MESSAGE("skipped the device node case: mknod needs root");
  }
  BOOST_TEST(TempFiles(dir.path()) == "");
}

BOOST_AUTO_TEST_CASE(mode_owner_symlinks_and_hard_links_are_kept) {
  TempDir dir;
  WriteTexts(dir);
  WriteFile(dir / "private.tsv", "old\n");
  fs::permissions(dir / "private.tsv", fs::perms::owner_read | fs::perms::owner_write);
  BOOST_TEST(RunCli("align --no-dict s.en s.fr -o private.tsv", dir.path()).exit_code == 0);
  BOOST_TEST((ModeOf(dir / "private.tsv") & 07777) == 0600u);
  BOOST_TEST(ReadFile(dir / "private.tsv").find("The pump") != std::string::npos);

  // A new file follows the umask, as the shell's `>` does (0666 less the umask).
  BOOST_TEST(Shell("umask 002 && " + Cli() + " align --no-dict s.en s.fr -o new.tsv", dir.path()) ==
             0);
  BOOST_TEST((ModeOf(dir / "new.tsv") & 07777) == 0664u);

  // A symlink: its target gets the content, the link stays.
  WriteFile(dir / "real.tsv", "old\n");
  fs::create_symlink("real.tsv", dir / "link.tsv");
  BOOST_TEST(RunCli("align --no-dict s.en s.fr -o link.tsv", dir.path()).exit_code == 0);
  BOOST_TEST(fs::is_symlink(dir / "link.tsv"));
  BOOST_TEST(ReadFile(dir / "real.tsv").find("The pump") != std::string::npos);

  // Hard links: every name sees the new content.
  WriteFile(dir / "a.tsv", "old\n");
  fs::create_hard_link(dir / "a.tsv", dir / "b.tsv");
  BOOST_TEST(RunCli("align --no-dict s.en s.fr -o a.tsv", dir.path()).exit_code == 0);
  BOOST_TEST(fs::hard_link_count(dir / "a.tsv") == 2u);
  BOOST_TEST(ReadFile(dir / "b.tsv") == ReadFile(dir / "a.tsv"));
  BOOST_TEST(ReadFile(dir / "b.tsv").find("The pump") != std::string::npos);
  BOOST_TEST(TempFiles(dir.path()) == "");
}

BOOST_AUTO_TEST_CASE(temporaries_of_a_dead_process_are_cleaned_on_the_next_write) {
  TempDir dir;
  WriteTexts(dir);
  // A pid that runs no process, and one that does (this test's).
  pid_t dead = 4194000;
  while (::kill(dead, 0) == 0 || errno != ESRCH) ++dead;
  std::string stale = "out.tsv.tmp." + std::to_string(dead) + ".0";
  std::string live = "out.tsv.tmp." + std::to_string(::getpid()) + ".0";
  WriteFile(dir / stale, "partial");
  WriteFile(dir / live, "being written");
  WriteFile(dir / "other.tsv.tmp.1.0", "another name's");
  BOOST_TEST(RunCli("align --no-dict s.en s.fr -o out.tsv", dir.path()).exit_code == 0);
  BOOST_TEST(!fs::exists(dir / stale));
  BOOST_TEST(fs::exists(dir / live));
  BOOST_TEST(fs::exists(dir / "other.tsv.tmp.1.0"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
