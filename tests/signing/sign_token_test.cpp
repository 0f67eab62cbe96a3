// Signing with keys generated inside a SoftHSM2 token (PKCS#11 through OpenSSL's pkcs11 engine),
// PIN from the environment: the chain verifies with pdfsig, openssl and `gongwen verify`.

#include <gtest/gtest.h>

#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {
namespace {

TEST(SignToken, BureauChainSignedOnTheTokenVerifies) {
  const auto token = bureau().lockToken();
  const std::vector<std::pair<std::string, std::string>> steps = {{"bangong", "office-proofread"},
                                                                  {"fenguan-zhang", "deputy-review"},
                                                                  {"juzhang", "director-signoff"},
                                                                  {"bangong", "administrative-seal"}};
  TempDir work;
  std::string current = work.file("0.pdf");
  writeFileAtomically(current, unsignedPdf("bureau-document", "administrative-seal"));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string next = work.file(std::to_string(i + 1) + ".pdf");
    const CommandResult r = signCli(current, next, steps[i].first, steps[i].second, "token");
    ASSERT_EQ(r.exitCode, 0) << steps[i].second << ": " << r.err;
    current = next;
  }
  const auto signatures = signaturesIn(readFile(current));
  ASSERT_EQ(signatures.size(), steps.size());
  for (const SignatureBytes& s : signatures) EXPECT_EQ(opensslCmsVerify(s).exitCode, 0);
  const CommandResult sig = pdfsig(current);
  EXPECT_EQ(countOf(sig.out, "Signature is Valid."), 4) << sig.out;
  EXPECT_EQ(countOf(sig.out, "Certificate is Trusted."), 4) << sig.out;
  EXPECT_EQ(run({"qpdf", "--check", current}).exitCode, 0);
  const CommandResult verify = run({gongwenBinary(), "verify", current, "--policy", bureau().policyPath()});
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

TEST(SignToken, WrongPinIsRefusedAndWritesNothing) {
  const auto token = bureau().lockToken();
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  std::vector<std::string> env = bureau().environment();
  env.push_back("WRONG_PIN=000000");
  const CommandResult r =
      run({gongwenBinary(), "sign", work.file("in.pdf"), "-o", work.file("out.pdf"), "--policy",
           bureau().policyPath(), "--as", "bangong", "--credential", "token", "--pin-env", "WRONG_PIN"},
          env);
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("error[keys.pkcs11-pin]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

}  // namespace
}  // namespace gongwen::testing::signfx
