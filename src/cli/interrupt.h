// Ctrl-C and kill: the temporary files termalign made are removed and it exits 130.
#ifndef TERMALIGN_CLI_INTERRUPT_H_
#define TERMALIGN_CLI_INTERRUPT_H_

namespace termalign::cli {

// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread (and so in every thread it starts
// afterwards) and starts a thread that waits for them: on one it removes the temporary files
// of every open AtomicFile and exits with 130. Call it first thing in main, before any thread.
// An open termbase transaction is not committed: SQLite rolls it back when the file is next
// opened, so the termbase reads as it was before.
void HandleInterrupts();

}  // namespace termalign::cli

#endif  // TERMALIGN_CLI_INTERRUPT_H_
