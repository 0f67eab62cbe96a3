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

// `抄送：names` (or `主送：names`) in 4号, wraps aligned after the colon.
std::vector<SetLine> labelledList(const std::string& label, const std::string& names,
                                  const model::SourceLocation& where, const GlyphMetrics& metrics) {
  StyledText t;
  t.append(label, kColophon, where);
  const size_t labelLength = t.text.size();
  t.append(names, kColophon, where);
  measure(t, metrics, where);
  ParagraphFormat format;
  format.left = kTypeLeft + kSideIndent;
  format.width = kTypeWidth - 2 * kSideIndent;
  format.firstIndent = 0;
  format.restIndent = t.width(0, labelLength);
  format.hangingLabel = labelLength;
  format.listOfNames = true;
  // Lines end where a name ends: spreading them to the full width would open wide gaps.
  format.justify = false;
  return setParagraph(t, format);
}

// 主送机关 as written ends with "：" (7.3.2); in the 版记 it is a list like 抄送, ending with "。".
std::string asColophonList(const std::string& recipients) {
  const std::string colon = "：";
  std::string names = recipients;
  if (names.size() >= colon.size() && names.compare(names.size() - colon.size(), colon.size(), colon) == 0) {
    names.resize(names.size() - colon.size());
  }
  return names + "。";
}

// The 版记 stands on the last page, the back of the last sheet (封四), so on an even page. When
// it would fall on an odd page that also carries text it moves to the next page on its own;
// when it would fall on an odd page of its own, a blank page goes before it, and neither the
// blank page nor the 版记 page is numbered (7.5).
void standOnAnEvenPage(Flow& flow) {
  if (flow.pageNumber() % 2 == 0) return;
  const bool aloneOnItsPage = flow.nextSlot() == 0;
  if (aloneOnItsPage) flow.finishPage().numbered = false;
  flow.newPage();
  if (aloneOnItsPage) flow.finishPage().numbered = false;
}

}  // namespace

void placeColophon(const model::Document& doc, const GlyphMetrics& metrics, bool withMainRecipients,
                   Flow& flow) {
  const bool letter = doc.tmpl.format == model::LayoutFormat::Letter;
  // 主送 moved here stands on the line above 抄送 with no separator between them (7.4.2).
  std::vector<SetLine> copies;
  if (withMainRecipients) {
    copies =
        labelledList("主送：", asColophonList(doc.mainRecipients.value), doc.mainRecipients.where, metrics);
  }
  if (!doc.copiesTo.empty()) {
    for (SetLine& line : labelledList("抄送：", doc.copiesTo.value, doc.copiesTo.where, metrics)) {
      copies.push_back(std::move(line));
    }
  }
  const bool printLine = !letter && (!doc.printer.empty() || !doc.printDate.empty());
  const int lines = static_cast<int>(copies.size()) + (printLine ? 1 : 0);
  if (lines == 0) return;
  if (flow.freeSlots() < lines + (flow.nextSlot() > 0 ? 1 : 0)) flow.newPage();
  standOnAnEvenPage(flow);

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
