// -j N holds N core slots (pipeline/batch/CoreSlots.h): a worker waiting on the disk gives its slot to
// the spare worker and goes on at once when it is back; the next worker waits until both gave theirs
// back. A thread that holds none gives up nothing.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include "pipeline/batch/CoreSlots.h"

namespace gongwen::batch {
namespace {

TEST(CoreSlots, AWorkerWaitingOnTheDiskLendsItsSlotToTheSpareAndGoesOnAtOnceAfter) {
  CoreSlots slots(1);
  std::promise<void> spareHolds, spareMayEnd;
  std::shared_future<void> mayEnd = spareMayEnd.get_future().share();
  std::atomic<bool> third{false};
  std::optional<std::thread> spare, next;
  {
    const CoreSlots::Held slot(slots);
    {
      const CoreSlots::Waiting onTheDisk(&slots);
      spare.emplace([&] {
        const CoreSlots::Held sparesSlot(slots);  // free only while the first waits on the disk
        spareHolds.set_value();
        mayEnd.wait();
      });
      spareHolds.get_future().wait();
    }  // back from the disk without waiting, beside the spare
    next.emplace([&] {
      const CoreSlots::Held nextSlot(slots);
      third = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(third);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(third) << "one slot given back of the two in use";
  spareMayEnd.set_value();
  spare->join();
  next->join();
  EXPECT_TRUE(third);
}

TEST(CoreSlots, AThreadHoldingNoSlotGivesUpNothing) {
  CoreSlots slots(1);
  std::atomic<bool> second{false};
  std::optional<std::thread> other;
  {
    const CoreSlots::Waiting onTheDisk(&slots);  // holds none: no slot is added
    const CoreSlots::Held slot(slots);
    other.emplace([&] {
      const CoreSlots::Held another(slots);
      second = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(second);
  }
  other->join();
  EXPECT_TRUE(second);
}

}  // namespace
}  // namespace gongwen::batch
