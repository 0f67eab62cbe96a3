#pragma once
// Dates as written in 公文 (2026年11月27日), shared by the running-text and the element rules.

#include <optional>
#include <string_view>

namespace gongwen::check {

struct DateParts {
  size_t begin = 0, end = 0;  // the whole date in the text
  size_t monthBegin = 0, monthEnd = 0;
  size_t dayBegin = 0, dayEnd = 0;  // equal when the date has no day
  int year = 0, month = 0, day = 0;
};

// An Arabic-numeral date "YYYY年M月[D日]" starting at `i`.
std::optional<DateParts> parseArabicDate(std::u32string_view t, size_t i);

// A date in 汉字 "二〇二六年十一月二十七日" spanning all of `t`.
std::optional<DateParts> parseChineseDate(std::u32string_view t);

// Whether the year/month/day exists in the Gregorian calendar (ICU, non-lenient).
bool isCalendarDate(int year, int month, int day);

// Days since 1970-01-01 of a calendar date (proleptic Gregorian), for counting days between dates.
long dayNumber(int year, int month, int day);

}  // namespace gongwen::check
