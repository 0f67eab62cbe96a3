#include "pipeline/core/UtcTime.h"

#include <cstdio>

namespace gongwen {

std::optional<std::time_t> parseUtcTime(const std::string& text) {
  std::tm parts{};
  char zone = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                  &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &zone, &consumed) != 7 ||
      zone != 'Z' || static_cast<std::size_t>(consumed) != text.size()) {
    return std::nullopt;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  return timegm(&parts);
}

namespace {
std::string formatUtc(std::time_t time, const char* format) {
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, format, &parts);
  return text;
}
}  // namespace

std::string formatUtcTime(std::time_t time) { return formatUtc(time, "%Y-%m-%dT%H:%M:%SZ"); }

std::string pdfUtcDate(std::time_t time) { return formatUtc(time, "D:%Y%m%d%H%M%SZ"); }

}  // namespace gongwen
