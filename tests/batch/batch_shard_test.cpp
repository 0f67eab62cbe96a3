// Two processes --shard 1/2 and --shard 2/2, at the same time, with -j 2 each, on one input folder,
// one SQLite archive and one work directory: their shares are disjoint and together cover every
// job, and every job is archived exactly once (20 jobs, 8 under the sanitizers).

#include <gtest/gtest.h>

#include <future>
#include <set>

#include "tests/batch/BatchFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing::batchfx {
namespace {

TEST(BatchShards, TwoShardsAtOnceArchiveEveryJobExactlyOnce) {
  BatchBureau bureau;
  const int jobs = testScale(20, 8);
  writeNotices(bureau, jobs);
  const auto shard = [&](const std::string& which) {
    return bureau.batch({bureau.jobs(), "--keys", bureau.keyring(), "-j", "2", "--shard", which, "--report",
                         bureau.file("shard-" + which.substr(0, 1) + ".json")});
  };
  auto first = std::async(std::launch::async, shard, "1/2");
  auto second = std::async(std::launch::async, shard, "2/2");
  const CommandResult one = first.get(), two = second.get();
  ASSERT_EQ(one.exitCode, 0) << one.out << one.err;
  ASSERT_EQ(two.exitCode, 0) << two.out << two.err;
  std::set<std::string> sources;
  std::size_t taken = 0;
  for (const char* report : {"shard-1.json", "shard-2.json"}) {
    const nlohmann::json r = readReport(bureau.file(report));
    EXPECT_GT(r["documents"].size(), 0u) << report << ": a stable hash gives each shard a share";
    for (const auto& d : r["documents"]) {
      EXPECT_EQ(d["state"], "done") << d.dump();
      sources.insert(d["source"].get<std::string>());
      ++taken;
    }
  }
  EXPECT_EQ(taken, static_cast<std::size_t>(jobs));
  EXPECT_EQ(sources.size(), static_cast<std::size_t>(jobs));
  const auto documents =
      query(bureau.archive() + "/registry.sqlite", "SELECT count(*), count(DISTINCT number) FROM documents");
  EXPECT_EQ(documents[0], (std::vector<std::string>{std::to_string(jobs), std::to_string(jobs)}));
  // The same shard again finds its share done.
  const CommandResult again = shard("1/2");
  EXPECT_NE(again.out.find("nothing to do"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
