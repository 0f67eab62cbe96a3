#include "pipeline/batch/ArchiveQueue.h"

#include <utility>

namespace gongwen::batch {

ArchiveQueue::ArchiveQueue(PlaceFn place, std::size_t maxWaiting)
    : place_(std::move(place)), maxWaiting_(maxWaiting), thread_([this] { run(); }) {}

ArchiveQueue::~ArchiveQueue() { finish(); }

void ArchiveQueue::add(std::size_t item) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [this] { return waiting_.size() < maxWaiting_; });
    waiting_.push_back(item);
  }
  changed_.notify_one();
}

void ArchiveQueue::finish() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    finishing_ = true;
  }
  changed_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void ArchiveQueue::run() {
  for (;;) {
    std::vector<std::size_t> group;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return finishing_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // finishing, and nothing left
      group.swap(waiting_);
    }
    room_.notify_all();
    place_(group);
  }
}

}  // namespace gongwen::batch
