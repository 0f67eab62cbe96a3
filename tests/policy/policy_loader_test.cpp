#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::KeyReference;
using policy::loadPolicy;

class PolicyLoaderTest : public ::testing::Test {
 protected:
  // Writes `text` as a policy file in a temp dir and loads it; returns the error code ("" if none).
  std::string loadCode(const std::string& text, std::string* message = nullptr) {
    return policyLoadCode(dir.file("policy.xml"), text, message);
  }
  TempDir dir;
};

TEST_F(PolicyLoaderTest, SamplePolicyHasTheAgreedChainsSealsAndPeople) {
  policy::Policy loaded = loadPolicy(sourcePath("samples/policy.xml"));
  for (const char* chain : {"bureau-document", "party-document", "joint-document", "proposal-ordinary",
                            "proposal-important", "meeting-minutes", "reimbursement", "leave-short-staff",
                            "leave-short-leader", "leave-long", "leave-statutory"}) {
    EXPECT_NE(loaded.findChain(chain), nullptr) << chain;
  }
  ASSERT_NE(loaded.findSeal("administrative-seal"), nullptr);
  EXPECT_EQ(loaded.findSeal("administrative-seal")->name, "行政公章");
  ASSERT_NE(loaded.findSeal("party-seal"), nullptr);
  EXPECT_EQ(loaded.findSeal("party-seal")->name, "党组公章");

  const policy::Person* director = loaded.findPerson("juzhang");
  ASSERT_NE(director, nullptr);
  EXPECT_EQ(director->name, "王建国");
  EXPECT_TRUE(director->hasRole("局长"));
  EXPECT_TRUE(loaded.findPerson("shuji")->hasRole("党组书记"));
  EXPECT_NE(loaded.findPerson("juzhang")->name, loaded.findPerson("shuji")->name);

  const std::vector<policy::Step>& bureau = loaded.findChain("bureau-document")->steps;
  std::vector<std::string> ids;
  for (const policy::Step& step : bureau) ids.push_back(step.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"office-proofread", "deputy-review", "legal-review",
                                           "director-signoff", "administrative-seal"}));
  EXPECT_TRUE(bureau[2].optional);
  EXPECT_EQ(bureau[4].seal, "administrative-seal");
  EXPECT_EQ(bureau[4].roles, std::vector<std::string>{"办公室主任"}) << "a seal step defaults to the keeper";
  EXPECT_EQ(loaded.findChain("party-document")->steps.back().authorisedBy, "secretary-signoff");
  ASSERT_EQ(loaded.delegations.size(), 1u);
  EXPECT_EQ(loaded.delegations[0].principal, "juzhang");
  EXPECT_EQ(loaded.delegations[0].deputy, "changwu");
  EXPECT_TRUE(loaded.timestampUrl.empty());
}

TEST_F(PolicyLoaderTest, PathsAreResolvedAgainstThePolicyDirectoryAndUrisKept) {
  policy::Policy loaded = loadPolicy(sourcePath("samples/policy.xml"));
  std::string samples = std::filesystem::path(sourcePath("samples")).lexically_normal().string();
  const policy::Credential& rsa = loaded.findPerson("juzhang")->credentials[0];
  EXPECT_EQ(rsa.id, "rsa");
  EXPECT_EQ(rsa.certificatePath, samples + "/pki/juzhang.crt");
  EXPECT_EQ(rsa.key.kind, KeyReference::Kind::Pkcs12File);
  EXPECT_EQ(rsa.key.location, samples + "/pki/juzhang.p12");
  const policy::Credential& token =
      policy::selectCredential(loaded.findPerson("juzhang")->credentials, "token", "王建国");
  EXPECT_TRUE(token.onToken());
  EXPECT_EQ(token.key.location.rfind("pkcs11:token=gongwen;object=juzhang", 0), 0u);
  EXPECT_EQ(loaded.trustAnchors, std::vector<std::string>{samples + "/pki/root.crt"});
  EXPECT_EQ(loaded.registerPath, samples + "/registry/seal-uses.sqlite");
  EXPECT_EQ(loaded.findSeal("party-seal")->imagePath, samples + "/seals/party-seal.png");
}

TEST_F(PolicyLoaderTest, TimestampUrlIsRead) {
  std::string text =
      replaced(samplePolicyText(), "<people>", "<timestamp url=\"http://127.0.0.1:8318/tsa\"/>\n<people>");
  writeFileAtomically(dir.file("policy.xml"), text);
  EXPECT_EQ(loadPolicy(dir.file("policy.xml")).timestampUrl, "http://127.0.0.1:8318/tsa");
}

TEST_F(PolicyLoaderTest, MalformedXmlNamesFileAndLine) {
  std::string message;
  EXPECT_EQ(loadCode("<?xml version=\"1.0\"?>\n<policy organisation=\"x\">\n<people>\n</policy>\n", &message),
            "policy.xml");
  EXPECT_NE(message.find(dir.file("policy.xml") + ":4:"), std::string::npos) << message;
}

