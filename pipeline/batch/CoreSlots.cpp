#include "pipeline/batch/CoreSlots.h"

namespace gongwen::batch {

namespace {
thread_local const CoreSlots* heldBy = nullptr;  // the slots the calling thread holds one of
}  // namespace

void CoreSlots::acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  freed_.wait(lock, [this] { return free_ > 0; });
  --free_;
}

void CoreSlots::release() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    ++free_;
  }
  freed_.notify_one();
}

void CoreSlots::reclaim() {
  const std::lock_guard<std::mutex> lock(mutex_);
  --free_;
}

CoreSlots::Held::Held(CoreSlots& slots) : slots_(slots) {
  slots_.acquire();
  heldBy = &slots_;
}

CoreSlots::Held::~Held() {
  heldBy = nullptr;
  slots_.release();
}

CoreSlots::Waiting::Waiting(CoreSlots* slots)
    : slots_(slots != nullptr && heldBy == slots ? slots : nullptr) {
  if (slots_ != nullptr) slots_->release();
}

CoreSlots::Waiting::~Waiting() {
  if (slots_ != nullptr) slots_->reclaim();
}

}  // namespace gongwen::batch
