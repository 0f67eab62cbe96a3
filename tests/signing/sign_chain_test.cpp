// Full approval chains signed through `gongwen sign` with PKCS#12 keys (RSA-2048, RSA-3072, ECDSA
// P-256): every revision appends to the previous bytes, every signature verifies with pdfsig AND
// with `openssl cms -verify` over its own ByteRange AND with `gongwen verify`, qpdf stays clean.

#include <gtest/gtest.h>
#include <poppler-document.h>

#include <cctype>
#include <map>
#include <memory>

#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {
namespace {

using Steps = std::vector<std::pair<std::string, std::string>>;  // person, step

struct ChainCase {
  std::string chain;
  std::string sealId;  // "" when the chain has no seal step
  Steps steps;
  std::string applicant;  // leave chains: whose request it is
};

// How ctest lists a case: its chain, not the struct's bytes.
void PrintTo(const ChainCase& c, std::ostream* os) { *os << c.chain; }

std::string caseName(const ::testing::TestParamInfo<ChainCase>& info) {
  std::string name = info.param.chain;
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

// Signs `unsignedPath` through every step with `gongwen sign`, then checks the result with the
// independent tools and with the strict verifier.
void signChainAndCheck(const std::string& unsignedPath, const Steps& steps, const TempDir& work) {
  std::string current = unsignedPath;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string next = work.file(std::to_string(i + 1) + ".pdf");
    const CommandResult r = signCli(current, next, steps[i].first, steps[i].second);
    ASSERT_EQ(r.exitCode, 0) << steps[i].second << ": " << r.err;
    const std::string before = readFile(current);
    const std::string after = readFile(next);
    // An incremental revision: the previous file is a byte-exact prefix of the new one.
    ASSERT_GT(after.size(), before.size());
    EXPECT_EQ(after.compare(0, before.size(), before), 0) << "revision " << i + 1 << " rewrote earlier bytes";
    current = next;
  }

  const std::string pdf = readFile(current);
  const auto signatures = signaturesIn(pdf);
  ASSERT_EQ(signatures.size(), steps.size());
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    const SignatureBytes& s = signatures[i];
    // The ByteRange starts at 0, leaves out exactly the /Contents hex string and nothing else.
    EXPECT_EQ(s.range[0], 0);
    EXPECT_EQ(pdf[s.range[1]], '<');
    EXPECT_EQ(pdf[s.range[2] - 1], '>');
    const CommandResult cms = opensslCmsVerify(s);
    EXPECT_EQ(cms.exitCode, 0) << "signature " << i + 1 << ": " << cms.err;
  }
  // The last signature covers the whole file.
  EXPECT_EQ(static_cast<std::size_t>(signatures.back().range[2] + signatures.back().range[3]), pdf.size());

  const CommandResult sig = pdfsig(current);
  EXPECT_EQ(countOf(sig.out, "Signature is Valid."), static_cast<int>(steps.size())) << sig.out;
  EXPECT_EQ(countOf(sig.out, "Certificate is Trusted."), static_cast<int>(steps.size())) << sig.out;
  EXPECT_EQ(countOf(sig.out, "ETSI.CAdES.detached"), static_cast<int>(steps.size())) << sig.out;

  const CommandResult qpdf = run({"qpdf", "--check", current});
  EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out << qpdf.err;
  EXPECT_NE(qpdf.out.find("No syntax or stream encoding errors"), std::string::npos) << qpdf.out;

