#pragma once
// Character classes the rules test, as frozen ICU UnicodeSets built once per process, with inline
// fast paths for the common ranges so that the scan stays a single cheap pass.

#include <unicode/uniset.h>

namespace gongwen::check {

struct CharClasses {
  icu::UnicodeSet han;             // [:Han:] plus 〇
  icu::UnicodeSet cjkContext;      // Han and the full-width Chinese marks: what makes a context Chinese
  icu::UnicodeSet fullwidthAlnum;  // ０-９ Ａ-Ｚ ａ-ｚ
};

const CharClasses& charClasses();

inline bool isAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool isAsciiLetter(char32_t c) { return (c | 0x20) >= U'a' && (c | 0x20) <= U'z'; }
inline bool isAsciiAlnum(char32_t c) { return isAsciiDigit(c) || isAsciiLetter(c); }

inline bool isHan(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x3000) return false;
  return charClasses().han.contains(static_cast<UChar32>(c));
}

inline bool isCjkContext(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x2000) return false;
  return charClasses().cjkContext.contains(static_cast<UChar32>(c));
}

// Spaces a clerk may type inside a line: ASCII space, tab, no-break space, ideographic space.
inline bool isInlineSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0x00A0; }

}  // namespace gongwen::check
