#include "pipeline/batch/RunSealRegister.h"

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
  return opened().entries();
}

std::optional<policy::RegisteredSealUse> RunSealRegister::find(long long sequence) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return opened().find(sequence);
}

}  // namespace gongwen::batch
