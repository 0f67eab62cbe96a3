#include "pipeline/core/Utf.h"

#include <unicode/utf8.h>

#include <cstdio>

#include "pipeline/core/Error.h"

namespace gongwen {

std::u32string toUtf32(std::string_view utf8, const std::string& where) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      throw inputError("text.utf8", where + ": invalid UTF-8 at byte " + std::to_string(start) +
                                        "; save the file as UTF-8");
    }
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string toUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    uint8_t buf[U8_MAX_LENGTH];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
    if (!error) out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
  return out;
}

std::string toUtf8(char32_t c) { return toUtf8(std::u32string_view(&c, 1)); }

std::string describeChar(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  return std::string(code) + " \u300C" + toUtf8(c) + "\u300D";
}

}  // namespace gongwen
