// SIGKILL at any point loses nothing and duplicates nothing: a 50-job batch is stopped at the named
// kill points (pipeline/core/KillPoint.h: after a render, between authorising and registering a
// seal, after signing, between a signed PDF and its state, inside the archive's ingest) and then
// killed at 20 random times while jobs remain (the batch holds 30 jobs under the sanitizers; more are
// added whenever a machine archives them all before 20 kills); a last run completes it. Every job is then
// archived exactly once, the seal register holds exactly one use per seal step, and the archive audits clean.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>
#include <filesystem>
#include <random>

#include "tests/batch/BatchFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing::batchfx {
namespace {

constexpr int kJobs = testScale(50, 30);

TEST(BatchCrash, KillsAtNamedPointsAndRandomTimesLoseNothingAndDuplicateNothing) {
  BatchBureau bureau;
  writeNotices(bureau, kJobs);
  const std::vector<std::string> argv = {gongwenBinary(),
                                         "batch",
                                         bureau.jobs(),
                                         "--policy",
                                         bureau.policy(),
                                         "--archive",
                                         bureau.archive(),
                                         "--keys",
                                         bureau.keyring(),
                                         "-j",
                                         "2"};
  for (const char* point : {"batch-rendered#3", "authorised#6", "signed#5", "batch-signed#7",
                            "archive-registering#2", "archive-registered#2", "batch-archived#3"}) {
    const CommandResult stopped = run(argv, {std::string("GONGWEN_TEST_KILL_AT=") + point});
    EXPECT_NE(stopped.exitCode, 0) << point << " did not stop the run: " << stopped.out;
  }
  // Random delays, repeated until 20 kills have landed while jobs remained. How far a run gets
  // before its kill depends on the machine's speed and load, so the longest delay follows the
  // progress, aiming at fewer archived documents than kills: half as long after a kill that let any
  // be archived, a quarter longer after four kills in a row that let none be. A run that finishes in
  // time is not a kill. A fast machine may still archive every job first; then more jobs arrive, as
  // they do in an office's day, and the kills go on.
  const std::string registry = bureau.archive() + "/registry.sqlite";
  const auto archived = [&] {
    if (!std::filesystem::exists(registry)) return 0;
    const auto rows = query(registry, "SELECT count(*) FROM documents");
    return rows.empty() ? 0 : std::stoi(rows[0][0]);
  };
  std::mt19937 random(std::random_device{}());
  int longest = 150;
  int killed = 0;
  int idle = 0;
  int jobs = kJobs;
  for (int attempt = 0, before = archived(); attempt < 100 && killed < 20; ++attempt) {
    if (before == jobs) {
      writeNotices(bureau, kJobs, 100 + jobs);
      jobs += kJobs;
    }
    const auto delay = std::chrono::milliseconds(std::uniform_int_distribution<int>(20, longest)(random));
    const int status = runAndKillAfter(argv, {}, delay, SIGKILL);
    killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    const int now = archived();
    idle = now == before ? idle + 1 : 0;
    if (now > before) longest = std::max(30, longest / 2);
    if (idle >= 4) longest = std::min(3000, longest * 5 / 4);
    before = now;
  }
  EXPECT_GE(killed, 20) << "20 runs should have been killed at random times";

  const CommandResult last = run(argv);
  ASSERT_EQ(last.exitCode, 0) << last.out << last.err;
  const auto documents =
      query(registry, "SELECT count(*), count(DISTINCT number), count(DISTINCT pdf_sha256) FROM documents");
  const std::string all = std::to_string(jobs);
  EXPECT_EQ(documents[0], (std::vector<std::string>{all, all, all}));
  // One seal step per notice (加盖行政公章): exactly one use each, whatever was killed when.
  const auto seals = query(bureau.registerPath(),
                           "SELECT count(*), count(DISTINCT document_sha256 || seal || step) FROM seal_use");
  EXPECT_EQ(seals[0], (std::vector<std::string>{all, all}));
  const CommandResult again = run(argv);
  EXPECT_NE(again.out.find("nothing to do: all " + all + " documents are archived already"),
            std::string::npos)
      << again.out;
  const CommandResult audit =
      run({gongwenBinary(), "archive", "audit", "--archive", bureau.archive(), "--policy", bureau.policy()});
  EXPECT_EQ(audit.exitCode, 0) << audit.out;
  EXPECT_NE(audit.out.find("result: all is well"), std::string::npos) << audit.out;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
