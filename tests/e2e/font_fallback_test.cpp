// Issue 12, item 6: a character the role's first family lacks is drawn from the next family of
// the role that has it, and only a document that needs that family embeds it — measured on what
// poppler-cpp and pdffonts read from the real binary's PDF.

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/Gbt9704Geometry.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

using namespace gongwen::testing;

namespace {

// The sample reply with `extra` after its last paragraph's text.
std::string replyWith(const std::string& extra) {
  const std::string sample = gongwen::readFile(sourcePath("samples/jobs/reply-inspection-plan.xml"));
  return std::regex_replace(sample, std::regex("此复。"), "此复。" + extra);
}

CommandResult render(const TempDir& dir, const std::string& name, const std::string& job) {
  std::ofstream(dir.file(name + ".xml")) << job;
  return run({gongwenBinary(), "render", dir.file(name + ".xml"), "-o", dir.file(name + ".pdf")});
}

}  // namespace

// FandolFang, the shipped 仿宋, lacks 喆 (common in given names); fonts.xml lists Noto Serif CJK SC
// after it, so 喆 comes from Noto on the grid of the 仿宋 text around it.
TEST(FontFallback, ACharacterTheFirstFamilyLacksComesFromTheNextFamilyOfTheRole) {
  TempDir dir;
  const auto r = render(dir, "zhe", replyWith("联系人：张喆，联系电话：86001234。"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  PdfInspect pdf(dir.file("zhe.pdf"));
  const CharBox* zhe = nullptr;
  const CharBox* zhang = nullptr;
  for (const auto& line : pdf.lines(pdf.pages() - 1)) {
    for (size_t i = 0; i < line.chars.size(); ++i) {
      if (line.chars[i].text == "喆") zhe = &line.chars[i], zhang = &line.chars[i - 1];
    }
    if (zhe) {
      EXPECT_NE(zhe->font.find("NotoSerifCJK"), std::string::npos) << zhe->font;
      EXPECT_NE(zhang->font.find("FandolFang"), std::string::npos) << zhang->font;
      EXPECT_NEAR(zhe->fontSize, 16, 0.5);
      EXPECT_NEAR(zhe->bottom, zhang->bottom, 0.5) << "on the line's baseline";
      // On the 28-character grid: one 字 after its neighbour.
      EXPECT_NEAR((zhe->left + zhe->right) / 2 - (zhang->left + zhang->right) / 2, kCharCell, 0.5);
      EXPECT_GT(zhe->left, kBodyLeft);
      break;
    }
  }
  ASSERT_NE(zhe, nullptr) << "喆 is not in the text poppler reads";
  const auto text = run({"pdftotext", dir.file("zhe.pdf"), "-"});
  EXPECT_NE(withoutWhitespace(text.out).find("联系人：张喆，联系电话：86001234。"), std::string::npos)
      << text.out;
  const auto fonts = run({"pdffonts", dir.file("zhe.pdf")});
  EXPECT_NE(fonts.out.find("NotoSerifCJKsc-Regular"), std::string::npos) << fonts.out;
}

// The next family is embedded only where a character needs it.
TEST(FontFallback, ADocumentWhoseFirstFamiliesHaveEveryCharacterEmbedsNoOther) {
  TempDir dir;
  const auto r = render(dir, "plain", replyWith("联系人：张明。"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto fonts = run({"pdffonts", dir.file("plain.pdf")});
  EXPECT_NE(fonts.out.find("FandolFang"), std::string::npos) << fonts.out;
  EXPECT_EQ(fonts.out.find("NotoSerif"), std::string::npos) << fonts.out;
}

// When no family of the role has the character, the error still names it, the job's line and
// element, the role and its font.
TEST(FontFallback, ACharacterNoFamilyHasIsStillOneErrorLine) {
  TempDir dir;
  const auto r = render(dir, "none", replyWith("鿫"));
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("error[font.missing-glyph]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("U+9FEB"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("none.xml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("仿宋"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("FandolFang"), std::string::npos) << r.err;
}
