// The document does not choose its own approval chain: `sign` and `verify` derive it from what the
// original as rendered claims (template, issuers, requested chain) by the policy's rules, and a
// later revision that rewrites those claims is refused. Without a policy, `verify` says plainly
// that the chain was not checked and does not exit 0 for a document that claims one.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "signing/verify/DocumentClaims.h"
#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing::verifyfx {
namespace {

const int kInfoObject = 7;  // the Info dictionary of verifyfx::unsignedPdf

// `gongwen sign` on bytes; the result, and whether it wrote an output.
struct SignAttempt {
  CommandResult result;
  bool wroteOutput = false;
};

SignAttempt trySign(const std::string& pdf, const std::string& person, const std::string& step) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), pdf);
  SignAttempt attempt{signfx::signCli(work.file("in.pdf"), work.file("out.pdf"), person, step), false};
  attempt.wroteOutput = fs::exists(work.file("out.pdf"));
  return attempt;
}

// The proposal chain's signatures made with the signing library, bypassing the policy: the
// 承办股室 and the 分管领导 approve, the seal's own key seals.
std::string signedAsOrdinaryProposal(std::string pdf) {
  pdf = signUnchecked(pdf, "section-review", "guzhang", loadPkcs12(bureau().pki("guzhang.p12")));
  pdf = signUnchecked(pdf, "deputy-signoff", "fenguan-liu", loadPkcs12(bureau().pki("fenguan-liu.p12")));
  return signUnchecked(pdf, "administrative-seal", "bangong",
                       loadPkcs12(bureau().pki("administrative-seal.p12")), "administrative-seal");
}

bool hasDocumentProblem(const verify::Report& report, const std::string& code) {
  for (const auto& p : report.documentProblems) {
    if (p.code == code) return true;
  }
  return false;
}

// A 通知 rendered from a job that asks for the ordinary proposal chain, whose seal the 分管领导's
// signature authorises: the 局长 would never see it.
TEST(ChainClaims, NoticeWhoseJobAsksForTheProposalChainIsRefusedBySignAndFailsVerify) {
  TempDir work;
  writeFileAtomically(work.file("job.xml"),
                      replaced(readFile(sourcePath("samples/jobs/notice-risk-inspection.xml")),
                               "approvalChain=\"bureau-document\"", "approvalChain=\"proposal-ordinary\""));
  const CommandResult render =
      run({gongwenBinary(), "render", work.file("job.xml"), "-o", work.file("0.pdf")});
  ASSERT_EQ(render.exitCode, 0) << render.err;
  const std::string rendered = readFile(work.file("0.pdf"));

  const SignAttempt first = trySign(rendered, "guzhang", "section-review");
  EXPECT_EQ(first.result.exitCode, 4) << first.result.err;
  EXPECT_NE(first.result.err.find("error[policy.chain-not-allowed]"), std::string::npos) << first.result.err;
  EXPECT_NE(first.result.err.find("proposal-ordinary"), std::string::npos) << first.result.err;
  EXPECT_NE(first.result.err.find("bureau-document"), std::string::npos) << first.result.err;
  EXPECT_FALSE(first.wroteOutput);

  // Approvals made around the policy do not get it the seal either.
  std::string approved =
      signUnchecked(rendered, "section-review", "guzhang", loadPkcs12(bureau().pki("guzhang.p12")));
  approved =
      signUnchecked(approved, "deputy-signoff", "fenguan-liu", loadPkcs12(bureau().pki("fenguan-liu.p12")));
  const SignAttempt seal = trySign(approved, "bangong", "administrative-seal");
  EXPECT_EQ(seal.result.exitCode, 4) << seal.result.err;
  EXPECT_NE(seal.result.err.find("error[policy.chain-not-allowed]"), std::string::npos) << seal.result.err;
  EXPECT_FALSE(seal.wroteOutput);

  const std::string sealed = signedAsOrdinaryProposal(rendered);
  const verify::Report report = verifyWithPolicy(sealed);
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(hasDocumentProblem(report, "policy.chain-not-allowed")) << problemCodes(report);
  EXPECT_EQ(verifyWithCli(sealed).exitCode, 5);
}

TEST(ChainClaims, RenderWithPolicyRefusesAJobAskingForAChainNotAllowed) {
  TempDir work;
  const std::string sample = sourcePath("samples/jobs/notice-risk-inspection.xml");
  writeFileAtomically(work.file("job.xml"), replaced(readFile(sample), "approvalChain=\"bureau-document\"",
                                                     "approvalChain=\"proposal-ordinary\""));
  const CommandResult refused = run({gongwenBinary(), "render", work.file("job.xml"), "-o",
                                     work.file("out.pdf"), "--policy", bureau().policyPath()});
  EXPECT_EQ(refused.exitCode, 4) << refused.err;
  EXPECT_NE(refused.err.find("error[policy.chain-not-allowed]"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));

  const CommandResult allowed =
      run({gongwenBinary(), "render", sample, "-o", work.file("out.pdf"), "--policy", bureau().policyPath()});
  EXPECT_EQ(allowed.exitCode, 0) << allowed.err;
}

