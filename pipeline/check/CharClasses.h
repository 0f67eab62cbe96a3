#pragma once
// Character classes the rules test, as inline range tests with ICU's script lookup for the rare
// Han characters outside the main block. A UnicodeSet pattern such as [:Han:] costs ~1 M
// instructions to build from ICU's property data, a tenth of a cold `render`'s own work.

#include <unicode/uscript.h>

namespace gongwen::check {

inline bool isAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool isAsciiLetter(char32_t c) { return (c | 0x20) >= U'a' && (c | 0x20) <= U'z'; }
inline bool isAsciiAlnum(char32_t c) { return isAsciiDigit(c) || isAsciiLetter(c); }

// Script=Han, and 〇, which Unicode gives the Common script.
inline bool isHanScript(char32_t c) {
  if (c == 0x3007) return true;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

// Han from U+3000 on, as the rules have always counted it (the radicals below never were).
inline bool isHan(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  return c >= 0x3000 && isHanScript(c);
}

// Han and the full-width Chinese marks (GB/T 15834: 。，、；：？！“”‘’（）〔〕【】《》〈〉……——～·, the CJK
// symbol and full-width blocks): what makes a context Chinese.
inline bool isCjkContext(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x2000) return false;
  if (c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026) return true;
  if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3007 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B))
    return true;
  if (c >= 0xFF01 && c <= 0xFF60) return true;
  return isHanScript(c);
}

// ０-９ Ａ-Ｚ ａ-ｚ
inline bool isFullwidthAlnum(char32_t c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

// Spaces a clerk may type inside a line: ASCII space, tab, no-break space, ideographic space.
inline bool isInlineSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0x00A0; }

}  // namespace gongwen::check
