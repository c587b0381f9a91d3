// Read-only connections to one termbase, one per thread that checks at the same time.
#ifndef TERMALIGN_PIPELINE_TERMBASE_POOL_H_
#define TERMALIGN_PIPELINE_TERMBASE_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "glossary/termbase.h"
#include "text/status.h"

namespace termalign::pipeline {

// A TermbasePool lends termbase connections to the jobs of a step. With a path, each lease is a
// read-only connection of its own, opened on first need and kept for the next job (a Termbase
// serves one thread at a time); without one, every lease is `shared` (null included), for a
// step run on one thread. Acquire is thread-safe.
class TermbasePool {
 public:
  // A connection lent until the lease ends. get() is null when the pool lends none.
  class Lease {
   public:
    Lease(TermbasePool* pool, std::unique_ptr<glossary::Termbase> own,
          glossary::Termbase* shared)
        : pool_(pool), own_(std::move(own)), shared_(shared) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (own_) pool_->Return(std::move(own_));
    }
    glossary::Termbase* get() const { return own_ ? own_.get() : shared_; }

   private:
    TermbasePool* pool_;
    std::unique_ptr<glossary::Termbase> own_;
    glossary::Termbase* shared_;
  };

  TermbasePool(std::string path, glossary::Termbase* shared)
      : path_(std::move(path)), shared_(shared) {}

  text::Result<Lease> Acquire() {
    if (path_.empty()) return Lease(this, nullptr, shared_);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<glossary::Termbase> connection = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(connection), nullptr);
      }
    }
    glossary::OpenOptions options;
    options.create = false;
    options.read_only = true;
    text::Result<std::unique_ptr<glossary::Termbase>> opened =
        glossary::Termbase::Open(path_, options);
    if (!opened.ok()) return opened.status().WithContext("opening the glossary");
    return Lease(this, std::move(opened.value()), nullptr);
  }

 private:
  void Return(std::unique_ptr<glossary::Termbase> connection) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(connection));
  }

  std::string path_;
  glossary::Termbase* shared_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<glossary::Termbase>> idle_;
};

}  // namespace termalign::pipeline

#endif  // TERMALIGN_PIPELINE_TERMBASE_POOL_H_
