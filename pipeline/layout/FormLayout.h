#pragma once
// Layout of a form (model::Form: leave slips, vouchers, the proposals register) into Frames: the
// title in 2号 小标宋 centred over the table, the lines above and below it in 4号 仿宋, and the table
// across the 版心's width (FormPage.h for landscape). Choices the standard leaves open:
// - cells are set in 4号 (14 pt): labels and signature captions in 黑体, values in 仿宋, 1.4 lines
//   apart, 5 pt from the side rules and 3 pt from the top and bottom ones; values are centred
//   vertically in their (merged) cell, a signature box's caption sits at its top;
// - inner rules are 0.5 pt, the outer frame 1 pt (closed as one rectangle per page);
// - a long value wraps inside its cell (ICU and the 避头尾 rules) and its row grows; a merged cell
//   that needs more room than its rows have grows its last row;
// - a marked row (an overdue proposal) has all its text in red;
// - a signature box is an empty signature field (/GongwenStep = its signer) filling the cell below
//   its caption, at least 12 mm high;
// - a register (singlePage = false) runs over pages: rows tied together by merged cells stay on one
//   page, the leading rows marked repeatsOnEachPage are repeated at the top of every page, and its
//   pages are numbered `— N —` centred under the 版心.

#include <cstddef>
#include <vector>

#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/model/Form.h"

namespace gongwen::layout {

inline constexpr double kFormTextSize = kSize4;
inline constexpr double kFormLinePitch = 1.4 * kFormTextSize;
inline constexpr double kFormCellPaddingX = 5;
inline constexpr double kFormCellPaddingY = 3;
inline constexpr double kFormRuleWidth = 0.5;
inline constexpr double kFormFrameWidth = 1;
inline constexpr double kSignatureRoom = mm(12);

// Where a cell of the form went: form.rows[row].cells[cell] on page `page` (0-based); a repeated
// header row is listed once per page it is on.
struct PlacedCell {
  size_t page = 0;
  size_t row = 0, cell = 0;
  double x = 0, y = 0, width = 0, height = 0;  // lower-left corner and size, rules at the edges
};

struct FormFrames {
  Frames frames;  // info left empty: the caller knows what the document claims to be
  std::vector<PlacedCell> cells;
};

// Throws Error(InputInvalid, "form.does-not-fit") naming the value (its source location and field)
// when a value cannot be broken to fit its column, a single-page form does not fit its page, or rows
// that must stay together are taller than a page; Error(InputInvalid, "form.grid") when the rows do
// not fill the columns or a row's minimum height is not a finite number ≥ 0;
// Error(InputInvalid, "form.signature-box") naming the box when it has no signer or a second box has
// the same; Error(InputInvalid, "font.missing-glyph") as the document layout does.
FormFrames layOutForm(const model::Form& form, const fonts::FontLibrary& fonts);
FormFrames layOutForm(const model::Form& form, const GlyphMetrics& metrics);

}  // namespace gongwen::layout
