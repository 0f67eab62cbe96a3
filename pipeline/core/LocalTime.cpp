#include "pipeline/core/LocalTime.h"

#include <unicode/timezone.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "pipeline/core/Error.h"

namespace gongwen {
namespace {

std::unique_ptr<icu::TimeZone> zoneNamed(const std::string& zone) {
  std::unique_ptr<icu::TimeZone> found(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  // ICU answers an unknown name with its "Etc/Unknown" zone (UTC) rather than with an error.
  if (found == nullptr || *found == icu::TimeZone::getUnknown()) return nullptr;
  return found;
}

}  // namespace

bool isKnownTimeZone(const std::string& zone) { return zoneNamed(zone) != nullptr; }

LocalTime toLocalTime(std::time_t time, const std::string& zone) {
  const std::unique_ptr<icu::TimeZone> found = zoneNamed(zone);
  if (found == nullptr)
    throw inputError("time.zone", "the time zone '" + zone + "' is unknown; name an IANA zone such as " +
                                      kDefaultTimeZone);
  std::int32_t raw = 0, daylight = 0;
  UErrorCode status = U_ZERO_ERROR;
  found->getOffset(static_cast<UDate>(time) * 1000.0, false, raw, daylight, status);
  if (U_FAILURE(status))
    throw inputError("time.zone", "the offset of the time zone '" + zone + "' is unknown at that time");
  LocalTime local;
  local.offsetSeconds = (raw + daylight) / 1000;
  const std::time_t shifted = time + local.offsetSeconds;
  gmtime_r(&shifted, &local.parts);
  return local;
}

std::string formatLocalMinute(std::time_t time, const std::string& zone) {
  const LocalTime local = toLocalTime(time, zone);
  char clock[32];
  std::strftime(clock, sizeof clock, "%Y-%m-%d %H:%M", &local.parts);
  const int minutes = std::abs(local.offsetSeconds) / 60;
  char offset[16];
  std::snprintf(offset, sizeof offset, "UTC%c%02d:%02d", local.offsetSeconds < 0 ? '-' : '+', minutes / 60,
                minutes % 60);
  return std::string(clock) + " " + offset;
}

}  // namespace gongwen
