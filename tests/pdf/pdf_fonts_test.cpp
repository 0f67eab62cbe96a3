// Fonts in the written PDF, as pdffonts and poppler see them.

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/core/Error.h"
#include "pipeline/pdf/PdfWriter.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"

namespace gongwen::pdf {
namespace {

using fonts::FontRole;
using gongwen::testing::run;
using gongwen::testing::TempDir;

struct FontLine {
  std::string name, type, emb, sub, uni;
};

// pdffonts' table: name, type (may hold spaces), encoding, emb, sub, uni, object number, gen.
std::vector<FontLine> pdffonts(const std::string& path) {
  const auto result = run({"pdffonts", path});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  std::vector<FontLine> lines;
  std::istringstream in(result.out);
  std::string line;
  for (int skip = 0; skip < 2 && std::getline(in, line); ++skip) {
  }
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> words;
    for (std::string w; fields >> w;) words.push_back(w);
    if (words.size() < 8) continue;
    const size_t n = words.size();
    std::string type;
    for (size_t i = 1; i + 6 < n; ++i) type += (type.empty() ? "" : " ") + words[i];
    lines.push_back({words[0], type, words[n - 5], words[n - 4], words[n - 3]});
  }
  return lines;
}

TEST(PdfFonts, EveryRoleIsAnEmbeddedSubsetWithToUnicode) {
  TempDir dir;
  const auto& fonts = testing::collectionTitleFonts();
  const auto fontsInPdf = pdffonts(testing::saved(dir, writePdf(testing::sampleNotice(fonts), fonts)));
  ASSERT_EQ(fontsInPdf.size(), 5u) << "one font per role used";
  bool sawCff = false, sawGlyf = false, sawCollectionFace = false;
  for (const FontLine& f : fontsInPdf) {
    EXPECT_EQ(f.emb, "yes") << f.name;
    EXPECT_EQ(f.sub, "yes") << f.name;
    EXPECT_EQ(f.uni, "yes") << f.name;
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
  const auto fontsInPdf = pdffonts(testing::saved(dir, writePdf(frames, fonts)));
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
