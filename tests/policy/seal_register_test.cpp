#include <gtest/gtest.h>

#include "pipeline/policy/SealRegister.h"
#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::SealRegister;
using policy::SealUse;

SealUse use(int n) {
  return {utc("2026-11-27T09:00:00Z") + n,
          "administrative-seal",
          std::string(64, 'a' + n % 6),
          "bangong",
          "administrative-seal",
          "juzhang",
          n % 2 ? "" : "shuji"};
}

class SealRegisterTest : public ::testing::Test {
 protected:
  void fill(int rows) {
    SealRegister log(path);
    for (int i = 0; i < rows; ++i) log.append(use(i));
  }
  CommandResult sql(const std::string& statement) { return run({"sqlite3", path, statement}); }
  std::string tamperCode() {
    return errorCode([&] { SealRegister(path).verifyIntegrity(); });
  }

  TempDir dir;
  std::string path = dir.file("seal-uses.sqlite");
};

TEST_F(SealRegisterTest, RowsAreAppendedInOrderAndChained) {
  SealRegister log(path);
  policy::RegisteredSealUse first = log.append(use(1));
  policy::RegisteredSealUse second = log.append(use(2));
  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(first.rowHash.size(), 64u);
  EXPECT_NE(first.rowHash, second.rowHash);
  std::vector<policy::RegisteredSealUse> rows = log.entries();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].use.time, use(2).time);
  EXPECT_EQ(rows[1].use.seal, "administrative-seal");
  EXPECT_EQ(rows[1].use.authorisedBy, "juzhang");
  EXPECT_EQ(rows[1].use.actingFor, "shuji");
  EXPECT_NO_THROW(log.verifyIntegrity());
}

TEST_F(SealRegisterTest, RegisterSurvivesReopeningAndUsesWal) {
  fill(3);
  SealRegister reopened(path);
  EXPECT_EQ(reopened.append(use(3)).sequence, 4);
  EXPECT_NO_THROW(reopened.verifyIntegrity());
  EXPECT_EQ(sql("PRAGMA journal_mode;").out, "wal\n");
}

TEST_F(SealRegisterTest, UpdateAndDeleteThroughSqliteAreRefused) {
  fill(2);
  CommandResult update = sql("UPDATE seal_use SET person = 'mallory' WHERE seq = 1;");
  EXPECT_NE(update.exitCode, 0);
  EXPECT_NE(update.err.find("append-only"), std::string::npos) << update.err;
  CommandResult remove = sql("DELETE FROM seal_use WHERE seq = 2;");
  EXPECT_NE(remove.exitCode, 0);
  EXPECT_NE(remove.err.find("append-only"), std::string::npos) << remove.err;
  EXPECT_EQ(sql("SELECT person FROM seal_use ORDER BY seq;").out, "bangong\nbangong\n");
  EXPECT_EQ(tamperCode(), "");
}

TEST_F(SealRegisterTest, ChangedRowBehindTheTriggersIsEvident) {
  fill(3);
  ASSERT_EQ(
      sql("DROP TRIGGER seal_use_append_only_update; UPDATE seal_use SET authorised_by = 'fenguan-zhang' "
          "WHERE seq = 2;")
          .exitCode,
      0);
  std::string message;
  EXPECT_EQ(errorCode([&] { SealRegister(path).verifyIntegrity(); }, &message), "policy.register-tampered");
  EXPECT_NE(message.find("row 2"), std::string::npos) << message;
}

TEST_F(SealRegisterTest, RemovedRowBehindTheTriggersIsEvident) {
  fill(3);
  ASSERT_EQ(sql("DROP TRIGGER seal_use_append_only_delete; DELETE FROM seal_use WHERE seq = 2;").exitCode, 0);
  EXPECT_EQ(tamperCode(), "policy.register-tampered");
}

TEST_F(SealRegisterTest, RowInsertedWithACopiedHashIsEvident) {
  fill(2);
  ASSERT_EQ(sql("INSERT INTO seal_use SELECT 3, time, seal, document_sha256, 'mallory', step, authorised_by, "
                "acting_for, row_hash, row_hash FROM seal_use WHERE seq = 2;")
                .exitCode,
            0);
  EXPECT_EQ(tamperCode(), "policy.register-tampered");
}

TEST_F(SealRegisterTest, MissingDirectoryIsCreated) {
  SealRegister log(dir.file("registry/2026/seal-uses.sqlite"));
  EXPECT_EQ(log.append(use(1)).sequence, 1);
}

TEST_F(SealRegisterTest, UnopenableRegisterIsAnIoErrorNamingThePath) {
  writeFileAtomically(dir.file("plain-file"), "x");
  std::string message;
  EXPECT_EQ(errorCode([&] { SealRegister(dir.file("plain-file/log.sqlite")); }, &message),
            "policy.register-open");
  EXPECT_NE(message.find("plain-file/log.sqlite"), std::string::npos);
}

}  // namespace
}  // namespace gongwen::testing
