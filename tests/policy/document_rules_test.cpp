// Which approval chain a document takes: the sample policy's <documents> rules by template and
// issuing organs, its <leave> rules for leave requests. The job only picks among what they allow.

#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::DocumentClaims;

const std::string kBureau = "江州市生态环境局";
const std::string kPartyGroup = "中共江州市生态环境局党组";

class DocumentRulesTest : public ::testing::Test {
 protected:
  std::string chainOf(const DocumentClaims& claims) { return policy::approvalChainFor(bureau, claims).id; }
  std::string refusal(const DocumentClaims& claims) {
    last.clear();
    return errorCode([&] { policy::approvalChainFor(bureau, claims); }, &last);
  }
  static DocumentClaims leave(const std::string& kind, double days, const std::string& applicant,
                              const std::string& chain) {
    DocumentClaims claims;
    claims.templateId = "leave";
    claims.chain = chain;
    claims.applicant = applicant;
    claims.leaveKind = kind;
    claims.leaveDays = days;
    return claims;
  }

  policy::Policy bureau = policy::loadPolicy(sourcePath("samples/policy.xml"));
  std::string last;  // message of the last refusal
};

TEST_F(DocumentRulesTest, ChainAllowedForTheTemplateAndIssuerIsTaken) {
  EXPECT_EQ(chainOf({"notice", {kBureau}, "bureau-document", "", "", {}}), "bureau-document");
  EXPECT_EQ(chainOf({"reply", {kPartyGroup}, "party-document", "", "", {}}), "party-document");
  EXPECT_EQ(chainOf({"minutes", {"江州市生态环境局局长办公会议"}, "meeting-minutes", "", "", {}}),
            "meeting-minutes");
}

TEST_F(DocumentRulesTest, LetterMayPickEitherProposalChain) {
  EXPECT_EQ(chainOf({"letter", {kBureau}, "proposal-ordinary", "", "", {}}), "proposal-ordinary");
  EXPECT_EQ(chainOf({"letter", {kBureau}, "proposal-important", "", "", {}}), "proposal-important");
}

TEST_F(DocumentRulesTest, NoticeAskingForTheProposalChainIsRefusedNamingWhatIsAllowed) {
  // The 分管领导 would sign off and seal a 通知 without the 局长.
  EXPECT_EQ(refusal({"notice", {kBureau}, "proposal-ordinary", "", "", {}}), "policy.chain-not-allowed");
  for (const std::string& named : {std::string("notice"), kBureau, std::string("'proposal-ordinary'"),
                                   std::string("only bureau-document"), std::string("<documents>")}) {
    EXPECT_NE(last.find(named), std::string::npos) << named << " not in: " << last;
  }
}

TEST_F(DocumentRulesTest, PartyChainForABureauDocumentIsRefused) {
  EXPECT_EQ(refusal({"notice", {kBureau}, "party-document", "", "", {}}), "policy.chain-not-allowed");
}

TEST_F(DocumentRulesTest, JointIssuersCountInTheirOrder) {
  EXPECT_EQ(chainOf({"notice", {kPartyGroup, kBureau}, "joint-document", "", "", {}}), "joint-document");
  // The 主办机关 comes first: with the bureau first no rule covers the document.
  EXPECT_EQ(refusal({"notice", {kBureau, kPartyGroup}, "joint-document", "", "", {}}),
            "policy.chain-not-allowed");
  EXPECT_NE(last.find("no <documents> rule covers it"), std::string::npos) << last;
  // One of the two organs alone does not make a joint document.
  EXPECT_EQ(refusal({"notice", {kPartyGroup}, "joint-document", "", "", {}}), "policy.chain-not-allowed");
}

TEST_F(DocumentRulesTest, UnknownTemplateMissingTemplateOrForeignIssuerIsRefused) {
  EXPECT_EQ(refusal({"decree", {kBureau}, "bureau-document", "", "", {}}), "policy.chain-not-allowed");
  EXPECT_EQ(refusal({"", {kBureau}, "bureau-document", "", "", {}}), "policy.chain-not-allowed");
  EXPECT_NE(last.find("no template"), std::string::npos) << last;
  EXPECT_EQ(refusal({"notice", {"江州市人民政府"}, "bureau-document", "", "", {}}),
            "policy.chain-not-allowed");
  EXPECT_EQ(refusal({"notice", {}, "bureau-document", "", "", {}}), "policy.chain-not-allowed");
}

TEST_F(DocumentRulesTest, ChainThePolicyDoesNotKnowIsNotAllowed) {
  EXPECT_EQ(refusal({"notice", {kBureau}, "secret-document", "", "", {}}), "policy.chain-not-allowed");
  EXPECT_EQ(refusal({"notice", {kBureau}, "", "", "", {}}), "policy.chain-not-allowed");
}

