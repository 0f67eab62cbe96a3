#include "pipeline/layout/PageNumbers.h"

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"

namespace gongwen::layout {

StyledText pageNumberText(size_t number, const GlyphMetrics& metrics, const model::SourceLocation& where) {
  const TextStyle style{fonts::FontRole::Songti, kSize4, kBlack};
  return styledText("\u2014 " + std::to_string(number) + " \u2014", style, metrics, where);
}

void placePageNumbers(const model::Document& doc, const GlyphMetrics& metrics, Frames& frames) {
  const model::SourceLocation where{doc.sourceFile, 0, ""};
  const double baseline = kTypeBottom - mm(7) - kDashStrokeTopEm * kSize4;
  const bool letter = doc.tmpl.format == model::LayoutFormat::Letter;
  for (size_t i = letter ? 1 : 0; i < frames.pages.size(); ++i) {
    if (!frames.pages[i].numbered) continue;
    const size_t number = i + 1;
    const StyledText t = pageNumberText(number, metrics, where);
    const LineSpan span = wholeSpan(t);
    const double left = number % 2 == 1 ? kTypeRight - kSize4 - span.width : kTypeLeft + kSize4;
    placeLine(setLine(t, span, left), baseline, frames.pages[i]);
  }
}

}  // namespace gongwen::layout
