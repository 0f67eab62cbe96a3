#pragma once
// The parts of a 发文字号 and a 成文日期 the registry keeps for sorting, ranges and the audit's
// numbering check, read with the checker's parsers (pipeline/check) so that one reading holds.

#include <optional>
#include <string>

namespace gongwen::archive {

struct NumberParts {
  std::string organCode;  // 机关代字, e.g. 某政发
  long long year = 0;
  long long serial = 0;
};

// "某政发〔2026〕3号" -> {某政发, 2026, 3}; nullopt when it is not a 发文字号 (or is empty).
std::optional<NumberParts> splitDocNumber(const std::string& number);

// "2026年11月27日" or "二〇二六年十一月二十七日" -> "2026-11-27"; "" when it does not parse to a day
// of the calendar.
std::string isoDate(const std::string& written);

}  // namespace gongwen::archive
