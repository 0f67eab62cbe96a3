// Forms laid out with the shipped fonts: merged cells, wrapping values, registers over pages,
// signature boxes, and the values that cannot fit — checked on the Frames.

#include <gtest/gtest.h>

#include <array>
#include <limits>
#include <optional>

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

// Where form.rows[row].cells[cell] went on `page`; without a page, its first placing.
const PlacedCell& placed(const FormFrames& f, size_t row, size_t cell, std::optional<size_t> page = 0) {
  for (const PlacedCell& c : f.cells) {
    if (c.row == row && c.cell == cell && (!page || c.page == *page)) return c;
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

TEST(FormLayout, TextStandsWhereItsAlignmentPutsIt) {
  const FontLibraryMetrics metrics(realFonts());
  const FormFrames f = layOutForm(leaveSlip(), metrics);
  const std::vector<CharBox> boxes = charBoxes(f.frames.pages[0], metrics);
  auto extent = [&](const PlacedCell& c) {
    double left = 1e9, right = -1e9, bottom = 1e9, top = -1e9;
    for (const CharBox& b : boxes) {
      if (!inside(b, c)) continue;
      left = std::min(left, b.left), right = std::max(right, b.right);
      bottom = std::min(bottom, b.bottom), top = std::max(top, b.top);
    }
    return std::array<double, 4>{left - c.x, c.x + c.width - right, bottom - c.y, c.y + c.height - top};
  };
  // A centred label: equal room left and right, and (one line) above and below.
  const auto label = extent(placed(f, 0, 0));
  EXPECT_NEAR(label[0], label[1], kTolerance);
  EXPECT_NEAR(label[2], label[3], kTolerance);
  // A value set from the start: one padding from the left rule.
  EXPECT_NEAR(extent(placed(f, 0, 1))[0], kFormCellPaddingX, kTolerance);
  // The date line above the table ends at the table's right edge.
  const VisualLine date = visualLines(f.frames.pages[0]).at(1);
  ASSERT_TRUE(date.text().rfind(U"填表日期", 0) == 0);
  const PlacedChar& last = date.chars.back();
  EXPECT_NEAR(last.x + metrics.advance(date.role, last.ch, date.sizePt), kTypeRight, kTolerance);
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

TEST(FormLayout, ARegisterRunsOverPagesWithItsHeaderRowOnEachAndMarkedRowsInRed) {
  const FormFrames f = layOutForm(proposalsRegister(25), realFonts());
  ASSERT_EQ(f.frames.pages.size(), 3u);
  EXPECT_NEAR(f.frames.pageWidth, mm(297), kTolerance);
  EXPECT_NEAR(f.frames.pageHeight, mm(210), kTolerance);
  size_t dataRows = 0;
  for (size_t p = 0; p < f.frames.pages.size(); ++p) {
    const Page& page = f.frames.pages[p];
    // The header row tops the table on every page: right under the frame's top edge.
    const PlacedCell& header = placed(f, 0, 0, p);
    ASSERT_EQ(page.boxes.size(), 1u);
    EXPECT_NEAR(header.y + header.height, page.boxes[0].y + page.boxes[0].height, kTolerance);
    EXPECT_TRUE(cellText(page, header) == U"编号");
    // The rotated 版心: 225 × 156 mm, centred.
    EXPECT_NEAR(page.boxes[0].x, mm(36), kTolerance);
    EXPECT_NEAR(page.boxes[0].width, mm(225), kTolerance);
    EXPECT_GE(page.boxes[0].y, mm(27) - kTolerance);
    EXPECT_LE(page.boxes[0].y + page.boxes[0].height, mm(210 - 27) + kTolerance);
    for (const PlacedCell& c : f.cells) dataRows += c.page == p && c.row > 0 && c.cell == 0;
  }
  EXPECT_EQ(dataRows, 25u) << "every row once, none split";
  // Row 7 is overdue: all its text is red, row 6's black.
  const PlacedCell& overdue = placed(f, 7, 7, std::nullopt);
  for (const TextRun& run : f.frames.pages[overdue.page].runs) {
    if (run.chars.empty() || run.baseline < overdue.y || run.baseline > overdue.y + overdue.height) continue;
    EXPECT_TRUE(run.color == kRed);
  }
}

TEST(FormLayout, ATwoRowHeaderWithMergedCellsRepeatsAsAWhole) {
  model::Form form = proposalsRegister(30);
  // 编号 and 标题 over both header rows; 办理情况 over the last four columns, named in the second row.
  model::FormRow top{{testing::label("编号", 1, 2), testing::label("标题", 1, 2),
                      testing::label("姓名", 1, 2), testing::label("承办股室", 1, 2),
                      testing::label("办理情况", 4)}};
  top.repeatsOnEachPage = true;
  model::FormRow second{{testing::label("收到日期"), testing::label("办理期限"), testing::label("类别"),
                         testing::label("状态")}};
  second.repeatsOnEachPage = true;
  form.rows[0] = top;
  form.rows.insert(form.rows.begin() + 1, second);
  const FormFrames f = layOutForm(form, realFonts());
  ASSERT_GE(f.frames.pages.size(), 3u);
  for (size_t p = 0; p < f.frames.pages.size(); ++p) {
    const PlacedCell& merged = placed(f, 0, 0, p);
    const PlacedCell& under = placed(f, 1, 0, p);
    EXPECT_NEAR(merged.height, placed(f, 0, 4, p).height + under.height, kTolerance) << "page " << p + 1;
    EXPECT_NEAR(under.x, placed(f, 0, 4, p).x, kTolerance);
    EXPECT_TRUE(cellText(f.frames.pages[p], placed(f, 0, 4, p)) == U"办理情况");
  }
}

TEST(FormLayout, AMergedCellThatNeedsMoreRoomGrowsItsLastRow) {
  const FormFrames plain = layOutForm(leaveSlip(), realFonts());
  model::Form form = leaveSlip();
  std::string remark;
  for (int i = 0; i < 2; ++i) remark += "审批意见须写明准假天数及工作交接安排";
  form.rows[4].cells[0] = testing::value("remark", remark);
  form.rows[4].cells[0].rowSpan = 2;
  const FormFrames grown = layOutForm(form, realFonts());
  const PlacedCell& merged = placed(grown, 4, 0);
  EXPECT_NEAR(placed(grown, 4, 1).height, placed(plain, 4, 1).height, kTolerance)
      << "its first row keeps its height";
  EXPECT_GT(placed(grown, 5, 0).height, placed(plain, 5, 0).height + kFormLinePitch) << "its last row grows";
  EXPECT_NEAR(merged.height, placed(grown, 4, 1).height + placed(grown, 5, 0).height, kTolerance);
  EXPECT_TRUE(cellText(grown.frames.pages[0], merged) == toUtf32(remark, "test"));
}

TEST(FormLayout, SignatureBoxesAreEmptyFieldsBelowTheirCaptionsNamingTheirStep) {
  const FormFrames f = layOutForm(leaveSlip(), realFonts());
  const Page& page = f.frames.pages[0];
  ASSERT_EQ(page.sealFields.size(), 3u);
  const std::pair<size_t, size_t> boxes[] = {{4, 1}, {5, 0}, {5, 1}};
  const char* steps[] = {"applicant", "section-chief", "director"};
  const char* captions[] = {"申请人", "科室负责人", "局长"};
  for (size_t i = 0; i < 3; ++i) {
    const SealField& field = page.sealFields[i];
    const PlacedCell& cell = placed(f, boxes[i].first, boxes[i].second);
    EXPECT_EQ(field.stepId, steps[i]);
    EXPECT_EQ(field.sealId, "");
    EXPECT_EQ(field.name, std::string("签名-") + steps[i]);
    EXPECT_GE(field.x, cell.x);
    EXPECT_LE(field.x + field.width, cell.x + cell.width);
    EXPECT_GE(field.y, cell.y);
    EXPECT_GE(field.height, kSignatureRoom - 2);
    // The caption stands in the cell above the field, in the label role.
    const PlacedCell above{
        0, 0, 0, cell.x, field.y + field.height, cell.width, cell.y + cell.height - field.y - field.height};
    EXPECT_TRUE(cellText(page, above) == toUtf32(captions[i], "test")) << steps[i];
  }
  // Captions are labels (黑体); the only text in the signature rows.
  const PlacedCell& signatureRows = placed(f, 4, 0);
  for (const TextRun& run : page.runs) {
    if (run.baseline > signatureRows.y && run.baseline < signatureRows.y + signatureRows.height) {
      EXPECT_EQ(run.role, fonts::FontRole::Heiti);
    }
  }
}

void expectDoesNotFit(const model::Form& form, const std::string& where) {
  try {
    layOutForm(form, realFonts());
    FAIL() << "laid out a form that cannot fit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "form.does-not-fit");
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
  }
}

TEST(FormLayout, AValueTooLongForTheSinglePageIsAnErrorNamingItsField) {
  std::string reason;
  for (int i = 0; i < 60; ++i) reason += "因家中老人突发疾病住院治疗，需本人陪护照料。";
  expectDoesNotFit(leaveSlip(reason), "test-form.xml:7 (/job/reason), field reason");
}

TEST(FormLayout, ACharacterWiderThanItsColumnIsAnErrorNamingItsField) {
  model::Form form = leaveSlip();
  form.columnWeights = {1, 2, 1, 0.05};
  expectDoesNotFit(form, "field department");
}

TEST(FormLayout, RegisterRowsTallerThanAPageAreAnErrorNamingTheValue) {
  model::Form form = proposalsRegister(3);
  std::string title;
  for (int i = 0; i < 40; ++i) title += "关于加强城区道路噪声污染防治的建议";
  form.rows[2].cells[1].text.value = title;
  expectDoesNotFit(form, "field row2.title");
}

TEST(FormLayout, RowsThatDoNotFillTheColumnsAreRefused) {
  model::Form form = leaveSlip();
  form.rows[1].cells.pop_back();
  try {
    layOutForm(form, realFonts());
    FAIL() << "laid out a row with a column missing";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "form.grid");
    EXPECT_NE(std::string(e.what()).find("row 2"), std::string::npos) << e.what();
  }
}

void expectRefused(const model::Form& form, const std::string& code, const std::string& said) {
  try {
    layOutForm(form, realFonts());
    FAIL() << "laid out a form that should be refused with " << code;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code);
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid);
    EXPECT_NE(std::string(e.what()).find(said), std::string::npos) << e.what();
  }
}

TEST(FormLayout, SignatureBoxesNeedOneSignerEach) {
  model::Form twice = leaveSlip();
  twice.rows[5].cells[1].signer = "section-chief";
  expectRefused(twice, "form.signature-box", "a second signature box for step 'section-chief'");
  model::Form nobody = leaveSlip();
  nobody.rows[5].cells[1].signer.clear();
  expectRefused(nobody, "form.signature-box", "'局长' names no signer");
}

TEST(FormLayout, WeightsAndHeightsMustBeFiniteNumbers) {
  model::Form weights = leaveSlip();
  weights.columnWeights[2] = std::numeric_limits<double>::infinity();
  expectRefused(weights, "form.grid", "column weight");
  model::Form height = leaveSlip();
  height.rows[3].minHeightMm = std::numeric_limits<double>::quiet_NaN();
  expectRefused(height, "form.grid", "row 4 has a minimum height");
}

}  // namespace
}  // namespace gongwen::layout
