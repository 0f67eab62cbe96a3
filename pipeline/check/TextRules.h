#pragma once
// The rules that apply to any running text (正文 paragraphs, titles, names, notes …). Each scans
// one text in a single pass and adds hits; `from` skips a prefix already judged (an ordinal).

#include <string_view>

#include "pipeline/check/Hit.h"

namespace gongwen::check {

// punct.halfwidth, punct.ellipsis, punct.dash, punct.doubled, punct.space
void checkPunctuation(std::u32string_view text, size_t from, Hits& hits);
// punct.unbalanced, punct.nesting
void checkPairs(std::u32string_view text, Hits& hits);
// number.fullwidth, number.range, number.range-mark, number.approximate, number.zero
void checkNumbers(std::u32string_view text, size_t from, Hits& hits);
// date.leading-zero, date.invalid for dates written in running text
void checkDates(std::u32string_view text, Hits& hits);
// docnum.* for 发文字号 cited in running text
void checkDocNumbers(std::u32string_view text, Hits& hits);
// structure.repeated-word
void checkRepeatedWords(std::u32string_view text, Hits& hits);

// All of the above in the order that lets the most specific rule claim a span first.
void checkRunningText(std::u32string_view text, size_t from, Hits& hits);

}  // namespace gongwen::check
