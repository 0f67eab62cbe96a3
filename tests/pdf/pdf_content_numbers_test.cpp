// The numbers of the page content: at most three decimals, rounded as the exact decimal value of
// the double rounds, without trailing zeros or a negative zero.

#include <gtest/gtest.h>

#include "pipeline/pdf/ContentStream.h"
#include "tests/pdf/PdfTestSupport.h"
#include "tests/pdf/SampleFrames.h"

namespace gongwen::pdf {
namespace {

// The page content of one character of 仿宋 at each x, on `baseline`.
std::string contentAt(const std::vector<double>& xs, double baseline) {
  const auto& fonts = testing::defaultFonts();
  layout::Page page;
  layout::TextRun run = testing::run(fonts, fonts::FontRole::Fangsong, 16, baseline, "一");
  const layout::PlacedChar placed = run.chars.front();
  run.chars.clear();
  for (double x : xs) run.chars.push_back({placed.ch, x});
  page.runs.push_back(run);
  DrawnGlyphsByRole drawn;
  collectGlyphs(page, 1, fonts, drawn);
  CodesByRole codes;
  for (const auto& [role, glyphs] : drawn) {
    for (const auto& [glyph, ch] : glyphs) codes[role][glyph] = 1;
  }
  return buildPageContent(page, fonts, codes).operators;
}

TEST(PageContentNumbers, ThreeDecimalsRoundedAsTheExactValueRounds) {
  const std::string content = contentAt(
      {100, 79.37, 0.1 + 0.2, -0.0004, -0.0006, 1.0625, 2.0005, 1234.5675, 0.0015, 999999.9999}, 720.5);
  for (const char* expected :
       {"1 0 0 1 100 720.5 Tm", "1 0 0 1 79.37 720.5 Tm", "1 0 0 1 0.3 720.5 Tm", "1 0 0 1 0 720.5 Tm",
        "1 0 0 1 -0.001 720.5 Tm",
        // Midpoints: 1.0625 is exact and rounds to even; 2.0005, 1234.5675 and 0.0015 are stored a
        // little above, and round by what is stored.
        "1 0 0 1 1.062 720.5 Tm", "1 0 0 1 2.001 720.5 Tm", "1 0 0 1 1234.568 720.5 Tm",
        "1 0 0 1 0.002 720.5 Tm", "1 0 0 1 1000000 720.5 Tm"}) {
    EXPECT_NE(content.find(expected), std::string::npos) << expected << " not in:\n" << content;
  }
}

}  // namespace
}  // namespace gongwen::pdf
