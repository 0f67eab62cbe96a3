#include "pipeline/layout/CellText.h"

#include <algorithm>

#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/LineBreaker.h"

namespace gongwen::layout {
namespace {

constexpr double kEpsilon = 1e-6;

void setParagraphInCell(const StyledText& t, double left, double room, model::CellAlign align,
                        CellLines& out) {
  const std::vector<LineSpan> spans =
      breakLines(t.text, t.widths, t.compressibleAtLineEnd, lineBreakOpportunities(t.text), room, room);
  for (size_t i = 0; i < spans.size(); ++i) {
    const LineSpan& span = spans[i];
    if (span.width > room + kEpsilon) out.overflows = true;
    const double slack = std::max(0.0, room - span.width);
    const double offset = align == model::CellAlign::Centre ? slack / 2
                          : align == model::CellAlign::End  ? slack
                                                            : 0;
    out.lines.push_back(setLine(t, span, left + offset));
  }
}

}  // namespace

CellLines setCellText(std::string_view utf8, const TextStyle& style, const GlyphMetrics& metrics,
                      const model::SourceLocation& where, double left, double room, model::CellAlign align) {
  CellLines out;
  size_t begin = 0;
  while (begin <= utf8.size()) {
    const size_t end = std::min(utf8.find('\n', begin), utf8.size());
    const std::string_view paragraph = utf8.substr(begin, end - begin);
    if (!paragraph.empty())
      setParagraphInCell(styledText(paragraph, style, metrics, where), left, room, align, out);
    begin = end + 1;
  }
  return out;
}

}  // namespace gongwen::layout
