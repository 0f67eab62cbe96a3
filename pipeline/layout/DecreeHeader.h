#pragma once
// The 命令（令）格式 head (10.2): 份号, 密级 and 紧急程度 top left as in 7.2; the red mark (organ
// name and 令) centred with its top 20 mm below the 版心 top; the 令号 centred two blank lines below
// it; no separator line. The 正文 starts two blank lines below the 令号.

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/layout/LetterHeader.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// Places the head on `page` (page 1); returns where the 正文 starts (as the 信函格式 does, page 1's
// lines raised off the grid to stand exactly two lines below the 令号).
LetterBodyStart placeDecreeHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page);

}  // namespace gongwen::layout
