#include <gtest/gtest.h>

#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using policy::Authorisation;
using policy::authorise;
using policy::SignedStep;

class ApprovalChainTest : public ::testing::Test {
 protected:
  std::string refusal(const std::string& chain, const std::vector<SignedStep>& done,
                      const std::string& person, const std::string& step,
                      std::time_t at = utc("2026-11-27T09:00:00Z")) {
    last.clear();
    return errorCode([&] { authorise(bureau, chain, done, person, step, at); }, &last);
  }
  Authorisation allowed(const std::string& chain, const std::vector<SignedStep>& done,
                        const std::string& person, const std::string& step,
                        std::time_t at = utc("2026-11-27T09:00:00Z")) {
    return authorise(bureau, chain, done, person, step, at);
  }

  policy::Policy bureau = policy::loadPolicy(sourcePath("samples/policy.xml"));
  std::string last;  // message of the last refusal
  const std::vector<SignedStep> reviewed{{"office-proofread", "bangong", ""},
                                         {"deputy-review", "fenguan-zhang", ""}};
};

TEST_F(ApprovalChainTest, BureauDocumentInOrderThenTheSealWithTheSealsOwnCredential) {
  std::vector<SignedStep> done;
  for (auto [step, person] :
       std::vector<std::pair<std::string, std::string>>{{"office-proofread", "bangong"},
                                                        {"deputy-review", "fenguan-zhang"},
                                                        {"director-signoff", "juzhang"}}) {
    Authorisation ok = allowed("bureau-document", done, person, step);
    EXPECT_EQ(ok.step->id, step);
    EXPECT_EQ(ok.signer->id, person);
    EXPECT_EQ(ok.seal, nullptr);
    EXPECT_EQ(ok.delegation, nullptr);
    EXPECT_EQ(ok.credentials, &ok.signer->credentials);
    done.push_back({step, person, ""});
  }
  Authorisation seal = allowed("bureau-document", done, "bangong", "administrative-seal");
  ASSERT_NE(seal.seal, nullptr);
  EXPECT_EQ(seal.seal->id, "administrative-seal");
  EXPECT_EQ(seal.credentials, &bureau.findSeal("administrative-seal")->credentials);
  EXPECT_EQ(policy::acceptedCertificates(bureau, *seal.step, "bangong").front(),
            bureau.findSeal("administrative-seal")->credentials.front().certificatePath);
}

TEST_F(ApprovalChainTest, SignerWithoutTheRoleIsRefusedNamingTheRule) {
  EXPECT_EQ(refusal("bureau-document", reviewed, "shuji", "director-signoff"), "policy.signer-not-allowed");
  EXPECT_NE(last.find("signer-not-allowed"), std::string::npos) << last;
  EXPECT_NE(last.find("局长签发"), std::string::npos) << last;
  EXPECT_NE(last.find("李红梅"), std::string::npos) << last;
  EXPECT_EQ(refusal("party-document", reviewed, "juzhang", "secretary-signoff"), "policy.signer-not-allowed");
  EXPECT_EQ(refusal("bureau-document", {}, "chengban", "office-proofread"), "policy.signer-not-allowed");
}

TEST_F(ApprovalChainTest, StepRestrictedToNamedPeopleRefusesOtherHoldersOfTheRole) {
  std::vector<SignedStep> sectionDone{{"section-review", "guzhang", ""}};
  EXPECT_EQ(refusal("proposal-ordinary", sectionDone, "fenguan-zhang", "deputy-signoff"),
            "policy.signer-not-allowed");
  EXPECT_EQ(allowed("proposal-ordinary", sectionDone, "fenguan-liu", "deputy-signoff").step->id,
            "deputy-signoff");
}

TEST_F(ApprovalChainTest, StepBeforeItsPredecessorsIsOutOfOrder) {
  EXPECT_EQ(refusal("bureau-document", {{"office-proofread", "bangong", ""}}, "juzhang", "director-signoff"),
            "policy.step-out-of-order");
  EXPECT_NE(last.find("分管领导审核"), std::string::npos) << last;
  EXPECT_EQ(refusal("bureau-document", {}, "fenguan-zhang", "deputy-review"), "policy.step-out-of-order");
}

