// The archive's lending rules (查阅, DOMAIN.md 档案 and 保密) as the sample policy states them: staff
// need their own 分管领导; outsiders the 分管领导 and the 局长, reading room only; classified files the
// 分管领导, reading room only.

#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::LoanDecision;
using policy::LoanRequest;

class LendingRulesTest : public ::testing::Test {
 protected:
  LoanDecision decide(const LoanRequest& request) const { return policy::loanDecision(sample, request); }
  static LoanRequest staff(std::string borrower, std::vector<std::string> approvers) {
    LoanRequest request;
    request.borrower = std::move(borrower);
    request.approvers = std::move(approvers);
    return request;
  }
  static LoanRequest outsider(std::vector<std::string> approvers, bool readingRoom) {
    LoanRequest request;
    request.borrower = "市档案馆 何平";
    request.approvers = std::move(approvers);
    request.outsider = true;
    request.readingRoom = readingRoom;
    return request;
  }
  policy::Policy sample = policy::loadPolicy(sourcePath("samples/policy.xml"));
};

TEST_F(LendingRulesTest, SamplePolicyStatesTheBureausRulesAsData) {
  ASSERT_EQ(sample.lendingRules.size(), 3u);
  const policy::LendingRule& staffRule = sample.lendingRules[0];
  EXPECT_EQ(staffRule.id, "staff");
  EXPECT_EQ(staffRule.borrowers, policy::LendingRule::Borrowers::Staff);
  EXPECT_EQ(staffRule.approverRoles, std::vector<std::string>{"分管领导"});
  EXPECT_TRUE(staffRule.inChargeOfBorrower);
  EXPECT_FALSE(staffRule.readingRoomOnly);
  const policy::LendingRule& outsiderRule = sample.lendingRules[1];
  EXPECT_EQ(outsiderRule.borrowers, policy::LendingRule::Borrowers::Outsider);
  EXPECT_EQ(outsiderRule.approverRoles, (std::vector<std::string>{"分管领导", "局长"}));
  EXPECT_TRUE(outsiderRule.readingRoomOnly);
  const policy::LendingRule& classifiedRule = sample.lendingRules[2];
  EXPECT_EQ(classifiedRule.borrowers, policy::LendingRule::Borrowers::Any);
  EXPECT_EQ(classifiedRule.classifications, (std::vector<std::string>{"秘密", "机密", "绝密"}));
  EXPECT_TRUE(classifiedRule.readingRoomOnly);
}

TEST_F(LendingRulesTest, StaffMayTakeAFileAwayWithTheirOwnDeputysApproval) {
  // 吴磊 works in 业务股, which 刘晓燕 oversees.
  EXPECT_TRUE(decide(staff("chengban", {"fenguan-liu"})).allowed);
}

TEST_F(LendingRulesTest, StaffWithoutApprovalAreRefusedByTheStaffRule) {
  LoanDecision decision = decide(staff("chengban", {}));
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.rule, "staff");
  EXPECT_EQ(decision.code, "policy.loan-approval-missing");
  EXPECT_NE(decision.reason.find("分管领导"), std::string::npos) << decision.reason;
}

TEST_F(LendingRulesTest, AnotherDepartmentsDeputyOrTheDirectorAloneDoesNotApproveForStaff) {
  LoanDecision decision = decide(staff("chengban", {"fenguan-zhang"}));
  EXPECT_EQ(decision.code, "policy.loan-approval-missing");
  EXPECT_NE(decision.reason.find("业务股"), std::string::npos) << decision.reason;
  EXPECT_EQ(decide(staff("chengban", {"juzhang"})).code, "policy.loan-approval-missing");
}

TEST_F(LendingRulesTest, OutsidersNeedTheDeputyAndTheDirector) {
  LoanDecision deputyOnly = decide(outsider({"fenguan-zhang"}, true));
  EXPECT_FALSE(deputyOnly.allowed);
  EXPECT_EQ(deputyOnly.rule, "outsider");
  EXPECT_EQ(deputyOnly.code, "policy.loan-approval-missing");
  EXPECT_NE(deputyOnly.reason.find("局长"), std::string::npos) << deputyOnly.reason;
  EXPECT_EQ(decide(outsider({"juzhang"}, true)).code, "policy.loan-approval-missing");
  EXPECT_TRUE(decide(outsider({"fenguan-zhang", "juzhang"}, true)).allowed);
}

