// The batch archives its documents in groups on a thread of its own (pipeline/batch/ArchiveQueue.h):
// what is handed in while a group is being placed comes as the next group, in order, a full queue
// makes the worker wait, and nothing is left when the queue finishes. A document the archive
// refuses is refused alone: a notice under a 发文字号 another notice of the run was archived with
// fails at the archive, and the others are done.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "pipeline/batch/ArchiveQueue.h"
#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

TEST(ArchiveQueue, WhatComesWhileAGroupIsPlacedIsTheNextGroupAndFinishLeavesNothing) {
  std::vector<std::vector<std::size_t>> groups;
  std::promise<void> firstStarted, firstMayEnd;
  std::shared_future<void> mayEnd = firstMayEnd.get_future().share();
  {
    batch::ArchiveQueue queue([&](const std::vector<std::size_t>& group) {
      groups.push_back(group);
      if (groups.size() == 1) {
        firstStarted.set_value();
        mayEnd.wait();
      }
    });
    queue.add(0);
    firstStarted.get_future().wait();
    for (std::size_t i = 1; i <= 5; ++i) queue.add(i);
    firstMayEnd.set_value();
    queue.finish();
  }
  EXPECT_EQ(groups, (std::vector<std::vector<std::size_t>>{{0}, {1, 2, 3, 4, 5}}));
}

TEST(ArchiveQueue, AFullQueueMakesTheWorkerWaitForRoom) {
  std::promise<void> firstStarted, firstMayEnd;
  std::shared_future<void> mayEnd = firstMayEnd.get_future().share();
  std::atomic<int> placed{0};
  batch::ArchiveQueue queue(
      [&](const std::vector<std::size_t>& group) {
        if (placed == 0) {
          firstStarted.set_value();
          mayEnd.wait();
        }
        placed += static_cast<int>(group.size());
      },
      2);
  queue.add(0);
  firstStarted.get_future().wait();
  queue.add(1);
  queue.add(2);  // two wait: the queue is full
  std::atomic<bool> thirdAdded{false};
  std::thread worker([&] {
    queue.add(3);
    thirdAdded = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(thirdAdded);
  firstMayEnd.set_value();
  worker.join();
  queue.finish();
  EXPECT_EQ(placed, 4);
}

TEST(BatchArchiveGroups, ADocumentTheArchiveRefusesFailsAloneAndTheOthersAreDone) {
  BatchBureau bureau;
  writeNotices(bureau, 6);
  // Another notice under the 发文字号 of notice-100: whichever of the two comes second is refused.
  writeFileAtomically(
      bureau.jobs() + "/notice-same-number.xml",
      variantJob("notice-risk-inspection", "江州环发〔2026〕100号", "关于开展专项排查的通知"));
  const CommandResult result = bureau.batch(
      {bureau.jobs(), "--keys", bureau.keyring(), "-j", "2", "--report", bureau.file("report.json")});
  EXPECT_EQ(result.exitCode, 1) << result.out << result.err;
  const nlohmann::json report = readReport(bureau.file("report.json"));
  EXPECT_EQ(report["totals"]["done"], 6);
  EXPECT_EQ(report["totals"]["failed"], 1);
  for (const auto& d : report["documents"])
    if (d["state"] == "failed") {
      EXPECT_EQ(d["stage"], "archive");
      EXPECT_EQ(d["errorCode"], "archive.number-taken");
    } else {
      EXPECT_FALSE(d["archiveId"].get<std::string>().empty()) << d;
    }
  EXPECT_EQ(query(bureau.archive() + "/registry.sqlite", "SELECT count(*) FROM documents")[0][0], "6");
}

}  // namespace
}  // namespace gongwen::testing::batchfx
