#include <gtest/gtest.h>

#include <set>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/SealRegisterLocation.h"
#include "pipeline/policy/SealRegisterStorage.h"
#include "pipeline/policy/ServerDatabase.h"
#include "pipeline/policy/ServerSealRegister.h"
#include "tests/batch/ForkedWorkers.h"
#include "tests/batch/ServerFixture.h"

namespace gongwen::testing {
namespace {

using policy::SealRegister;
using policy::SealUse;

SealUse use(int n, const std::string& keeper = "bangong") {
  return {*parseUtcTime("2026-11-27T09:00:00Z") + n,
          "administrative-seal",
          std::string(64, static_cast<char>('a' + n % 6)),
          keeper,
          "administrative-seal",
          "juzhang",
          n % 2 ? "" : "shuji"};
}

class ServerSealRegisterTest : public ServerTest {
 protected:
  std::unique_ptr<policy::SealUseRegister> open(
      SealRegister::Access access = SealRegister::Access::ReadWrite) {
    return policy::openSealRegister(url(), access);
  }
  void fill(int rows) {
    auto log = open();
    for (int i = 1; i <= rows; ++i) log->append(use(i));
  }
};

TEST_F(ServerSealRegisterTest, AppendsAChainThatVerifies) {
  fill(3);
  const policy::RegisterCheck checked = open(SealRegister::Access::ReadOnly)->check();
  EXPECT_TRUE(checked.ok()) << checked.problem;
  EXPECT_EQ(checked.rowsChecked, 3);
  EXPECT_EQ(checked.head.sequence, 3);
  const auto rows = open()->entries();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].previousHash, rows[0].rowHash);
  EXPECT_TRUE(rows[2].hashHolds);
  // The same chain the SQLite register computes: one hash function for both.
  EXPECT_EQ(rows[0].rowHash, policy::storage::rowHash(1, use(1), std::string(64, '0')));
  ASSERT_TRUE(open()->find(2));
  EXPECT_EQ(open()->find(2)->use.actingFor, "shuji");
  EXPECT_FALSE(open()->find(4));
}

TEST_F(ServerSealRegisterTest, RefusesUpdateDeleteAndTruncate) {
  fill(2);
  for (const char* statement : {"UPDATE seal_use SET person = 'mallory' WHERE seq = 1",
                                "DELETE FROM seal_use WHERE seq = 2", "TRUNCATE seal_use"}) {
    const CommandResult refused = server().psql(url(), statement);
    EXPECT_NE(refused.exitCode, 0) << statement;
    EXPECT_NE(refused.err.find("append-only"), std::string::npos) << refused.err;
  }
  EXPECT_TRUE(open()->check().ok());
  EXPECT_EQ(open()->entries().size(), 2u);
}

TEST_F(ServerSealRegisterTest, AnEditBehindADroppedTriggerIsFoundAndStopsSealing) {
  fill(3);
  ASSERT_EQ(server().psql(url(), "DROP TRIGGER seal_use_append_only_update ON seal_use").exitCode, 0);
  EXPECT_NE(open()->check().problem.find("seal_use_append_only_update is missing"), std::string::npos);
  ASSERT_EQ(server().psql(url(), "UPDATE seal_use SET person = 'mallory' WHERE seq = 2").exitCode, 0);
  // Put back as it was, the trigger hides nothing: the edited row no longer gives its hash.
  ASSERT_EQ(server()
                .psql(url(),
                      "CREATE TRIGGER seal_use_append_only_update BEFORE UPDATE ON seal_use FOR "
                      "EACH ROW EXECUTE FUNCTION gongwen_append_only()")
                .exitCode,
            0);
  const policy::RegisterCheck checked = open()->check();
  EXPECT_EQ(checked.badRow, 2);
  EXPECT_NE(checked.problem.find("row 2's fields do not give its hash"), std::string::npos)
      << checked.problem;
  try {
    open()->append(use(4));
    FAIL() << "sealed on a broken register";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "register.broken");
  }
  EXPECT_EQ(open()->entries().size(), 3u);
}

TEST_F(ServerSealRegisterTest, AReplacedTriggerFunctionIsTampering) {
  fill(1);
  ASSERT_EQ(server()
                .psql(url(),
                      "CREATE OR REPLACE FUNCTION gongwen_append_only() RETURNS trigger "
                      "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")
                .exitCode,
            0);
  EXPECT_FALSE(open()->check().ok());
}

TEST_F(ServerSealRegisterTest, ShardsAppendingAtOnceMakeOneChain) {
  open();  // the table exists before the shards start, as after any first run
  const bool ok = inForkedWorkers(2, [&](int shard) {
    auto log = policy::openSealRegister(url(), SealRegister::Access::ReadWrite);
    for (int i = 1; i <= 20; ++i) log->append(use(i, "keeper-" + std::to_string(shard)));
  });
  ASSERT_TRUE(ok);
  const policy::RegisterCheck checked = open()->check();
  EXPECT_TRUE(checked.ok()) << checked.problem;
  EXPECT_EQ(checked.rowsChecked, 40);
  std::set<std::string> keepers;
  for (const auto& row : open()->entries()) keepers.insert(row.use.person);
  EXPECT_EQ(keepers, (std::set<std::string>{"keeper-1", "keeper-2"}));
}

TEST_F(ServerSealRegisterTest, RegisterVerifyChecksTheServerRegister) {
  fill(2);
  const CommandResult good = run({gongwenBinary(), "register", "verify", "--registry", url()});
  EXPECT_EQ(good.exitCode, 0) << good.err;
  EXPECT_NE(good.out.find("2 row(s) checked"), std::string::npos) << good.out;
  ASSERT_EQ(server().psql(url(), "ALTER TABLE seal_use DISABLE TRIGGER seal_use_append_only_delete").exitCode,
            0);
  const CommandResult broken =
      run({gongwenBinary(), "register", "verify", "--registry", url(), "--format", "json"});
  EXPECT_EQ(broken.exitCode, 5);
  EXPECT_NE(broken.out.find("seal_use_append_only_delete is missing, disabled or altered"), std::string::npos)
      << broken.out;
}

TEST_F(ServerSealRegisterTest, ThePasswordNeverAppearsInAnError) {
  const std::string withPassword = "postgresql://gongwen:s3cret-pw@127.0.0.1:1/nowhere?password=other-pw";
  EXPECT_EQ(policy::server::redactedUrl(withPassword),
            "postgresql://gongwen:***@127.0.0.1:1/nowhere?password=***");
  try {
    policy::openSealRegister(withPassword, SealRegister::Access::ReadWrite);
    FAIL() << "connected to a closed port";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "policy.register-open");
    EXPECT_EQ(std::string(e.what()).find("s3cret-pw"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("other-pw"), std::string::npos) << e.what();
  }
  // On the command line a password is refused before anything is tried: argv is visible to all.
  const CommandResult refused = run({gongwenBinary(), "register", "verify", "--registry", withPassword});
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("usage.registry-password"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find("s3cret-pw"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("gongwen:***@"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace gongwen::testing
