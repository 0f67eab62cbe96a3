#pragma once
// 版记 (7.4) on the last page: 抄送 and 印发机关/印发日期 in 4号 仿宋, indented one 字 left and right,
// between a thick first and last separator (0.35 mm) with a thin one (0.25 mm) between the
// items; the last separator lies on the 版心's bottom edge. The 信函格式 (10.1) keeps only 抄送,
// without separators, at the bottom of the 版心.

#include "pipeline/layout/Flow.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

inline constexpr double kThickSeparator = 0.35 * 72.0 / 25.4;
inline constexpr double kThinSeparator = 0.25 * 72.0 / 25.4;

// Places the 版记 at the bottom of the flow's last page, or of a new page when the text above
// leaves no room for it and a blank line; that page is always an even one (7.5, see Colophon.cpp).
// `withMainRecipients`: the 主送 list was too long for page 1 and goes here as `主送：` above 抄送 (7.3.2).
void placeColophon(const model::Document& doc, const GlyphMetrics& metrics, bool withMainRecipients,
                   Flow& flow);

}  // namespace gongwen::layout
