// Signing a rendered 请假条 or 报销凭证 fills the box of the step being signed, visibly: the signer's
// name and the signing time appear inside that box's rectangle as poppler-cpp reads the page, the
// boxes of the steps still to come stay empty, and the wrong approver is refused.

#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <map>

#include "tests/signing/SignFixture.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/SignatureFields.h"

namespace gongwen::testing::signfx {
namespace {

using Rect = FieldRect;

// The characters poppler reads inside the rectangle, in reading order.
std::string textInside(const PdfInspect& pdf, const Rect& box) {
  const double pageHeight = pdf.pageSize(0).second;
  std::string text;
  for (const TextLine& line : pdf.lines(0)) {
    for (const CharBox& c : line.chars) {
      const double bottom = pageHeight - c.bottom, top = pageHeight - c.top;
      const double middleX = (c.left + c.right) / 2, middleY = (bottom + top) / 2;
      if (middleX > box.left && middleX < box.right && middleY > box.bottom && middleY < box.top) {
        EXPECT_TRUE(c.left >= box.left - 0.5 && c.right <= box.right + 0.5 && bottom >= box.bottom - 0.5 &&
                    top <= box.top + 0.5)
            << "'" << c.text << "' crosses the edge of its box";
        text += c.text;
      }
    }
  }
  return withoutWhitespace(text);
}

// Whether the box shows the bureau's wall-clock time (北京时间, UTC+8) of a minute in [from, to], not
// the UTC time a reader in 江州 would take for a time eight hours earlier.
bool showsBeijingTime(const std::string& inside, std::time_t from, std::time_t to) {
  for (std::time_t t = from - from % 60; t <= to; t += 60) {
    std::tm parts{};
    const std::time_t beijing = t + 8 * 3600;
    gmtime_r(&beijing, &parts);
    char expected[32];
    std::strftime(expected, sizeof expected, "%Y-%m-%d%H:%MUTC+08:00", &parts);
    if (inside.find(expected) != std::string::npos) return true;
  }
  return false;
}

using Steps = std::vector<std::pair<std::string, std::string>>;  // person, step

class FormBoxSigning : public ::testing::Test {
 protected:
  std::string rendered(const std::string& sample) {
    const std::string out = work.file("0.pdf");
    const CommandResult r = run({gongwenBinary(), "render", sourcePath("samples/jobs/" + sample), "-o", out,
                                 "--policy", bureau().policyPath()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return out;
  }

  // Signs step by step; after each, the boxes signed so far show their signer's name and the time,
  // the others nothing.
  std::string signEachBox(const std::string& sample, const Steps& steps) {
    std::string current = rendered(sample);
    const std::map<std::string, Rect> boxes = stepFieldRects(current);
    EXPECT_EQ(boxes.size(), steps.size()) << "one box per step of the chain";
    const policy::Policy rules = policy::loadPolicy(bureau().policyPath());
    std::vector<std::pair<std::time_t, std::time_t>> signedDuring;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string next = work.file(std::to_string(i + 1) + ".pdf");
      const std::time_t before = std::time(nullptr);
      const CommandResult r = signCli(current, next, steps[i].first, steps[i].second);
      signedDuring.emplace_back(before, std::time(nullptr));
      EXPECT_EQ(r.exitCode, 0) << steps[i].second << ": " << r.err;
      if (r.exitCode != 0) return current;
      current = next;
      const PdfInspect pdf(current);
      for (std::size_t j = 0; j < steps.size(); ++j) {
        const auto box = boxes.find(steps[j].second);
        if (box == boxes.end()) {
          ADD_FAILURE() << "no box for step " << steps[j].second;
          continue;
        }
        const std::string inside = textInside(pdf, box->second);
        if (j <= i) {
          const std::string name = rules.findPerson(steps[j].first)->name;
          EXPECT_EQ(inside.rfind(name, 0), 0u) << steps[j].second << " box shows '" << inside << "'";
          EXPECT_TRUE(showsBeijingTime(inside, signedDuring[j].first, signedDuring[j].second))
              << "the signing time: " << inside;
        } else {
          EXPECT_EQ(inside, "") << steps[j].second << " is not signed yet";
        }
      }
      const CommandResult qpdf = run({"qpdf", "--check", current});
      EXPECT_EQ(qpdf.exitCode, 0) << qpdf.out << qpdf.err;
    }
    return current;
  }

  TempDir work;
};

TEST_F(FormBoxSigning, EachStepOfALeaveSlipFillsItsOwnBoxAndTheSignedSlipVerifies) {
  const std::string pdf = signEachBox("leave-marriage.xml", {{"chengban", "applicant"},
                                                             {"guzhang", "section-confirm"},
                                                             {"fenguan-liu", "deputy-agree"},
                                                             {"juzhang", "leader-approval"}});
  const CommandResult text = run({"pdftotext", "-enc", "UTF-8", pdf, "-"});
  for (const char* name : {"吴磊", "周文斌", "刘晓燕", "王建国"})
    EXPECT_NE(text.out.find(name), std::string::npos) << name;
  const CommandResult verify = run({gongwenBinary(), "verify", pdf, "--policy", bureau().policyPath()});
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
  // The signature's appearance is a Form XObject with its own subset font, like the page's fonts.
  const CommandResult fonts = run({"pdffonts", pdf});
  EXPECT_EQ(countOf(fonts.out, "yes yes yes"), countOf(fonts.out, "Identity-H")) << fonts.out;
}

TEST_F(FormBoxSigning, TheVoucherBoxesOfSpenderWitnessAndDirector) {
  const std::string pdf =
      signEachBox("voucher-monitoring-equipment.xml",
                  {{"jingshou", "spender"}, {"zhengming", "witness"}, {"juzhang", "director-approval"}});
  const CommandResult verify = run({gongwenBinary(), "verify", pdf, "--policy", bureau().policyPath()});
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
}

TEST_F(FormBoxSigning, TheWrongApproverIsRefusedAndNothingIsWritten) {
  const std::string slip = rendered("leave-marriage.xml");  // 吴磊 of 业务股, 分管: 刘晓燕
  auto refusal = [&](const std::string& in, const std::string& person, const std::string& step) {
    const std::string out = work.file("refused.pdf");
    const CommandResult r = signCli(in, out, person, step);
    EXPECT_FALSE(std::ifstream(out).good()) << person << " at " << step << " wrote a PDF";
    return r;
  };
  // Only the applicant signs his own box.
  CommandResult r = refusal(slip, "guzhang", "applicant");
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("policy.signer-not-allowed"), std::string::npos) << r.err;