TEST_F(ApprovalChainTest, StepAfterALaterSignedStepIsOutOfOrder) {
  std::vector<SignedStep> signedOff = reviewed;
  signedOff.push_back({"director-signoff", "juzhang", ""});
  EXPECT_EQ(refusal("bureau-document", signedOff, "fagui", "legal-review"), "policy.step-out-of-order");
  EXPECT_NE(last.find("already signed"), std::string::npos) << last;
}

TEST_F(ApprovalChainTest, OptionalStepMayBeGivenInItsPlaceOrSkipped) {
  EXPECT_EQ(allowed("bureau-document", reviewed, "fagui", "legal-review").step->id, "legal-review");
  EXPECT_EQ(allowed("bureau-document", reviewed, "juzhang", "director-signoff").step->id, "director-signoff");
}

TEST_F(ApprovalChainTest, SecondUseOfAStepIsRefused) {
  EXPECT_EQ(refusal("bureau-document", reviewed, "bangong", "office-proofread"), "policy.step-repeated");
  EXPECT_EQ(refusal("bureau-document", reviewed, "fenguan-liu", "deputy-review"), "policy.step-repeated");
  EXPECT_NE(last.find("fenguan-zhang"), std::string::npos) << last;
}

TEST_F(ApprovalChainTest, SealWithoutItsAuthorisingSignatureIsRefused) {
  EXPECT_EQ(refusal("bureau-document", reviewed, "bangong", "administrative-seal"),
            "policy.seal-unauthorised");
  EXPECT_NE(last.find("行政公章"), std::string::npos) << last;
  EXPECT_NE(last.find("局长签发"), std::string::npos) << last;
  EXPECT_EQ(refusal("party-document", reviewed, "bangong", "party-seal"), "policy.seal-unauthorised");
}

TEST_F(ApprovalChainTest, SealIsAppliedOnlyByItsKeeper) {
  std::vector<SignedStep> signedOff = reviewed;
  signedOff.push_back({"director-signoff", "juzhang", ""});
  EXPECT_EQ(refusal("bureau-document", signedOff, "juzhang", "administrative-seal"),
            "policy.signer-not-allowed");
}

TEST_F(ApprovalChainTest, OrdinaryProposalSealIsAuthorisedByTheDeputyInCharge) {
  std::vector<SignedStep> done{{"section-review", "guzhang", ""}, {"deputy-signoff", "fenguan-liu", ""}};
  EXPECT_EQ(allowed("proposal-ordinary", done, "bangong", "administrative-seal").seal->id,
            "administrative-seal");
}

TEST_F(ApprovalChainTest, SealAuthorisedBySomeoneWithoutTheSealsRoleIsRefused) {
  // Forged history: the sign-off step claims a signer who is not the 局长 (verification replays this).
  std::vector<SignedStep> done = reviewed;
  done.push_back({"director-signoff", "fenguan-zhang", ""});
  EXPECT_EQ(refusal("bureau-document", done, "bangong", "administrative-seal"), "policy.seal-unauthorised");
  EXPECT_NE(last.find("张志强"), std::string::npos) << last;
}

TEST_F(ApprovalChainTest, ActingDeputyMaySignOffUnderAValidDelegationAndIsReported) {
  Authorisation acting = allowed("bureau-document", reviewed, "changwu", "director-signoff");
  ASSERT_NE(acting.delegation, nullptr);
  EXPECT_EQ(acting.delegation->id, "juzhang-away-2026");
  ASSERT_NE(acting.actingFor, nullptr);
  EXPECT_EQ(acting.actingFor->id, "juzhang");
  EXPECT_EQ(acting.credentials, &bureau.findPerson("changwu")->credentials)
      << "the deputy signs with his own key";

  std::vector<SignedStep> done = reviewed;
  done.push_back({"director-signoff", "changwu", "juzhang"});
  EXPECT_EQ(allowed("bureau-document", done, "bangong", "administrative-seal").seal->id,
            "administrative-seal")
      << "a seal authorised by the acting deputy counts as the 局长's authorisation";
}

TEST_F(ApprovalChainTest, DelegationOutsideItsPeriodOrStepsGivesNoAuthority) {
  EXPECT_EQ(refusal("bureau-document", reviewed, "changwu", "director-signoff", utc("2025-06-01T00:00:00Z")),
            "policy.signer-not-allowed");
  EXPECT_NE(last.find("delegation valid on 2025-06-01T00:00:00Z"), std::string::npos) << last;
  EXPECT_EQ(refusal("party-document", reviewed, "changwu", "secretary-signoff"), "policy.signer-not-allowed");
  EXPECT_EQ(refusal("bureau-document", {}, "changwu", "office-proofread"), "policy.signer-not-allowed");
}

