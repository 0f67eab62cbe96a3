#include "pipeline/layout/PageNumbers.h"

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {

void placePageNumbers(const model::Document& doc, const GlyphMetrics& metrics, Frames& frames) {
  const TextStyle style{fonts::FontRole::Songti, kSize4, kBlack};
  const model::SourceLocation where{doc.sourceFile, 0, ""};
  const double baseline = kTypeBottom - mm(7) - kDashStrokeTopEm * kSize4;
  const bool letter = doc.tmpl.format == model::LayoutFormat::Letter;
  for (size_t i = letter ? 1 : 0; i < frames.pages.size(); ++i) {
    if (!frames.pages[i].numbered) continue;
    const size_t number = i + 1;
    const StyledText t = styledText("\u2014 " + std::to_string(number) + " \u2014", style, metrics, where);
    const LineSpan span = wholeSpan(t);
    const double left = number % 2 == 1 ? kTypeRight - kSize4 - span.width : kTypeLeft + kSize4;
    placeLine(setLine(t, span, left), baseline, frames.pages[i]);
  }
}

}  // namespace gongwen::layout
