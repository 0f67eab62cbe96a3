#include "pipeline/layout/Attendance.h"

#include "pipeline/layout/ParagraphSetter.h"

namespace gongwen::layout {

std::vector<SetLine> attendanceLines(const model::Document& doc, const GlyphMetrics& metrics) {
  std::vector<SetLine> lines;
  for (const model::AttendanceLine& attendance : doc.attendance) {
    StyledText t;
    t.append(attendance.label.value + "：", bodySizeIn(fonts::FontRole::Heiti), attendance.label.where);
    const size_t labelLength = t.text.size();
    t.append(attendance.names.value, kBodyStyle, attendance.names.where);
    measure(t, metrics, attendance.names.where);
    ParagraphFormat format;
    format.restIndent = format.firstIndent + t.width(0, labelLength);
    format.hangingLabel = labelLength;
    for (SetLine& line : setParagraph(t, format)) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace gongwen::layout
