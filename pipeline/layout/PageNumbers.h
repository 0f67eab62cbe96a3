#pragma once
// 页码 (7.5): `— N —` in 4号 宋体 with half-width digits below the 版心, the top of the 一字线 7 mm
// below its bottom edge; odd pages on the right and even pages on the left, each one 字 in.
// The 信函格式 has none on page 1 (10.1); pages marked unnumbered (the blank page before the 版记
// and the 版记 page after it) have none either.

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/GlyphMetrics.h"
#include "pipeline/layout/StyledText.h"
#include "pipeline/model/Document.h"

namespace gongwen::layout {

// The 一字线's stroke top above the baseline, in em: CJK fonts draw U+2014 on the ideographic
// centre line (0.38 em with the em box from -0.12 to 0.88), about 0.04 em thick.
inline constexpr double kDashStrokeTopEm = 0.40;

void placePageNumbers(const model::Document& doc, const GlyphMetrics& metrics, Frames& frames);

// `— N —`, measured, in the page number's style.
StyledText pageNumberText(size_t number, const GlyphMetrics& metrics, const model::SourceLocation& where);

}  // namespace gongwen::layout
