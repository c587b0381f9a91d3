// Two independent pieces of work run side by side or one after the other: the aligner's stages
// that split in two (the sides' features, the halves of a search, the forward and backward sums,
// the directions of the learnt lexicon) give the same results either way.
#ifndef TERMALIGN_ALIGN_TWO_THREADS_H_
#define TERMALIGN_ALIGN_TWO_THREADS_H_

#include <thread>
#include <utility>

namespace termalign::align::internal {

// Runs `first` on this thread and `second` on another when `parallel`, both on this thread
// (`first`, then `second`) otherwise; returns when both are done. Neither may throw.
template <typename First, typename Second>
void RunBoth(bool parallel, First&& first, Second&& second) {
  if (!parallel) {
    first();
    second();
    return;
  }
  std::thread worker(std::forward<Second>(second));
  first();
  worker.join();
}

// Whether the aligner may use a second thread, from AlignOptions::threads (0: the
// TERMALIGN_THREADS environment variable when set, else the machine's cores).
bool UseTwoThreads(int threads);

}  // namespace termalign::align::internal

#endif  // TERMALIGN_ALIGN_TWO_THREADS_H_
