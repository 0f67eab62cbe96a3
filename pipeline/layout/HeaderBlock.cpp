#include "pipeline/layout/HeaderBlock.h"

#include <algorithm>

#include "pipeline/layout/LineSetter.h"
#include "pipeline/layout/OrganMark.h"
#include "pipeline/layout/PageGeometry.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {
namespace {

constexpr double kSeparatorWidth = mm(0.5);  // not given by 9704; practice is 0.35–0.5 mm
constexpr size_t kSignersPerLine = 2;

double emTopBelow(double slotTopY) { return slotTopY - (kLinePitch - kSize3) / 2; }

void placeAt(const StyledText& t, double left, double emTop, Page& page) {
  placeLine(setLine(t, wholeSpan(t), left), baselineBelowEmTop(emTop, kSize3), page);
}

// 签发人 lines for 上行文 (7.2.6): two names a line, wraps aligned with the first name, the block
// one 字 in from the right; returns the em top of the last line, where the number goes.
double placeSigners(const model::Document& doc, const GlyphMetrics& metrics, double firstEmTop, Page& page) {
  const StyledText label = styledText("签发人：", kBodyStyle, metrics, doc.signers.front().where);
  std::vector<StyledText> lines;
  double widest = 0;
  for (size_t i = 0; i < doc.signers.size(); i += kSignersPerLine) {
    StyledText line;
    for (size_t k = i; k < std::min(doc.signers.size(), i + kSignersPerLine); ++k) {
      if (k > i) line.append("\u3000", bodySizeIn(fonts::FontRole::Kaiti), doc.signers[k].where);
      line.append(doc.signers[k].value, bodySizeIn(fonts::FontRole::Kaiti), doc.signers[k].where);
    }
    measure(line, metrics, doc.signers[i].where);
    widest = std::max(widest, line.width(0, line.text.size()));
    lines.push_back(std::move(line));
  }
  const double labelWidth = label.width(0, label.text.size());
  const double left = kTypeRight - kGridCell - labelWidth - widest;
  placeAt(label, left, firstEmTop, page);
  double emTop = firstEmTop;
  for (size_t i = 0; i < lines.size(); ++i) {
    emTop = firstEmTop - i * kLinePitch;
    placeAt(lines[i], left + labelWidth, emTop, page);
  }
  return emTop;
}

}  // namespace

int placeCornerMarks(const model::Document& doc, const GlyphMetrics& metrics, double firstEmTop, Page& page) {
  int line = 0;
  auto place = [&](const std::string& text, const TextStyle& style, const model::SourceLocation& where) {
    placeAt(styledText(text, style, metrics, where), kTypeLeft, firstEmTop - line * kLinePitch, page);
    ++line;
  };
  if (!doc.copyNumber.empty()) place(doc.copyNumber.value, kBodyStyle, doc.copyNumber.where);
  if (doc.classification) {
    place(model::classificationLine(*doc.classification), bodySizeIn(fonts::FontRole::Heiti),
          doc.classification->level.where);
  }
  if (!doc.urgency.empty()) place(doc.urgency.value, bodySizeIn(fonts::FontRole::Heiti), doc.urgency.where);
  return line;
}

int placeHeader(const model::Document& doc, const GlyphMetrics& metrics, Page& page) {
  placeCornerMarks(doc, metrics, emTopInSlot(0, kSize3), page);
  const double markBottom =
      placeOrganMark(doc.issuers, doc.tmpl.markSuffix, kTypeTop - mm(35), metrics, page);

  // Two blank lines below the mark, then the number's line.
  double numberEmTop = emTopBelow(markBottom - 2 * kLinePitch);
  const bool upward = doc.tmpl.direction == model::Direction::Up && !doc.signers.empty();
  if (upward) numberEmTop = placeSigners(doc, metrics, numberEmTop, page);
  // A document without a signature block (纪要) would otherwise lose its 成文日期: it goes on the
  // number's line, one 字 in from the right, the number one 字 in from the left — the usual 纪要
  // head, which 10.3 leaves to local practice.
  const bool dateInHeader = !doc.tmpl.signatureBlock && !doc.date.empty();
  if (dateInHeader) {
    const StyledText date = styledText(doc.date.value, kBodyStyle, metrics, doc.date.where);
    placeAt(date, kTypeRight - kGridCell - date.width(0, date.text.size()), numberEmTop, page);
  }
  if (!doc.docNumber.empty()) {
    const StyledText number = styledText(doc.docNumber.value, kBodyStyle, metrics, doc.docNumber.where);
    const double width = number.width(0, number.text.size());
    const double left =
        upward || dateInHeader ? kTypeLeft + kGridCell : kTypeLeft + (kTypeWidth - width) / 2;
    placeAt(number, left, numberEmTop, page);
  }

  const double numberEmBottom = numberEmTop - kSize3;
  const double separatorY = numberEmBottom - mm(4) - kSeparatorWidth / 2;
  page.rules.push_back({kTypeLeft, separatorY, kTypeRight, separatorY, kSeparatorWidth, kRed});

  return firstGridLineBelow(separatorY, 2);
}

}  // namespace gongwen::layout
