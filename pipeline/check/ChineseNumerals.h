#pragma once
// Reading numbers written in 汉字 (一 … 九十九, 二〇二六), shared by the ordinal, date and
// number rules.

#include <optional>
#include <string_view>

namespace gongwen::check {

// 〇/零 → 0, 一 … 九 → 1 … 9 (两 → 2); -1 for anything else.
int chineseDigitValue(char32_t c);

// "一" … "九十九" as a count or ordinal; nullopt when `s` is not such a number.
std::optional<int> parseChineseNumber(std::u32string_view s);

// "二〇二六" (digit by digit, as years are written); nullopt otherwise.
std::optional<int> parseChineseDigits(std::u32string_view s);

}  // namespace gongwen::check
