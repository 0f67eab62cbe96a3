#include "pipeline/archive/DocumentNumber.h"

#include <cstdio>

#include "pipeline/check/DateParts.h"
#include "pipeline/check/DocNumberParts.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/Utf.h"

namespace gongwen::archive {

namespace {

std::optional<std::u32string> decoded(const std::string& text) {
  try {
    return toUtf32(text, "metadata");
  } catch (const Error&) {
    return std::nullopt;
  }
}

long long digits(std::u32string_view text) {
  long long value = 0;
  for (char32_t c : text) value = value * 10 + static_cast<long long>(c - U'0');
  return value;
}

}  // namespace

std::optional<NumberParts> splitDocNumber(const std::string& number) {
  const std::optional<std::u32string> text = decoded(number);
  if (!text) return std::nullopt;
  for (std::size_t open = 0; open < text->size(); ++open) {
    if (!check::isYearBracketOpen((*text)[open])) continue;
    const std::optional<check::DocNumberParts> parts = check::parseDocNumber(*text, open, false);
    if (!parts || open == 0 || parts->end != text->size()) return std::nullopt;
    const std::u32string_view view(*text);
    long long year = digits(view.substr(parts->yearBegin, parts->yearEnd - parts->yearBegin));
    if (year < 100) year += 2000;  // 〔26〕: a two-digit year is of this century
    return NumberParts{toUtf8(view.substr(0, open)), year,
                       digits(view.substr(parts->numberBegin, parts->numberEnd - parts->numberBegin))};
  }
  return std::nullopt;
}

std::string isoDate(const std::string& written) {
  const std::optional<std::u32string> text = decoded(written);
  if (!text) return "";
  std::optional<check::DateParts> date = check::parseArabicDate(*text, 0);
  if (date && date->end != text->size()) date.reset();
  if (!date) date = check::parseChineseDate(*text);
  if (!date || date->day == 0 || !check::isCalendarDate(date->year, date->month, date->day)) return "";
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", date->year, date->month, date->day);
  return iso;
}

}  // namespace gongwen::archive
