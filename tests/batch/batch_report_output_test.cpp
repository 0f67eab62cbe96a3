// `gongwen batch --report` is written after the run, but refused before it when it names a file the
// run depends on: the policy, the seal register the first seal will make, the keyring. Nothing is
// rendered, signed or archived first.

#include <gtest/gtest.h>

#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

TEST(BatchReportOutput, AReportNamingWhatTheRunDependsOnIsRefusedBeforeAnyWork) {
  BatchBureau bureau;
  writeNotices(bureau, 1);
  const std::string policyBefore = readFile(bureau.policy());
  const std::string keyringBefore = readFile(bureau.keyring());
  for (const std::string& report : {bureau.policy(), bureau.registerPath(), bureau.keyring()}) {
    const CommandResult result =
        bureau.batch({bureau.jobs(), "--keys", bureau.keyring(), "--report", report});
    EXPECT_EQ(result.exitCode, 6) << report << ": " << result.out << result.err;
    EXPECT_NE(result.err.find("error[io.output-is-input]"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(bureau.archive())) << report << ": the run went ahead";
  }
  EXPECT_FALSE(fs::exists(bureau.registerPath()));
  EXPECT_EQ(readFile(bureau.policy()), policyBefore);
  EXPECT_EQ(readFile(bureau.keyring()), keyringBefore);
}

}  // namespace
}  // namespace gongwen::testing::batchfx
