// `gongwen sign -o` never replaces a file the signing depends on (the seal register and its
// journal, the policy, a key, the password file, the input), can write to standard output, and
// keeps an owner-only document owner-only.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>

#include "tests/signing/SignFixture.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;
using namespace gongwen::testing::signfx;

namespace {

// A bureau of its own (policy, keys, seal images copied, not linked), so that a regression that
// writes over one of them cannot spoil the test PKI the other tests share.
class SignOutputs : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy_file(bureau().policyPath(), work.file("policy.xml"));
    fs::copy(bureau().file("seals"), work.file("seals"), fs::copy_options::recursive);
    fs::copy(fs::canonical(bureau().file("pki")), work.file("pki"), fs::copy_options::recursive);
    fs::create_directory(work.file("registry"));
    gongwen::writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
    gongwen::writeFileAtomically(work.file("password.txt"), kPassword + "\n");
  }
  // The first step of the document chain, as 办公室, with the password from a file.
  CommandResult signFirstStep(const std::string& out) {
    return run(
        {gongwenBinary(), "sign", work.file("in.pdf"), "-o", out, "--policy", work.file("policy.xml"), "--as",
         "bangong", "--step", "office-proofread", "--password-file", work.file("password.txt")},
        bureau().environment());
  }
  // `gongwen ltv`, which refuses its output before it looks at the signatures.
  CommandResult extendForLongTerm(const std::string& out) {
    return run({gongwenBinary(), "ltv", work.file("in.pdf"), "-o", out, "--policy", work.file("policy.xml")});
  }
  // Refused with exit 6 naming the output; `output` has the bytes it had.
  void expectRefusedAndKept(const std::string& name,
                            const std::function<CommandResult(const std::string&)>& command = {}) {
    const std::string output = work.file(name);
    const bool existed = fs::exists(output);
    const std::string before = existed ? gongwen::readFile(output) : "";
    const CommandResult r = command ? command(output) : signFirstStep(output);
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
  expectRefusedAndKept("registry/seal-uses.sqlite");
  expectRefusedAndKept("registry/seal-uses.sqlite-wal");
}

// The register is made by the first seal, where the policy's path leads: through a link to another
// volume, say. Until then neither the policy's name for it nor the link's target may be an output.
TEST_F(SignOutputs, ASealRegisterNotMadeYetBehindALinkIsNeverAnOutput) {
  fs::create_directory(work.file("volume"));
  fs::create_symlink("../volume/seal-uses.sqlite", work.file("registry/seal-uses.sqlite"));
  const auto extend = [this](const std::string& out) { return extendForLongTerm(out); };
  for (const char* name : {"registry/seal-uses.sqlite", "volume/seal-uses.sqlite"}) {
    expectRefusedAndKept(name);
    expectRefusedAndKept(name, extend);
  }
  EXPECT_FALSE(fs::exists(work.file("volume/seal-uses.sqlite")));
}

TEST_F(SignOutputs, ThePolicyKeysAndSealImagesAreNeverAnOutput) {
  expectRefusedAndKept("policy.xml");
  expectRefusedAndKept("pki/bangong.p12");
  expectRefusedAndKept("pki/bangong.crt");
  expectRefusedAndKept("seals/administrative-seal.png");
}

TEST_F(SignOutputs, ThePasswordFileAndTheInputAreNeverAnOutput) {
  expectRefusedAndKept("password.txt");
  expectRefusedAndKept("in.pdf");
}

TEST_F(SignOutputs, DashWritesTheSignedPdfToStandardOutputAndTheSummaryToStandardError) {
  const CommandResult r = signFirstStep("-");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string original = gongwen::readFile(work.file("in.pdf"));
  EXPECT_EQ(r.out.substr(0, original.size()), original) << "an incremental revision of the input";
  EXPECT_GT(r.out.size(), original.size());
  EXPECT_NE(r.err.find("signed"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists("-"));
}

TEST_F(SignOutputs, TheSignedRevisionOfAnOwnerOnlyPdfIsOwnerOnly) {
  ::chmod(work.file("in.pdf").c_str(), 0600);
  const mode_t saved = ::umask(022);
  const CommandResult r = signFirstStep(work.file("out.pdf"));
  ::umask(saved);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(fs::status(work.file("out.pdf")).permissions(), fs::perms::owner_read | fs::perms::owner_write);
}
