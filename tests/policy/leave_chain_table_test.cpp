// The chain the sample policy's <leave> rules give every kind of leave, for half a day up to ten
// days, to a staff member and to a leader: written out as the rulebook (DOMAIN.md 请假) states it,
// and checked through the same derivation sign and verify make from a slip's claims.

#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

const char* const kStatutory[] = {"公休假", "探亲假", "婚假", "产假", "丧假"};
const char* const kDayRules[] = {"事假", "病假"};
const double kDays[] = {0.5, 1, 1.5, 2, 10};

struct Applicant {
  const char* id;
  bool leader;
};
// chengban: 承办人 of 业务股; fenguan-zhang: 分管领导; shuji: 党组书记.
const Applicant kApplicants[] = {{"chengban", false}, {"fenguan-zhang", true}, {"shuji", true}};

std::string expectedChain(const std::string& kind, double days, bool leader) {
  for (const char* statutory : kStatutory) {
    if (kind == statutory) return "leave-statutory";  // whatever the days
  }
  if (days > 1) return "leave-long";  // 1 < days < 2 is treated as two days or more
  return leader ? "leave-short-leader" : "leave-short-staff";
}

class LeaveChainTableTest : public ::testing::Test {
 protected:
  policy::Policy bureau = policy::loadPolicy(sourcePath("samples/policy.xml"));
};

TEST_F(LeaveChainTableTest, EveryKindDaysAndRoleTakesTheRulebooksChain) {
  std::vector<std::string> kinds(std::begin(kStatutory), std::end(kStatutory));
  kinds.insert(kinds.end(), std::begin(kDayRules), std::end(kDayRules));
  int cases = 0;
  for (const std::string& kind : kinds) {
    for (double days : kDays) {
      for (const Applicant& applicant : kApplicants) {
        const std::string expected = expectedChain(kind, days, applicant.leader);
        const std::string label = kind + " " + std::to_string(days) + " days by " + applicant.id;
        EXPECT_EQ(policy::leaveChainFor(bureau, {kind, days, applicant.id}).id, expected) << label;
        policy::DocumentClaims claims;
        claims.templateId = "leave";
        claims.chain = expected;
        claims.applicant = applicant.id;
        claims.leaveKind = kind;
        claims.leaveDays = days;
        EXPECT_EQ(policy::approvalChainFor(bureau, claims).id, expected) << label;
        ++cases;
      }
    }
  }
  EXPECT_EQ(cases, 7 * 5 * 3);
}

TEST_F(LeaveChainTableTest, EveryLeaveChainStartsWithTheApplicantsOwnSignature) {
  for (const char* id : {"leave-short-staff", "leave-short-leader", "leave-long", "leave-statutory"}) {
    const policy::Chain& chain = *bureau.findChain(id);
    ASSERT_FALSE(chain.steps.empty()) << id;
    EXPECT_EQ(chain.steps.front().id, "applicant") << id;
    EXPECT_TRUE(chain.steps.front().byApplicant) << id;
    EXPECT_FALSE(chain.steps.front().optional) << id;
  }
}

TEST_F(LeaveChainTableTest, AStepBothByApplicantAndByRoleIsRefusedWhenThePolicyIsLoaded) {
  const std::string text = replaced(samplePolicyText(), R"(name="申请人签字" byApplicant="true")",
                                    R"(name="申请人签字" byApplicant="true" roles="局长")");
  TempDir dir;
  std::string message;
  EXPECT_EQ(policyLoadCode(dir.file("policy.xml"), text, &message), "policy.reference");
  EXPECT_NE(message.find("byApplicant"), std::string::npos) << message;
}

}  // namespace
}  // namespace gongwen::testing
