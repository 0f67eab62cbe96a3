#pragma once
// UTC times, independent of the machine's time zone: ISO 8601 as the policy, the seal-use register
// and verification reports write them (2026-01-31T08:00:00Z), and PDF dates (D:20260131080000Z).

#include <ctime>
#include <optional>
#include <string>

namespace gongwen {

std::optional<std::time_t> parseUtcTime(const std::string& text);
std::string formatUtcTime(std::time_t time);
// PDF 32000 §7.9.4 date string, e.g. D:20260131080000Z.
std::string pdfUtcDate(std::time_t time);

}  // namespace gongwen