TEST_F(ApprovalChainTest, DirectAuthorityIsNotReportedAsDelegation) {
  EXPECT_EQ(allowed("bureau-document", reviewed, "juzhang", "director-signoff").delegation, nullptr);
}

TEST_F(ApprovalChainTest, UnknownChainPersonOrStepIsRefused) {
  EXPECT_EQ(refusal("secret-document", {}, "bangong", "office-proofread"), "policy.unknown-chain");
  EXPECT_EQ(refusal("bureau-document", {}, "mallory", "office-proofread"), "policy.unknown-person");
  EXPECT_EQ(refusal("bureau-document", {}, "bangong", "stamp"), "policy.unknown-step");
  EXPECT_NE(last.find("office-proofread → deputy-review"), std::string::npos) << last;
}

TEST_F(ApprovalChainTest, WithoutAStepTheNextOneForThePersonIsChosen) {
  EXPECT_EQ(allowed("bureau-document", {}, "bangong", "").step->id, "office-proofread");
  EXPECT_EQ(allowed("bureau-document", reviewed, "fagui", "").step->id, "legal-review");
  EXPECT_EQ(allowed("bureau-document", reviewed, "juzhang", "").step->id, "director-signoff")
      << "the optional legal review is skipped for someone who cannot give it";
  EXPECT_EQ(refusal("bureau-document", reviewed, "bangong", ""), "policy.signer-not-allowed");
  std::vector<SignedStep> all = reviewed;
  all.push_back({"director-signoff", "juzhang", ""});
  all.push_back({"administrative-seal", "bangong", ""});
  EXPECT_EQ(refusal("bureau-document", all, "bangong", ""), "policy.chain-complete");
}

TEST_F(ApprovalChainTest, ReimbursementNeedsSpenderWitnessAndDirectorInOrder) {
  std::vector<SignedStep> done;
  EXPECT_EQ(refusal("reimbursement", done, "juzhang", "director-approval"), "policy.step-out-of-order");
  EXPECT_EQ(refusal("reimbursement", done, "zhengming", "spender"), "policy.signer-not-allowed");
  allowed("reimbursement", done, "jingshou", "spender");
  done.push_back({"spender", "jingshou", ""});
  allowed("reimbursement", done, "zhengming", "witness");
  done.push_back({"witness", "zhengming", ""});
  EXPECT_EQ(allowed("reimbursement", done, "juzhang", "director-approval").step->name, "局长审批");
}

TEST_F(ApprovalChainTest, ImportantProposalIsSignedOffByThePrincipalLeader) {
  std::vector<SignedStep> done{{"section-review", "guzhang", ""}, {"deputy-review", "fenguan-liu", ""}};
  EXPECT_EQ(refusal("proposal-important", done, "fenguan-liu", "principal-signoff"),
            "policy.signer-not-allowed");
  allowed("proposal-important", done, "juzhang", "principal-signoff");
}

TEST_F(ApprovalChainTest, ReviewOfACompleteChainInOrderHasNoFindings) {
  std::vector<SignedStep> all = reviewed;
  all.push_back({"director-signoff", "changwu", "juzhang"});
  all.push_back({"administrative-seal", "bangong", ""});
  std::time_t at = utc("2026-11-27T09:00:00Z");
  policy::ChainReview review = policy::reviewChain(bureau, "bureau-document", all, {at, at, at, at});
  EXPECT_TRUE(review.findings.empty()) << review.findings.front().message;
  EXPECT_TRUE(review.complete());
}

TEST_F(ApprovalChainTest, ReviewReportsEachBadSignatureAndTheMissingSteps) {
  std::vector<SignedStep> file{{"office-proofread", "bangong", ""},
                               {"director-signoff", "juzhang", ""},        // before the deputy review
                               {"deputy-review", "dangan", ""},            // archivist: not allowed
                               {"director-signoff", "changwu", "shuji"}};  // repeated, wrong principal
  std::time_t at = utc("2026-11-27T09:00:00Z");
  policy::ChainReview review = policy::reviewChain(bureau, "bureau-document", file, {at, at, at, at});
  ASSERT_EQ(review.findings.size(), 3u);
  EXPECT_EQ(review.findings[0].index, 1u);
  EXPECT_EQ(review.findings[0].code, "policy.step-out-of-order");
  EXPECT_EQ(review.findings[1].index, 2u);
  EXPECT_EQ(review.findings[1].code, "policy.signer-not-allowed");
  EXPECT_EQ(review.findings[2].index, 3u);
  EXPECT_EQ(review.findings[2].code, "policy.step-repeated");
  EXPECT_EQ(review.missingSteps, std::vector<std::string>{"administrative-seal"});
  EXPECT_FALSE(review.complete());
}

