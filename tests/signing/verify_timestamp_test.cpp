// PAdES B-T: with a timestamp authority in the policy every signature carries an RFC 3161
// signature timestamp. Verification takes the signing time from the verified token, not from the
// signer's claimed /M, and checks the token's signature and imprint against the trust anchors.

#include <gtest/gtest.h>

#include "tests/signing/VerifyFixture.h"
#include "tests/support/TsaResponder.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

TEST(TimestampVerification, SignatureTimestampGivesTheSigningTime) {
  TsaResponder tsa(bureau().pki("tsa.crt"), bureau().pki("tsa.key"));
  std::string policy = readFile(bureau().policyPath());
  const std::string registerLine = "<register path=\"registry/seal-uses.sqlite\"/>";
  ASSERT_NE(policy.find(registerLine), std::string::npos);
  policy.replace(policy.find(registerLine), registerLine.size(),
                 registerLine + "\n  <timestamp url=\"" + tsa.url() + "\"/>");
  writeFileAtomically(bureau().file("policy-tsa.xml"), policy);

  std::string pdf = unsignedPdf("meeting-minutes");
  pdf = signWithCli(pdf, "bangong", "minutes-proofread", "", bureau().file("policy-tsa.xml"));
  pdf = signWithCli(pdf, "juzhang", "principal-signoff", "", bureau().file("policy-tsa.xml"));
  ASSERT_EQ(tsa.tokensIssued(), 2);

  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 2u);
  for (const auto& s : report.signatures) {
    EXPECT_EQ(s.timeSource, "timestamp");
    EXPECT_FALSE(hasProblem(s, "timestamp.invalid"));
  }
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
}

}  // namespace
}  // namespace gongwen::testing
