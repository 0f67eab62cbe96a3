// The 令's 签名章 (GB/T 9704 7.3.5.3): the sample 令 rendered by `gongwen render`, signed through its
// chain by `gongwen sign` with the policy; the 局长 presses his own 签名章 in his own sign-off, signed
// with his own key. Drawn by Poppler: the 签名章 is red ink inside its field, right-indented 4 字,
// and the 职务 and date beside and below it stay black.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "tests/signing/SampleChains.h"
#include "tests/signing/VerifyFixture.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

constexpr double kDpi = 150;
constexpr double kFieldWidth = 40 * kPtPerMm;

// `extra`: --allow-findings for a 令 that check faults (render refuses it otherwise).
std::string renderSample(const TempDir& work, const std::string& job, const std::string& extra = "") {
  std::ofstream(work.file("decree.xml")) << job;
  std::vector<std::string> argv = {gongwenBinary(), "render", work.file("decree.xml"), "-o",
                                   work.file("decree.pdf")};
  if (!extra.empty()) argv.push_back(extra);
  const CommandResult r = run(argv);
  if (r.exitCode != 0) throw std::runtime_error("render: " + r.err);
  return readFile(work.file("decree.pdf"));
}

const std::string& sampleJob() {
  static const std::string job = readFile(sourcePath("samples/jobs/decree-eia-approval-procedure.xml"));
  return job;
}

TEST(DecreeSigning, TheDirectorPressesHisSignatureSealInHisOwnStepAndItIsRedWhereSevenThreeFiveThreePutsIt) {
  TempDir work;
  const std::string rendered = renderSample(work, sampleJob());
  const std::string signedPdf = signThroughChain(rendered, "decree");

  const verify::Report report = verifyWithPolicy(signedPdf);
  EXPECT_TRUE(report.ok()) << verify::formatText(report);
  EXPECT_EQ(report.claims.chain, "decree");
  ASSERT_EQ(report.signatures.size(), 4u);
  EXPECT_EQ(report.signatures.back().step, "decree-signoff");
  EXPECT_EQ(report.signatures.back().claimedPerson, "juzhang");
  EXPECT_EQ(verifyWithCli(signedPdf).exitCode, 0);

  writeFileAtomically(work.file("signed.pdf"), signedPdf);
  const PdfInspect before(work.file("decree.pdf")), after(work.file("signed.pdf"));
  const Raster plain = before.render(0, kDpi), inked = after.render(0, kDpi);
  int left = inked.width, top = inked.height, right = -1, bottom = -1;
  long red = 0;
  for (int y = 0; y < inked.height; ++y) {
    for (int x = 0; x < inked.width; ++x) {
      const size_t at = static_cast<size_t>(y) * inked.width + x;
      if (inked.redness[at] > 100 && plain.redness[at] < 30) {
        ++red;
        left = std::min(left, x), right = std::max(right, x);
        top = std::min(top, y), bottom = std::max(bottom, y);
      }
    }
  }
  ASSERT_GT(red, 2000) << "no 签名章 ink on the signed page";
  // The brush name lies inside the field, whose right edge is 4 字 in from the 版心's.
  EXPECT_LE(inked.toPt(right + 1), kBodyRight - 4 * kCharCell + 1);
  EXPECT_GE(inked.toPt(left), kBodyRight - 4 * kCharCell - kFieldWidth - 1);
  // Dark red, not a pale tint: the strokes are solid ink.
  long solid = 0;
  for (int y = top; y <= bottom; ++y) {
    for (int x = left; x <= right; ++x)
      solid += inked.redness[static_cast<size_t>(y) * inked.width + x] > 150;
  }
  EXPECT_GT(solid * 2, red) << "most of the 签名章's ink is full red";
  // The 职务 and the date keep every black pixel they had.
  long textPixels = 0, kept = 0;
  for (const TextLine& line : after.lines(0)) {
    if (line.text() != "局长" && line.text() != "2026年11月25日") continue;
    for (int y = int(line.top * kDpi / 72); y <= int(line.bottom * kDpi / 72); ++y) {
      for (int x = int(line.left() * kDpi / 72); x <= int(line.right() * kDpi / 72); ++x) {
        const size_t at = static_cast<size_t>(y) * inked.width + x;
        if (plain.grey[at] >= 60) continue;
        ++textPixels;
        kept += inked.grey[at] < 60;
      }
    }
  }
  EXPECT_GT(textPixels, 100);
  EXPECT_EQ(kept, textPixels);
}

// A 令 rendered without a field for the 签名章 cannot take the 局长's sign-off: it is refused before
// anything is signed, and nothing is written.
TEST(DecreeSigning, SignOffIsRefusedWhenTheDocumentHasNoFieldForTheSignersSignatureSeal) {
  TempDir work;
  const std::string job = std::regex_replace(sampleJob(), std::regex(" seal=\"juzhang-signature\""), "");
  std::string pdf = renderSample(work, job, "--allow-findings");
  for (const auto& [step, candidates] : signersByChain().at("decree")) {
    if (step == "decree-signoff") break;
    pdf = signByFirstAccepted(pdf, step, candidates);
  }
  writeFileAtomically(work.file("approved.pdf"), pdf);
  const CommandResult r =
      run({gongwenBinary(), "sign", work.file("approved.pdf"), "-o", work.file("out.pdf"), "--policy",
           bureau().policyPath(), "--as", "juzhang", "--password-env", "GONGWEN_TEST_PASSWORD"},
          bureau().environment());
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("error[sign.seal-field]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("juzhang-signature"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(work.file("out.pdf")));
}

}  // namespace
}  // namespace gongwen::testing
