#include "pipeline/check/ChineseNumerals.h"

namespace gongwen::check {

int chineseDigitValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

std::optional<int> parseChineseNumber(std::u32string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  const size_t ten = s.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (s.size() != 1) return std::nullopt;
    const int d = chineseDigitValue(s[0]);
    return d > 0 ? std::optional<int>(d) : std::nullopt;
  }
  int tens = 1;
  if (ten == 1) {
    tens = chineseDigitValue(s[0]);
    if (tens < 2) return std::nullopt;
  } else if (ten != 0) {
    return std::nullopt;
  }
  int units = 0;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return std::nullopt;
    units = chineseDigitValue(s[ten + 1]);
    if (units < 1) return std::nullopt;
  }
  return tens * 10 + units;
}

std::optional<int> parseChineseDigits(std::u32string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int value = 0;
  for (char32_t c : s) {
    const int d = chineseDigitValue(c);
    if (d < 0) return std::nullopt;
    value = value * 10 + d;
  }
  return value;
}

}  // namespace gongwen::check
