#pragma once
// `-j N`: N documents worked on at once, one a core. A worker that waits on the disk (the seal-use
// register flushing a seal's row) gives up its slot meanwhile, and a spare worker takes it, so that
// the cores stay busy while the disk works. Back from the disk, the worker goes on at once, never
// waiting for a slot (it may hold a lock another worker waits for: a token's); until two slots are
// given back, N + 1 work.

#include <condition_variable>
#include <mutex>

namespace gongwen::batch {

class CoreSlots {
 public:
  explicit CoreSlots(unsigned count) : free_(static_cast<long>(count)) {}

  // Holds a slot for its scope; a worker holds one while it works on a document.
  class Held {
   public:
    explicit Held(CoreSlots& slots);
    ~Held();
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;

   private:
    CoreSlots& slots_;
  };

  // Gives up the calling thread's slot for its scope, when it holds one, and takes it back after.
  class Waiting {
   public:
    explicit Waiting(CoreSlots* slots);
    ~Waiting();
    Waiting(const Waiting&) = delete;
    Waiting& operator=(const Waiting&) = delete;

   private:
    CoreSlots* slots_;  // null: the thread held none
  };

 private:
  void acquire();
  void release();
  void reclaim();

  std::mutex mutex_;
  std::condition_variable freed_;
  long free_;  // below 0 while workers back from the disk work beyond the N
};

}  // namespace gongwen::batch
