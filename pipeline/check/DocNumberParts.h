#pragma once
// 发文字号 as clerks write them: 机关代字 + bracketed year + [第] + number + 号. The parser accepts
// the wrong forms too, so that the rules can say exactly what to change: any bracket pair, one
// bracket or none, the year closed by 年 or a space, or run straight into the number
// (某政办发201427号).

#include <optional>
#include <string_view>

namespace gongwen::check {

struct DocNumberParts {
  size_t yearPartBegin = 0;  // the bracket before the year, or the year itself when it has none
  size_t yearBegin = 0, yearEnd = 0;
  size_t yearPartEnd = 0;     // after what closes the year: a bracket, 年, spaces, or nothing
  bool standardYear = false;  // exactly 〔year〕
  bool bracketed = false;     // a bracket stands before or after the year
  std::optional<size_t> di;   // a 第 before the number
  size_t numberBegin = 0, numberEnd = 0;
  bool hao = false;  // ends with 号
  size_t end = 0;    // after 号 (or after the number when 号 is missing)
};

bool isYearBracketOpen(char32_t c);

// Whether a 机关代字 may end with `c` right before a year written without brackets (发, 函 …):
// only then are bare digits read as a garbled 发文字号.
bool endsAgencyCode(char32_t c);

// Parses the part after the 机关代字, from `at` (a bracket or the year's first digit).
// `requireHao`: running text only counts a year and number as a 发文字号 when 号 follows; the
// 发文字号 element is one whatever its ending. A year without brackets always needs 号.
std::optional<DocNumberParts> parseDocNumber(std::u32string_view t, size_t at, bool requireHao);

}  // namespace gongwen::check
