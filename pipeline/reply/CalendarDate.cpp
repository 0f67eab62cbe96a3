#include "pipeline/reply/CalendarDate.h"

namespace gongwen::reply {
namespace {

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::string twoDigits(int n) { return std::string(1, static_cast<char>('0' + n / 10)) + char('0' + n % 10); }

// The digits of text[begin, begin + count) as a number, or -1 when any is not an ASCII digit.
int digitsAt(std::string_view text, std::size_t begin, std::size_t count) {
  int value = 0;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string CalendarDate::iso() const {
  return std::to_string(year) + "-" + twoDigits(month) + "-" + twoDigits(day);
}

std::string CalendarDate::chinese() const {
  return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<CalendarDate> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const CalendarDate date{digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)};
  if (date.year < 1900 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > daysInMonth(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

CalendarDate addMonths(CalendarDate date, int months) {
  const int monthIndex = date.year * 12 + (date.month - 1) + months;
  CalendarDate later{monthIndex / 12, monthIndex % 12 + 1, date.day};
  if (later.day > daysInMonth(later.year, later.month)) later.day = daysInMonth(later.year, later.month);
  return later;
}

}  // namespace gongwen::reply
