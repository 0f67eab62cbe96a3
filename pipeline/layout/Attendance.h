#pragma once
// 纪要格式 attendance (10.3): 出席, 请假 and 列席 each on a new line, indented 2 字, the label and
// its full-width colon in 3号 黑体, units and names in 仿宋, wraps aligned after the colon.

#include <vector>

#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/layout/LineSetter.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

std::vector<SetLine> attendanceLines(const model::Document& doc, const GlyphMetrics& metrics);

}  // namespace gongwen::layout