// The rendered 通知 is intact; a revision appended before any signature rewrites its claims so
// that it looks like an ordinary proposal reply.
std::string rewrittenAsProposal(const std::string& notice) {
  return appendRevision(
      notice, {{kInfoObject, "<< /Producer (gongwen tests) " + claimsFor("proposal-ordinary") + " >>"}});
}

TEST(ChainClaims, ChainRewrittenInARevisionBeforeTheFirstSignatureIsRefusedAndFailsVerify) {
  const std::string forged = rewrittenAsProposal(unsignedPdf("bureau-document"));

  const SignAttempt attempt = trySign(forged, "guzhang", "section-review");
  EXPECT_EQ(attempt.result.exitCode, 4) << attempt.result.err;
  EXPECT_NE(attempt.result.err.find("error[policy.claims-changed]"), std::string::npos) << attempt.result.err;
  EXPECT_NE(attempt.result.err.find("/GongwenChain"), std::string::npos) << attempt.result.err;
  EXPECT_FALSE(attempt.wroteOutput);

  const std::string sealed = signedAsOrdinaryProposal(forged);
  const verify::Report report = verifyWithPolicy(sealed);
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(hasDocumentProblem(report, "policy.claims-changed")) << problemCodes(report);
  // Read from the original, the claims still say 通知 by the bureau asking for its own chain.
  EXPECT_EQ(report.claims.templateId, "notice");
  EXPECT_EQ(report.claims.chain, "bureau-document");
  const CommandResult cli = verifyWithCli(sealed);
  EXPECT_EQ(cli.exitCode, 5);
  EXPECT_NE(cli.out.find("error[policy.claims-changed]: revision 2 changes"), std::string::npos) << cli.out;
}

TEST(ChainClaims, TrailerPointingAtANewInfoDictionaryIsAChangeOfClaims) {
  const std::string notice = unsignedPdf("bureau-document");
  const verify::pdf::Document document(notice, "test.pdf");
  sign::IncrementalUpdate update(
      static_cast<unsigned>(document.revisions().back().trailer.get("Size")->number));
  const unsigned info = update.newObjectNumber();
  update.put(info, 0, "<< " + claimsFor("proposal-ordinary") + " >>");
  const std::string forged = update.appendTo(notice, "/Root 1 0 R /Info " + std::to_string(info) + " 0 R",
                                             sign::lastStartXref(notice, "test.pdf"));

  const SignAttempt attempt = trySign(forged, "guzhang", "section-review");
  EXPECT_EQ(attempt.result.exitCode, 4) << attempt.result.err;
  EXPECT_NE(attempt.result.err.find("error[policy.claims-changed]"), std::string::npos) << attempt.result.err;
  EXPECT_TRUE(
      hasDocumentProblem(verifyWithPolicy(signedAsOrdinaryProposal(forged)), "policy.claims-changed"));
}

TEST(ChainClaims, ClaimsChangedAfterASignatureAreReported) {
  const std::string proofread = signWithCli(unsignedPdf("bureau-document"), "bangong", "office-proofread");
  const std::string changed = appendRevision(
      proofread, {{kInfoObject, "<< /Producer (gongwen tests) " + claimsFor("proposal-ordinary") + " >>"}});
  const verify::Report report = verifyWithPolicy(changed);
  EXPECT_TRUE(hasDocumentProblem(report, "policy.claims-changed")) << problemCodes(report);
  // Changed after a signature, the claims break that signature first: sign refuses it as not verifying.
  const SignAttempt attempt = trySign(changed, "fenguan-zhang", "deputy-review");
  EXPECT_EQ(attempt.result.exitCode, 5) << attempt.result.err;
  EXPECT_NE(attempt.result.err.find("/GongwenTemplate, /GongwenChain"), std::string::npos)
      << attempt.result.err;
}

TEST(ChainClaims, SigningKeepsTheClaimsSoAnHonestChainHasNoClaimsProblem) {
  std::string pdf = unsignedPdf("bureau-document");
  pdf = signWithCli(pdf, "bangong", "office-proofread");
  pdf = signWithCli(pdf, "fenguan-zhang", "deputy-review");
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_FALSE(hasDocumentProblem(report, "policy.claims-changed")) << problemCodes(report);
  EXPECT_EQ(report.claims.issuers, std::vector<std::string>{"江州市生态环境局"});
}