TEST_F(PolicyLoaderTest, DoctypeIsRefusedSoNoEntityIsEverExpanded) {
  std::string text =
      replaced(samplePolicyText(), "<policy organisation",
               "<!DOCTYPE policy [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n<policy organisation");
  std::string message;
  EXPECT_EQ(loadCode(text, &message), "policy.doctype");
  EXPECT_NE(message.find("DOCTYPE"), std::string::npos);
}

TEST_F(PolicyLoaderTest, SchemaViolationNamesLineAndElement) {
  std::string text =
      replaced(samplePolicyText(), "<step id=\"deputy-review\" name=\"分管领导审核\" roles=\"分管领导\"/>",
               "<step id=\"deputy-review\" name=\"分管领导审核\" roles=\"分管领导\" colour=\"red\"/>");
  std::string message;
  EXPECT_EQ(loadCode(text, &message), "policy.schema");
  EXPECT_NE(message.find("step"), std::string::npos) << message;
  EXPECT_NE(message.find("colour"), std::string::npos) << message;
  EXPECT_NE(message.find("policy.xml:"), std::string::npos) << message;
}

TEST_F(PolicyLoaderTest, DuplicatePersonIdIsASchemaError) {
  std::string text = replaced(samplePolicyText(), "<person id=\"shuji\"", "<person id=\"juzhang\"");
  EXPECT_EQ(loadCode(text), "policy.schema");
}

TEST_F(PolicyLoaderTest, StepNamingAnUnknownPersonIsRefusedWithItsLine) {
  std::string text = replaced(samplePolicyText(), "people=\"fenguan-liu\"", "people=\"nobody\"");
  std::string message;
  EXPECT_EQ(loadCode(text, &message), "policy.reference");
  EXPECT_NE(message.find("nobody"), std::string::npos) << message;
  EXPECT_NE(message.find("<step>"), std::string::npos) << message;
}

TEST_F(PolicyLoaderTest, CredentialNeedsExactlyOneKeySource) {
  std::string both = replaced(samplePolicyText(), "pkcs12=\"pki/juzhang.p12\"",
                              "pkcs12=\"pki/juzhang.p12\" pkcs11=\"pkcs11:object=x\"");
  EXPECT_EQ(loadCode(both), "policy.reference");
  std::string neither = replaced(samplePolicyText(), "pkcs12=\"pki/juzhang.p12\"", "");
  EXPECT_EQ(loadCode(neither), "policy.reference");
}

TEST_F(PolicyLoaderTest, SealStepNeedsAnEarlierAuthorisingStep) {
  std::string text =
      replaced(samplePolicyText(), "authorisedBy=\"secretary-signoff\"", "authorisedBy=\"no-such-step\"");
  std::string message;
  EXPECT_EQ(loadCode(text, &message), "policy.reference");
  EXPECT_NE(message.find("authorisedBy"), std::string::npos) << message;
}

TEST_F(PolicyLoaderTest, UnknownSealIsASchemaError) {
  std::string text = replaced(samplePolicyText(), "seal=\"party-seal\"", "seal=\"finance-seal\"");
  EXPECT_EQ(loadCode(text), "policy.schema");
}

TEST_F(PolicyLoaderTest, DelegationThatEndsBeforeItBeginsIsRefused) {
  std::string text =
      replaced(samplePolicyText(), "until=\"2036-12-31T23:59:59Z\"", "until=\"2025-12-31T23:59:59Z\"");
  EXPECT_EQ(loadCode(text), "policy.reference");
}

TEST_F(PolicyLoaderTest, DelegationOfAStepNoChainHasIsRefused) {
  std::string text =
      replaced(samplePolicyText(), "steps=\"director-signoff principal-signoff director-approval\"",
               "steps=\"director-signoff stamp-anything\"");
  std::string message;
  EXPECT_EQ(loadCode(text, &message), "policy.reference");
  EXPECT_NE(message.find("stamp-anything"), std::string::npos) << message;
}

TEST_F(PolicyLoaderTest, MissingFileIsAnIoError) {
  EXPECT_EQ(errorCode([&] { loadPolicy(dir.file("absent.xml")); }), "io.read");
}

TEST_F(PolicyLoaderTest, UnknownCredentialIdListsTheKnownOnes) {
  policy::Policy loaded = loadPolicy(sourcePath("samples/policy.xml"));
  std::string message;
  EXPECT_EQ(
      errorCode([&] { policy::selectCredential(loaded.findPerson("shuji")->credentials, "usb", "李红梅"); },
                &message),
      "policy.unknown-credential");
  EXPECT_NE(message.find("rsa, sm2, token"), std::string::npos) << message;
  EXPECT_EQ(policy::selectCredential(loaded.findPerson("shuji")->credentials, "", "李红梅").id, "rsa");
}

}  // namespace
}  // namespace gongwen::testing
