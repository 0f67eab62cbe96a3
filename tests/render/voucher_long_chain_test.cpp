// A voucher whose reimbursement chain has more steps than the form has columns keeps one box per
// step: the boxes continue on further rows, every one inside the 版心 and none over another, as
// pdftotext -bbox (the captions) and the widgets' /Rect (the signature fields) show.

#include <gtest/gtest.h>
#include <fstream>
#include <sstream>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/SignatureFields.h"
#include "tests/support/TestSupport.h"

namespace gongwen {
namespace {

using testing::CommandResult;
using testing::run;
using testing::sourcePath;
using testing::TempDir;

// GB/T 9704's 版心 on A4, in points with the origin at the top left (pdftotext's): 28 mm from
// the left, 37 mm from the top, 156 × 225 mm.
constexpr double kPt = 72.0 / 25.4;
constexpr double kLeft = 28 * kPt, kRight = (28 + 156) * kPt, kTop = 37 * kPt, kBottom = (37 + 225) * kPt;
constexpr double kPageHeight = 297 * kPt;

struct Box {
  std::string name;
  double left = 0, top = 0, right = 0, bottom = 0;  // top-left origin
};

bool overlap(const Box& a, const Box& b) {
  return a.left < b.right - 0.01 && b.left < a.right - 0.01 && a.top < b.bottom - 0.01 &&
         b.top < a.bottom - 0.01;
}

void expectInsideAndApart(const std::vector<Box>& boxes, const char* what) {
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Box& b = boxes[i];
    EXPECT_TRUE(b.left >= kLeft - 0.5 && b.right <= kRight + 0.5 && b.top >= kTop - 0.5 &&
                b.bottom <= kBottom + 0.5)
        << what << " " << b.name << " leaves the type area: x " << b.left << "–" << b.right << ", y " << b.top
        << "–" << b.bottom;
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      EXPECT_FALSE(overlap(b, boxes[j])) << what << " " << b.name << " overlaps " << boxes[j].name;
  }
}

// The caption of each step as pdftotext -bbox places its word.
std::vector<Box> captions(const std::string& pdf, const std::vector<std::string>& names) {
  const CommandResult r = run({"pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  std::vector<Box> found;
  for (const std::string& name : names) {
    const std::string word = ">" + name + "</word>";
    const auto at = r.out.find(word);
    EXPECT_NE(at, std::string::npos) << "no caption " << name << " in\n" << r.out;
    if (at == std::string::npos) continue;
    const std::string tag = r.out.substr(r.out.rfind("<word", at), at - r.out.rfind("<word", at));
    Box box{name};
    std::sscanf(tag.c_str(), "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &box.left, &box.top,
                &box.right, &box.bottom);
    found.push_back(box);
  }
  return found;
}

// The rectangle of every signature field that names a step, top-left origin like pdftotext's.
std::vector<Box> signatureFields(const std::string& path) {
  std::vector<Box> boxes;
  for (const auto& [step, r] : testing::stepFieldRects(path))
    boxes.push_back({step, r.left, kPageHeight - r.top, r.right, kPageHeight - r.bottom});
  return boxes;
}

class LongReimbursementChain : public ::testing::TestWithParam<int> {
 protected:
  // The sample policy with a reimbursement chain of `steps` steps, next to the sample's files.
  std::string policyWithSteps(int steps) {
    std::ifstream in(sourcePath("samples/policy.xml"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string start = "<chain id=\"reimbursement\"";
    const auto from = text.find(start);
    const auto to = text.find("</chain>", from);
    EXPECT_NE(to, std::string::npos);
    std::string chain = start + " name=\"报销凭证\">\n";
    for (int i = 0; i < steps; ++i) {
      names.push_back(kNames[i]);
      chain += "<step id=\"step" + std::to_string(i) + "\" name=\"" + kNames[i] + "\" roles=\"局长\"/>\n";
    }
    text.replace(from, to - from, chain);
    // The policy's relative paths name the sample's files.
    for (const char* folder : {"pki/", "seals/", "registry/"}) {
      const std::string relative = std::string("\"") + folder;
      const std::string absolute = "\"" + sourcePath("samples/") + folder;
      for (auto at = text.find(relative); at != std::string::npos;
           at = text.find(relative, at + absolute.size()))
        text.replace(at, relative.size(), absolute);
    }
    const std::string policy = dir.file("policy.xml");
    writeFileAtomically(policy, text);
    return policy;
  }
  static constexpr const char* kNames[] = {"经手人签字", "证明人签字",   "股室审核",
                                           "财务复核",   "分管领导审核", "局长审批"};
  std::vector<std::string> names;
  TempDir dir;
};

TEST_P(LongReimbursementChain, EveryStepHasItsBoxInsideTheTypeAreaAndNoneOverlap) {
  const std::string pdf = dir.file("voucher.pdf");
  const CommandResult r =
      run({testing::gongwenBinary(), "render", sourcePath("samples/jobs/voucher-monitoring-equipment.xml"),
           "-o", pdf, "--policy", policyWithSteps(GetParam())});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::vector<Box> labels = captions(pdf, names);
  EXPECT_EQ(labels.size(), names.size());
  expectInsideAndApart(labels, "caption");
  const std::vector<Box> fields = signatureFields(pdf);
  EXPECT_EQ(fields.size(), names.size()) << "one signature field per step";
  expectInsideAndApart(fields, "signature field");
  const CommandResult qpdf = run({"qpdf", "--check", pdf});
  EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out;
}

INSTANTIATE_TEST_SUITE_P(FiveAndSixSteps, LongReimbursementChain, ::testing::Values(5, 6));

}  // namespace
}  // namespace gongwen
