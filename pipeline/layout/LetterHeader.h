#pragma once
// The 信函格式 first page (10.1): mark 30 mm from the sheet's top; red double lines, thick over
// thin 4 mm below the mark and thin over thick 20 mm above the sheet's bottom, 170 mm long;
// 份号/密级/紧急程度 flush left and 发文字号 flush right below the upper lines.

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// Where the 主体 starts below a letter head: a grid line, and how far page 1's lines are raised
// off the grid so that the title stands exactly two lines below the last element above it.
struct LetterBodyStart {
  int slot = 0;
  double raise = 0;
};

// Places the letter head on `page` (page 1); returns where the title goes.
LetterBodyStart placeLetterHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page);

}  // namespace gongwen::layout
