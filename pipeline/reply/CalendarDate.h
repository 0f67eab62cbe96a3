#pragma once
// Calendar dates of the proposals register (收到日期 2026-03-05) and the deadline rule of the
// proposal rules: an answer is due two months after the proposal was received (DOMAIN.md).

#include <optional>
#include <string>
#include <string_view>

namespace gongwen::reply {

struct CalendarDate {
  int year = 0, month = 0, day = 0;

  friend bool operator==(CalendarDate a, CalendarDate b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator<(CalendarDate a, CalendarDate b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator>(CalendarDate a, CalendarDate b) { return b < a; }

  std::string iso() const;      // 2026-03-05
  std::string chinese() const;  // 2026年3月5日, as 成文日期 is written (GB/T 9704 7.3.5)
};

// Exactly YYYY-MM-DD naming a day of the Gregorian calendar (years 1900–9999); nullopt otherwise.
std::optional<CalendarDate> parseIsoDate(std::string_view text);

int daysInMonth(int year, int month);

// `date` plus `months` calendar months; a day the later month does not have becomes its last day
// (01-31 + 1 month = 02-28, or 02-29 in a leap year).
CalendarDate addMonths(CalendarDate date, int months);

// The last day an answer is on time: received + 2 calendar months, month-end clamped
// (12-31 -> 02-28/29; 08-31 -> 10-31).
inline CalendarDate answerDeadline(CalendarDate received) { return addMonths(received, 2); }

}  // namespace gongwen::reply
