// Honestly signed documents: every approval chain of the sample bureau signed in order through
// `gongwen sign` with PKCS#12 keys. gongwen verify must accept them (exit 0) and agree with pdfsig,
// the independent verifier, on every RSA/ECDSA signature; qpdf must find the files clean.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

struct ChainCase {
  std::string chain;
  std::string seal;                                        // the seal field rendering placed
  std::vector<std::pair<std::string, std::string>> steps;  // (person, step) in order
};

std::vector<ChainCase> chainCases() {
  return {
      {"bureau-document",
       "administrative-seal",
       {{"bangong", "office-proofread"},
        {"fenguan-zhang", "deputy-review"},
        {"juzhang", "director-signoff"},
        {"bangong", "administrative-seal"}}},
      {"party-document",
       "party-seal",
       {{"bangong", "office-proofread"},
        {"fenguan-zhang", "deputy-review"},
        {"shuji", "secretary-signoff"},
        {"bangong", "party-seal"}}},
      {"proposal-ordinary",
       "administrative-seal",
       {{"guzhang", "section-review"},
        {"fenguan-liu", "deputy-signoff"},
        {"bangong", "administrative-seal"}}},
      {"proposal-important",
       "administrative-seal",
       {{"guzhang", "section-review"},
        {"fenguan-liu", "deputy-review"},
        {"juzhang", "principal-signoff"},
        {"bangong", "administrative-seal"}}},
      {"meeting-minutes",
       "administrative-seal",
       {{"bangong", "minutes-proofread"}, {"juzhang", "principal-signoff"}}},
      {"reimbursement",
       "administrative-seal",
       {{"jingshou", "spender"}, {"zhengming", "witness"}, {"juzhang", "director-approval"}}},
  };
}

class HonestChain : public ::testing::TestWithParam<ChainCase> {};

TEST_P(HonestChain, VerifiesAndAgreesWithPdfsig) {
  const ChainCase& c = GetParam();
  std::string pdf = unsignedPdf(c.chain, c.seal);
  for (const auto& [person, step] : c.steps) pdf = signWithCli(pdf, person, step);

  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), c.steps.size());
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const auto& s = report.signatures[i];
    EXPECT_EQ(s.step, c.steps[i].second);
    EXPECT_EQ(s.trust, "trusted");
    EXPECT_TRUE(s.laterChanges.empty());
    EXPECT_EQ(s.revision, i + 2) << "each signature covers its own revision";
  }
  const CommandResult cli = verifyWithCli(pdf, "json");
  EXPECT_EQ(cli.exitCode, 0) << cli.out << cli.err;
  EXPECT_NE(cli.out.find("\"ok\":true"), std::string::npos);

  // The independent verifier agrees on every signature.
  const CommandResult sig = pdfsig(pdf);
  EXPECT_EQ(count(sig.out, "Signature is Valid."), c.steps.size()) << sig.out;
  EXPECT_EQ(count(sig.out, "Certificate is Trusted."), c.steps.size()) << sig.out;

  TempDir work;
  writeFileAtomically(work.file("signed.pdf"), pdf);
  const CommandResult qpdf = run({"qpdf", "--check", work.file("signed.pdf")});
  EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out << qpdf.err;
}

INSTANTIATE_TEST_SUITE_P(EveryChain, HonestChain, ::testing::ValuesIn(chainCases()), [](const auto& info) {
  std::string name = info.param.chain;
  for (char& ch : name) ch = ch == '-' ? '_' : ch;
  return name;
});

TEST(VerifyReport, NamesSignerRoleStepAlgorithmAndTime) {
  std::string pdf = unsignedPdf("proposal-ordinary");
  pdf = signWithCli(pdf, "guzhang", "section-review");
  pdf = signWithCli(pdf, "fenguan-liu", "deputy-signoff");
  pdf = signWithCli(pdf, "bangong", "administrative-seal");
  const CommandResult text = verifyWithCli(pdf);
  EXPECT_EQ(text.exitCode, 0) << text.out;
  for (const char* expected :
       {"周文斌 [guzhang], 股室负责人", "刘晓燕 [fenguan-liu], 分管领导", "行政公章 [administrative-seal]",
        "ECDSA P-256 with SHA-256", "RSA-2048 with SHA-256", "step:        deputy-signoff",
        "certificate: trusted"}) {
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
  }
}

TEST(TokenKeys, ChainSignedWithKeysGeneratedInsideTheTokenVerifies) {
  const auto tokenLock = bureau().lockToken();
  std::string pdf = unsignedPdf("bureau-document");
  pdf = signWithCli(pdf, "bangong", "office-proofread", "token");
  pdf = signWithCli(pdf, "fenguan-zhang", "deputy-review", "token");
  pdf = signWithCli(pdf, "juzhang", "director-signoff", "token");
  pdf = signWithCli(pdf, "bangong", "administrative-seal", "token");
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 4u);
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  const CommandResult sig = pdfsig(pdf);
  EXPECT_EQ(count(sig.out, "Signature is Valid."), 4u) << sig.out;
  EXPECT_EQ(count(sig.out, "Certificate is Trusted."), 4u) << sig.out;
}

TEST(VerifyReport, TrustComesFromThePolicyOrTrustOptionOnly) {
  std::string pdf = unsignedPdf("meeting-minutes");
  pdf = signWithCli(pdf, "bangong", "minutes-proofread");
  pdf = signWithCli(pdf, "juzhang", "principal-signoff");
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  const CommandResult withRoot = run({gongwenBinary(), "verify", work.file("doc.pdf"), "--trust",
                                      bureau().pki("root.crt"), "--format", "json"});
  // Intact and trusted, but without a policy nobody checked the chain the minutes claim.
  EXPECT_EQ(withRoot.exitCode, 7) << withRoot.out << withRoot.err;
  const auto json = nlohmann::json::parse(withRoot.out);
  EXPECT_TRUE(json["ok"].get<bool>());
  EXPECT_FALSE(json["chainChecked"].get<bool>());
  ASSERT_EQ(json["signatures"].size(), 2u);
  EXPECT_EQ(json["signatures"][1]["step"], "principal-signoff");
  EXPECT_EQ(json["signatures"][1]["trust"], "trusted");
  EXPECT_EQ(json["signatures"][1]["algorithm"], "RSA-2048 with SHA-256");

  const CommandResult withoutAnchor = run({gongwenBinary(), "verify", work.file("doc.pdf")});
  EXPECT_EQ(withoutAnchor.exitCode, 5) << withoutAnchor.out;
  EXPECT_NE(withoutAnchor.out.find("certificate.no-trust-anchor"), std::string::npos) << withoutAnchor.out;
}

TEST(VerifyReport, AnIncompleteChainFailsWithTheMissingSteps) {
  const std::string pdf = signWithCli(unsignedPdf("bureau-document"), "bangong", "office-proofread");
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_TRUE(report.signatures[0].valid()) << verify::formatText(report);
  EXPECT_FALSE(report.ok());
  EXPECT_NE(problemCodes(report).find("policy.chain-incomplete"), std::string::npos);
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

TEST(VerifyReport, UnsignedAndMalformedInputs) {
  EXPECT_EQ(verifyWithCli(unsignedPdf("bureau-document")).exitCode, 5) << "no signature is not a pass";
  const CommandResult garbage = verifyWithCli("%PDF-1.7\nthis is not a pdf\n");
  EXPECT_EQ(garbage.exitCode, 3) << garbage.err;
  EXPECT_NE(garbage.err.find("error[pdf."), std::string::npos) << garbage.err;
}

}  // namespace
}  // namespace gongwen::testing
