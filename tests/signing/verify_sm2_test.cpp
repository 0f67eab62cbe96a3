// SM2 signatures (SM3 digest) are verified by our own code — pdfsig cannot. GM/T 0009 signers use
// the default user ID 1234567812345678; the verifier must use it too, and the tests show that the
// ID matters: the same signature fails when checked with OpenSSL's default empty ID.

#include <gtest/gtest.h>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

const std::string& sm2Chain() {
  static const std::string pdf = [] {
    std::string p = unsignedPdf("bureau-document");
    p = signWithCli(p, "bangong", "office-proofread", "sm2");
    p = signWithCli(p, "fenguan-zhang", "deputy-review", "sm2");
    p = signWithCli(p, "juzhang", "director-signoff", "sm2");
    return signWithCli(p, "bangong", "administrative-seal", "sm2");
  }();
  return pdf;
}

TEST(Sm2Verification, FullChainVerifiesWithTheDefaultUserId) {
  const verify::Report report = verifyWithPolicy(sm2Chain());
  ASSERT_EQ(report.signatures.size(), 4u);
  for (const auto& s : report.signatures) {
    EXPECT_EQ(s.algorithm, "SM2 with SM3");
    EXPECT_TRUE(s.signatureOk && s.digestOk && s.signingCertificateOk);
    EXPECT_EQ(s.trust, "trusted");
  }
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  EXPECT_EQ(verifyWithCli(sm2Chain()).exitCode, 0);
}

TEST(Sm2Verification, TheSameSignaturesFailWithAnEmptyUserId) {
  const verify::Report report = verifyWithPolicy(sm2Chain(), "");
  ASSERT_EQ(report.signatures.size(), 4u);
  for (const auto& s : report.signatures) {
    EXPECT_TRUE(s.digestOk) << "the content is intact";
    EXPECT_TRUE(hasProblem(s, "integrity.signature-invalid")) << problemCodes(report);
  }
  EXPECT_FALSE(report.ok());
}

TEST(Sm2Verification, TamperingIsCaughtForSm2AsForRsa) {
  std::string pdf = sm2Chain();
  pdf[pdf.find("Notice on")] = 'n';
  const verify::Report report = verifyWithPolicy(pdf);
  for (const auto& s : report.signatures) EXPECT_TRUE(hasProblem(s, "integrity.digest-mismatch"));
}

}  // namespace
}  // namespace gongwen::testing
