// One bad job never stops the others: 45 good notices (10 under the sanitizers) and 5 broken jobs — bad XML,
// a character no font has, check errors, a chain the policy does not allow the job, and a leave slip whose
// applicant's key in the keyring cannot be opened (the wrong password) — archive the good ones and report the
// 5 with their file, stage and reason; the exit code is 1.

#include <gtest/gtest.h>

#include <map>

#include "tests/batch/BatchFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing::batchfx {
namespace {

std::string replacedOnce(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test setup: '" + from + "' not found");
  return text.replace(at, from.size(), to);
}

TEST(BatchBadJobs, FiveBrokenJobsAreReportedAndTheGoodOnesArchived) {
  BatchBureau bureau;
  const int good = testScale(45, 10);
  writeNotices(bureau, good);
  const std::string notice =
      variantJob("notice-risk-inspection", "江州环发〔2026〕300号", "关于开展专项排查的通知");
  const std::string broken = bureau.jobs() + "/broken";
  fs::create_directories(broken);
  writeFileAtomically(broken + "/bad-xml.xml", notice.substr(0, notice.size() / 2));
  writeFileAtomically(broken + "/missing-glyph.xml", replacedOnce(notice, "<p>", "<p>\U0002EBF0"));
  writeFileAtomically(broken + "/check-errors.xml", replacedOnce(notice, "〔2026〕300号", "[2026]300号"));
  // A chain the job schema knows but the policy does not give a notice of the bureau (a chain no
  // schema knows is refused like bad XML, as job.schema).
  writeFileAtomically(broken + "/unknown-chain.xml", replacedOnce(notice, "approvalChain=\"bureau-document\"",
                                                                  "approvalChain=\"party-document\""));
  writeFileAtomically(broken + "/leave-wrong-key.xml", sampleJobText("leave-personal-half-day"));
  // The applicant 林芳 (dangan) signs her slip first: her key is given with the wrong password.
  writeFileAtomically(bureau.file("wrong-password.txt"), "not-the-password\n");
  std::string keyring = readFile(bureau.keyringWithout({"dangan"}, "keyring-without-dangan.xml"));
  keyring =
      replacedOnce(keyring, "</keyring>",
                   "  <key person=\"dangan\"><secretFile path=\"wrong-password.txt\"/></key>\n</keyring>");
  writeFileAtomically(bureau.file("keyring-wrong.xml"), keyring);

  const CommandResult result = bureau.batch(
      {bureau.jobs(), "--keys", bureau.file("keyring-wrong.xml"), "--report", bureau.file("report.json")});
  EXPECT_EQ(result.exitCode, 1) << result.out << result.err;
  const nlohmann::json report = readReport(bureau.file("report.json"));
  EXPECT_EQ(report["totals"]["done"], good);
  EXPECT_EQ(report["totals"]["failed"], 5);
  std::map<std::string, std::pair<std::string, std::string>> failures;  // file -> stage, code
  for (const auto& d : report["documents"])
    if (d["state"] == "failed")
      failures[fs::path(d["source"].get<std::string>()).filename().string()] = {d["stage"], d["errorCode"]};
  using Failure = std::pair<std::string, std::string>;
  EXPECT_EQ(failures["bad-xml.xml"], (Failure{"check", "job.xml"}));
  EXPECT_EQ(failures["missing-glyph.xml"], (Failure{"render", "font.missing-glyph"}));
  EXPECT_EQ(failures["check-errors.xml"], (Failure{"check", "check.findings"}));
  EXPECT_EQ(failures["unknown-chain.xml"], (Failure{"check", "policy.chain-not-allowed"}));
  EXPECT_EQ(failures["leave-wrong-key.xml"], (Failure{"sign", "keys.pkcs12-password"}));
  // Each named at the end with its reason.
  for (const auto& [file, failure] : failures)
    EXPECT_NE(result.out.find("failed: " + broken + "/" + file + " (" + failure.first + "): error[" +
                              failure.second),
              std::string::npos)
        << result.out;
  EXPECT_EQ(query(bureau.archive() + "/registry.sqlite", "SELECT count(*) FROM documents")[0][0],
            std::to_string(good));
}

}  // namespace
}  // namespace gongwen::testing::batchfx
