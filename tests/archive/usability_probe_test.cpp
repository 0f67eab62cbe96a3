// DA/T 70 可用性 of an archived PDF through Poppler: opens, not encrypted, fonts embedded, and with
// `deep` every page renders.

#include <gtest/gtest.h>

#include "pipeline/archive/UsabilityProbe.h"
#include "pipeline/core/AtomicFile.h"
#include "tests/support/PdfAssembler.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {
namespace {

using archive::probeUsability;
using archive::UsabilityProblem;

// A one-page PDF drawing `content` with a font resource /F1 = `font`.
std::string onePage(const std::string& content, const std::string& font) {
  return assemblePdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> >>",
       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream", font},
      "/Root 1 0 R");
}

std::vector<std::string> codes(const std::vector<UsabilityProblem>& problems) {
  std::vector<std::string> found;
  for (const UsabilityProblem& problem : problems) found.push_back(problem.code);
  return found;
}

class UsabilityProbeTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& bytes) {
    writeFileAtomically(dir.file(name), bytes);
    return dir.file(name);
  }
  // A sample notice as `render` makes it: fonts embedded as subsets.
  std::string rendered() {
    const CommandResult made =
        run({gongwenBinary(), "render", sourcePath("samples/jobs/notice-risk-inspection.xml"), "-o",
             dir.file("notice.pdf")});
    EXPECT_EQ(made.exitCode, 0) << made.err;
    return dir.file("notice.pdf");
  }
  TempDir dir;
};

TEST_F(UsabilityProbeTest, ARenderedNoticeIsUsableAndEveryPageRenders) {
  const std::string notice = rendered();
  EXPECT_TRUE(probeUsability(notice, false).empty());
  EXPECT_TRUE(probeUsability(notice, true).empty());
}

TEST_F(UsabilityProbeTest, AnEncryptedPdfIsNamedEvenWhenItOpensWithoutAPassword) {
  const std::string notice = rendered();
  const CommandResult encrypted =
      run({"qpdf", "--encrypt", "", "owner-secret", "256", "--", notice, dir.file("encrypted.pdf")});
  ASSERT_EQ(encrypted.exitCode, 0) << encrypted.err;
  EXPECT_EQ(codes(probeUsability(dir.file("encrypted.pdf"), true)),
            std::vector<std::string>{"archive.pdf-encrypted"});
}

TEST_F(UsabilityProbeTest, AFontThatIsNotEmbeddedIsNamed) {
  const std::string pdf =
      write("helvetica.pdf", onePage("BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
                                     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  const std::vector<UsabilityProblem> problems = probeUsability(pdf, false);
  ASSERT_EQ(codes(problems), std::vector<std::string>{"archive.font-not-embedded"});
  EXPECT_NE(problems[0].message.find("Helvetica"), std::string::npos) << problems[0].message;
}

// The fonts are read by the verifier's parser, not Poppler's font list: a composite font whose
// descendant has no font program, written straight into the font resource, is found too.
TEST_F(UsabilityProbeTest, ACompositeFontWithoutItsProgramIsNamed) {
  const std::string pdf =
      write("song.pdf", onePage("BT /F1 12 Tf 72 720 Td <0001> Tj ET",
                                "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                                "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                                "/FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 4 "
                                "/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                                "/CapHeight 880 /StemV 80 >> >>] >>"));
  const std::vector<UsabilityProblem> problems = probeUsability(pdf, false);
  ASSERT_EQ(codes(problems), std::vector<std::string>{"archive.font-not-embedded"});
  EXPECT_NE(problems[0].message.find("SimSun"), std::string::npos) << problems[0].message;
}

// Objects packed in object streams are Poppler's to read: its font list still names the font.
TEST_F(UsabilityProbeTest, AFontInAnObjectStreamIsNamedToo) {
  const std::string plain =
      write("helvetica.pdf", onePage("BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
                                     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  const CommandResult packed = run({"qpdf", "--object-streams=generate", plain, dir.file("packed.pdf")});
  ASSERT_EQ(packed.exitCode, 0) << packed.err;
  EXPECT_EQ(codes(probeUsability(dir.file("packed.pdf"), false)),
            std::vector<std::string>{"archive.font-not-embedded"});
}

TEST_F(UsabilityProbeTest, WhatPopplerCannotOpenIsUnreadable) {
  EXPECT_EQ(codes(probeUsability(write("text.pdf", "this is no PDF at all\n"), false)),
            std::vector<std::string>{"archive.pdf-unreadable"});
  EXPECT_EQ(codes(probeUsability(dir.file("missing.pdf"), true)),
            std::vector<std::string>{"archive.pdf-unreadable"});
}

TEST_F(UsabilityProbeTest, DeepProbeNamesAPageThatDoesNotRender) {
  // The page draws with a Type 3 font that has no glyph procedures.
  const std::string pdf = write("broken-page.pdf", onePage("BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
                                                           "<< /Type /Font /Subtype /Type3 >>"));
  EXPECT_TRUE(probeUsability(pdf, false).empty()) << "without deep no page is drawn";
  const std::vector<UsabilityProblem> problems = probeUsability(pdf, true);
  ASSERT_EQ(codes(problems), std::vector<std::string>{"archive.page-not-rendered"});
  EXPECT_NE(problems[0].message.find("page 1"), std::string::npos) << problems[0].message;
}

}  // namespace
}  // namespace gongwen::testing
