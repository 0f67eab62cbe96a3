// Where `gongwen sign` takes a PKCS#12 credential's parts from: the key from the PKCS#12 file, the
// certificate and the CA certificates the signature carries from the certificate file the policy
// names (keys/Pkcs12Key.cpp says why the PKCS#12 file's own certificates are not read).

#include <gtest/gtest.h>
#include <openssl/cms.h>

#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {
namespace {

// The certificates a signature carries, by subject common name.
std::vector<std::string> certificatesCarried(const std::string& cms) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(cms.data());
  CMS_ContentInfo* info = d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(cms.size()));
  STACK_OF(X509)* certificates = info != nullptr ? CMS_get1_certs(info) : nullptr;
  std::vector<std::string> names;
  for (int i = 0; i < sk_X509_num(certificates); ++i) {
    char name[256] = "";
    X509_NAME_get_text_by_NID(X509_get_subject_name(sk_X509_value(certificates, i)), NID_commonName, name,
                              sizeof name);
    names.emplace_back(name);
  }
  sk_X509_pop_free(certificates, X509_free);
  CMS_ContentInfo_free(info);
  return names;
}

std::vector<std::string> signedBy(const std::string& policy, const std::string& output) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  const CommandResult r = signCli(work.file("in.pdf"), output, "bangong", "office-proofread", "", policy);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  const std::vector<SignatureBytes> signatures = signaturesIn(readFile(output));
  EXPECT_EQ(signatures.size(), 1u);
  if (signatures.size() != 1) return {};
  EXPECT_EQ(opensslCmsVerify(signatures.front()).exitCode, 0);
  return certificatesCarried(signatures.front().cms);
}

TEST(SignKeySource, TheSignatureCarriesTheCertificatesOfThePolicysCertificateFile) {
  // The PKCS#12 file holds the root as well; the signature carries only what the policy's file does.
  EXPECT_EQ(signedBy(bureau().policyPath(), bureau().file("key-source-plain.pdf")),
            std::vector<std::string>{"陈静"});
  writeFileAtomically(bureau().file("bangong-with-root.crt"),
                      readFile(bureau().pki("bangong.crt")) + readFile(bureau().pki("root.crt")));
  const std::string policy = bureau().file("policy-bangong-with-root.xml");
  writeFileAtomically(policy, replaced(readFile(bureau().policyPath()), "certificate=\"pki/bangong.crt\"",
                                       "certificate=\"bangong-with-root.crt\""));
  EXPECT_EQ(signedBy(policy, bureau().file("key-source-with-root.pdf")),
            (std::vector<std::string>{"陈静", "江州市生态环境局测试根CA"}));
}

}  // namespace
}  // namespace gongwen::testing::signfx
