// A certificate cache shared by many verifications (archive ingest) gives the reports a fresh read
// gives, and reads each certificate file once.

#include <gtest/gtest.h>

#include "signing/cms/PemCertificates.h"
#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {
namespace {

TEST(VerifyCertificateCache, SharedReadsGiveTheSameReports) {
  const policy::Policy policy = policy::loadPolicy(bureau().policyPath());
  verify::VerifyOptions fresh;
  fresh.policy = &policy;
  fresh.at = std::time(nullptr);  // the reports name the verification time: one for all of them
  verify::VerifyOptions shared = fresh;
  cms::CertificateCache cache;
  shared.certificateCache = &cache;
  const std::string expected = verify::formatJson(verify::verifyPdf(sealedProposal(), "p.pdf", fresh));
  for (int i = 0; i < 3; ++i) {
    const verify::Report report = verify::verifyPdf(sealedProposal(), "p.pdf", shared);
    EXPECT_TRUE(report.ok()) << verify::formatText(report);
    EXPECT_EQ(verify::formatJson(report), expected);
  }
  // A signature the policy's certificates do not vouch for fails with the cache as without it.
  const std::string foreign = signUnchecked(unsignedPdf("proposal-ordinary"), "section-review", "guzhang",
                                            loadPkcs12(bureau().pki("juzhang.p12")));
  EXPECT_EQ(verify::formatJson(verify::verifyPdf(foreign, "f.pdf", shared)),
            verify::formatJson(verify::verifyPdf(foreign, "f.pdf", fresh)));
}

TEST(VerifyCertificateCache, ReadsEachFileOnce) {
  TempDir tmp;
  const std::string anchor = tmp.file("root.pem");
  writeFileAtomically(anchor, readFile(bureau().pki("root.crt")));
  cms::CertificateCache cache;
  const std::vector<cms::X509Ptr>& first = cache.certificates(anchor);
  ASSERT_EQ(first.size(), 1u);
  std::filesystem::remove(anchor);
  EXPECT_EQ(&cache.certificates(anchor), &first);
}

}  // namespace
}  // namespace gongwen::testing::verifyfx
