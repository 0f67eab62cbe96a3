// verify --policy holds every seal to its row of the seal-use register: a seal that names none —
// applied with the seal's key but not through `gongwen sign` — fails even though its signature,
// certificate and place in the chain are all in order.

#include <gtest/gtest.h>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {
namespace {

TEST(VerifySealUse, SealThatNamesNoRegisterRowFails) {
  std::string pdf = unsignedPdf("proposal-ordinary");
  pdf = signWithCli(pdf, "guzhang", "section-review");
  pdf = signWithCli(pdf, "fenguan-liu", "deputy-signoff");
  pdf = signUnchecked(pdf, "administrative-seal", "bangong",
                      loadPkcs12(bureau().pki("administrative-seal.p12")), "administrative-seal");
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 3u);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(problemCodes(report), "seal-use.unregistered ");
  EXPECT_TRUE(hasProblem(report.signatures.back(), "seal-use.unregistered"));
}

}  // namespace
}  // namespace gongwen::testing::verifyfx
