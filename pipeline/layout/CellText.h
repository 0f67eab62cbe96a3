#pragma once
// Text inside a table cell (or across the table's width, for the lines above and below it): broken
// by the one LineBreaker at the breaks ICU and the 避头尾 rules allow, each line placed by the
// cell's alignment. A line feed in the value starts a new line.

#include <string_view>
#include <vector>

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/StyledText.h"
#include "pipeline/model/Form.h"

namespace gongwen::layout {

struct CellLines {
  std::vector<SetLine> lines;  // x set, baselines still 0
  // Some piece that cannot be broken (one character, or a run the rules keep together) is wider
  // than the room: the cell cannot hold the text however tall it grows.
  bool overflows = false;
};

// Sets `utf8` in `style` within [left, left + room]. Lines are not justified: stretched across a
// narrow column, a wrapped 大气环境科 reads as 大 气 环 / 境科. Throws what measure() throws for a
// character without a glyph.
CellLines setCellText(std::string_view utf8, const TextStyle& style, const GlyphMetrics& metrics,
                      const model::SourceLocation& where, double left, double room, model::CellAlign align);

}  // namespace gongwen::layout
