#pragma once
// The 信函格式 first page (10.1): mark 30 mm from the sheet's top; red double lines, thick over
// thin 4 mm below the mark and thin over thick 20 mm above the sheet's bottom, 170 mm long;
// 份号/密级/紧急程度 flush left and 发文字号 flush right below the upper lines.

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// Places the letter head on `page` (page 1); returns the first grid line free for the title,
// two blank lines below the last element above it.
int placeLetterHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page);

}  // namespace gongwen::layout
