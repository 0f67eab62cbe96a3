#pragma once
// Where a line may break: ICU's UAX #14 line breaking (zh) intersected with the GB/T 15834 避头尾
// rules from the PunctuationTable. Also ICU word boundaries, for titles that must keep words whole.

#include <cstdint>
#include <string_view>
#include <vector>

namespace gongwen::layout {

enum BreakKind : uint8_t {
  kBreakRulesAllow = 1,  // the 避头尾 rules allow a line to start here
  kBreakPreferred = 2,   // ... and ICU allows it too (words and numbers stay whole)
};

// One entry per position 0..size: entry i describes a break before text[i]. Position 0 and size
// are not breaks and carry 0.
std::vector<uint8_t> lineBreakOpportunities(std::u32string_view text);

// True if GB/T 15834 lets a line start at `i` (0 < i < size).
bool punctuationAllowsBreak(std::u32string_view text, size_t i);

// For a list of names (主送, 抄送: items separated by 、 ， , ； ;): a break is preferred only where a
// name starts, so that a name that does not fit moves whole to the next line; inside a name only
// the word boundaries ICU and the rules allow remain, for a name longer than a whole line.
std::vector<uint8_t> nameListBreakOpportunities(std::u32string_view text);

// One flag per position 0..size: ICU word boundary (zh dictionary segmentation).
std::vector<uint8_t> wordBoundaries(std::u32string_view text);

}  // namespace gongwen::layout
