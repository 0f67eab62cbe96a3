#include "pipeline/layout/DecreeHeader.h"

#include <cmath>

#include "pipeline/layout/HeaderBlock.h"
#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/OrganMark.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {

LetterBodyStart placeDecreeHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page) {
  placeCornerMarks(doc, metrics, emTopInSlot(0, kSize3), page);
  const double markBottom =
      placeOrganMark(doc.issuers, doc.tmpl.markSuffix, kTypeTop - mm(20), metrics, page);
  // Two blank lines, then the 令号's line, its text centred in it as on the grid.
  const double numberLineTop = markBottom - 2 * kLinePitch;
  if (!doc.docNumber.empty()) {
    const StyledText number = styledText(doc.docNumber.value, kBodyStyle, metrics, doc.docNumber.where);
    const double width = wholeSpan(number).width;
    placeLine(setLine(number, wholeSpan(number), kTypeLeft + (kTypeWidth - width) / 2),
              baselineBelowEmTop(numberLineTop - (kLinePitch - kSize3) / 2, kSize3), page);
  }
  // Two blank lines below the 令号's line: the first grid line at or below that spot, raised to it.
  const double bodyTop = numberLineTop - 3 * kLinePitch;
  LetterBodyStart start;
  start.slot = static_cast<int>(std::ceil((kTypeTop - bodyTop) / kLinePitch - 1e-6));
  start.raise = bodyTop - slotTop(start.slot);
  return start;
}

}  // namespace gongwen::layout
