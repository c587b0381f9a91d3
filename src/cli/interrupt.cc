#include "interrupt.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <thread>

#include "commands.h"
#include "text/atomic_file.h"

namespace termalign::cli {

// A thread that waits with sigwait, rather than a signal handler, runs ordinary code: it can
// take the lock that keeps the list of temporary files consistent with the files on disk.
void HandleInterrupts() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  if (pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) return;
  std::thread([signals] {
    int received = 0;
    while (sigwait(&signals, &received) != 0) {
    }
    text::RemoveTemporaryFilesForExit();
    ::_exit(kExitInterrupted);
  }).detach();
}

}  // namespace termalign::cli
