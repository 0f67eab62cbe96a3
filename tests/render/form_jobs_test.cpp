// The sample leave slips and vouchers through `gongwen render --policy`, read back by independent
// tools (qpdf, pdffonts, pdftotext, poppler-cpp), and the form jobs render refuses: without the
// policy, naming another chain than the policy's, money that does not add up, a 大写金额 that
// disagrees, a slip that is not its applicant's.

#include <gtest/gtest.h>
#include <poppler-document.h>

#include <fstream>
#include <memory>
#include <set>
#include <utility>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/forms/FormChain.h"
#include "pipeline/forms/LeaveSlipForm.h"
#include "pipeline/forms/VoucherForm.h"
#include "pipeline/job/JobLoader.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace gongwen {
namespace {

using testing::CommandResult;
using testing::run;
using testing::sourcePath;
using testing::TempDir;
using testing::withoutWhitespace;

std::string policyPath() { return sourcePath("samples/policy.xml"); }

CommandResult render(const std::string& job, const std::string& out, bool withPolicy = true) {
  std::vector<std::string> argv{testing::gongwenBinary(), "render", job, "-o", out};
  if (withPolicy) argv.insert(argv.end(), {"--policy", policyPath()});
  return run(argv);
}

// The form the job becomes, built as render builds it.
model::Form expectedForm(const std::string& job) {
  const model::Document doc = job::loadJob(job);
  const policy::Policy policy = policy::loadPolicy(policyPath());
  const policy::Chain& chain = forms::formChain(policy, doc);
  return doc.leave ? forms::leaveSlipForm(doc, chain) : forms::voucherForm(doc, chain);
}

bool takeOut(std::string& hay, const std::string& needle) {
  const auto at = hay.find(needle);
  if (at == std::string::npos) return false;
  hay.erase(at, needle.size());
  return true;
}

class FormSample : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    pdf = dir.file("form.pdf");
    const CommandResult r = render(GetParam(), pdf);
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  TempDir dir;
  std::string pdf;
};

