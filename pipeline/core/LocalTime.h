#pragma once
// The bureau's wall-clock time. PDF dates, CMS signing times and the registers stay in UTC; what a
// person reads (the time in a signature box, a letter's date) is the bureau's local time, with its
// offset, because a 局长 who signs at 09:00 in 江州 must not read "01:00".

#include <ctime>
#include <string>

namespace gongwen {

// The bureau's zone when the policy names none: 北京时间.
inline constexpr const char* kDefaultTimeZone = "Asia/Shanghai";

struct LocalTime {
  std::tm parts{};        // the wall-clock date and time in the zone
  int offsetSeconds = 0;  // east of UTC, daylight saving included
};

// Whether ICU knows the IANA zone name (e.g. Asia/Shanghai).
bool isKnownTimeZone(const std::string& zone);

// Throws Error(InputInvalid, "time.zone") for a zone ICU does not know.
LocalTime toLocalTime(std::time_t time, const std::string& zone);

// To the minute with the offset, e.g. "2026-11-30 01:40 UTC+08:00".
std::string formatLocalMinute(std::time_t time, const std::string& zone);

}  // namespace gongwen
