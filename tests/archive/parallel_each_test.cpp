// forEachInParallel: every item once, and the failure a run in order would have met first.

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "pipeline/archive/ParallelEach.h"

namespace gongwen::archive {
namespace {

TEST(ParallelEach, EveryItemRunsExactlyOnce) {
  std::vector<std::atomic<int>> runs(1000);
  forEachInParallel(runs.size(), [&](std::size_t i) { ++runs[i]; });
  for (const std::atomic<int>& count : runs) EXPECT_EQ(count.load(), 1);
  forEachInParallel(0, [](std::size_t) { FAIL() << "no item to run"; });
}

TEST(ParallelEach, TheLowestFailingItemsExceptionIsRethrown) {
  try {
    forEachInParallel(200, [](std::size_t i) {
      if (i == 150 || i == 40) throw std::runtime_error("item " + std::to_string(i));
    });
    FAIL() << "nothing was rethrown";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "item 40");
  }
}

}  // namespace
}  // namespace gongwen::archive
