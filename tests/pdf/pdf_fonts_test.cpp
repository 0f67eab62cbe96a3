// Fonts in the written PDF, as pdffonts and poppler see them.

#include <gtest/gtest.h>

#include "pipeline/core/Error.h"
#include "pipeline/pdf/PdfWriter.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"
#include "tests/support/PdfInspect.h"

namespace gongwen::pdf {
namespace {

using fonts::FontRole;
using gongwen::testing::TempDir;

TEST(PdfFonts, EveryRoleIsAnEmbeddedSubsetWithToUnicode) {
  TempDir dir;
  const auto& fonts = testing::collectionTitleFonts();
  const auto fontsInPdf =
      gongwen::testing::listFonts(testing::saved(dir, writePdf(testing::sampleNotice(fonts), fonts)));
  ASSERT_EQ(fontsInPdf.size(), 5u) << "one font per role used";
  bool sawCff = false, sawGlyf = false, sawCollectionFace = false;
  for (const gongwen::testing::ListedFont& f : fontsInPdf) {
    EXPECT_TRUE(f.embedded) << f.line;
    EXPECT_TRUE(f.subset) << f.line;
    EXPECT_TRUE(f.toUnicode) << f.line;
    ASSERT_GE(f.name.size(), 8u);
    EXPECT_EQ(f.name[6], '+') << f.name;
    for (int i = 0; i < 6; ++i) EXPECT_TRUE(f.name[i] >= 'A' && f.name[i] <= 'Z') << f.name;
    sawCff = sawCff || f.type == "CID Type 0C";
    sawGlyf = sawGlyf || f.type == "CID TrueType";
    sawCollectionFace = sawCollectionFace || f.name.substr(7) == "NotoSerifCJKsc-Bold";
  }
  EXPECT_TRUE(sawCff) << "Fandol and Noto CJK are CFF";
  EXPECT_TRUE(sawGlyf) << "AR PL SungtiL GB is glyf";
  EXPECT_TRUE(sawCollectionFace) << "the SC face of NotoSerifCJK-Bold.ttc";
}

TEST(PdfFonts, OnlyRolesThatAreDrawnAreEmbedded) {
  TempDir dir;
  const auto& fonts = testing::defaultFonts();
  layout::Frames frames;
  frames.pages.resize(1);
  frames.pages[0].runs.push_back(testing::run(fonts, FontRole::Kaiti, 16, 700, "楷体"));
  const auto fontsInPdf = gongwen::testing::listFonts(testing::saved(dir, writePdf(frames, fonts)));
  ASSERT_EQ(fontsInPdf.size(), 1u);
  EXPECT_EQ(fontsInPdf[0].name.substr(7), fonts.face(FontRole::Kaiti).postscriptName());
}

TEST(PdfFonts, MissingGlyphNamesCharacterPageAndRole) {
  const auto& fonts = testing::defaultFonts();
  layout::Frames frames;
  frames.pages.resize(2);
  frames.pages[1].runs.push_back(testing::run(fonts, FontRole::Fangsong, 16, 700, "泰文\u0E01"));
  try {
    writePdf(frames, fonts);
    FAIL() << "a character without a glyph was written";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "font.missing-glyph");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    const std::string message = e.what();
    for (const char* part : {"U+0E01", "page 2", "fangsong", "仿宋", "FandolFang"}) {
      EXPECT_NE(message.find(part), std::string::npos) << part << " missing from: " << message;
    }
  }
}

TEST(PdfFonts, SubsetsStaySmall) {
  const auto& fonts = testing::defaultFonts();
  const std::string bytes = writePdf(testing::sampleNotice(fonts), fonts);
  // Five subsets of fonts of 2-20 MB; whole fonts would never fit.
  EXPECT_LT(bytes.size(), 200'000u);
}

}  // namespace
}  // namespace gongwen::pdf
