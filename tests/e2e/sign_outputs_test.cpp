// `gongwen sign -o` never replaces a file the signing depends on (the seal register and its
// journal, the policy, a key, the password file, the input) and can write to standard output.

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/signing/SignFixture.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;
using namespace gongwen::testing::signfx;

namespace {

// The first step of the sample bureau's document chain, as 办公室 with the password from a file.
CommandResult signFirstStep(const TempDir& work, const std::string& out) {
  return run({gongwenBinary(), "sign", work.file("in.pdf"), "-o", out, "--policy", bureau().policyPath(),
              "--as", "bangong", "--step", "office-proofread", "--password-file", work.file("password.txt")},
             bureau().environment());
}

class SignOutputs : public ::testing::Test {
 protected:
  void SetUp() override {
    gongwen::writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
    gongwen::writeFileAtomically(work.file("password.txt"), kPassword + "\n");
  }
  // Refused with exit 6 naming the output; `output` has the bytes it had.
  void expectRefusedAndKept(const std::string& output) {
    const bool existed = fs::exists(output);
    const std::string before = existed ? gongwen::readFile(output) : "";
    const CommandResult r = signFirstStep(work, output);
    EXPECT_EQ(r.exitCode, 6) << r.err;
    EXPECT_NE(r.err.find("error[io.output-is-input]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(output), std::string::npos) << r.err;
    EXPECT_EQ(fs::exists(output), existed) << output;
    if (existed) {
      EXPECT_EQ(gongwen::readFile(output), before) << output;
    }
  }
  TempDir work;
};

}  // namespace

TEST_F(SignOutputs, TheSealRegisterAndItsJournalAreNeverAnOutput) {
  expectRefusedAndKept(bureau().file("registry/seal-uses.sqlite"));
  expectRefusedAndKept(bureau().file("registry/seal-uses.sqlite-wal"));
}

TEST_F(SignOutputs, ThePolicyKeysAndSealImagesAreNeverAnOutput) {
  expectRefusedAndKept(bureau().policyPath());
  expectRefusedAndKept(bureau().pki("bangong.p12"));
  expectRefusedAndKept(bureau().pki("bangong.crt"));
  expectRefusedAndKept(bureau().file("seals/administrative-seal.png"));
}

TEST_F(SignOutputs, ThePasswordFileAndTheInputAreNeverAnOutput) {
  expectRefusedAndKept(work.file("password.txt"));
  expectRefusedAndKept(work.file("in.pdf"));
}

TEST_F(SignOutputs, DashWritesTheSignedPdfToStandardOutputAndTheSummaryToStandardError) {
  const CommandResult r = signFirstStep(work, "-");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string original = gongwen::readFile(work.file("in.pdf"));
  EXPECT_EQ(r.out.substr(0, original.size()), original) << "an incremental revision of the input";
  EXPECT_GT(r.out.size(), original.size());
  EXPECT_NE(r.err.find("signed"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists("-"));
}
