#pragma once
// 发文机关标志 (7.2.4, 10.1, 10.3): red 小标宋, centred on the 版心. One organ: name and suffix
// (文件, 纪要) on one line. 联合行文: the names stacked, 主办机关 first, each spread to the
// longest name's width, the suffix to their right and vertically centred on them.

#include <string>
#include <vector>

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// Places the mark with its top edge at `top`; returns the y of its bottom edge. `names` empty:
// nothing is placed and `top` is returned.
double placeOrganMark(const std::vector<model::Text>& names, const std::string& suffix, double top,
                      const GlyphMetrics& metrics, Page& page);

}  // namespace gongwen::layout
