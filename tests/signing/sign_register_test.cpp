// The seal-use register (用印登记) as a hostile user meets it through the real binary and the sqlite3
// command: every way of changing it behind its triggers refuses the next seal (exit 6) and fails
// `gongwen register verify` (exit 5); a seal names its row, and `verify --policy` holds it to it.

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "tests/signing/RegisterFixture.h"

namespace gongwen::testing::signfx {
namespace {

const std::string kUpdateTrigger =
    "CREATE TRIGGER seal_use_append_only_update BEFORE UPDATE ON seal_use\n"
    "BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: UPDATE refused'); END;";
const std::string kDeleteTrigger =
    "CREATE TRIGGER seal_use_append_only_delete BEFORE DELETE ON seal_use\n"
    "BEGIN SELECT RAISE(ABORT, 'seal_use (用印登记) is append-only: DELETE refused'); END;";

std::string sha256Of(const std::string& path) { return run({"sha256sum", path}).out.substr(0, 64); }

// What the triggers forbid, done with them dropped and then put back exactly as they were.
void removeRowBehindTheTrigger(const RegisterBureau& b, int sequence) {
  ASSERT_EQ(b.sql("DROP TRIGGER seal_use_append_only_delete; DELETE FROM seal_use WHERE seq = " +
                  std::to_string(sequence) + ";" + kDeleteTrigger)
                .exitCode,
            0);
}

// Seals `times` copies of the approved document (4.pdf, 5.pdf, …), each registered.
void sealTimes(const RegisterBureau& b, int times) {
  for (int i = 0; i < times; ++i) {
    const CommandResult r = b.seal(b.file(std::to_string(4 + i) + ".pdf"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
}

// After tampering: the next seal is refused with one line naming what is wrong and where, and
// writes nothing; `register verify` fails naming the same.
void expectBroken(const RegisterBureau& b, const std::string& what) {
  const std::string output = b.file("refused.pdf");
  const CommandResult sealed = b.seal(output);
  EXPECT_EQ(sealed.exitCode, 6) << sealed.out << sealed.err;
  EXPECT_NE(sealed.err.find("error[register.broken]"), std::string::npos) << sealed.err;
  EXPECT_NE(sealed.err.find(what), std::string::npos) << sealed.err;
  EXPECT_NE(sealed.err.find("gongwen register verify"), std::string::npos) << sealed.err;
  EXPECT_FALSE(std::filesystem::exists(output));
  const CommandResult checked = b.registerVerify();
  EXPECT_EQ(checked.exitCode, 5) << checked.out << checked.err;
  EXPECT_NE(checked.out.find(what), std::string::npos) << checked.out;
}

TEST(SealRegister, SealNamesItsRowWhichRecordsTheApprovedDocument) {
  const RegisterBureau b("names-row");
  sealTimes(b, 1);
  const std::string sealed = readFile(b.file("4.pdf"));
  const NamedRow named = namedRow(sealed);
  EXPECT_EQ(named.sequence, 1);
  EXPECT_EQ(b.sql("SELECT row_hash FROM seal_use WHERE seq = 1").out, named.rowHash + "\n");
  // Inside the seal's own revision, which its signature covers.
  const std::string approved = readFile(b.approved());
  EXPECT_GT(sealed.find("/GongwenSealUseHash"), approved.size());
  EXPECT_EQ(b.sql("SELECT document_sha256 FROM seal_use WHERE seq = 1").out, sha256Of(b.approved()) + "\n");
  EXPECT_EQ(readFile(b.registerPath() + ".head"), "1 " + named.rowHash + "\n");

  const CommandResult checked = b.registerVerify();
  EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
  EXPECT_NE(checked.out.find("1 row(s) checked, head row 1 " + named.rowHash), std::string::npos)
      << checked.out;
  const CommandResult json = b.registerVerify("json");
  EXPECT_EQ(json.exitCode, 0);
  EXPECT_NE(json.out.find("\"ok\":true,\"rowsChecked\":1"), std::string::npos) << json.out;
  const CommandResult verified = b.verify({b.file("4.pdf")});
  EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;
}

// Refusals that signing itself would meet come before the register: no row for a seal never applied.
TEST(SealRegister, SealThatCannotBeAppliedIsNotRegistered) {
  const RegisterBureau b("no-field");
  sealTimes(b, 1);
  // Approved up to the seal, but its seal field names another seal: nothing for this seal to fill.
  const std::string approved =
      b.approveUpToTheSeal(unsignedPdf("bureau-document", "administrative-sea1"), "no-field-");
  const CommandResult r =
      signCli(approved, b.file("refused.pdf"), "bangong", "administrative-seal", "", b.policy());
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("sign.seal-field"), std::string::npos) << r.err;
  EXPECT_EQ(b.sql("SELECT count(*) FROM seal_use").out, "1\n");
}

// BEGIN IMMEDIATE serialises signers: each seal gets its own row, in one unbroken chain.
TEST(SealRegister, ConcurrentSealsEachGetTheirOwnRow) {
  const RegisterBureau b("concurrent");
  sealTimes(b, 1);
  constexpr int kSigners = 4;
  std::vector<std::thread> signers;
  std::vector<CommandResult> results(kSigners);
  for (int i = 0; i < kSigners; ++i)
    signers.emplace_back([&, i] { results[i] = b.seal(b.file("parallel-" + std::to_string(i) + ".pdf")); });
  for (auto& signer : signers) signer.join();
  std::set<long long> rows;
  for (int i = 0; i < kSigners; ++i) {
    ASSERT_EQ(results[i].exitCode, 0) << results[i].err;
    rows.insert(namedRow(readFile(b.file("parallel-" + std::to_string(i) + ".pdf"))).sequence);
  }
  EXPECT_EQ(rows, (std::set<long long>{2, 3, 4, 5}));
  const CommandResult checked = b.registerVerify();
  EXPECT_EQ(checked.exitCode, 0) << checked.out;
  EXPECT_NE(checked.out.find("5 row(s) checked"), std::string::npos) << checked.out;
  EXPECT_EQ(checked.out.find("lags"), std::string::npos) << "heads written out of order: " << checked.out;
}

TEST(SealRegister, DroppedTriggersRefuseTheNextSeal) {
  const RegisterBureau b("dropped-triggers");
  sealTimes(b, 1);
  ASSERT_EQ(
      b.sql("DROP TRIGGER seal_use_append_only_update; DROP TRIGGER seal_use_append_only_delete;").exitCode,
      0);
  expectBroken(b, "is missing");
  EXPECT_EQ(b.sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").out, "0\n");
}

TEST(SealRegister, EditedRowRefusesTheNextSeal) {
  const RegisterBureau b("edited-row");
  sealTimes(b, 2);
  ASSERT_EQ(
      b.sql("DROP TRIGGER seal_use_append_only_update; UPDATE seal_use SET authorised_by = 'fenguan-zhang' "
            "WHERE seq = 1;" +
            kUpdateTrigger)
          .exitCode,
      0);
  expectBroken(b, "row 1");
}

TEST(SealRegister, DeletedRowRefusesTheNextSeal) {
  const RegisterBureau b("deleted-row");
  sealTimes(b, 2);
  removeRowBehindTheTrigger(b, 1);
  expectBroken(b, "row 1 is missing");
}

TEST(SealRegister, ForgedRowRefusesTheNextSeal) {
  const RegisterBureau b("forged-row");
  sealTimes(b, 1);
  ASSERT_EQ(
      b.sql("INSERT INTO seal_use SELECT 2, time, seal, document_sha256, 'mallory', step, authorised_by, "
            "acting_for, row_hash, row_hash FROM seal_use WHERE seq = 1;")
          .exitCode,
      0);
  expectBroken(b, "row 2");
}

// The chain stays whole when its last rows are cut off; the head file and the PDFs still know them.
TEST(SealRegister, CutTailIsCaughtByTheHeadFileAndByTheSealedPdf) {
  const RegisterBureau b("cut-tail");
  sealTimes(b, 2);
  removeRowBehindTheTrigger(b, 2);
  expectBroken(b, "rows were removed from the end");
  const CommandResult verified = b.verify({b.file("5.pdf")});
  EXPECT_EQ(verified.exitCode, 5) << verified.out;
  EXPECT_NE(verified.out.find("error[seal-use.mismatch]: row 2 the seal names is not in the register"),
            std::string::npos)
      << verified.out;
  EXPECT_EQ(b.verify({b.file("4.pdf")}).exitCode, 0);
}

TEST(SealRegister, VerifyHoldsASealToItsRowAndTakesACopyOfTheRegister) {
  const RegisterBureau b("verify-row");
  sealTimes(b, 1);
  const std::string copy = b.file("register-copy.sqlite");
  ASSERT_EQ(b.sql(".backup '" + copy + "'").exitCode, 0);
  // The row removed and the head file rewritten to match: only the sealed PDF still knows.
  removeRowBehindTheTrigger(b, 1);
  writeFileAtomically(b.registerPath() + ".head", "0 " + std::string(64, '0') + "\n");
  EXPECT_EQ(b.registerVerify().exitCode, 0);
  const CommandResult removed = b.verify({b.file("4.pdf"), "--format", "json"});
  EXPECT_EQ(removed.exitCode, 5) << removed.out;
  EXPECT_NE(removed.out.find("\"code\":\"seal-use.mismatch\""), std::string::npos) << removed.out;

  const CommandResult fromCopy = b.verify({b.file("4.pdf"), "--register", copy});
  EXPECT_EQ(fromCopy.exitCode, 0) << fromCopy.out << fromCopy.err;

  // Not reachable: reported as unchecked (a problem), and verify creates nothing.
  std::filesystem::rename(b.registerPath(), b.file("moved.sqlite"));
  const CommandResult unreachable = b.verify({b.file("4.pdf")});
  EXPECT_EQ(unreachable.exitCode, 5) << unreachable.out;
  EXPECT_NE(unreachable.out.find("error[seal-use.unchecked]"), std::string::npos) << unreachable.out;
  EXPECT_NE(unreachable.out.find("--register"), std::string::npos) << unreachable.out;
  EXPECT_FALSE(std::filesystem::exists(b.registerPath()));
}

TEST(SealRegister, RegisterCommandLine) {
  const RegisterBureau b("command-line");
  EXPECT_EQ(run({gongwenBinary(), "register", "--help"}).exitCode, 0);
  EXPECT_EQ(run({gongwenBinary(), "register", "verify", "--help"}).exitCode, 0);
  EXPECT_EQ(run({gongwenBinary(), "register"}).exitCode, 2);
  EXPECT_EQ(run({gongwenBinary(), "register", "rewrite", "--policy", b.policy()}).exitCode, 2);
  EXPECT_EQ(run({gongwenBinary(), "register", "verify"}).exitCode, 2);
  writeFileAtomically(b.file("bad-policy.xml"), "<policy>");
  EXPECT_EQ(run({gongwenBinary(), "register", "verify", "--policy", b.file("bad-policy.xml")}).exitCode, 3);
  // No seal yet, so no register: an I/O error naming it, and nothing created.
  const CommandResult none = b.registerVerify();
  EXPECT_EQ(none.exitCode, 6) << none.out << none.err;
  EXPECT_NE(none.err.find(b.registerPath()), std::string::npos) << none.err;
  EXPECT_FALSE(std::filesystem::exists(b.registerPath()));
  EXPECT_EQ(run({gongwenBinary(), "verify", b.approved(), "--register", b.registerPath()}).exitCode, 2);
}

}  // namespace
}  // namespace gongwen::testing::signfx
