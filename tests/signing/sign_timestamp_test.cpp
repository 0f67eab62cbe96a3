// PAdES B-T: with a timestamp authority in the policy, each signature carries an RFC 3161
// signature timestamp (id-aa-signatureTimeStampToken) from the local responder, over the hash of
// the signature value; openssl's TS verifier accepts the token against the test root.

#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <chrono>

#include "tests/signing/SignFixture.h"
#include "tests/support/LoopbackSocket.h"
#include "tests/support/TsaResponder.h"

namespace gongwen::testing::signfx {
namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += {digits[bytes[i] >> 4], digits[bytes[i] & 0xf]};
  return out;
}

// The TimeStampToken in a CMS's unsigned attributes:
// [1] SET OF Attribute { id-aa-signatureTimeStampToken, SET { token } }.
std::string timestampTokenOf(const SignedAttributes& parts) {
  const std::string& attrs = parts.unsignedAttributes;
  const Tlv attribute = children(attrs, readTlv(attrs, 0)).at(0);
  const auto oidAndValues = children(attrs, attribute);
  const Tlv oid = oidAndValues.at(0);
  if (attrs.substr(oid.at, oid.end() - oid.at) !=
      std::string("\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x02\x0e", 13))
    return {};  // not 1.2.840.113549.1.9.16.2.14
  const Tlv token = children(attrs, oidAndValues.at(1)).at(0);
  return attrs.substr(token.at, token.end() - token.at);
}

CommandResult verifyToken(const std::string& token, const std::string& signatureValue,
                          bool flipImprint = false) {
  TempDir check;
  writeFileAtomically(check.file("token.der"), token);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(signatureValue.data()), signatureValue.size(), digest);
  if (flipImprint) digest[0] ^= 0xff;
  return run({"openssl", "ts", "-verify", "-digest", hex(digest, sizeof digest), "-token_in", "-in",
              check.file("token.der"), "-CAfile", bureau().pki("root.crt"), "-untrusted",
              bureau().pki("tsa.crt")});
}

TEST(SignTimestamp, EverySignatureCarriesAVerifiableSignatureTimestamp) {
  TsaResponder tsa(bureau().pki("tsa.crt"), bureau().pki("tsa.key"));
  const std::string policy = bureau().policyWithTimestamp(tsa.url());
  const std::vector<std::pair<std::string, std::string>> steps = {{"bangong", "office-proofread"},
                                                                  {"fenguan-zhang", "deputy-review"},
                                                                  {"juzhang", "director-signoff"},
                                                                  {"bangong", "administrative-seal"}};
  TempDir work;
  std::string current = work.file("0.pdf");
  writeFileAtomically(current, unsignedPdf("bureau-document", "administrative-seal"));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string next = work.file(std::to_string(i + 1) + ".pdf");
    const CommandResult r = signCli(current, next, steps[i].first, steps[i].second, "", policy);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    current = next;
  }
  EXPECT_EQ(tsa.tokensIssued(), 4);

  const auto signatures = signaturesIn(readFile(current));
  ASSERT_EQ(signatures.size(), steps.size());
  for (const SignatureBytes& s : signatures) {
    EXPECT_EQ(opensslCmsVerify(s).exitCode, 0);
    const SignedAttributes parts = signedAttributesOf(s.cms);
    ASSERT_FALSE(parts.unsignedAttributes.empty()) << "no unsigned attributes: no timestamp";
    const std::string token = timestampTokenOf(parts);
    ASSERT_FALSE(token.empty()) << "the unsigned attribute is not id-aa-signatureTimeStampToken";
    const CommandResult ts = verifyToken(token, parts.signature);
    EXPECT_EQ(ts.exitCode, 0) << ts.out << ts.err;
    EXPECT_NE(ts.out.find("Verification: OK"), std::string::npos) << ts.out << ts.err;
    // The token covers this signature value only.
    EXPECT_NE(verifyToken(token, parts.signature, true).exitCode, 0);
  }

  const CommandResult sig = pdfsig(current);
  EXPECT_EQ(countOf(sig.out, "Signature is Valid."), 4) << sig.out;
  EXPECT_EQ(countOf(sig.out, "Certificate is Trusted."), 4) << sig.out;
  const CommandResult verify = run({gongwenBinary(), "verify", current, "--policy", policy});
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

TEST(SignTimestamp, FailingAuthorityStopsSigningWithoutOutput) {
  // A responder whose key does not match its certificate cannot sign: it answers with an error status.
  TsaResponder broken(bureau().pki("tsa.crt"), bureau().pki("root.key"));
  const std::string policy = bureau().policyWithTimestamp(broken.url());
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  const CommandResult r =
      signCli(work.file("in.pdf"), work.file("out.pdf"), "bangong", "office-proofread", "", policy);
  EXPECT_EQ(r.exitCode, 6) << r.err;
  EXPECT_NE(r.err.find("error[cms.timestamp]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

// An authority that takes the request and never answers is given up within the documented 10 s;
// coreutils' timeout bounds the wait should it hang.
TEST(SignTimestamp, AuthorityThatNeverAnswersIsGivenUpWithinTenSecondsWithoutOutput) {
  const SilentServer silent;
  const std::string policy = bureau().policyWithTimestamp(silent.url("tsa"));
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  const auto started = std::chrono::steady_clock::now();
  const CommandResult r = run(
      {"timeout", "30", gongwenBinary(), "sign", work.file("in.pdf"), "-o", work.file("out.pdf"), "--policy",
       policy, "--as", "bangong", "--step", "office-proofread", "--password-env", "GONGWEN_TEST_PASSWORD"},
      bureau().environment());
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.exitCode, 6) << r.err;
  EXPECT_NE(r.err.find("error[cms.timestamp]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no answer within 10 s"), std::string::npos) << r.err;
  EXPECT_LT(waited, std::chrono::seconds(12));
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

}  // namespace
}  // namespace gongwen::testing::signfx
