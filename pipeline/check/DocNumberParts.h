#pragma once
// 发文字号 as clerks write them: 机关代字 + bracketed year + [第] + number + 号. The parser accepts
// the wrong forms too, so that the rules can say exactly what to change.

#include <optional>
#include <string_view>

namespace gongwen::check {

struct DocNumberParts {
  size_t open = 0;  // the bracket before the year
  size_t yearBegin = 0, yearEnd = 0;
  size_t close = 0;          // the bracket after the year
  std::optional<size_t> di;  // a 第 before the number
  size_t numberBegin = 0, numberEnd = 0;
  bool hao = false;  // ends with 号
  size_t end = 0;    // after 号 (or after the number when 号 is missing)
};

bool isYearBracketOpen(char32_t c);

// Parses from the opening bracket at `open`. `requireHao`: running text only counts a bracketed
// year as a 发文字号 when 号 follows; the 发文字号 element is one whatever its ending.
std::optional<DocNumberParts> parseDocNumber(std::u32string_view t, size_t open, bool requireHao);

}  // namespace gongwen::check
