#pragma once
// PDF date strings (ISO 32000-1 §7.9.4, "D:YYYYMMDDHHmmSSOHH'mm'") and ISO 8601 output.

#include <ctime>
#include <optional>
#include <string>

namespace gongwen::verify {

std::optional<std::time_t> parsePdfDate(const std::string& text);

}  // namespace gongwen::verify
