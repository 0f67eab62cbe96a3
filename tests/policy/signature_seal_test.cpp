// A leader's 签名章 in the policy (kind="signature", GB/T 9704 7.3.5.3): its owner presses it in his
// own sign-off step (signatureSeal), signed with his own credential; the loader keeps the two kinds
// of seal apart.

#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::Authorisation;
using policy::SignedStep;

const std::vector<SignedStep> kReviewed{{"office-proofread", "bangong", ""},
                                        {"deputy-review", "fenguan-zhang", ""},
                                        {"legal-review", "fagui", ""}};

TEST(SignatureSeal, TheDirectorsSignOffOfADecreeCarriesHisOwnSignatureSealAndHisOwnCredential) {
  const policy::Policy bureau = policy::loadPolicy(sourcePath("samples/policy.xml"));
  const policy::Seal* seal = bureau.signatureSealOf("juzhang");
  ASSERT_NE(seal, nullptr);
  EXPECT_EQ(seal->id, "juzhang-signature");
  EXPECT_EQ(seal->kind, policy::Seal::Kind::Signature);
  EXPECT_TRUE(seal->credentials.empty());
  EXPECT_EQ(bureau.signatureSealOf("shuji"), nullptr);

  const Authorisation ok = policy::authorise(bureau, "decree", kReviewed, "juzhang", "decree-signoff",
                                             utc("2026-11-27T09:00:00Z"));
  EXPECT_EQ(ok.signatureSeal, seal);
  EXPECT_EQ(ok.seal, nullptr) << "not a seal step: no register row, no seal credential";
  EXPECT_EQ(ok.credentials, &ok.signer->credentials);
  // Other chains' sign-offs press no 签名章.
  const Authorisation plain = policy::authorise(bureau, "bureau-document", {kReviewed[0], kReviewed[1]},
                                                "juzhang", "director-signoff", utc("2026-11-27T09:00:00Z"));
  EXPECT_EQ(plain.signatureSeal, nullptr);
}

TEST(SignatureSeal, ASignerWithoutASignatureSealIsRefusedTheStep) {
  TempDir dir;
  // The 局长 without his 签名章: the step that presses it cannot be given.
  const std::string text = samplePolicyText();
  const std::size_t begin = text.find("    <seal id=\"juzhang-signature\"");
  const std::size_t end = text.find("/>", begin) + 3;
  writeFileAtomically(dir.file("policy.xml"), text.substr(0, begin) + text.substr(end));
  const policy::Policy bureau = policy::loadPolicy(dir.file("policy.xml"));
  std::string message;
  EXPECT_EQ(errorCode(
                [&] {
                  policy::authorise(bureau, "decree", kReviewed, "juzhang", "decree-signoff",
                                    utc("2026-11-27T09:00:00Z"));
                },
                &message),
            "policy.no-signature-seal");
  EXPECT_NE(message.find("decree-signoff"), std::string::npos) << message;
}

TEST(SignatureSeal, TheLoaderKeepsSignatureSealsAndOrganSealsApart) {
  TempDir dir;
  const std::string text = samplePolicyText();
  const std::string signature = "kind=\"signature\" owner=\"juzhang\"";
  std::string message;
  // A 签名章 belongs to a person of the policy.
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"), replaced(text, signature, "kind=\"signature\""), &message),
            "policy.reference");
  EXPECT_NE(message.find("owner"), std::string::npos) << message;
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"),
                           replaced(text, signature, "kind=\"signature\" owner=\"nobody\""), &message),
            "policy.reference");
  // It has no keeper of its own.
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"),
                           replaced(text, signature, signature + " keeperRole=\"办公室主任\""), &message),
            "policy.reference");
  // An organ seal still needs its keeper, and no seal step applies a 签名章.
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"),
                           replaced(text, "keeperRole=\"办公室主任\" authorisingRoles=\"局长\"",
                                    "authorisingRoles=\"局长\""),
                           &message),
            "policy.reference");
  EXPECT_EQ(
      policyLoadCode(
          dir.file("policy.xml"),
          replaced(text, "seal=\"administrative-seal\"\n            authorisedBy=\"director-signoff\"/>",
                   "seal=\"juzhang-signature\"\n            authorisedBy=\"director-signoff\"/>"),
          &message),
      "policy.reference");
  EXPECT_NE(message.find("signature seal"), std::string::npos) << message;
}

}  // namespace
}  // namespace gongwen::testing
