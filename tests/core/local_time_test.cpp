// What a person reads is the bureau's wall-clock time with its offset, whatever zone the machine
// is set to: a day boundary in UTC is not one in 江州.

#include <gtest/gtest.h>

#include <cstdlib>

#include "pipeline/core/Error.h"
#include "pipeline/core/LocalTime.h"
#include "pipeline/core/UtcTime.h"

using namespace gongwen;

TEST(LocalTime, BeijingTimeIsEightHoursAheadAcrossTheDayAndYearEnd) {
  EXPECT_EQ(formatLocalMinute(*parseUtcTime("2026-11-29T17:40:00Z"), kDefaultTimeZone),
            "2026-11-30 01:40 UTC+08:00");
  EXPECT_EQ(formatLocalMinute(*parseUtcTime("2026-12-31T16:00:00Z"), "Asia/Shanghai"),
            "2027-01-01 00:00 UTC+08:00");
  EXPECT_EQ(formatLocalMinute(*parseUtcTime("2026-06-01T03:05:00Z"), "Asia/Shanghai"),
            "2026-06-01 11:05 UTC+08:00");
}

TEST(LocalTime, TheMachinesZoneDoesNotMatter) {
  setenv("TZ", "America/New_York", 1);
  tzset();
  EXPECT_EQ(formatLocalMinute(*parseUtcTime("2026-11-29T17:40:00Z"), kDefaultTimeZone),
            "2026-11-30 01:40 UTC+08:00");
  unsetenv("TZ");
  tzset();
}

TEST(LocalTime, OtherZonesKeepTheirOffsetAndDaylightSaving) {
  EXPECT_EQ(formatLocalMinute(*parseUtcTime("2026-07-01T12:00:00Z"), "Europe/Berlin"),
            "2026-07-01 14:00 UTC+02:00");
  EXPECT_EQ(formatLocalMinute(*parseUtcTime("2026-01-01T12:00:00Z"), "America/St_Johns"),
            "2026-01-01 08:30 UTC-03:30");
}

TEST(LocalTime, AnUnknownZoneIsRefusedByName) {
  EXPECT_TRUE(isKnownTimeZone("Asia/Shanghai"));
  EXPECT_FALSE(isKnownTimeZone("Asia/Jiangzhou"));
  try {
    toLocalTime(0, "Asia/Jiangzhou");
    FAIL() << "an unknown zone was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "time.zone");
    EXPECT_NE(std::string(e.what()).find("Asia/Jiangzhou"), std::string::npos);
  }
}
