#include "signing/verify/PdfDate.h"

#include <cctype>

namespace gongwen::verify {
namespace {

bool digits(const std::string& s, size_t pos, size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::time_t> parsePdfDate(const std::string& text) {
  const size_t start = text.rfind("D:", 0) == 0 ? 2 : 0;
  std::tm tm{};
  int year = 0, month = 1, day = 1;
  if (!digits(text, start, 4, year)) return std::nullopt;
  size_t pos = start + 4;
  int* fields[] = {&month, &day, &tm.tm_hour, &tm.tm_min, &tm.tm_sec};
  for (int* field : fields) {
    if (!digits(text, pos, 2, *field)) break;
    pos += 2;
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  std::time_t t = timegm(&tm);
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int hours = 0, minutes = 0;
    digits(text, pos + 1, 2, hours);
    digits(text, pos + 4, 2, minutes);
    const long offset = (hours * 3600L + minutes * 60L) * (text[pos] == '+' ? 1 : -1);
    t -= offset;
  }
  return t;
}

}  // namespace gongwen::verify
