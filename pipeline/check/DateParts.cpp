#include "pipeline/check/DateParts.h"

#include <unicode/gregocal.h>

#include <memory>

#include "pipeline/check/CharClasses.h"
#include "pipeline/check/ChineseNumerals.h"

namespace gongwen::check {

namespace {

// Reads 1–2 ASCII digits at i followed by `unit`; returns the index after the unit.
std::optional<size_t> field(std::u32string_view t, size_t i, char32_t unit, int& value) {
  size_t j = i;
  value = 0;
  while (j < t.size() && j - i < 2 && isAsciiDigit(t[j]))
    value = value * 10 + static_cast<int>(t[j++] - U'0');
  if (j == i || j >= t.size() || t[j] != unit) return std::nullopt;
  return j + 1;
}

}  // namespace

std::optional<DateParts> parseArabicDate(std::u32string_view t, size_t i) {
  if (i + 7 > t.size()) return std::nullopt;
  DateParts d;
  d.begin = i;
  for (size_t k = 0; k < 4; ++k) {
    if (!isAsciiDigit(t[i + k])) return std::nullopt;
    d.year = d.year * 10 + static_cast<int>(t[i + k] - U'0');
  }
  if (t[i + 4] != U'年') return std::nullopt;
  d.monthBegin = i + 5;
  const auto monthEnd = field(t, d.monthBegin, U'月', d.month);
  if (!monthEnd) return std::nullopt;
  d.monthEnd = *monthEnd - 1;
  d.dayBegin = d.dayEnd = d.end = *monthEnd;
  if (const auto dayEnd = field(t, *monthEnd, U'日', d.day)) {
    d.dayEnd = *dayEnd - 1;
    d.end = *dayEnd;
  }
  return d;
}

std::optional<DateParts> parseChineseDate(std::u32string_view t) {
  const size_t y = t.find(U'年');
  const size_t m = t.find(U'月');
  if (y != 4 || m == std::u32string_view::npos || m < y + 2 || t.back() != U'日' || m + 2 >= t.size()) {
    return std::nullopt;
  }
  const auto year = parseChineseDigits(t.substr(0, 4));
  const auto month = parseChineseNumber(t.substr(y + 1, m - y - 1));
  const auto day = parseChineseNumber(t.substr(m + 1, t.size() - m - 2));
  if (!year || !month || !day) return std::nullopt;
  DateParts d;
  d.end = t.size();
  d.year = *year;
  d.month = *month;
  d.day = *day;
  return d;
}

bool isCalendarDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  thread_local std::unique_ptr<icu::GregorianCalendar> calendar;
  UErrorCode status = U_ZERO_ERROR;
  if (!calendar) {
    calendar = std::make_unique<icu::GregorianCalendar>(status);
    if (U_FAILURE(status)) return true;  // cannot judge without ICU data: do not flag
    calendar->setLenient(false);
  }
  calendar->clear();
  calendar->set(year, month - 1, day);
  calendar->getTime(status);
  return U_SUCCESS(status);
}

long dayNumber(int year, int month, int day) {
  // H. Hinnant's days_from_civil: March-based years put the leap day last.
  const long y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yearOfEra = y - era * 400;
  const long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

}  // namespace gongwen::check