TEST(ChainClaims, ReaderTakesEveryClaimFromTheFirstRevision) {
  const std::string leave = unsignedPdf("leave-long", "administrative-seal", "Leave request", 0, "chengban");
  const std::string later =
      appendRevision(leave, {{kInfoObject, "<< " + claimsFor("leave-short-staff") + " >>"}});
  const verify::pdf::Document document(later, "test.pdf");
  const policy::DocumentClaims claims = verify::readDocumentClaims(document);
  EXPECT_EQ(claims.templateId, "leave");
  EXPECT_TRUE(claims.issuers.empty());
  EXPECT_EQ(claims.chain, "leave-long");
  EXPECT_EQ(claims.applicant, "chengban");
  EXPECT_EQ(claims.leaveKind, "事假");
  ASSERT_TRUE(claims.leaveDays.has_value());
  EXPECT_EQ(*claims.leaveDays, 3);
  const std::vector<verify::Problem> changes = verify::claimChanges(document);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_NE(changes[0].message.find("/GongwenApplicant, /GongwenChain, /GongwenLeaveDays"), std::string::npos)
      << changes[0].message;

  const policy::DocumentClaims joint =
      verify::readDocumentClaims(verify::pdf::Document(unsignedPdf("joint-document"), "joint.pdf"));
  EXPECT_EQ(joint.issuers, (std::vector<std::string>{"中共江州市生态环境局党组", "江州市生态环境局"}));
}

TEST(ChainClaims, UnsignedDocumentVerifiedWithAPolicyListsEveryMissingStep) {
  const verify::Report report = verifyWithPolicy(unsignedPdf("bureau-document"));
  EXPECT_TRUE(report.chainChecked);
  EXPECT_EQ(report.missingSteps.size(), 4u);
  EXPECT_TRUE(hasDocumentProblem(report, "signature.none")) << problemCodes(report);
}

// ---- item: without a policy the chain is not checked, and that is said and not exit 0 --------

CommandResult verifyTrustingRoot(const std::string& pdf, const std::string& format) {
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  return run({gongwenBinary(), "verify", work.file("doc.pdf"), "--trust", bureau().pki("root.crt"),
              "--format", format});
}

TEST(ChainUnchecked, UnfinishedChainWithoutPolicyIsNotAPass) {
  const std::string pdf = signWithCli(unsignedPdf("bureau-document"), "bangong", "office-proofread");

  const CommandResult text = verifyTrustingRoot(pdf, "text");
  EXPECT_EQ(text.exitCode, 7) << text.out << text.err;
  EXPECT_NE(text.out.find("approval chain: NOT checked"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("give --policy"), std::string::npos) << text.out;

  const CommandResult json = verifyTrustingRoot(pdf, "json");
  EXPECT_EQ(json.exitCode, 7) << json.out;
  const auto parsed = nlohmann::json::parse(json.out);
  EXPECT_TRUE(parsed["ok"].get<bool>()) << "the signature itself is intact and trusted";
  EXPECT_FALSE(parsed["chainChecked"].get<bool>());

  // With the policy the chain is checked, and it is unfinished.
  const CommandResult checked = verifyWithCli(pdf, "json");
  EXPECT_EQ(checked.exitCode, 5) << checked.out;
  EXPECT_TRUE(nlohmann::json::parse(checked.out)["chainChecked"].get<bool>());
}

TEST(ChainUnchecked, DocumentClaimingNoChainPassesOnIntegrityAndTrust) {
  // Signed by some other tool: no Gongwen* claims, so no chain that was left unchecked.
  const std::string plain =
      assemblePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"},
                  "/Root 1 0 R");
  const std::string pdf =
      signUnchecked(plain, "approval", "someone", loadPkcs12(bureau().pki("bangong.p12")));
  const CommandResult text = verifyTrustingRoot(pdf, "text");
  EXPECT_EQ(text.exitCode, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("approval chain: NOT checked"), std::string::npos) << text.out;
  EXPECT_FALSE(nlohmann::json::parse(verifyTrustingRoot(pdf, "json").out)["chainChecked"].get<bool>());
}

TEST(ChainUnchecked, ExitCodeSevenIsDocumented) {
  const CommandResult help = run({gongwenBinary(), "verify", "--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("7 signatures intact and trusted"), std::string::npos) << help.out;
  const CommandResult usage = run({gongwenBinary()});
  EXPECT_NE((usage.out + usage.err).find("7 verify"), std::string::npos) << usage.out << usage.err;
  EXPECT_NE(readFile(sourcePath("README.md")).find("| 7 | `verify` without `--policy`"), std::string::npos);
}

}  // namespace
}  // namespace gongwen::testing::verifyfx
