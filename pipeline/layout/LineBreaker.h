#pragma once
// Greedy line breaking on measured text (GB/T 15834 5.1 and the 28-字 grid): each line takes the
// most text that fits at a break both ICU and the 避头尾 rules allow. A line that would otherwise
// break a rule gives characters back to the next line, or sets its last full-width mark half
// width when that makes it fit (5.1.10). A word or number longer than a whole line is split where
// the punctuation rules allow.

#include <cstdint>
#include <string_view>
#include <vector>

namespace gongwen::layout {

struct LineSpan {
  size_t begin = 0;            // first character (leading spaces of wrapped lines skipped)
  size_t end = 0;              // one past the last character, trailing spaces included
  double width = 0;            // visible width: trailing spaces excluded, compression applied
  bool compressedEnd = false;  // the last visible character gives up its blank half
};

// `widths[i]` is the width of text[i] and `compressibleAtLineEnd[i]` what it gives up when it ends
// a line that needs it (StyledText); `breaks` comes from lineBreakOpportunities(text).
// `firstWidth` is the room on the first line, `restWidth` on the others.
std::vector<LineSpan> breakLines(std::u32string_view text, const std::vector<double>& widths,
                                 const std::vector<double>& compressibleAtLineEnd,
                                 const std::vector<uint8_t>& breaks, double firstWidth, double restWidth);

}  // namespace gongwen::layout