TEST_F(ApprovalChainTest, ReviewFlagsAClaimedDelegationThePolicyDoesNotGive) {
  std::vector<SignedStep> file = reviewed;
  file.push_back({"director-signoff", "juzhang", "shuji"});
  std::time_t at = utc("2026-11-27T09:00:00Z");
  policy::ChainReview review = policy::reviewChain(bureau, "bureau-document", file, {at, at, at});
  ASSERT_EQ(review.findings.size(), 1u);
  EXPECT_EQ(review.findings[0].code, "policy.acting-mismatch");
}

TEST_F(ApprovalChainTest, ReviewOfAnUnknownChainIsNeverComplete) {
  policy::ChainReview review = policy::reviewChain(bureau, "secret-document", {}, {});
  ASSERT_EQ(review.findings.size(), 1u);
  EXPECT_EQ(review.findings[0].code, "policy.unknown-chain");
  EXPECT_FALSE(review.complete());
}

TEST_F(ApprovalChainTest, AcceptedCertificatesArePersonsForApprovalsAndSealsForSeals) {
  const policy::Chain& chain = *bureau.findChain("bureau-document");
  std::vector<std::string> director =
      policy::acceptedCertificates(bureau, *chain.findStep("director-signoff"), "juzhang");
  ASSERT_EQ(director.size(), 3u);
  EXPECT_NE(director[1].find("pki/juzhang-sm2.crt"), std::string::npos);
  EXPECT_TRUE(policy::acceptedCertificates(bureau, *chain.findStep("director-signoff"), "nobody").empty());
}

// ---- leave (请假) ------------------------------------------------------------------------------

std::string leaveChain(const policy::Policy& rules, const std::string& kind, double days,
                       const std::string& who) {
  return policy::leaveChainFor(rules, {kind, days, who}).id;
}

TEST_F(ApprovalChainTest, LeaveUpToOneDayGoesToTheDeputyForStaffAndTheDirectorForLeaders) {
  EXPECT_EQ(leaveChain(bureau, "事假", 0.5, "chengban"), "leave-short-staff");
  EXPECT_EQ(leaveChain(bureau, "病假", 1, "chengban"), "leave-short-staff");
  EXPECT_EQ(leaveChain(bureau, "事假", 1, "fenguan-zhang"), "leave-short-leader");
  EXPECT_EQ(leaveChain(bureau, "病假", 0.5, "shuji"), "leave-short-leader");
}

TEST_F(ApprovalChainTest, LeaveOverOneDayIncludingBetweenOneAndTwoNeedsDeputyThenDirector) {
  EXPECT_EQ(leaveChain(bureau, "事假", 1.5, "chengban"), "leave-long") << "1 < days < 2 is treated as >= 2";
  EXPECT_EQ(leaveChain(bureau, "事假", 2, "chengban"), "leave-long");
  EXPECT_EQ(leaveChain(bureau, "病假", 5, "fenguan-zhang"), "leave-long");
  const policy::Chain& chain = policy::leaveChainFor(bureau, {"事假", 3, "chengban"});
  EXPECT_EQ(chain.steps.size(), 3u);
  EXPECT_EQ(refusal(chain.id, {}, "juzhang", "director-approval"), "policy.step-out-of-order");
}

TEST_F(ApprovalChainTest, StatutoryLeaveGoesSectionHeadDeputyLeaderWhateverTheDays) {
  for (const char* kind : {"公休假", "探亲假", "婚假", "产假", "丧假"}) {
    EXPECT_EQ(leaveChain(bureau, kind, 1, "chengban"), "leave-statutory") << kind;
    EXPECT_EQ(leaveChain(bureau, kind, 10, "chengban"), "leave-statutory") << kind;
  }
  std::vector<SignedStep> done{
      {"applicant", "chengban", ""}, {"section-confirm", "guzhang", ""}, {"deputy-agree", "fenguan-liu", ""}};
  EXPECT_EQ(allowed("leave-statutory", done, "shuji", "leader-approval").step->id, "leader-approval");
}

