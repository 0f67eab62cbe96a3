#include <gtest/gtest.h>
#include <sys/stat.h>

#include <thread>

#include "pipeline/policy/SealRegister.h"
#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::RegisterCheck;
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

const char* const kDeleteTrigger =
    "CREATE TRIGGER seal_use_append_only_delete BEFORE DELETE ON seal_use\n"
    "BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: DELETE refused'); END;";

// Two signers' first seals at the same moment on a new register both switch it to WAL; SQLite
// refuses one of them at once rather than wait. Both must be registered.
TEST(SealRegisterOpening, FirstSealsAtOnceOnANewRegisterAreBothRegistered) {
  for (int round = 0; round < 40; ++round) {
    TempDir dir;
    const std::string path = dir.file("seal-uses.sqlite");
    std::vector<std::string> failures(3);
    std::vector<std::thread> signers;
    for (std::size_t i = 0; i < failures.size(); ++i)
      signers.emplace_back([&, i] {
        try {
          SealRegister(path).append(use(static_cast<int>(i)));
        } catch (const Error& e) {
          failures[i] = e.what();
        }
      });
    for (std::thread& signer : signers) signer.join();
    for (const std::string& failure : failures) ASSERT_EQ(failure, "") << "round " << round;
    EXPECT_EQ(SealRegister(path, SealRegister::Access::ReadOnly).entries().size(), failures.size());
  }
}

class SealRegisterTest : public ::testing::Test {
 protected:
  void fill(int rows) {
    SealRegister log(path);
    for (int i = 0; i < rows; ++i) log.append(use(i));
  }
  CommandResult sql(const std::string& statement) { return run({"sqlite3", path, statement}); }
  RegisterCheck check() { return policy::verifySealRegister(path); }
  // The tamperer's edit: the register has read its head file, which so is an input of this process.
  void writeHead(const std::string& text) {
    WriteOptions tamper;
    tamper.replacesInput = true;
    writeFileAtomically(path + ".head", text, tamper);
  }
  // The error the next append throws, with its message.
  std::string appendError(std::string* message) {
    return errorCode([&] { SealRegister(path).append(use(9)); }, message);
  }
  // Problem of a register that must not verify, after checking that appending to it is refused.
  std::string brokenBecause(long long badRow) {
    std::string message;
    EXPECT_EQ(appendError(&message), "register.broken");
    const RegisterCheck result = check();
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.badRow, badRow) << result.problem;
    if (badRow > 0) {
      EXPECT_NE(message.find("row " + std::to_string(badRow)), std::string::npos) << message;
    }
    EXPECT_NE(message.find("gongwen register verify"), std::string::npos) << message;
    return result.problem;
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
  EXPECT_EQ(second.previousHash, first.rowHash);
  std::vector<policy::RegisteredSealUse> rows = log.entries();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].use.time, use(2).time);
  EXPECT_EQ(rows[1].use.seal, "administrative-seal");
  EXPECT_EQ(rows[1].use.authorisedBy, "juzhang");
  EXPECT_EQ(rows[1].use.actingFor, "shuji");
  EXPECT_TRUE(rows[1].hashHolds);
  const RegisterCheck result = log.check();
  EXPECT_TRUE(result.ok()) << result.problem;
  EXPECT_EQ(result.rowsChecked, 2);
  EXPECT_EQ(result.head.sequence, 2);
  EXPECT_EQ(result.head.rowHash, second.rowHash);
  EXPECT_EQ(readFile(path + ".head"), "2 " + second.rowHash + "\n");
}

TEST_F(SealRegisterTest, RegisterSurvivesReopeningAndUsesWal) {
  fill(3);
  SealRegister reopened(path);
  EXPECT_EQ(reopened.append(use(3)).sequence, 4);
  EXPECT_TRUE(reopened.check().ok());
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
  EXPECT_TRUE(check().ok());
}

