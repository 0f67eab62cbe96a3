// Issue 7, item 10: a password or PIN file is tiny; `sign` refuses a device or a huge file there
// at once instead of reading gigabytes, and refuses a PDF over its limit before signing anything.

#include <gtest/gtest.h>

#include "tests/signing/SignFixture.h"
#include "tests/support/MeasuredRun.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing::signfx {
namespace {

MeasuredResult signWithSecretFile(const std::string& in, const std::string& out,
                                  const std::string& credential, const std::string& secretFile,
                                  std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {gongwenBinary(),
                                   "sign",
                                   in,
                                   "-o",
                                   out,
                                   "--policy",
                                   bureau().policyPath(),
                                   "--as",
                                   "bangong",
                                   "--step",
                                   "office-proofread",
                                   "--credential",
                                   credential,
                                   "--password-file",
                                   secretFile,
                                   "--pin-file",
                                   secretFile};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return runMeasured(argv, bureau().environment());
}

// AddressSanitizer's shadow memory and start-up alone take more than 100 MB.
constexpr long kMaxRssMb = kSanitized ? 160 : 100;

void expectRefusedAtOnce(const MeasuredResult& r, int exitCode, const std::string& code) {
  EXPECT_FALSE(r.killed) << "killed by the watchdog after " << r.seconds << " s at " << r.peakRssMb << " MB";
  EXPECT_EQ(r.exitCode, exitCode) << r.err;
  EXPECT_NE(r.err.find("error[" + code + "]"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 1.0);
  EXPECT_LT(r.peakRssMb, kMaxRssMb);
}

TEST(SignLimits, APasswordOrPinFileThatIsADeviceOrHugeIsRefusedAtOnce) {
  TempDir work;
  const std::string in = work.file("0.pdf"), out = work.file("1.pdf");
  writeFileAtomically(in, unsignedPdf("bureau-document", "administrative-seal"));
  const std::string huge = work.file("password.txt");
  makeSparseFile(huge, 40 * 1024);
  for (const std::string credential : {"ecdsa", "token"}) {
    for (const std::string& secret : {std::string("/dev/zero"), huge}) {
      const MeasuredResult r = signWithSecretFile(in, out, credential, secret);
      expectRefusedAtOnce(r, secret == huge ? 3 : 6, secret == huge ? "input.too-large" : "io.read");
      EXPECT_NE(r.err.find(secret), std::string::npos) << r.err;
      EXPECT_FALSE(fs::exists(out));
    }
  }
}

TEST(SignLimits, APdfOverTheLimitIsRefusedBeforeAnythingIsSigned) {
  TempDir work;
  const std::string in = work.file("huge.pdf"), out = work.file("out.pdf");
  makeSparseFile(in, 5120ull * 1024 * 1024);
  expectRefusedAtOnce(signWithSecretFile(in, out, "ecdsa", "/dev/null"), 3, "input.too-large");
  expectRefusedAtOnce(
      signWithSecretFile(bureau().policyPath(), out, "ecdsa", "/dev/null", {"--max-input-size", "1K"}), 3,
      "input.too-large");
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace gongwen::testing::signfx
