#include "pipeline/layout/LetterHeader.h"

#include <algorithm>

#include "pipeline/layout/HeaderBlock.h"
#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/OrganMark.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {
namespace {

// 10.1 names thick and thin lines without widths; these are the common template values.
constexpr double kThickLine = mm(1.0);
constexpr double kThinLine = mm(0.35);
constexpr double kLineGap = mm(0.7);  // clear space between the two lines of a pair
constexpr double kLineLength = mm(170);
constexpr double kLineLeft = kTypeLeft + (kTypeWidth - kLineLength) / 2;
constexpr double kSevenEighths = kSize3 * 7 / 8;  // "7/8 of a 3号 character's height"
constexpr double kEpsilon = 1e-6;

void addLine(Page& page, double y, double width) {
  page.rules.push_back({kLineLeft, y, kLineLeft + kLineLength, y, width, kRed});
}

void placeRight(const model::Text& text, fonts::FontRole role, double emTop, const GlyphMetrics& metrics,
                Page& page) {
  const StyledText t = styledText(text.value, bodySizeIn(role), metrics, text.where);
  const LineSpan span = wholeSpan(t);
  placeLine(setLine(t, span, kTypeRight - span.width), baselineBelowEmTop(emTop, kSize3), page);
}

}  // namespace

LetterBodyStart placeLetterHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page) {
  // Joint letters carry only the 主办机关's mark.
  std::vector<model::Text> mark;
  if (!doc.issuers.empty()) mark.push_back(doc.issuers.front());
  const double markBottom = placeOrganMark(mark, doc.tmpl.markSuffix, kPageHeight - mm(30), metrics, page);

  const double thickTop = markBottom - mm(4);
  addLine(page, thickTop - kThickLine / 2, kThickLine);
  const double thinY = thickTop - kThickLine - kLineGap - kThinLine / 2;
  addLine(page, thinY, kThinLine);
  const double lowerThick = mm(20) + kThickLine / 2;
  addLine(page, lowerThick, kThickLine);
  addLine(page, lowerThick + kThickLine / 2 + kLineGap + kThinLine / 2, kThinLine);

  const double firstEmTop = thinY - kThinLine / 2 - kSevenEighths;
  int lines = placeCornerMarks(doc, metrics, firstEmTop, page);
  if (!doc.docNumber.empty()) {
    placeRight(doc.docNumber, fonts::FontRole::Fangsong, firstEmTop, metrics, page);
    lines = std::max(lines, 1);
  }
  // The handling class of a proposal reply (A/B/C) goes top right, under the number.
  if (!doc.handlingClass.empty()) {
    placeRight(doc.handlingClass, fonts::FontRole::Heiti, firstEmTop - lines * kLinePitch, metrics, page);
    ++lines;
  }
  // Bottom of what stands above the title: the last element's line, or the double line.
  const double lastBottom =
      lines > 0 ? firstEmTop - (lines - 1) * kLinePitch - kSize3 : thinY - kThinLine / 2;
  // "与其上最后一个要素相距二行": the title's em box starts two line pitches below the last
  // element's; the grid line at or below that spot, raised to it.
  const double titleTop = lastBottom - 2 * kLinePitch;
  LetterBodyStart start{firstGridLineBelow(lastBottom, 2), 0};
  while (emTopInSlot(start.slot, kSize2) > titleTop + kEpsilon) ++start.slot;
  while (start.slot > 0 && emTopInSlot(start.slot - 1, kSize2) <= titleTop + kEpsilon) --start.slot;
  start.raise = titleTop - emTopInSlot(start.slot, kSize2);
  return start;
}

}  // namespace gongwen::layout