TEST_P(FormSample, PassesCheckWithNoError) {
  const CommandResult r = run({testing::gongwenBinary(), "check", GetParam()});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

TEST_P(FormSample, QpdfFindsNoProblem) {
  const CommandResult r = run({"qpdf", "--check", pdf});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
}

TEST_P(FormSample, EveryFontIsEmbeddedSubsetWithToUnicode) {
  const std::vector<testing::ListedFont> fonts = testing::listFonts(pdf);
  EXPECT_GE(fonts.size(), 3u);
  for (const testing::ListedFont& font : fonts)
    EXPECT_TRUE(font.embedded && font.subset && font.toUnicode) << font.line;
}

// Every cell, box caption and line of the form is in the PDF's text, and nothing else is.
TEST_P(FormSample, PdftotextGivesBackEveryCell) {
  const model::Form form = expectedForm(GetParam());
  const CommandResult r = run({"pdftotext", "-enc", "UTF-8", pdf, "-"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string rest = withoutWhitespace(r.out);
  std::vector<std::string> expected{form.title.value};
  for (const auto& line : form.linesAbove) expected.push_back(line.text.value);
  for (const auto& row : form.rows) {
    for (const auto& cell : row.cells) expected.push_back(cell.text.value);
  }
  size_t values = 0;
  for (const std::string& text : expected) {
    EXPECT_TRUE(takeOut(rest, withoutWhitespace(text))) << "missing from the PDF's text: " << text;
    ++values;
  }
  EXPECT_GE(values, 15u);
  EXPECT_EQ(rest, "") << "text in the PDF that the form does not have";
}

TEST_P(FormSample, ClaimsWhatSignAndVerifyDeriveTheChainFrom) {
  const model::Document doc = job::loadJob(GetParam());
  const policy::DocumentClaims claims = forms::formClaims(policy::loadPolicy(policyPath()), doc);
  const auto document = std::unique_ptr<poppler::document>(poppler::document::load_from_file(pdf));
  ASSERT_TRUE(document);
  auto info = [&](const char* key) {
    const poppler::byte_array utf8 = document->info_key(key).to_utf8();
    return std::string(utf8.begin(), utf8.end());
  };
  EXPECT_EQ(info("GongwenTemplate"), doc.leave ? "leave" : "voucher");
  EXPECT_EQ(info("GongwenChain"), claims.chain);
  EXPECT_FALSE(claims.chain.empty());
  std::ifstream in(pdf, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (doc.leave) {
    EXPECT_EQ(info("GongwenApplicant"), doc.leave->applicantId.value);
    EXPECT_EQ(info("GongwenLeaveKind"), doc.leave->kind.value);
    // A number, not a string: the verifier reads /GongwenLeaveDays as one.
    EXPECT_NE(bytes.find("/GongwenLeaveDays " + doc.leave->days.value), std::string::npos);
  } else {
    EXPECT_EQ(claims.chain, "reimbursement");
    EXPECT_EQ(claims.issuers, std::vector<std::string>{doc.voucher->issuer.value});
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, FormSample, ::testing::ValuesIn(testing::sampleFormJobs()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(info.param.rfind('/') + 1);
                           name = name.substr(0, name.size() - 4);
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(FormSamples, ThreeLeaveChainFamiliesAndThreeKindsOfVoucher) {
  std::set<std::string> chains;
  size_t vouchers = 0;
  for (const std::string& job : testing::sampleFormJobs()) {
    const model::Document doc = job::loadJob(job);
    chains.insert(forms::formChain(policy::loadPolicy(policyPath()), doc).id);
    if (doc.voucher) ++vouchers;
  }
  for (const char* chain : {"leave-short-staff", "leave-short-leader", "leave-long", "leave-statutory"})
    EXPECT_EQ(chains.count(chain), 1u) << chain;
  EXPECT_GE(vouchers, 3u);
}

// ---- what render refuses ------------------------------------------------------------------

class FormJobRefusal : public ::testing::Test {
 protected:
  // The sample job with replacements made in turn, written to the temporary directory.
  std::string edited(const std::string& sample, const std::string& from, const std::string& to,
                     const std::vector<std::pair<std::string, std::string>>& more = {}) {
    std::ifstream in(sourcePath("samples/jobs/" + sample), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::pair<std::string, std::string>> replacements{{from, to}};
    replacements.insert(replacements.end(), more.begin(), more.end());
    for (const auto& [a, b] : replacements) {
      const auto at = text.find(a);
      EXPECT_NE(at, std::string::npos) << a;
      if (at != std::string::npos) text.replace(at, a.size(), b);
    }
    const std::string path = dir.file(sample);
    writeFileAtomically(path, text);
    return path;
  }
  CommandResult refused(const std::string& job) {
    const CommandResult r = render(job, dir.file("out.pdf"));
    EXPECT_FALSE(std::ifstream(dir.file("out.pdf")).good()) << "a refused job wrote its PDF";
    return r;
  }
  TempDir dir;
};

TEST_F(FormJobRefusal, WithoutThePolicyIsAUsageErrorNamingTheOption) {
  for (const char* sample : {"leave-marriage.xml", "voucher-meeting-meals.xml"}) {
    const CommandResult r = render(sourcePath("samples/jobs/") + sample, dir.file("out.pdf"), false);
    EXPECT_EQ(r.exitCode, 2) << sample << ": " << r.err;
    EXPECT_NE(r.err.find("usage.policy-required"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--policy"), std::string::npos) << r.err;
  }
}

TEST_F(FormJobRefusal, ALeaveJobNamingAnotherChainThanThePolicysIsRefused) {
  const CommandResult r = refused(edited("leave-personal-half-day.xml", "<job template=\"leave\">",
                                         "<job template=\"leave\" approvalChain=\"leave-long\">"));
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("policy.chain-not-allowed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("leave-short-staff"), std::string::npos) << "names the chain it takes: " << r.err;
  // Naming the chain the rules choose is allowed.
  const CommandResult same = render(edited("leave-personal-half-day.xml", "<job template=\"leave\">",
                                           "<job template=\"leave\" approvalChain=\"leave-short-staff\">"),
                                    dir.file("same.pdf"));
  EXPECT_EQ(same.exitCode, 0) << same.err;
}

TEST_F(FormJobRefusal, AVoucherWhoseCapitalAmountDisagreesIsInputInvalidNamingBoth) {
  const CommandResult r = refused(edited("voucher-meeting-meals.xml", "贰仟元整", "贰仟零壹元整"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("voucher.capitals"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("贰仟零壹元整"), std::string::npos) << "the written one: " << r.err;
  EXPECT_NE(r.err.find("“贰仟元整”"), std::string::npos) << "the right one: " << r.err;
  EXPECT_NE(r.err.find("totalInCapitals"), std::string::npos) << "the element: " << r.err;
}

TEST_F(FormJobRefusal, ItemsThatDoNotAddUpToTheTotalAreRefused) {
  const CommandResult r = refused(edited("voucher-meeting-meals.xml", "<total>2,000.00", "<total>2,000.01"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("voucher.total"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2,000.00"), std::string::npos) << "the sum of the items: " << r.err;
}

TEST_F(FormJobRefusal, AnItemWhoseAmountIsNotQuantityTimesPriceIsRefused) {
  const CommandResult r =
      refused(edited("voucher-office-supplies.xml", "quantity=\"12\"", "quantity=\"13\""));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("voucher.item-amount"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("30.55"), std::string::npos) << "13 × 2.35: " << r.err;
}

TEST_F(FormJobRefusal, ASlipThatIsNotItsApplicantsIsRefused) {
  const CommandResult r = refused(edited("leave-marriage.xml", "<department>业务股", "<department>办公室"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("leave.applicant"), std::string::npos) << r.err;
  const CommandResult role = refused(edited("leave-marriage.xml", "<role>承办人", "<role>局长"));
  EXPECT_EQ(role.exitCode, 3) << role.err;
}

TEST_F(FormJobRefusal, DaysThatDoNotFitTheDatesOrStatutoryLeaveWithoutCoverAreCheckErrors) {
  const CommandResult days = refused(edited("leave-sick-three-days.xml", "<days>3", "<days>1.5"));
  EXPECT_EQ(days.exitCode, 1) << days.err;
  EXPECT_NE(days.err.find("leave.days"), std::string::npos) << days.err;
  const CommandResult cover =
      refused(edited("leave-marriage.xml", "<coverage>", "<!--", {{"</coverage>", "-->"}}));
  EXPECT_EQ(cover.exitCode, 1) << cover.err;
  EXPECT_NE(cover.err.find("leave.coverage"), std::string::npos) << cover.err;
}

TEST_F(FormJobRefusal, AFormTemplateWithoutItsContentIsRefused) {
  const CommandResult r =
      refused(edited("voucher-meeting-meals.xml", "template=\"voucher\"", "template=\"leave\""));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("job.form-template"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace gongwen