TEST_F(DocumentRulesTest, LeaveTakesTheChainItsLeaveRuleGives) {
  EXPECT_EQ(chainOf(leave("事假", 1, "chengban", "leave-short-staff")), "leave-short-staff");
  EXPECT_EQ(chainOf(leave("病假", 1, "fenguan-zhang", "leave-short-leader")), "leave-short-leader");
  EXPECT_EQ(chainOf(leave("事假", 3, "chengban", "leave-long")), "leave-long");
  EXPECT_EQ(chainOf(leave("婚假", 3, "chengban", "leave-statutory")), "leave-statutory");
}

TEST_F(DocumentRulesTest, LeaveAskingForAnotherChainIsRefused) {
  // Three days of 事假 need the 局长; asking for the one-day chain would skip him.
  EXPECT_EQ(refusal(leave("事假", 3, "chengban", "leave-short-staff")), "policy.chain-not-allowed");
  EXPECT_NE(last.find("only 'leave-long'"), std::string::npos) << last;
  // A staff member is not a leader: the leaders' one-day chain is not his.
  EXPECT_EQ(refusal(leave("事假", 1, "chengban", "leave-short-leader")), "policy.chain-not-allowed");
  // A leave request cannot borrow a document chain either.
  EXPECT_EQ(refusal(leave("事假", 1, "chengban", "bureau-document")), "policy.chain-not-allowed");
}

TEST_F(DocumentRulesTest, LeaveWithoutApplicantKindOrDaysIsRefused) {
  EXPECT_EQ(refusal(leave("事假", 3, "", "leave-long")), "policy.applicant-required");
  EXPECT_EQ(refusal(leave("", 3, "chengban", "leave-long")), "policy.leave-claims");
  DocumentClaims noDays = leave("事假", 3, "chengban", "leave-long");
  noDays.leaveDays.reset();
  EXPECT_EQ(refusal(noDays), "policy.leave-claims");
  EXPECT_EQ(refusal(leave("事假", 0, "chengban", "leave-long")), "policy.leave-days");
  EXPECT_EQ(refusal(leave("事假", 3, "stranger", "leave-long")), "policy.unknown-person");
}

TEST_F(DocumentRulesTest, SamplePolicyReadsItsDocumentRules) {
  ASSERT_EQ(bureau.documentRules.size(), 8u);
  const policy::DocumentRule& joint = bureau.documentRules[2];
  EXPECT_EQ(joint.templates, std::vector<std::string>{"notice"});
  EXPECT_EQ(joint.issuers, (std::vector<std::string>{kPartyGroup, kBureau}));
  EXPECT_EQ(joint.chains, std::vector<std::string>{"joint-document"});
}

class DocumentRulesLoaderTest : public ::testing::Test {
 protected:
  std::string loadCode(const std::string& text, std::string* message = nullptr) {
    return policyLoadCode(dir.file("policy.xml"), text, message);
  }
  TempDir dir;
};

TEST_F(DocumentRulesLoaderTest, RuleNamingAnUnknownChainIsRefusedWithItsLine) {
  std::string message;
  EXPECT_EQ(
      loadCode(replaced(samplePolicyText(), "chains=\"reimbursement\"", "chains=\"nowhere\""), &message),
      "policy.reference");
  EXPECT_NE(message.find("nowhere"), std::string::npos) << message;
  EXPECT_NE(message.find("<rule>"), std::string::npos) << message;
}

TEST_F(DocumentRulesLoaderTest, LeaveTemplateBelongsToTheLeaveRules) {
  std::string message;
  EXPECT_EQ(loadCode(replaced(samplePolicyText(), "templates=\"voucher\"", "templates=\"voucher leave\""),
                     &message),
            "policy.reference");
  EXPECT_NE(message.find("<leave>"), std::string::npos) << message;
}

TEST_F(DocumentRulesLoaderTest, PolicyWithoutDocumentRulesOrRuleWithoutIssuerIsASchemaError) {
  const std::string text = samplePolicyText();
  const std::size_t begin = text.find("  <documents>");
  const std::size_t end = text.find("</documents>") + std::string("</documents>").size();
  EXPECT_EQ(loadCode(text.substr(0, begin) + text.substr(end)), "policy.schema");
  EXPECT_EQ(loadCode(replaced(text, "<issuer>中共江州市生态环境局党组会议</issuer>", "")), "policy.schema");
}

}  // namespace
}  // namespace gongwen::testing
