#pragma once
// The seal-use register of a batch run, opened read-write at its first seal and kept open to the
// end: otherwise each seal step opens it and sets it up, and closing it as the last connection
// checkpoints and removes its write-ahead log, flushing the disk each time. Nothing of the
// register's durability changes: each append is still its own synchronous transaction and updates
// the head file. The workers seal at once, so calls take turns.
//
// entries() is asked at every seal step (a row registered for the same document by an attempt that
// stopped is taken again): the rows are append-only, so the run keeps those it has read and reads
// only the ones appended since, instead of reading and hashing the whole register at every seal.

#include <memory>
#include <mutex>
#include <string>

#include "pipeline/batch/CoreSlots.h"
#include "pipeline/policy/SealRegister.h"

namespace gongwen::batch {

class RunSealRegister : public policy::SealUseRegister {
 public:
  // `location` as the policy's registerPath: an SQLite path or a postgresql:// URL.
  // A worker appending gives up its core slot while the row is flushed.
  RunSealRegister(std::string location, CoreSlots* slots) : location_(std::move(location)), slots_(slots) {}

  policy::RegisteredSealUse append(const policy::SealUse& use) override;
  policy::RegisterCheck check() const override;
  std::vector<policy::RegisteredSealUse> entries() const override;
  std::optional<policy::RegisteredSealUse> find(long long sequence) const override;

 private:
  policy::SealUseRegister& opened() const;  // with mutex_ held; throws what opening throws

  std::string location_;
  CoreSlots* slots_;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<policy::SealUseRegister> register_;
  mutable std::vector<policy::RegisteredSealUse> entries_;  // rows 1 to entries_.size(), as read
};

}  // namespace gongwen::batch
