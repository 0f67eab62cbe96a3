// Two shards of one batch, as on two machines: `--shard 1/2` and `--shard 2/2` at once on one input,
// one archive (its replica roots shared) and one PostgreSQL registry (--registry) for the archive's
// registry, the seal-use register and the batch state.

#include <gtest/gtest.h>

#include <thread>

#include "pipeline/archive/RegistryStore.h"
#include "tests/batch/BatchFixture.h"
#include "tests/batch/ServerFixture.h"

namespace gongwen::testing {
namespace {

class BatchServerShardsTest : public ServerTest {};

TEST_F(BatchServerShardsTest, TwoShardsArchiveEveryJobOnceWithOneSealUseEach) {
  batchfx::BatchBureau bureau;
  const int jobs = 10;
  batchfx::writeNotices(bureau, jobs);
  ASSERT_EQ(run({gongwenBinary(), "archive", "init", bureau.archive()}).exitCode, 0);
  CommandResult shards[2];
  std::thread workers[2];
  for (int k = 0; k < 2; ++k) {
    workers[k] = std::thread([&, k] {
      const std::string shard = std::to_string(k + 1) + "/2";
      shards[k] = bureau.batch({bureau.jobs(), "--keys", bureau.keyring(), "--shard", shard, "--registry",
                                url(), "-j", "1", "--work", bureau.file("work-" + std::to_string(k + 1))});
    });
  }
  for (std::thread& worker : workers) worker.join();
  for (const CommandResult& shard : shards) ASSERT_EQ(shard.exitCode, 0) << shard.out << shard.err;

  EXPECT_EQ(server().query(url(),
                           "SELECT count(*), count(DISTINCT number), count(DISTINCT pdf_sha256) FROM "
                           "documents"),
            "10|10|10\n");
  // One seal step per notice: exactly one use each, in one chain.
  EXPECT_EQ(
      server().query(url(), "SELECT count(*), count(DISTINCT document_sha256 || seal || step) FROM seal_use"),
      "10|10\n");
  EXPECT_EQ(server().query(url(), "SELECT count(*) FROM batch_document WHERE state = 'done'"), "10\n");
  const CommandResult verified = run({gongwenBinary(), "register", "verify", "--registry", url()});
  EXPECT_EQ(verified.exitCode, 0) << verified.out;
  const auto registry = archive::openRegistryStore(url(), archive::RegistryAccess::ReadOnly);
  EXPECT_FALSE(registry->verifyEvents());
  EXPECT_EQ(registry->events().size(), static_cast<std::size_t>(jobs));
  // Nothing went to the SQLite stores: the policy's register was never created.
  EXPECT_FALSE(std::filesystem::exists(bureau.registerPath()));

  const CommandResult again = bureau.batch(
      {bureau.jobs(), "--keys", bureau.keyring(), "--registry", url(), "--work", bureau.file("work-1")});
  EXPECT_EQ(again.exitCode, 0) << again.out;
  EXPECT_EQ(server().query(url(), "SELECT count(*) FROM documents"), "10\n");

  const CommandResult withPassword =
      bureau.batch({bureau.jobs(), "--registry", "postgresql://gongwen:pw-in-argv@host/db"});
  EXPECT_EQ(withPassword.exitCode, 2);
  EXPECT_EQ(withPassword.err.find("pw-in-argv"), std::string::npos) << withPassword.err;
}

}  // namespace
}  // namespace gongwen::testing
