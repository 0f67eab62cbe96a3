// Every refusal of `gongwen sign` names its rule, exits with the documented code, leaves the input
// byte-for-byte as it was and writes no output file.

#include <gtest/gtest.h>

#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {
namespace {

struct RefusalCase {
  std::string name;
  std::vector<std::pair<std::string, std::string>> before;  // steps signed first: person, step
  std::string person;
  std::string step;
  std::string credential;
  int exitCode;
  std::string code;  // the error code printed as error[code]
  std::string chain;
  std::string applicant;  // leave chains: whose request it is
};

class SignRefusal : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(SignRefusal, NamesTheRuleAndLeavesNoTrace) {
  const RefusalCase& c = GetParam();
  TempDir work;
  std::string in = work.file("0.pdf");
  writeFileAtomically(
      in, unsignedPdf(c.chain, c.chain == "bureau-document" ? "administrative-seal" : "", c.applicant));
  for (std::size_t i = 0; i < c.before.size(); ++i) {
    const std::string next = work.file(std::to_string(i + 1) + ".pdf");
    const CommandResult r = signCli(in, next, c.before[i].first, c.before[i].second);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    in = next;
  }
  const std::string original = readFile(in);
  const auto modified = fs::last_write_time(in);
  const std::string out = work.file("refused.pdf");

  const CommandResult r = signCli(in, out, c.person, c.step, c.credential);
  EXPECT_EQ(r.exitCode, c.exitCode) << r.err;
  EXPECT_NE(r.err.find("error[" + c.code + "]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "a refused signature wrote " << out;
  EXPECT_EQ(readFile(in), original);
  EXPECT_EQ(fs::last_write_time(in), modified);
  // No temporary file is left behind either.
  for (const auto& entry : fs::directory_iterator(work.path()))
    EXPECT_EQ(entry.path().extension(), ".pdf") << "left behind: " << entry.path();
}

const std::vector<std::pair<std::string, std::string>> kProofread = {{"bangong", "office-proofread"}};
const std::vector<std::pair<std::string, std::string>> kReviewed = {{"bangong", "office-proofread"},
                                                                    {"fenguan-zhang", "deputy-review"}};

// clang-format off
INSTANTIATE_TEST_SUITE_P(
    Rules, SignRefusal,
    ::testing::Values(
        RefusalCase{"signer_not_allowed", {}, "juzhang", "office-proofread", "", 4,
                    "policy.signer-not-allowed", "bureau-document", ""},
        RefusalCase{"step_out_of_order", kProofread, "juzhang", "director-signoff", "", 4,
                    "policy.step-out-of-order", "bureau-document", ""},
        RefusalCase{"seal_without_authorising_signature", kReviewed, "bangong", "administrative-seal", "", 4,
                    "policy.seal-unauthorised", "bureau-document", ""},
        RefusalCase{"expired_certificate", {}, "bangong", "office-proofread", "expired", 4,
                    "policy.certificate-validity", "bureau-document", ""},
        RefusalCase{"not_yet_valid_certificate", {}, "bangong", "office-proofread", "not-yet-valid", 4,
                    "policy.certificate-validity", "bureau-document", ""},
        RefusalCase{"second_use_of_a_step", kProofread, "bangong", "office-proofread", "", 4,
                    "policy.step-repeated", "bureau-document", ""},
        RefusalCase{"person_outside_the_policy", {}, "stranger", "office-proofread", "", 4,
                    "policy.unknown-person", "bureau-document", ""},
        RefusalCase{"leave_approved_by_a_deputy_not_in_charge", {}, "fenguan-zhang", "deputy-review", "", 4,
                    "policy.not-in-charge", "leave-long", "chengban"},
        RefusalCase{"leave_request_without_applicant", {}, "fenguan-liu", "deputy-review", "", 4,
                    "policy.applicant-required", "leave-long", ""}),
    [](const ::testing::TestParamInfo<RefusalCase>& info) { return info.param.name; });
// clang-format on

TEST(SignRefusal, WrongPasswordIsAnInputErrorAndWritesNothing) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  const CommandResult r =
      run({gongwenBinary(), "sign", work.file("in.pdf"), "-o", work.file("out.pdf"), "--policy",
           bureau().policyPath(), "--as", "bangong", "--password-env", "WRONG"},
          {"WRONG=not-the-password"});
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("error[keys.pkcs12-password]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

TEST(SignRefusal, DocumentWithoutChainIsRefusedAsInput) {
  TempDir work;
  std::string pdf = unsignedPdf("bureau-document", "administrative-seal");
  pdf.replace(pdf.find("/GongwenChain"), 13, "/OtherKey0000");
  writeFileAtomically(work.file("in.pdf"), pdf);
  const CommandResult r = signCli(work.file("in.pdf"), work.file("out.pdf"), "bangong", "office-proofread");
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("error[sign.no-chain]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

TEST(SignRefusal, KeyOfAnotherCertificateThanThePolicysIsRefused) {
  TempDir work;
  writeFileAtomically(work.file("in.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  // bangong's own key and certificate, while the policy names juzhang's certificate for them.
  const std::string policy = bureau().file("policy-other-certificate.xml");
  writeFileAtomically(policy, replaced(readFile(bureau().policyPath()), "certificate=\"pki/bangong.crt\"",
                                       "certificate=\"pki/juzhang.crt\""));
  const CommandResult r =
      signCli(work.file("in.pdf"), work.file("out.pdf"), "bangong", "office-proofread", "", policy);
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("error[policy.certificate-mismatch]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work.file("out.pdf")));
}

TEST(SignRefusal, PasswordIsNeverTakenFromTheCommandLine) {
  const CommandResult r = run({gongwenBinary(), "sign", "in.pdf", "-o", "out.pdf", "--policy", "p.xml",
                               "--as", "bangong", "--password", "secret"});
  EXPECT_EQ(r.exitCode, 2) << r.err;
  const CommandResult help = run({gongwenBinary(), "sign", "--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("--password-env"), std::string::npos);
  EXPECT_EQ(help.out.find("--password "), std::string::npos);
}

}  // namespace
}  // namespace gongwen::testing::signfx