TEST_F(LendingRulesTest, OutsidersMayNotTakeAFileAway) {
  LoanDecision decision = decide(outsider({"fenguan-zhang", "juzhang"}, false));
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.rule, "outsider");
  EXPECT_EQ(decision.code, "policy.loan-reading-room");
}

TEST_F(LendingRulesTest, ClassifiedFilesNeedTheDeputyAndStayInTheReadingRoom) {
  LoanRequest request = staff("chengban", {"fenguan-liu"});
  request.classification = "机密";
  LoanDecision takenAway = decide(request);
  EXPECT_FALSE(takenAway.allowed);
  EXPECT_EQ(takenAway.rule, "classified");
  EXPECT_EQ(takenAway.code, "policy.loan-reading-room");
  request.readingRoom = true;
  EXPECT_TRUE(decide(request).allowed);

  // A leader has no department of his own: the classified rule still wants a 分管领导.
  LoanRequest leader = staff("juzhang", {});
  leader.classification = "秘密";
  leader.readingRoom = true;
  LoanDecision unapproved = decide(leader);
  EXPECT_EQ(unapproved.code, "policy.loan-approval-missing");
  leader.approvers = {"fenguan-zhang"};
  EXPECT_TRUE(decide(leader).allowed);
}

TEST_F(LendingRulesTest, AClassifiedFileLentToAnOutsiderNeedsWhatBothRulesAsk) {
  LoanRequest request = outsider({"fenguan-liu", "juzhang"}, true);
  request.classification = "绝密";
  EXPECT_TRUE(decide(request).allowed);
  request.approvers = {"juzhang"};
  EXPECT_EQ(decide(request).code, "policy.loan-approval-missing");
}

TEST_F(LendingRulesTest, NobodyApprovesHisOwnConsultation) {
  LoanDecision decision = decide(staff("fenguan-liu", {"fenguan-liu"}));
  EXPECT_EQ(decision.code, "policy.loan-self-approval");
  EXPECT_TRUE(decide(staff("fenguan-liu", {"fenguan-zhang"})).allowed);
}

TEST_F(LendingRulesTest, UnknownBorrowersAndApproversAreRefused) {
  LoanDecision stranger = decide(staff("nobody", {"fenguan-liu"}));
  EXPECT_EQ(stranger.code, "policy.unknown-person");
  EXPECT_NE(stranger.reason.find("--outsider"), std::string::npos) << stranger.reason;
  EXPECT_EQ(decide(staff("chengban", {"fenguan-liu", "ghost"})).code, "policy.unknown-person");
}

TEST_F(LendingRulesTest, APolicyWithoutLendingRulesGrantsNothing) {
  TempDir dir;
  std::string text = samplePolicyText();
  text.erase(text.find("  <archive>"), text.find("</archive>") + 11 - text.find("  <archive>"));
  ASSERT_EQ(policyLoadCode(dir.file("policy.xml"), text), "");
  policy::Policy bare = policy::loadPolicy(dir.file("policy.xml"));
  EXPECT_TRUE(bare.lendingRules.empty());
  LoanDecision decision = policy::loanDecision(bare, staff("chengban", {"fenguan-liu"}));
  EXPECT_EQ(decision.code, "policy.loan-no-rule");
}

TEST_F(LendingRulesTest, TheRulesComeFromThePolicyFile) {
  TempDir dir;
  std::string text = replaced(samplePolicyText(), "approverRoles=\"分管领导 局长\" readingRoomOnly=\"true\"",
                              "approverRoles=\"分管领导\"");
  ASSERT_EQ(policyLoadCode(dir.file("policy.xml"), text), "");
  policy::Policy lenient = policy::loadPolicy(dir.file("policy.xml"));
  EXPECT_TRUE(policy::loanDecision(lenient, outsider({"fenguan-zhang"}, false)).allowed);
}

TEST_F(LendingRulesTest, TheSchemaRejectsAnUnknownBorrowerClassAndADuplicateRuleId) {
  TempDir dir;
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"),
                           replaced(samplePolicyText(), "borrowers=\"staff\"", "borrowers=\"visitor\"")),
            "policy.schema");
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"),
                           replaced(samplePolicyText(), "rule id=\"outsider\"", "rule id=\"staff\"")),
            "policy.schema");
}

}  // namespace
}  // namespace gongwen::testing
