// Forms laid out with the shipped fonts: merged cells, wrapping values, registers over pages,
// signature boxes, and the values that cannot fit — checked on the Frames.

#include <gtest/gtest.h>

#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"
#include "pipeline/layout/FormLayout.h"
#include "pipeline/layout/PageGeometry.h"
#include "tests/layout/FramesInspect.h"
#include "tests/layout/RealFonts.h"
#include "tests/layout/SampleForms.h"

namespace gongwen::layout {
namespace {

using testing::leaveSlip;
using testing::proposalsRegister;
using testing::realFonts;
using testing::VisualLine;
using testing::visualLines;

constexpr double kTolerance = 0.01;

const PlacedCell& placed(const FormFrames& f, size_t row, size_t cell, size_t page = 0) {
  for (const PlacedCell& c : f.cells) {
    if (c.row == row && c.cell == cell && c.page == page) return c;
  }
  throw std::logic_error("cell not placed");
}

// Every character of the page (advance box horizontally, em box vertically).
struct CharBox {
  char32_t ch;
  double left, right, bottom, top;
};

std::vector<CharBox> charBoxes(const Page& page, const GlyphMetrics& metrics) {
  std::vector<CharBox> out;
  for (const TextRun& run : page.runs) {
    for (const PlacedChar& c : run.chars) {
      const double width = metrics.advance(run.role, c.ch, run.sizePt);
      out.push_back({c.ch, c.x, c.x + width, run.baseline - (1 - kEmAscent) * run.sizePt,
                     run.baseline + kEmAscent * run.sizePt});
    }
  }
  return out;
}

bool inside(const CharBox& b, const PlacedCell& c) {
  return b.left >= c.x && b.right <= c.x + c.width && b.bottom >= c.y && b.top <= c.y + c.height;
}

// The characters whose left edge and baseline lie in the cell, line by line.
std::u32string cellText(const Page& page, const PlacedCell& c) {
  std::u32string s;
  for (const VisualLine& line : visualLines(page)) {
    for (const PlacedChar& ch : line.chars) {
      if (ch.x > c.x && ch.x < c.x + c.width && line.baseline > c.y && line.baseline < c.y + c.height) {
        s += ch.ch;
      }
    }
  }
  return s;
}

TEST(FormLayout, TableSpansTheTypeAreaAndMergedCellsSpanTheirColumnsAndRows) {
  const FormFrames f = layOutForm(leaveSlip(), realFonts());
  ASSERT_EQ(f.frames.pages.size(), 1u);
  EXPECT_NEAR(f.frames.pageWidth, mm(210), kTolerance);
  const Page& page = f.frames.pages[0];
  ASSERT_EQ(page.boxes.size(), 1u);
  EXPECT_NEAR(page.boxes[0].x, kTypeLeft, kTolerance);
  EXPECT_NEAR(page.boxes[0].width, kTypeWidth, kTolerance);
  EXPECT_EQ(page.boxes[0].widthPt, 1);
  // Columns 1:2:1:2 of 156 mm.
  const double unit = kTypeWidth / 6;
  EXPECT_NEAR(placed(f, 0, 1).x, kTypeLeft + unit, kTolerance);
  EXPECT_NEAR(placed(f, 0, 1).width, 2 * unit, kTolerance);
  EXPECT_NEAR(placed(f, 2, 1).width, 5 * unit, kTolerance);  // the date range over three columns
  // The label merged over the two signature rows is as tall as both.
  const PlacedCell& merged = placed(f, 4, 0);
  EXPECT_NEAR(merged.height, placed(f, 4, 1).height + placed(f, 5, 0).height, kTolerance);
  EXPECT_NEAR(merged.y, placed(f, 5, 0).y, kTolerance);
  EXPECT_GE(placed(f, 4, 1).height, mm(20) - kTolerance);
  for (const Rule& r : page.rules) EXPECT_EQ(r.widthPt, 0.5);
}

TEST(FormLayout, EveryCharacterLiesInsideItsCellAwayFromTheRules) {
  const FontLibraryMetrics metrics(realFonts());
  const FormFrames f = layOutForm(
      leaveSlip(std::string(30, 'x') + "因家中老人突发疾病住院治疗，需本人陪护照料，特申请事假三天。"),
      metrics);
  const Page& page = f.frames.pages[0];
  size_t inCells = 0;
  for (const CharBox& b : charBoxes(page, metrics)) {
    int holders = 0;
    for (const PlacedCell& c : f.cells) holders += inside(b, c);
    inCells += holders;
    EXPECT_LE(holders, 1);
    for (const Rule& r : page.rules) {
      const bool vertical = r.x1 == r.x2;
      const bool crosses = vertical ? (b.left < r.x1 && b.right > r.x1 && b.bottom < r.y2 && b.top > r.y1)
                                    : (b.bottom < r.y1 && b.top > r.y1 && b.left < r.x2 && b.right > r.x1);
      EXPECT_FALSE(crosses) << "character U+" << std::hex << static_cast<unsigned>(b.ch) << " crosses a rule";
    }
  }
  EXPECT_GT(inCells, 60u);
}

TEST(FormLayout, ALongValueWrapsInsideItsCellAndItsRowGrows) {
  const FormFrames shortForm = layOutForm(leaveSlip(), realFonts());
  std::string reason;
  for (int i = 0; i < 8; ++i) reason += "因家中老人突发疾病住院治疗，需本人陪护照料。";
  const FormFrames longForm = layOutForm(leaveSlip(reason), realFonts());
  const PlacedCell& before = placed(shortForm, 3, 1);
  const PlacedCell& after = placed(longForm, 3, 1);
  EXPECT_GT(after.height, before.height + 3 * kFormLinePitch);
  // Its label, in the same row, grew with it; the rows above did not move.
  EXPECT_NEAR(placed(longForm, 3, 0).height, after.height, kTolerance);
  EXPECT_NEAR(placed(longForm, 2, 1).y, placed(shortForm, 2, 1).y, kTolerance);
  // All of the reason is in its cell, in order.
  EXPECT_TRUE(cellText(longForm.frames.pages[0], after) == toUtf32(reason, "test"));
}

}  // namespace
}  // namespace gongwen::layout