TEST_F(ApprovalChainTest, StaffLeaveIsApprovedByTheirOwnDeputyInCharge) {
  std::time_t at = utc("2026-11-27T09:00:00Z");
  const std::string chain = policy::leaveChainFor(bureau, {"事假", 1, "chengban"}).id;  // 业务股
  const std::vector<SignedStep> asked{{"applicant", "chengban", ""}};
  EXPECT_EQ(authorise(bureau, chain, asked, "fenguan-liu", "deputy-approval", at, "chengban").step->id,
            "deputy-approval");
  EXPECT_EQ(
      errorCode([&] { authorise(bureau, chain, {}, "fenguan-zhang", "deputy-approval", at, "chengban"); },
                &last),
      "policy.not-in-charge");
  EXPECT_NE(last.find("业务股"), std::string::npos) << last;
  EXPECT_EQ(errorCode([&] { authorise(bureau, chain, {}, "fenguan-liu", "deputy-approval", at); }),
            "policy.applicant-required");

  const std::string longLeave = policy::leaveChainFor(bureau, {"病假", 3, "bangong"}).id;  // 办公室
  EXPECT_EQ(
      errorCode([&] { authorise(bureau, longLeave, {}, "fenguan-liu", "deputy-review", at, "bangong"); }),
      "policy.not-in-charge");
  std::vector<SignedStep> file{{"applicant", "bangong", ""},
                               {"deputy-review", "fenguan-zhang", ""},
                               {"director-approval", "juzhang", ""}};
  EXPECT_TRUE(policy::reviewChain(bureau, longLeave, file, {at, at, at}, "bangong").complete());
  const auto findings = policy::reviewChain(bureau, longLeave, file, {at, at, at}, "chengban").findings;
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].code, "policy.signer-not-allowed") << "bangong signed chengban's request";
  EXPECT_EQ(findings[1].code, "policy.not-in-charge");
}

TEST_F(ApprovalChainTest, TheApplicantSignsHisOwnRequestFirstAndNobodyElseMay) {
  std::time_t at = utc("2026-11-27T09:00:00Z");
  EXPECT_EQ(authorise(bureau, "leave-long", {}, "chengban", "applicant", at, "chengban").step->id,
            "applicant");
  // With no step named, the applicant's is the one he may give next.
  EXPECT_EQ(authorise(bureau, "leave-long", {}, "chengban", "", at, "chengban").step->id, "applicant");
  EXPECT_EQ(
      errorCode([&] { authorise(bureau, "leave-long", {}, "guzhang", "applicant", at, "chengban"); }, &last),
      "policy.signer-not-allowed");
  EXPECT_NE(last.find("the applicant of the request"), std::string::npos) << last;
  // Not even the 局长, and not by delegation: changwu acts for juzhang, never for the applicant.
  EXPECT_EQ(errorCode([&] { authorise(bureau, "leave-long", {}, "juzhang", "applicant", at, "chengban"); }),
            "policy.signer-not-allowed");
  EXPECT_EQ(errorCode([&] { authorise(bureau, "leave-long", {}, "chengban", "applicant", at); }),
            "policy.applicant-required");
  // The approvers come after him.
  EXPECT_EQ(
      errorCode([&] { authorise(bureau, "leave-long", {}, "fenguan-liu", "deputy-review", at, "chengban"); }),
      "policy.step-out-of-order");
  const std::vector<SignedStep> done{{"applicant", "chengban", ""}, {"deputy-review", "fenguan-liu", ""}};
  EXPECT_EQ(
      errorCode([&] { authorise(bureau, "leave-long", done, "chengban", "applicant", at, "chengban"); }),
      "policy.step-repeated");
}

TEST_F(ApprovalChainTest, LeaveWithoutARuleOrDaysIsRefused) {
  EXPECT_EQ(errorCode([&] {
              policy::leaveChainFor(bureau, {"调休", 1, "chengban"});
            }),
            "policy.leave-no-rule");
  EXPECT_EQ(errorCode([&] { policy::leaveChainFor(bureau, {"事假", 0, "chengban"}); }), "policy.leave-days");
  EXPECT_EQ(errorCode([&] {
              policy::leaveChainFor(bureau, {"事假", 1, "nobody"});
            }),
            "policy.unknown-person");
}

}  // namespace
}  // namespace gongwen::testing
