#pragma once
// UTC times as the policy and the seal-use register write them: 2026-01-31T08:00:00Z.

#include <ctime>
#include <optional>
#include <string>

namespace gongwen::policy {

std::optional<std::time_t> parseUtcTime(const std::string& text);
std::string formatUtcTime(std::time_t time);

}  // namespace gongwen::policy
