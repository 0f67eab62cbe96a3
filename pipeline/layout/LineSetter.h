#pragma once
// Turns one broken line into positioned characters: full-width characters centred in their 字,
// Latin and digits at their advances, and — for justified lines — the slack spread evenly over
// the gaps next to CJK characters and at spaces (Latin words keep their letter spacing).

#include <vector>

#include "pipeline/layout/Frames.h"
#include "pipeline/layout/LineBreaker.h"
#include "pipeline/layout/StyledText.h"

namespace gongwen::layout {

// A line set horizontally (x in page coordinates) whose runs still have baseline 0: the flow or
// a header block decides where it goes vertically.
struct SetLine {
  std::vector<TextRun> runs;
  double sizePt = 16;  // the largest size on the line, which decides its vertical placement
};

// Sets text[span] starting at `left`. With `justifyTo` > span.width the line is stretched to
// that width, each gap by at most 1/8 em (a line needing more ends short); otherwise it keeps its
// natural width. Gaps after characters before `fixedUntil`
// do not stretch, so that a label (附件：1. , 抄送：) keeps the width its wrapped lines hang from.
SetLine setLine(const StyledText& t, const LineSpan& span, double left, double justifyTo = 0,
                size_t fixedUntil = 0);

// The whole of `t` as one line.
LineSpan wholeSpan(const StyledText& t);

// Moves the line's runs onto `page` with their baseline at `baseline`.
void placeLine(SetLine line, double baseline, Page& page);

}  // namespace gongwen::layout
