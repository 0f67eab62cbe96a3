// A batch dates its reply letters by the bureau's day (the policy's time zone), as `gongwen reply`
// does, not by the day in UTC or in whatever zone the machine is set to.

#include <gtest/gtest.h>
#include <utime.h>

#include <cstdlib>
#include <fstream>

#include "pipeline/batch/ProposalJobs.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {
namespace {

// 2026-11-29 20:00 UTC: already 2026-11-30 in 北京时间, still 2026-11-29 in New York.
constexpr std::int64_t kEvening = 1795982400;

TEST(ProposalLetterDate, SourceDateEpochIsTheBureausDay) {
  EXPECT_EQ(batch::letterDate(kEvening, "", "Asia/Shanghai"), (reply::CalendarDate{2026, 11, 30}));
  EXPECT_EQ(batch::letterDate(kEvening, "", "America/New_York"), (reply::CalendarDate{2026, 11, 29}));
}

TEST(ProposalLetterDate, TheRegistersChangeIsTheBureausDayWhateverTheMachinesZone) {
  TempDir dir;
  const std::string path = dir.file("proposals.csv");
  std::ofstream(path) << "\n";
  const utimbuf times{static_cast<std::time_t>(kEvening), static_cast<std::time_t>(kEvening)};
  ASSERT_EQ(::utime(path.c_str(), &times), 0);
  const char* saved = std::getenv("TZ");
  const std::string savedZone = saved ? saved : "";
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  const reply::CalendarDate date = batch::letterDate(std::nullopt, path, "Asia/Shanghai");
  if (saved)
    ::setenv("TZ", savedZone.c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
  EXPECT_EQ(date, (reply::CalendarDate{2026, 11, 30}));
}

}  // namespace
}  // namespace gongwen::testing
