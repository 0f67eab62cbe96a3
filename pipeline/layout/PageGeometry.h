#pragma once
// The GB/T 9704-2012 page (5.1–5.2.3): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm holding 22 lines
// of 28 characters. Everything here is in PDF points with the origin at the page's bottom-left.

namespace gongwen::layout {

constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

// Chinese size names (号) in points.
inline constexpr double kSize2 = 22;  // 二号: title
inline constexpr double kSize3 = 16;  // 三号: body and most elements
inline constexpr double kSize4 = 14;  // 四号: 版记 and page numbers

inline constexpr double kPageWidth = mm(210);
inline constexpr double kPageHeight = mm(297);
inline constexpr double kTypeWidth = mm(156);
inline constexpr double kTypeHeight = mm(225);
inline constexpr double kTypeLeft = mm(28);  // 订口
inline constexpr double kTypeRight = kTypeLeft + kTypeWidth;
inline constexpr double kTypeTop = kPageHeight - mm(37);  // 天头
inline constexpr double kTypeBottom = kTypeTop - kTypeHeight;

inline constexpr int kLinesPerPage = 22;
inline constexpr int kCharsPerLine = 28;
// The 版心 height wins over the standard's "one character plus 7/8" line definition, which does
// not add up to exactly 22 lines (GBT9704.md A.1).
inline constexpr double kLinePitch = kTypeHeight / kLinesPerPage;
// 28 × 16 pt is wider than the 版心, so 3号 characters sit on a grid of 156 mm / 28 (as Word's
// document grid does); other sizes use their own em as the character width.
inline constexpr double kGridCell = kTypeWidth / kCharsPerLine;

// Position of the ideographic em box's top above the baseline: CJK fonts put the em box from
// -0.12 em to 0.88 em (the OpenType 'ideo' baseline convention).
inline constexpr double kEmAscent = 0.88;

// Width of one 字 for text of `sizePt`: the grid cell for 3号, the em otherwise.
constexpr double charCell(double sizePt) { return sizePt == kSize3 ? kGridCell : sizePt; }

// Top edge of grid line `slot` (0 = the 版心's first line) on a page.
constexpr double slotTop(int slot) { return kTypeTop - slot * kLinePitch; }

// The baseline for text whose em box top is at `emTop`.
constexpr double baselineBelowEmTop(double emTop, double sizePt) { return emTop - kEmAscent * sizePt; }

// A line's text sits vertically centred in its grid line: the spacing the standard adds below a
// character is split above and below, so the first line's ink stays inside the 版心 top and the
// 22nd line's inside its bottom.
constexpr double emTopInSlot(int slot, double sizePt) { return slotTop(slot) - (kLinePitch - sizePt) / 2; }
constexpr double baselineInSlot(int slot, double sizePt) {
  return baselineBelowEmTop(emTopInSlot(slot, sizePt), sizePt);
}

// The grid line that stands `blankLines` blank lines below `y` (an element placed off the grid,
// such as the red separator): its top is that many line pitches below `y`, to the nearest grid
// line — the 主体 keeps to the grid so that it registers with the pages that follow.
int firstGridLineBelow(double y, int blankLines);

}  // namespace gongwen::layout