TEST_F(SealRegisterTest, DroppedTriggerIsTamperingAndIsNotRecreated) {
  fill(2);
  ASSERT_EQ(sql("DROP TRIGGER seal_use_append_only_delete;").exitCode, 0);
  EXPECT_NE(brokenBecause(0).find("seal_use_append_only_delete is missing"), std::string::npos);
  // Opening for an append must not have put the guard back over whatever was done without it.
  SealRegister reopened(path);
  EXPECT_EQ(sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger';").out, "1\n");
}

TEST_F(SealRegisterTest, AlteredTriggerIsTampering) {
  fill(1);
  ASSERT_EQ(sql("DROP TRIGGER seal_use_append_only_update; CREATE TRIGGER seal_use_append_only_update "
                "BEFORE UPDATE ON seal_use WHEN 0 BEGIN SELECT RAISE(ABORT, 'no'); END;")
                .exitCode,
            0);
  EXPECT_NE(brokenBecause(0).find("seal_use_append_only_update was altered"), std::string::npos);
}

TEST_F(SealRegisterTest, ObjectGongwenNeverCreatesIsTampering) {
  fill(1);
  ASSERT_EQ(sql("CREATE TRIGGER rewrite AFTER INSERT ON seal_use BEGIN SELECT 1; END;").exitCode, 0);
  EXPECT_NE(brokenBecause(0).find("trigger rewrite"), std::string::npos);
}

TEST_F(SealRegisterTest, ChangedRowBehindTheTriggersIsEvident) {
  fill(3);
  ASSERT_EQ(
      sql("DROP TRIGGER seal_use_append_only_update; UPDATE seal_use SET authorised_by = 'fenguan-zhang' "
          "WHERE seq = 2; CREATE TRIGGER seal_use_append_only_update BEFORE UPDATE ON seal_use\nBEGIN SELECT "
          "RAISE(ABORT, 'seal_use (用印登记) is append-only: UPDATE refused'); END;")
          .exitCode,
      0);
  EXPECT_NE(brokenBecause(2).find("row was changed"), std::string::npos);
  EXPECT_FALSE(SealRegister(path).find(2)->hashHolds);
}

TEST_F(SealRegisterTest, RemovedRowBehindTheTriggersIsEvident) {
  fill(3);
  ASSERT_EQ(sql(std::string("DROP TRIGGER seal_use_append_only_delete; DELETE FROM seal_use WHERE seq = 2;") +
                kDeleteTrigger)
                .exitCode,
            0);
  EXPECT_NE(brokenBecause(2).find("row 2 is missing"), std::string::npos);
}

TEST_F(SealRegisterTest, RowInsertedWithACopiedHashIsEvident) {
  fill(2);
  ASSERT_EQ(sql("INSERT INTO seal_use SELECT 3, time, seal, document_sha256, 'mallory', step, authorised_by, "
                "acting_for, row_hash, row_hash FROM seal_use WHERE seq = 2;")
                .exitCode,
            0);
  brokenBecause(3);
}

TEST_F(SealRegisterTest, TailCutWithTheGuardPutBackIsCaughtByTheHeadFile) {
  fill(3);
  ASSERT_EQ(sql(std::string("DROP TRIGGER seal_use_append_only_delete; DELETE FROM seal_use WHERE seq = 3;") +
                kDeleteTrigger)
                .exitCode,
            0);
  EXPECT_NE(brokenBecause(3).find("rows were removed from the end"), std::string::npos);
}

TEST_F(SealRegisterTest, HeadFileNamingAnotherHashIsEvident) {
  fill(2);
  writeHead("2 " + std::string(64, 'f') + "\n");
  EXPECT_NE(brokenBecause(2).find("chain was rewritten"), std::string::npos);
}

TEST_F(SealRegisterTest, MissingOrGarbledHeadFileIsEvident) {
  fill(2);
  std::filesystem::remove(path + ".head");
  EXPECT_NE(brokenBecause(0).find("head file"), std::string::npos);
  writeHead("two\n");
  EXPECT_NE(brokenBecause(0).find("SEQUENCE ROW-HASH"), std::string::npos);
}

// A connection that appends again checks only the head file while nobody else has committed: an
// edit by another connection, or of the head file, between two of its appends is still refused.
TEST_F(SealRegisterTest, AnEditBetweenTwoAppendsOfOneConnectionIsRefused) {
  SealRegister log(path);
  log.append(use(0));
  log.append(use(1));
  ASSERT_EQ(
      sql("DROP TRIGGER seal_use_append_only_update; UPDATE seal_use SET authorised_by = 'fenguan-zhang' "
          "WHERE seq = 1; CREATE TRIGGER seal_use_append_only_update BEFORE UPDATE ON seal_use\nBEGIN SELECT "
          "RAISE(ABORT, 'seal_use (用印登记) is append-only: UPDATE refused'); END;")
          .exitCode,
      0);
  EXPECT_EQ(errorCode([&] { log.append(use(2)); }), "register.broken");
  EXPECT_EQ(check().badRow, 1);
}

TEST_F(SealRegisterTest, AHeadFileEditedBetweenTwoAppendsOfOneConnectionIsRefused) {
  SealRegister log(path);
  log.append(use(0));
  log.append(use(1));
  writeHead("2 " + std::string(64, 'f') + "\n");
  EXPECT_EQ(errorCode([&] { log.append(use(2)); }), "register.broken");
  std::filesystem::remove(path + ".head");
  EXPECT_EQ(errorCode([&] { log.append(use(2)); }), "register.broken");
}

TEST_F(SealRegisterTest, OneConnectionAppendingAgainKeepsOneChainWithAnotherSigner) {
  SealRegister log(path);
  log.append(use(0));
  SealRegister(path).append(use(1));  // another signer meanwhile
  EXPECT_EQ(log.append(use(2)).sequence, 3);
  log.append(use(3));
  const RegisterCheck result = check();
  EXPECT_TRUE(result.ok()) << result.problem;
  EXPECT_EQ(result.head.sequence, 4);
}

// What a signer stopped between its commit and its head update leaves: the register one row ahead.
TEST_F(SealRegisterTest, HeadFileBehindTheRegisterIsAStoppedSignerAndCatchesUp) {
  fill(3);
  const std::string second = SealRegister(path).find(2)->rowHash;
  writeHead("2 " + second + "\n");
  const RegisterCheck lagging = check();
  EXPECT_TRUE(lagging.ok()) << lagging.problem;
  EXPECT_EQ(lagging.headFile->sequence, 2);
  EXPECT_EQ(lagging.head.sequence, 3);
  const policy::RegisteredSealUse fourth = SealRegister(path).append(use(4));
  EXPECT_EQ(readFile(path + ".head"), "4 " + fourth.rowHash + "\n");
}

TEST_F(SealRegisterTest, RegisterMadeByEarlierVersionsIsAccepted) {
  ASSERT_EQ(sql("CREATE TABLE IF NOT EXISTS seal_use (\n  seq INTEGER PRIMARY KEY,\n  time TEXT NOT NULL,\n"
                "  seal TEXT NOT NULL,\n  document_sha256 TEXT NOT NULL,\n  person TEXT NOT NULL,\n"
                "  step TEXT NOT NULL,\n  authorised_by TEXT NOT NULL,\n  acting_for TEXT NOT NULL,\n"
                "  prev_hash TEXT NOT NULL,\n  row_hash TEXT NOT NULL\n);\nCREATE TRIGGER IF NOT EXISTS "
                "seal_use_append_only_update BEFORE UPDATE ON seal_use\nBEGIN SELECT RAISE(ABORT, 'seal_use "
                "(用印登记) is append-only: UPDATE refused'); END;\n" +
                std::string(kDeleteTrigger))
                .exitCode,
            0);
  EXPECT_EQ(SealRegister(path).append(use(1)).sequence, 1);
  EXPECT_TRUE(check().ok()) << check().problem;
}

TEST_F(SealRegisterTest, FileThatIsNoDatabaseDoesNotVerify) {
  writeFileAtomically(path, std::string(8192, 'x'));
  const RegisterCheck result = check();
  EXPECT_FALSE(result.ok());
  EXPECT_NE(result.problem.find("cannot be read as a database"), std::string::npos) << result.problem;
  EXPECT_EQ(errorCode([&] { SealRegister log(path); }), "policy.register-open");
}

TEST_F(SealRegisterTest, ReadingNeverCreatesARegister) {
  EXPECT_EQ(errorCode([&] { check(); }), "register.missing");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(SealRegisterTest, MissingDirectoryIsCreated) {
  SealRegister log(dir.file("registry/2026/seal-uses.sqlite"));
  EXPECT_EQ(log.append(use(1)).sequence, 1);
}

// SQLite read /dev/zero as an empty register that verified, and blocked for ever on a FIFO.
TEST_F(SealRegisterTest, ADeviceOrAFifoIsNoRegister) {
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  for (const std::string& register_ : {path, std::string("/dev/zero")}) {
    std::string message;
    EXPECT_EQ(errorCode([&] { policy::verifySealRegister(register_); }, &message), "policy.register-open");
    EXPECT_NE(message.find("not a regular file"), std::string::npos) << message;
    EXPECT_EQ(errorCode([&] { SealRegister(register_).append(use(1)); }), "policy.register-open");
  }
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
