// SM2 with SM3: a whole chain signed with SM2 keys verifies with `gongwen verify`; each CMS,
// pulled out over its ByteRange, passes openssl's chain and content-digest checks, and its
// signature over the signed attributes verifies with the GM/T 0009 default user ID
// 1234567812345678 and fails with the empty ID. (OpenSSL 3.0's `cms -verify` has no option to set
// the ID and always uses the empty one, so its full check is expected to fail: the test shows it.)

#include <gtest/gtest.h>

#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {
namespace {

CommandResult verifySm2(const std::string& certificate, const SignedAttributes& attrs,
                        const std::string& userId) {
  TempDir work;
  writeFileAtomically(work.file("attrs.der"), attrs.der);
  writeFileAtomically(work.file("sig.der"), attrs.signature);
  const CommandResult key = run({"openssl", "x509", "-in", certificate, "-pubkey", "-noout"});
  writeFileAtomically(work.file("pub.pem"), key.out);
  std::vector<std::string> argv = {"openssl",
                                   "pkeyutl",
                                   "-verify",
                                   "-pubin",
                                   "-inkey",
                                   work.file("pub.pem"),
                                   "-rawin",
                                   "-digest",
                                   "sm3",
                                   "-in",
                                   work.file("attrs.der"),
                                   "-sigfile",
                                   work.file("sig.der")};
  if (!userId.empty()) argv.insert(argv.end(), {"-pkeyopt", "distid:" + userId});
  return run(argv);
}

TEST(SignSm2, ChainVerifiesAndEachSignatureUsesTheDefaultUserId) {
  const std::vector<std::pair<std::string, std::string>> steps = {{"bangong", "office-proofread"},
                                                                  {"fenguan-zhang", "deputy-review"},
                                                                  {"juzhang", "director-signoff"},
                                                                  {"bangong", "administrative-seal"}};
  const std::vector<std::string> certificates = {"bangong-sm2.crt", "fenguan-zhang-sm2.crt",
                                                 "juzhang-sm2.crt", "administrative-seal-sm2.crt"};
  TempDir work;
  std::string current = work.file("0.pdf");
  writeFileAtomically(current, unsignedPdf("bureau-document", "administrative-seal"));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string next = work.file(std::to_string(i + 1) + ".pdf");
    const CommandResult r = signCli(current, next, steps[i].first, steps[i].second, "sm2");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    current = next;
  }

  const auto signatures = signaturesIn(readFile(current));
  ASSERT_EQ(signatures.size(), steps.size());
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    SCOPED_TRACE(steps[i].second);
    TempDir der;
    writeFileAtomically(der.file("sig.der"), signatures[i].cms);
    const CommandResult print =
        run({"openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", der.file("sig.der")});
    EXPECT_NE(print.out.find("SM2-with-SM3"), std::string::npos) << print.out.substr(0, 3000);
    EXPECT_NE(print.out.find("algorithm: sm3"), std::string::npos);
    // Chain to the test root and the content digest over the ByteRange.
    const CommandResult chain = opensslCmsVerify(signatures[i], {"-no_attr_verify"});
    EXPECT_EQ(chain.exitCode, 0) << chain.err;
    // The signature itself: GM/T 0009 default user ID passes, the empty ID fails.
    const SignedAttributes attrs = signedAttributesOf(signatures[i].cms);
    ASSERT_FALSE(attrs.der.empty());
    const CommandResult withDefaultId = verifySm2(bureau().pki(certificates[i]), attrs, "1234567812345678");
    EXPECT_EQ(withDefaultId.exitCode, 0) << withDefaultId.out << withDefaultId.err;
    const CommandResult withEmptyId = verifySm2(bureau().pki(certificates[i]), attrs, "");
    EXPECT_NE(withEmptyId.exitCode, 0) << "an SM2 signature verified with the empty user ID";
    // openssl cms -verify checks SM2 with the empty ID only, so the full check must fail.
    EXPECT_NE(opensslCmsVerify(signatures[i]).exitCode, 0);
  }

  const CommandResult verify = run({gongwenBinary(), "verify", current, "--policy", bureau().policyPath()});
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
  // A flipped byte inside the signed range breaks the content digest for openssl too.
  SignatureBytes tampered = signatures.front();
  tampered.signedBytes[tampered.signedBytes.size() / 2] ^= 0x01;
  EXPECT_NE(opensslCmsVerify(tampered, {"-no_attr_verify"}).exitCode, 0);
}

}  // namespace
}  // namespace gongwen::testing::signfx
