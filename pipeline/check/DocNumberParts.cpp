#include "pipeline/check/DocNumberParts.h"

#include "pipeline/check/CharClasses.h"

namespace gongwen::check {

namespace {
// 〔 and the brackets clerks type for it; 〈〉 and 〖〗 come from input methods' symbol pages.
constexpr std::u32string_view kOpen = U"〔[【（(［〖〈";
constexpr std::u32string_view kClose = U"〕]】）)］〗〉";

bool isYearBracketClose(char32_t c) { return kClose.find(c) != std::u32string_view::npos; }

size_t skipSpaces(std::u32string_view t, size_t i) {
  while (i < t.size() && isInlineSpace(t[i])) ++i;
  return i;
}

size_t digitsEnd(std::u32string_view t, size_t i) {
  while (i < t.size() && isAsciiDigit(t[i])) ++i;
  return i;
}

// A year written without brackets must look like one (19xx or 20xx) to be read as the year.
bool plausibleYear(std::u32string_view t, size_t i) {
  return (t[i] == U'1' && t[i + 1] == U'9') || (t[i] == U'2' && t[i + 1] == U'0');
}
}  // namespace

bool isYearBracketOpen(char32_t c) {
  // Tested on every character of a text: rule out 汉字 and ASCII before searching.
  if (c != U'(' && c != U'[' && (c < 0x3008 || (c > 0x3016 && c < 0xFF08))) return false;
  return kOpen.find(c) != std::u32string_view::npos;
}

bool endsAgencyCode(char32_t c) {
  // Not 复, 电, 通: 恢复, 供电, 交通 run into years in ordinary sentences.
  static const std::u32string_view kEndings = U"发函字办";
  return kEndings.find(c) != std::u32string_view::npos;
}

std::optional<DocNumberParts> parseDocNumber(std::u32string_view t, size_t at, bool requireHao) {
  DocNumberParts p;
  p.yearPartBegin = at;
  const bool opened = at < t.size() && isYearBracketOpen(t[at]);
  size_t i = opened ? at + 1 : at;
  p.yearBegin = i;
  const size_t digits = digitsEnd(t, i);
  const size_t run = digits - i;
  bool runTogether = false;
  if (run == 2 || run == 4) {
    p.yearEnd = digits;
  } else if (!opened && run >= 5 && run <= 8 && plausibleYear(t, i)) {
    p.yearEnd = i + 4;  // 201427号: the year is the first four digits, the number the rest
    runTogether = true;
  } else {
    return std::nullopt;
  }
  if (!opened && (run == 2 || !plausibleYear(t, i))) return std::nullopt;
  i = p.yearEnd;
  bool closed = false;
  if (!runTogether) {
    if (i < t.size() && t[i] == U'年') ++i;  // （2014年）27号, 2014年27号
    if (i < t.size() && isYearBracketClose(t[i])) {
      closed = true;
      ++i;
    }
    i = skipSpaces(t, i);
    // Without any bracket something must still part the year from the number.
    if (!opened && !closed && i == p.yearEnd) return std::nullopt;
  }
  // "2014年第3号" without brackets is how 公告 are numbered, not a garbled 发文字号.
  if (!opened && !closed && t[p.yearEnd] == U'年' && i < t.size() && t[i] == U'第') return std::nullopt;
  if (opened != closed && p.yearEnd - p.yearBegin != 4) return std::nullopt;
  p.yearPartEnd = i;
  p.bracketed = opened || closed;
  p.standardYear = opened && closed && t[at] == U'〔' && t[p.yearEnd] == U'〕' && i == p.yearEnd + 1;
  if (i < t.size() && t[i] == U'第') p.di = i++;
  p.numberBegin = i;
  p.numberEnd = digitsEnd(t, i);
  if (p.numberEnd == p.numberBegin) return std::nullopt;
  p.hao = p.numberEnd < t.size() && t[p.numberEnd] == U'号';
  if ((requireHao || !(opened && closed)) && !p.hao) return std::nullopt;
  p.end = p.hao ? p.numberEnd + 1 : p.numberEnd;
  return p;
}

}  // namespace gongwen::check
