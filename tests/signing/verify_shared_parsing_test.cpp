// What one verification shares between a document's signatures, and a batch between its documents,
// gives what checking each afresh gives: the digests of the document's leading bytes (PrefixDigests),
// and a CMS whose certificates were parsed before (parseCmsContentInfo).

#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/evp.h>

#include "pipeline/core/Sha256.h"
#include "signing/verify/CmsParsing.h"
#include "signing/verify/PrefixDigests.h"
#include "signing/verify/SignatureFields.h"
#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {
namespace {

std::string freshDigest(const EVP_MD* md, const std::vector<std::string_view>& parts) {
  cms::EvpMdCtxPtr context(EVP_MD_CTX_new());
  EVP_DigestInit_ex(context.get(), md, nullptr);
  for (const std::string_view part : parts) EVP_DigestUpdate(context.get(), part.data(), part.size());
  unsigned char value[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_DigestFinal_ex(context.get(), value, &length);
  return std::string(reinterpret_cast<const char*>(value), length);
}

TEST(VerifySharedParsing, PrefixDigestsAreThoseOfHashingAfreshInAnyOrder) {
  // Large enough to cross several of the states kept every 64 KiB.
  const std::string document = sealedProposal() + sealedProposal() + sealedProposal();
  const std::string_view bytes = document;
  ASSERT_GT(bytes.size(), 3u * 64 * 1024);
  verify::PrefixDigests digests(bytes);
  // Longer before shorter, across the states kept every 64 KiB, two digests, and parts that do not
  // begin the document (a signature's second range).
  const std::size_t ends[] = {bytes.size(),     70000, 65536, 65535, 1, 0, 131073,
                              bytes.size() - 1, 70000, 196608};
  for (const EVP_MD* md : {EVP_sha256(), EVP_sha384()}) {
    for (const std::size_t end : ends) {
      const std::vector<std::string_view> parts = {bytes.substr(0, end), bytes.substr(end / 2, 100)};
      EXPECT_EQ(digests.digest(md, parts), freshDigest(md, parts)) << end;
      EXPECT_EQ(digests.digest(md, {parts[1]}), freshDigest(md, {parts[1]})) << end;
    }
  }
  for (const std::size_t end : ends) EXPECT_EQ(digests.sha256Hex(end), sha256Hex(bytes.substr(0, end)));
  // A copy of the document's bytes elsewhere is hashed as given, not taken for the document.
  const std::string copy(bytes.substr(0, 5000));
  EXPECT_EQ(digests.digest(EVP_sha256(), {copy}), freshDigest(EVP_sha256(), {copy}));
}

// Each signature's CMS, as /Contents holds it (zero-padded).
std::vector<std::string> cmsOf(const std::string& pdf) {
  const verify::pdf::Document document(pdf, "p.pdf");
  std::vector<std::string> found;
  for (const verify::SignatureField& field : verify::findSignatureFields(document)) {
    const auto dict = document.object(field.signatureObject, document.revisions().size() - 1);
    if (dict && dict->get("Contents")) found.push_back(dict->get("Contents")->text);
  }
  return found;
}

std::string derOf(CMS_ContentInfo* contentInfo) {
  unsigned char* der = nullptr;
  const int length = i2d_CMS_ContentInfo(contentInfo, &der);
  std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(std::max(length, 0)));
  OPENSSL_free(der);
  return bytes;
}

cms::CmsPtr parsedInFull(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return cms::CmsPtr(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
}

TEST(VerifySharedParsing, ACmsReadWithKeptCertificatesIsTheCmsParsedInFull) {
  const std::vector<std::string> signatures = cmsOf(sealedProposal());
  ASSERT_EQ(signatures.size(), 3u);
  for (const std::string& der : signatures) {
    const cms::CmsPtr full = parsedInFull(der);
    const cms::CmsPtr shared = verify::parseCmsContentInfo(der);
    ASSERT_TRUE(full && shared);
    EXPECT_EQ(derOf(shared.get()), derOf(full.get()));
    const cms::X509StackPtr fullCertificates(CMS_get1_certs(full.get()));
    const cms::X509StackPtr sharedCertificates(CMS_get1_certs(shared.get()));
    ASSERT_EQ(sk_X509_num(sharedCertificates.get()), sk_X509_num(fullCertificates.get()));
    ASSERT_GT(sk_X509_num(sharedCertificates.get()), 0);
    // The same certificate objects the second time: parsed once.
    const cms::CmsPtr again = verify::parseCmsContentInfo(der);
    const cms::X509StackPtr againCertificates(CMS_get1_certs(again.get()));
    for (int i = 0; i < sk_X509_num(sharedCertificates.get()); ++i) {
      EXPECT_EQ(
          X509_cmp(sk_X509_value(sharedCertificates.get(), i), sk_X509_value(fullCertificates.get(), i)), 0);
      EXPECT_EQ(sk_X509_value(againCertificates.get(), i), sk_X509_value(sharedCertificates.get(), i));
    }
  }
}

TEST(VerifySharedParsing, WhatIsNotACmsIsRefusedAsParsingInFullRefusesIt) {
  const std::string der = derOf(parsedInFull(cmsOf(sealedProposal()).front()).get());  // unpadded
  EXPECT_FALSE(verify::parseCmsContentInfo("not a CMS"));
  EXPECT_FALSE(verify::parseCmsContentInfo(std::string_view(der).substr(0, der.size() / 2)));
  EXPECT_FALSE(verify::parseCmsContentInfo(std::string_view(der).substr(0, der.size() - 1)));
  // The ContentInfo's own length cut by one: no longer DER this reader splits, and no CMS.
  std::string cut = der;
  ASSERT_EQ(static_cast<unsigned char>(cut[1]), 0x82u);
  cut[3] = static_cast<char>(cut[3] - 1);
  EXPECT_EQ(static_cast<bool>(verify::parseCmsContentInfo(cut)), static_cast<bool>(parsedInFull(cut)));
}

}  // namespace
}  // namespace gongwen::testing::verifyfx
