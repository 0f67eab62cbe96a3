// A verification that reuses the signature checks this process made (SignatureCheckCache) gives the
// report a fresh one gives, checks each signature of a growing document once, and reuses nothing for
// bytes that are not exactly the ones it checked.

#include <gtest/gtest.h>

#include "signing/cms/PemCertificates.h"
#include "signing/verify/ReportFormat.h"
#include "signing/verify/SignatureCheckCache.h"
#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {
namespace {

const policy::Policy& bureauPolicy() {
  static const policy::Policy policy = policy::loadPolicy(bureau().policyPath());
  return policy;
}

verify::Report verifyWith(const std::string& pdf, cms::CertificateCache* certificates,
                          verify::SignatureCheckCache* checks, std::optional<std::time_t> at = std::nullopt) {
  verify::VerifyOptions options;
  options.at = at;
  options.policy = &bureauPolicy();
  options.certificateCache = certificates;
  options.signatureChecks = checks;
  return verify::verifyPdf(pdf, "p.pdf", options);
}

// The bytes up to the end of revision `n` (1-based) of `pdf`.
std::string firstRevisions(const std::string& pdf, size_t n) {
  const verify::pdf::Document document(pdf, "p.pdf");
  return pdf.substr(0, document.revisions()[n - 1].endAfterEol);
}

TEST(VerifySignatureCache, GrowingDocumentChecksEachSignatureOnceWithTheSameReports) {
  cms::CertificateCache certificates;
  verify::SignatureCheckCache checks;
  const std::time_t now = std::time(nullptr);  // the reports name the verification time: one for both
  for (size_t revisions = 2; revisions <= 4; ++revisions) {
    const std::string pdf = firstRevisions(sealedProposal(), revisions);
    const verify::Report cached = verifyWith(pdf, &certificates, &checks, now);
    EXPECT_EQ(checks.size(), revisions - 1);
    EXPECT_EQ(verify::formatJson(cached), verify::formatJson(verifyWith(pdf, nullptr, nullptr, now)));
  }
  EXPECT_TRUE(verifyWith(sealedProposal(), &certificates, &checks).ok());
  EXPECT_EQ(checks.size(), 3u);
}

TEST(VerifySignatureCache, ChangedSignedBytesAreCheckedAgain) {
  cms::CertificateCache certificates;
  verify::SignatureCheckCache checks;
  ASSERT_TRUE(verifyWith(sealedProposal(), &certificates, &checks).ok());
  // One byte of the binary comment in the header: every signature covers it, the parser ignores it.
  std::string tampered = sealedProposal();
  ASSERT_EQ(tampered[10] & 0x80, 0x80);
  tampered[10] = static_cast<char>(tampered[10] ^ 1);
  const std::time_t now = std::time(nullptr);  // the reports name the verification time: one for both
  const verify::Report report = verifyWith(tampered, &certificates, &checks, now);
  EXPECT_FALSE(report.ok());
  for (const verify::SignatureReport& signature : report.signatures) EXPECT_FALSE(signature.digestOk);
  EXPECT_EQ(verify::formatJson(report), verify::formatJson(verifyWith(tampered, nullptr, nullptr, now)));
}

TEST(VerifySignatureCache, ChainAndRevocationFollowTheVerificationTimeNotTheFirstCheck) {
  // What was trusted when first checked need not be at another verification time: only the CMS and
  // timestamp token checks are reused, the chain is checked at each verification's own time.
  cms::CertificateCache certificates;
  verify::SignatureCheckCache checks;
  ASSERT_TRUE(verifyWith(sealedProposal(), &certificates, &checks).ok());
  const std::time_t longAfterExpiry = 4102444800;  // 2100-01-01
  const verify::Report later = verifyWith(sealedProposal(), &certificates, &checks, longAfterExpiry);
  EXPECT_EQ(verify::formatJson(later),
            verify::formatJson(verifyWith(sealedProposal(), nullptr, nullptr, longAfterExpiry)));
  EXPECT_FALSE(later.ok());
  EXPECT_EQ(checks.size(), 3u);
}

TEST(VerifySignatureCache, NotUsedWithoutACertificateCache) {
  // Without a certificate cache the anchors are read again for each verification and may have changed.
  verify::SignatureCheckCache checks;
  EXPECT_TRUE(verifyWith(sealedProposal(), nullptr, &checks).ok());
  EXPECT_EQ(checks.size(), 0u);
}

}  // namespace
}  // namespace gongwen::testing::verifyfx
