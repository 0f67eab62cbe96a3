#pragma once
// The 版头 of the 文件格式 and 纪要格式 (7.2): 份号, 密级★期限 and 紧急程度 top left; the red
// organ mark 35 mm below the 版心 top; 发文字号 two blank lines below it (centred, or for 上行文
// one 字 in from the left with 签发人 one 字 in from the right); the red separator 4 mm below.

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// Places the 版头 on `page` (page 1); returns the first grid line free for the title, which
// stands two blank lines below the separator.
int placeHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page);

// Places 份号, 密级★期限 and 紧急程度 flush left in that order, one line pitch apart, the first
// with its em box top at `firstEmTop`; returns how many lines they took.
int placeCornerMarks(const model::Document& doc, const GlyphMetrics& metrics, double firstEmTop, Page& page);

}  // namespace gongwen::layout
