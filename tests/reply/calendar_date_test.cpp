#include <gtest/gtest.h>

#include "pipeline/reply/CalendarDate.h"

using gongwen::reply::answerDeadline;
using gongwen::reply::CalendarDate;
using gongwen::reply::parseIsoDate;

namespace {

CalendarDate date(const char* iso) {
  const auto d = parseIsoDate(iso);
  EXPECT_TRUE(d) << iso;
  return d.value_or(CalendarDate{});
}

}  // namespace

TEST(AnswerDeadline, IsTwoCalendarMonthsLaterClampedToTheMonthsLastDay) {
  const struct {
    const char* received;
    const char* deadline;
  } cases[] = {
      {"2026-03-05", "2026-05-05"},                                // the plain case
      {"2026-01-15", "2026-03-15"}, {"2026-12-31", "2027-02-28"},  // over the year end into a short February
      {"2027-12-31", "2028-02-29"},                                // ... a leap February
      {"2027-12-30", "2028-02-29"}, {"2027-12-29", "2028-02-29"}, {"2027-12-28", "2028-02-28"},
      {"2026-12-29", "2027-02-28"}, {"2099-12-31", "2100-02-28"},  // 2100 is not a leap year
      {"2099-12-29", "2100-02-28"}, {"2399-12-31", "2400-02-29"},  // 2400 is
      {"2026-08-31", "2026-10-31"},                                // both months have 31 days
      {"2026-07-31", "2026-09-30"},                                // September has 30
      {"2026-10-31", "2026-12-31"}, {"2026-11-30", "2027-01-30"}, {"2026-11-01", "2027-01-01"},
      {"2027-01-31", "2027-03-31"}, {"2028-02-29", "2028-04-29"},  // from a leap day
      {"2027-02-28", "2027-04-28"}, {"2026-04-30", "2026-06-30"}, {"2026-06-30", "2026-08-30"},
      {"2026-12-01", "2027-02-01"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(answerDeadline(date(c.received)).iso(), c.deadline) << c.received;
  }
}

TEST(CalendarDateParse, AcceptsOnlyRealDaysWrittenYyyyMmDd) {
  EXPECT_EQ(date("2028-02-29").chinese(), "2028年2月29日");
  EXPECT_EQ(date("2026-11-09").iso(), "2026-11-09");
  for (const char* bad : {"2026-02-29", "2100-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10",
                          "2026-01-00", "2026-1-5", "2026/01/05", "20260105", "2026-01-05 ", " 2026-01-05",
                          "２０２６-01-05", "0000-01-01", "", "2026-01-0x", "2026年1月5日"}) {
    EXPECT_FALSE(parseIsoDate(bad)) << bad;
  }
}

TEST(CalendarDateOrder, ComparesByYearThenMonthThenDay) {
  EXPECT_TRUE(date("2026-12-31") < date("2027-01-01"));
  EXPECT_TRUE(date("2026-02-28") < date("2026-03-01"));
  EXPECT_TRUE(date("2026-03-02") > date("2026-03-01"));
  EXPECT_FALSE(date("2026-03-01") > date("2026-03-01"));
}
