#pragma once
// The rules that apply to any running text (正文 paragraphs, titles, names, notes …). Each scans
// one text in a single pass and adds hits; `from` skips a prefix already judged (an ordinal).

#include <optional>
#include <string_view>

#include "pipeline/check/Hit.h"

namespace gongwen::check {

// punct.halfwidth, punct.ellipsis, punct.dash, punct.doubled, punct.space
void checkPunctuation(std::u32string_view text, size_t from, Hits& hits);
// punct.unbalanced, punct.nesting. A quotation mark still open at the end is not reported but
// returned (its offset): a quotation over several paragraphs opens each paragraph with the mark
// and closes only at the end of the last (GB/T 15834-2011 引号), so the caller reports it with
// reportUnclosed only when the next paragraph does not carry the quotation on.
std::optional<size_t> checkPairs(std::u32string_view text, Hits& hits);
// Whether `next`, the paragraph after one that left `mark` open, opens with the same mark.
bool continuesQuotation(char32_t mark, std::u32string_view next);
// punct.unbalanced for an opening mark never closed.
void reportUnclosed(size_t offset, Hits& hits);
// number.fullwidth, number.range, number.range-mark, number.approximate, number.zero
void checkNumbers(std::u32string_view text, size_t from, Hits& hits);
// date.leading-zero, date.invalid for dates written in running text
void checkDates(std::u32string_view text, Hits& hits);
// docnum.* for 发文字号 cited in running text
void checkDocNumbers(std::u32string_view text, Hits& hits);
// structure.repeated-word
void checkRepeatedWords(std::u32string_view text, Hits& hits);

// All of the above in the order that lets the most specific rule claim a span first; returns what
// checkPairs returns.
std::optional<size_t> checkRunningText(std::u32string_view text, size_t from, Hits& hits);

}  // namespace gongwen::check
