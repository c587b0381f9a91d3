// Running one job per item on a few threads while the caller takes the results in item order.
#ifndef TERMALIGN_PIPELINE_ORDERED_MAP_H_
#define TERMALIGN_PIPELINE_ORDERED_MAP_H_

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace termalign::pipeline {

// Calls `work(k)` for k in [0, count) on `threads` threads (the caller's own when threads <= 1)
// and `take(k, result)` on the calling thread for k = 0, 1, 2, ... in that order, each as soon
// as its result and those before it are ready: the output is the same for any number of
// threads. `work` must be safe to call from several threads at once; `take` is never called
// concurrently. Results wait in memory until taken. `take` returning false stops the run: jobs
// not yet started are not started, and the call returns false once the running ones end.
template <typename Work, typename Take>
bool OrderedMap(std::size_t count, std::size_t threads, Work work, Take take) {
  using Result = decltype(work(std::size_t{0}));
  if (threads <= 1 || count <= 1) {
    for (std::size_t k = 0; k < count; ++k) {
      if (!take(k, work(k))) return false;
    }
    return true;
  }
  std::vector<std::optional<Result>> results(count);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  auto worker = [&] {
    for (std::size_t k = next++; k < count && !stop; k = next++) {
      Result result = work(k);
      std::lock_guard<std::mutex> lock(mutex);
      results[k].emplace(std::move(result));
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < std::min(threads, count); ++t) pool.emplace_back(worker);
  bool completed = true;
  for (std::size_t k = 0; k < count; ++k) {
    std::optional<Result> result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return results[k].has_value(); });
      result = std::move(results[k]);
      results[k].reset();
    }
    if (!take(k, std::move(*result))) {
      completed = false;
      stop = true;
      break;
    }
  }
  for (std::thread& thread : pool) thread.join();
  return completed;
}

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_ORDERED_MAP_H_
