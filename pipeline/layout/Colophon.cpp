#include "pipeline/layout/Colophon.h"

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/ParagraphSetter.h"

namespace gongwen::layout {
namespace {

const TextStyle kColophon{fonts::FontRole::Fangsong, kSize4, kBlack};
constexpr double kSideIndent = kSize4;  // one 字 of the 版记's own 4号 size

void addRule(Page& page, double y, double width) {
  page.rules.push_back({kTypeLeft, y, kTypeRight, y, width, kBlack});
}

}  // namespace

void placeColophon(const model::Document& doc, const GlyphMetrics& metrics, Flow& flow) {
  const bool letter = doc.tmpl.format == model::LayoutFormat::Letter;
  std::vector<SetLine> copies;
  if (!doc.copiesTo.empty()) {
    StyledText t;
    t.append("抄送：", kColophon, doc.copiesTo.where);
    const size_t labelLength = t.text.size();
    t.append(doc.copiesTo.value, kColophon, doc.copiesTo.where);
    measure(t, metrics, doc.copiesTo.where);
    ParagraphFormat format;
    format.left = kTypeLeft + kSideIndent;
    format.width = kTypeWidth - 2 * kSideIndent;
    format.firstIndent = 0;
    format.restIndent = t.width(0, labelLength);  // wraps align after the colon
    format.hangingLabel = labelLength;
    copies = setParagraph(t, format);
  }
  const bool printLine = !letter && (!doc.printer.empty() || !doc.printDate.empty());
  const int lines = static_cast<int>(copies.size()) + (printLine ? 1 : 0);
  if (lines == 0) return;
  if (flow.freeSlots() < lines + (flow.nextSlot() > 0 ? 1 : 0)) flow.newPage();

  Page& page = flow.finishPage();
  const int firstSlot = kLinesPerPage - lines;
  for (size_t i = 0; i < copies.size(); ++i) {
    const int slot = firstSlot + static_cast<int>(i);
    placeLine(std::move(copies[i]), baselineInSlot(slot, kSize4), page);
  }
  if (printLine) {
    const double baseline = baselineInSlot(kLinesPerPage - 1, kSize4);
    if (!doc.printer.empty()) {
      const StyledText printer = styledText(doc.printer.value, kColophon, metrics, doc.printer.where);
      placeLine(setLine(printer, wholeSpan(printer), kTypeLeft + kSideIndent), baseline, page);
    }
    if (!doc.printDate.empty()) {
      const StyledText date =
          styledText(doc.printDate.value + "印发", kColophon, metrics, doc.printDate.where);
      const LineSpan span = wholeSpan(date);
      placeLine(setLine(date, span, kTypeRight - kSideIndent - span.width), baseline, page);
    }
  }
  if (letter) return;
  // Separators keep their ink inside the 版心: the last one's lower edge is the 版心's bottom edge.
  addRule(page, slotTop(firstSlot) - kThickSeparator / 2, kThickSeparator);
  if (printLine && !copies.empty()) addRule(page, slotTop(kLinesPerPage - 1), kThinSeparator);
  addRule(page, kTypeBottom + kThickSeparator / 2, kThickSeparator);
}

}  // namespace gongwen::layout