  // pdfsig alone is not enough (it accepts later edits); the strict verifier must agree too.
  const CommandResult verify = run({gongwenBinary(), "verify", current, "--policy", bureau().policyPath()});
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

class SignChain : public ::testing::TestWithParam<ChainCase> {};

// Every chain, also those the sample jobs do not cover (no Party-group 发文 sample), signed on a
// document shaped like a rendered one.
TEST_P(SignChain, EverySignatureVerifiesWithIndependentToolsAndEarlierBytesStayUntouched) {
  const ChainCase& c = GetParam();
  TempDir work;
  writeFileAtomically(work.file("0.pdf"), unsignedPdf(c.chain, c.sealId, c.applicant));
  signChainAndCheck(work.file("0.pdf"), c.steps, work);
}

// Who signs what, per chain, in the sample bureau.
const std::map<std::string, Steps>& sampleSigners() {
  static const std::map<std::string, Steps> signers = {
      {"bureau-document",
       {{"bangong", "office-proofread"},
        {"fenguan-zhang", "deputy-review"},
        {"juzhang", "director-signoff"},
        {"bangong", "administrative-seal"}}},
      {"joint-document",
       {{"bangong", "office-proofread"},
        {"fenguan-liu", "deputy-review"},
        {"shuji", "secretary-signoff"},
        {"juzhang", "director-signoff"},
        {"bangong", "party-seal"},
        {"bangong", "administrative-seal"}}},
      {"proposal-ordinary",
       {{"guzhang", "section-review"},
        {"fenguan-liu", "deputy-signoff"},
        {"bangong", "administrative-seal"}}},
      {"proposal-important",
       {{"guzhang", "section-review"},
        {"fenguan-liu", "deputy-review"},
        {"juzhang", "principal-signoff"},
        {"bangong", "administrative-seal"}}},
      {"meeting-minutes", {{"bangong", "minutes-proofread"}, {"shuji", "principal-signoff"}}},
      {"decree",
       {{"bangong", "office-proofread"},
        {"fenguan-zhang", "deputy-review"},
        {"fagui", "legal-review"},
        {"juzhang", "decree-signoff"}}},
      {"reimbursement",
       {{"jingshou", "spender"}, {"zhengming", "witness"}, {"juzhang", "director-approval"}}}};
  return signers;
}

// A leave slip: its applicant first, then the approvers; the 分管领导 is the one the policy puts in
// charge of the applicant's department.
Steps leaveSigners(const std::string& chain, const std::string& applicantId) {
  const policy::Policy rules = policy::loadPolicy(bureau().policyPath());
  const policy::Person& applicant = *rules.findPerson(applicantId);
  std::string deputy;
  for (const policy::Person& person : rules.people) {
    for (const std::string& department : person.oversees)
      if (department == applicant.department) deputy = person.id;
  }
  Steps steps{{applicantId, "applicant"}};
  if (chain == "leave-short-staff") steps.push_back({deputy, "deputy-approval"});
  if (chain == "leave-short-leader") steps.push_back({"juzhang", "director-approval"});
  if (chain == "leave-long")
    steps.insert(steps.end(), {{deputy, "deputy-review"}, {"juzhang", "director-approval"}});
  if (chain == "leave-statutory")
    steps.insert(steps.end(),
                 {{"guzhang", "section-confirm"}, {deputy, "deputy-agree"}, {"juzhang", "leader-approval"}});
  return steps;
}

std::string infoText(const poppler::document& document, const char* key) {
  const poppler::byte_array utf8 = document.info_key(key).to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

class SignRenderedSample : public ::testing::TestWithParam<std::string> {};

// Every sample job, rendered by `gongwen render`, signed through its whole chain.
TEST_P(SignRenderedSample, FullChainVerifies) {
  TempDir work;
  const CommandResult render = run(
      {gongwenBinary(), "render", GetParam(), "-o", work.file("0.pdf"), "--policy", bureau().policyPath()});
  ASSERT_EQ(render.exitCode, 0) << render.err;
  const auto document =
      std::unique_ptr<poppler::document>(poppler::document::load_from_file(work.file("0.pdf")));
  ASSERT_TRUE(document);
  const std::string chain = infoText(*document, "GongwenChain");
  if (chain.rfind("leave-", 0) == 0) {
    signChainAndCheck(work.file("0.pdf"), leaveSigners(chain, infoText(*document, "GongwenApplicant")), work);
    return;
  }
  const auto signers = sampleSigners().find(chain);
  ASSERT_NE(signers, sampleSigners().end()) << "no signers for chain '" << chain << "'";
  signChainAndCheck(work.file("0.pdf"), signers->second, work);
}

std::vector<std::string> everySample() {
  std::vector<std::string> jobs = sampleJobs();
  const std::vector<std::string> forms = sampleFormJobs();
  jobs.insert(jobs.end(), forms.begin(), forms.end());
  return jobs;
}

INSTANTIATE_TEST_SUITE_P(SampleJobs, SignRenderedSample, ::testing::ValuesIn(everySample()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

// clang-format off
INSTANTIATE_TEST_SUITE_P(
    ChainsWithoutSampleJobs, SignChain,
    ::testing::Values(
        ChainCase{"party-document", "party-seal",
                  {{"bangong", "office-proofread"}, {"fenguan-zhang", "deputy-review"},
                   {"shuji", "secretary-signoff"}, {"bangong", "party-seal"}}, ""},
        ChainCase{"reimbursement", "",
                  {{"jingshou", "spender"}, {"zhengming", "witness"}, {"juzhang", "director-approval"}}, ""},
        ChainCase{"leave-long", "",
                  {{"chengban", "applicant"}, {"fenguan-liu", "deputy-review"}, {"juzhang", "director-approval"}},
                  "chengban"},
        ChainCase{"leave-statutory", "",
                  {{"chengban", "applicant"}, {"guzhang", "section-confirm"}, {"fenguan-liu", "deputy-agree"},
                   {"juzhang", "leader-approval"}},
                  "chengban"}),
    caseName);
// clang-format on

TEST(SignChain, DelegatedSignOffRecordsWhoWasActedFor) {
  TempDir work;
  writeFileAtomically(work.file("0.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  ASSERT_EQ(signCli(work.file("0.pdf"), work.file("1.pdf"), "bangong", "office-proofread").exitCode, 0);
  ASSERT_EQ(signCli(work.file("1.pdf"), work.file("2.pdf"), "fenguan-zhang", "deputy-review").exitCode, 0);
  const CommandResult r = signCli(work.file("2.pdf"), work.file("3.pdf"), "changwu", "director-signoff");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string pdf = readFile(work.file("3.pdf"));
  const std::string lastRevision = pdf.substr(readFile(work.file("2.pdf")).size());
  EXPECT_NE(lastRevision.find("/GongwenPerson (changwu)"), std::string::npos);
  EXPECT_NE(lastRevision.find("/GongwenActingFor (juzhang)"), std::string::npos);
  EXPECT_NE(lastRevision.find("/GongwenStep (director-signoff)"), std::string::npos);
  // The 常务副局长 signed with his own certificate: pdfsig names him, not the 局长.
  const CommandResult sig = pdfsig(work.file("3.pdf"));
  EXPECT_NE(sig.out.find("孙海涛"), std::string::npos) << sig.out;
}

// Red pixels inside the seal widget's rectangle [360 90 480 210] of page 1, rendered by pdftoppm
// (another process, so that font libraries' own leaks stay out of sanitizer runs of this test).
int redPixelsInSealField(const std::string& path) {
  TempDir work;
  const CommandResult render = run({"pdftoppm", "-r", "36", "-singlefile", path, work.file("page")});
  if (render.exitCode != 0) return -1;
  const std::string ppm = readFile(work.file("page.ppm"));  // P6 width height 255 RGB...
  std::size_t at = 2;
  auto number = [&] {
    while (std::isspace(static_cast<unsigned char>(ppm[at]))) ++at;
    std::size_t end = at;
    while (std::isdigit(static_cast<unsigned char>(ppm[end]))) ++end;
    const int value = std::stoi(ppm.substr(at, end - at));
    at = end;
    return value;
  };
  const int width = number();
  number();  // height
  number();  // maximum value
  const std::size_t pixels = at + 1;
  const auto px = [](double pt) { return static_cast<int>(pt * 36 / 72); };
  int red = 0;
  for (int y = px(841.89 - 210); y < px(841.89 - 90); ++y) {
    for (int x = px(360); x < px(480); ++x) {
      const auto* rgb =
          reinterpret_cast<const unsigned char*>(ppm.data() + pixels + 3 * (std::size_t(y) * width + x));
      if (rgb[0] > 150 && rgb[0] > rgb[1] + 80 && rgb[0] > rgb[2] + 80) ++red;
    }
  }
  return red;
}

TEST(SignChain, SealIsVisibleLocksTheFormAndIsRegistered) {
  TempDir work;
  writeFileAtomically(work.file("0.pdf"), unsignedPdf("bureau-document", "administrative-seal"));
  ASSERT_EQ(signCli(work.file("0.pdf"), work.file("1.pdf"), "bangong", "office-proofread").exitCode, 0);
  ASSERT_EQ(signCli(work.file("1.pdf"), work.file("2.pdf"), "fenguan-zhang", "deputy-review").exitCode, 0);
  ASSERT_EQ(signCli(work.file("2.pdf"), work.file("3.pdf"), "juzhang", "director-signoff").exitCode, 0);
  const CommandResult r = signCli(work.file("3.pdf"), work.file("4.pdf"), "bangong", "administrative-seal");
  ASSERT_EQ(r.exitCode, 0) << r.err;

  const std::string sealRevision = readFile(work.file("4.pdf")).substr(readFile(work.file("3.pdf")).size());
  EXPECT_NE(sealRevision.find("/SigFieldLock"), std::string::npos);
  EXPECT_NE(sealRevision.find("/TransformMethod /FieldMDP"), std::string::npos);
  EXPECT_NE(sealRevision.find("/BM /Multiply"), std::string::npos);

  EXPECT_EQ(redPixelsInSealField(work.file("3.pdf")), 0);
  EXPECT_GT(redPixelsInSealField(work.file("4.pdf")), 200) << "the seal image is not drawn in its field";

  // 用印登记: one row for the approved document (the input), naming the keeper, the step and who
  // authorised it, and named in turn by the seal's signed revision.
  const std::string sha = run({"sha256sum", work.file("3.pdf")}).out.substr(0, 64);
  const CommandResult rows =
      run({"sqlite3", bureau().file("registry/seal-uses.sqlite"),
           "SELECT seal, person, step, authorised_by FROM seal_use WHERE document_sha256 = '" + sha + "'"});
  EXPECT_EQ(rows.out, "administrative-seal|bangong|administrative-seal|juzhang\n") << rows.err;
  const std::string named =
      run({"sqlite3", bureau().file("registry/seal-uses.sqlite"),
           "SELECT '/GongwenSealUse ' || seq || ' /GongwenSealUseHash (' || row_hash || ')' FROM seal_use "
           "WHERE document_sha256 = '" +
               sha + "'"})
          .out;
  ASSERT_FALSE(named.empty());
  EXPECT_NE(sealRevision.find(named.substr(0, named.size() - 1)), std::string::npos) << named;
}

}  // namespace
}  // namespace gongwen::testing::signfx
