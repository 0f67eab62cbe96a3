// Signatures are collected, not forged: with a keyring lacking the 局长 (and the deputy who may act
// for him), the bureau's documents wait at 局长签发 and everything else finishes; --status --as
// juzhang is his inbox with the command to sign by hand; after he signs one with `gongwen sign`, a
// rerun with the same keyring finishes that one; a rerun with the 局长 in the keyring finishes the
// rest.

#include <gtest/gtest.h>

#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

const nlohmann::json& documentFrom(const nlohmann::json& report, const std::string& jobName) {
  for (const auto& d : report["documents"])
    if (d["source"].get<std::string>().find(jobName) != std::string::npos) return d;
  throw std::runtime_error(jobName + " is not in the report");
}

// The `gongwen sign …` line --status prints under a waiting document, as argv.
std::vector<std::string> signCommandFor(const std::string& status, const std::string& pdfFolderPart) {
  std::size_t at = status.find("gongwen sign ");
  while (at != std::string::npos &&
         status.substr(at, status.find('\n', at) - at).find(pdfFolderPart) == std::string::npos)
    at = status.find("gongwen sign ", at + 1);
  if (at == std::string::npos) return {};
  std::istringstream words(status.substr(at + 8, status.find('\n', at) - at - 8));
  std::vector<std::string> argv = {gongwenBinary()};
  for (std::string word; words >> word;) argv.push_back(word);
  return argv;
}

TEST(BatchWaiting, BureauDocumentsWaitForTheDirectorAndCarryOnOnceHeHasSigned) {
  BatchBureau bureau;
  for (const char* name : {"notice-risk-inspection", "request-special-funds", "leave-personal-half-day",
                           "letter-deputy-suggestion"})
    writeFileAtomically(bureau.jobs() + "/" + name + ".xml", sampleJobText(name));
  const std::string withoutDirector =
      bureau.keyringWithout({"juzhang", "changwu"}, "keyring-no-director.xml");

  const CommandResult first =
      bureau.batch({bureau.jobs(), "--keys", withoutDirector, "--report", bureau.file("first.json")});
  ASSERT_EQ(first.exitCode, 0) << first.out << first.err;  // waiting is no failure
  nlohmann::json report = readReport(bureau.file("first.json"));
  for (const char* waiting : {"notice-risk-inspection", "request-special-funds"}) {
    const auto& d = documentFrom(report, waiting);
    EXPECT_EQ(d["state"], "waiting") << d.dump();
    EXPECT_EQ(d["waitingStep"], "director-signoff") << d.dump();
    EXPECT_EQ(d["waitingFor"].get<std::string>().rfind("局长签发 — 王建国", 0), 0u) << d.dump();
    EXPECT_EQ(d["signatures"], 2) << d.dump();
  }
  EXPECT_EQ(documentFrom(report, "leave-personal-half-day")["state"], "done");
  EXPECT_EQ(documentFrom(report, "letter-deputy-suggestion")["state"], "done");
  EXPECT_NE(first.out.find("等待 局长签发 — 王建国"), std::string::npos) << first.out;

  // His inbox: the two documents, each with the command that signs it by hand.
  const CommandResult inbox = bureau.batch({"--status", "--as", "juzhang"});
  ASSERT_EQ(inbox.exitCode, 0) << inbox.err;
  EXPECT_NE(inbox.out.find("notice-risk-inspection.xml"), std::string::npos) << inbox.out;
  EXPECT_NE(inbox.out.find("request-special-funds.xml"), std::string::npos) << inbox.out;
  EXPECT_EQ(inbox.out.find("leave-personal-half-day"), std::string::npos) << inbox.out;
  std::vector<std::string> sign = signCommandFor(inbox.out, "/notice-risk-inspection-");
  ASSERT_FALSE(sign.empty()) << inbox.out;
  sign.insert(sign.end(), {"--password-file", bureau.file("pki/password.txt")});
  const CommandResult signedByHand = run(sign);
  ASSERT_EQ(signedByHand.exitCode, 0) << signedByHand.err;

  // The same keyring: the hand-signed one is sealed and archived; the other still waits.
  const CommandResult second =
      bureau.batch({bureau.jobs(), "--keys", withoutDirector, "--report", bureau.file("second.json")});
  ASSERT_EQ(second.exitCode, 0) << second.out << second.err;
  report = readReport(bureau.file("second.json"));
  EXPECT_EQ(documentFrom(report, "notice-risk-inspection")["state"], "done") << second.out;
  EXPECT_EQ(documentFrom(report, "notice-risk-inspection")["signatures"], 4);
  EXPECT_EQ(documentFrom(report, "request-special-funds")["state"], "waiting");
  EXPECT_TRUE(documentFrom(report, "letter-deputy-suggestion")["alreadyDone"].get<bool>());

  // The 局长's key in the keyring: the rest is finished.
  const CommandResult third =
      bureau.batch({bureau.jobs(), "--keys", bureau.keyring(), "--report", bureau.file("third.json")});
  ASSERT_EQ(third.exitCode, 0) << third.out << third.err;
  report = readReport(bureau.file("third.json"));
  EXPECT_EQ(documentFrom(report, "request-special-funds")["state"], "done");
  EXPECT_EQ(query(bureau.archive() + "/registry.sqlite", "SELECT count(*) FROM documents")[0][0], "4");
  const CommandResult status = bureau.batch({"--status", "--as", "juzhang"});
  EXPECT_NE(status.out.find("nothing waits for juzhang"), std::string::npos) << status.out;
  const CommandResult audit =
      run({gongwenBinary(), "archive", "audit", "--archive", bureau.archive(), "--policy", bureau.policy()});
  EXPECT_EQ(audit.exitCode, 0) << audit.out;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