  ASSERT_EQ(signCli(slip, work.file("1.pdf"), "chengban", "applicant").exitCode, 0);
  ASSERT_EQ(signCli(work.file("1.pdf"), work.file("2.pdf"), "guzhang", "section-confirm").exitCode, 0);
  // A 分管领导 not in charge of the applicant's 股室.
  r = refusal(work.file("2.pdf"), "fenguan-zhang", "deputy-agree");
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("policy.not-in-charge"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("业务股"), std::string::npos) << r.err;
  ASSERT_EQ(signCli(work.file("2.pdf"), work.file("3.pdf"), "fenguan-liu", "deputy-agree").exitCode, 0);
  // A staff member at the 局领导 step.
  r = refusal(work.file("3.pdf"), "chengban", "leader-approval");
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("policy.signer-not-allowed"), std::string::npos) << r.err;

  // On a staff member's short leave, a leader approving out of turn or another department's deputy.
  TempDir other;
  const std::string half = other.file("half.pdf");
  ASSERT_EQ(run({gongwenBinary(), "render", sourcePath("samples/jobs/leave-personal-half-day.xml"), "-o",
                 half, "--policy", bureau().policyPath()})
                .exitCode,
            0);
  ASSERT_EQ(signCli(half, other.file("1.pdf"), "dangan", "applicant").exitCode, 0);  // 办公室: 张志强
  r = refusal(other.file("1.pdf"), "fenguan-liu", "deputy-approval");
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_NE(r.err.find("policy.not-in-charge"), std::string::npos) << r.err;
}

TEST_F(FormBoxSigning, TheBoxIsSetInTheFontsOfSignFontsAndABrokenConfigurationWritesNothing) {
  const std::string slip = rendered("leave-personal-half-day.xml");
  const std::string fonts = work.file("fonts.xml");
  std::string config = readFile(sourcePath("fonts/fonts.xml"));
  config.replace(config.find("name=\"kaiti\""), 12, "name=\"kaishu\"");
  writeFileAtomically(fonts, config);
  std::vector<std::string> argv{gongwenBinary(),
                                "sign",
                                slip,
                                "-o",
                                work.file("1.pdf"),
                                "--policy",
                                bureau().policyPath(),
                                "--as",
                                "dangan",
                                "--password-env",
                                "GONGWEN_TEST_PASSWORD",
                                "--fonts",
                                fonts};
  const CommandResult r = run(argv, bureau().environment());
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("kaishu"), std::string::npos) << r.err;
  EXPECT_FALSE(std::ifstream(work.file("1.pdf")).good());
}

TEST_F(FormBoxSigning, ANameTheFontCannotShowIsRefusedNamingTheCharacter) {
  // 周文斌 renamed with a character outside the Basic Multilingual Plane that no configured 楷体 has.
  std::string xml = readFile(bureau().policyPath());
  xml.replace(xml.find("name=\"周文斌\""), std::string("name=\"周文斌\"").size(), "name=\"周文\U0001F600\"");
  const std::string policy = bureau().file("policy-glyph.xml");
  writeFileAtomically(policy, xml);
  const std::string slip = rendered("leave-marriage.xml");
  ASSERT_EQ(signCli(slip, work.file("1.pdf"), "chengban", "applicant", "", policy).exitCode, 0);
  const CommandResult r =
      signCli(work.file("1.pdf"), work.file("2.pdf"), "guzhang", "section-confirm", "", policy);
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("sign.missing-glyph"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\U0001F600"), std::string::npos) << "names the character: " << r.err;
  EXPECT_FALSE(std::ifstream(work.file("2.pdf")).good());
}

TEST_F(FormBoxSigning, ABoxTooSmallToShowANameIsRefused) {
  // A leave slip whose applicant box is 2 × 1 pt: the field of the shaped document, renamed.
  const std::string tiny = "/GongwenStep (applicant) /Rect [360 90 362 91]";
  const std::string sealId(tiny.size() - std::string("/GongwenSeal () /Rect [360 90 480 210]").size(), 'x');
  const std::string field = "/GongwenSeal (" + sealId + ") /Rect [360 90 480 210]";
  ASSERT_EQ(tiny.size(), field.size()) << "same length, so that the cross-reference offsets hold";
  std::string pdf = unsignedPdf("leave-short-staff", sealId, "chengban");
  pdf.replace(pdf.find(field), field.size(), tiny);
  writeFileAtomically(work.file("tiny.pdf"), pdf);
  const CommandResult r = signCli(work.file("tiny.pdf"), work.file("1.pdf"), "chengban", "applicant");
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("sign.box-too-small"), std::string::npos) << r.err;
  EXPECT_FALSE(std::ifstream(work.file("1.pdf")).good());
}

}  // namespace
}  // namespace gongwen::testing::signfx
