#include "pipeline/batch/RunSealRegister.h"

#include <utility>

#include "pipeline/policy/SealRegisterLocation.h"

namespace gongwen::batch {

policy::SealUseRegister& RunSealRegister::opened() const {
  if (!register_) register_ = policy::openSealRegister(location_, policy::SealRegister::Access::ReadWrite);
  return *register_;
}

policy::RegisteredSealUse RunSealRegister::append(const policy::SealUse& use) {
  const CoreSlots::Waiting onTheDisk(slots_);
  const std::lock_guard<std::mutex> lock(mutex_);
  return opened().append(use);
}

policy::RegisterCheck RunSealRegister::check() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return opened().check();
}

std::vector<policy::RegisteredSealUse> RunSealRegister::entries() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.empty()) {
    entries_ = opened().entries();
    // A register whose rows are not numbered 1, 2, 3 … is read whole each time, as without the cache.
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (entries_[i].sequence != static_cast<long long>(i + 1)) return std::exchange(entries_, {});
    return entries_;
  }
  while (auto next = opened().find(static_cast<long long>(entries_.size()) + 1)) entries_.push_back(*next);
  return entries_;
}

std::optional<policy::RegisteredSealUse> RunSealRegister::find(long long sequence) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return opened().find(sequence);
}

}  // namespace gongwen::batch
