#pragma once
// The batch's archiving thread. The workers hand it the documents that are ready to archive and go
// on rendering and signing; it places whatever became ready meanwhile as one group, so that a group
// shares one archive lock, one registry transaction and one round of flushes, and the cores have
// work while it waits on the disk.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gongwen::batch {

class ArchiveQueue {
 public:
  // Called on the queue's thread with the items added since its last call, in the order they came.
  // Must not throw: what goes wrong is the caller's to record.
  using PlaceFn = std::function<void(const std::vector<std::size_t>& group)>;

  // At most `maxWaiting` items wait to be placed: add() waits for room, so that a disk slower than
  // the workers does not pile up their documents in memory.
  explicit ArchiveQueue(PlaceFn place, std::size_t maxWaiting = 128);
  ~ArchiveQueue();
  ArchiveQueue(const ArchiveQueue&) = delete;
  ArchiveQueue& operator=(const ArchiveQueue&) = delete;

  void add(std::size_t item);
  // Returns once everything added is placed; the thread ends. The destructor does it too.
  void finish();

 private:
  void run();

  PlaceFn place_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::size_t> waiting_;
  std::size_t maxWaiting_;
  std::condition_variable room_;
  bool finishing_ = false;
  std::thread thread_;
};

}  // namespace gongwen::batch
