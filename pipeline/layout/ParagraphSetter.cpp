#include "pipeline/layout/ParagraphSetter.h"

#include "pipeline/layout/BreakOpportunities.h"
#include "pipeline/layout/LineBreaker.h"

namespace gongwen::layout {

std::vector<SetLine> setParagraph(const StyledText& t, const ParagraphFormat& format) {
  const double firstRoom = format.width - format.firstIndent;
  const double restRoom = format.width - format.restIndent;
  const std::vector<LineSpan> spans =
      breakLines(t.text, t.widths, t.compressibleAtLineEnd,
                 format.listOfNames ? nameListBreakOpportunities(t.text) : lineBreakOpportunities(t.text),
                 firstRoom, restRoom);
  std::vector<SetLine> lines;
  lines.reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    const bool first = i == 0;
    const bool last = i + 1 == spans.size();
    const double indent = first ? format.firstIndent : format.restIndent;
    const double room = first ? firstRoom : restRoom;
    lines.push_back(
        setLine(t, spans[i], format.left + indent, format.justify && !last ? room : 0, format.hangingLabel));
  }
  return lines;
}

}  // namespace gongwen::layout
