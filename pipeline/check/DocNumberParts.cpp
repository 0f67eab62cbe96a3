#include "pipeline/check/DocNumberParts.h"

#include "pipeline/check/CharClasses.h"

namespace gongwen::check {

namespace {
constexpr std::u32string_view kOpen = U"〔[【（(［〖";
constexpr std::u32string_view kClose = U"〕]】）)］〗";
}  // namespace

bool isYearBracketOpen(char32_t c) { return kOpen.find(c) != std::u32string_view::npos; }

std::optional<DocNumberParts> parseDocNumber(std::u32string_view t, size_t open, bool requireHao) {
  DocNumberParts p;
  p.open = open;
  size_t i = open + 1;
  p.yearBegin = i;
  while (i < t.size() && isAsciiDigit(t[i]) && i - p.yearBegin < 5) ++i;
  p.yearEnd = i;
  const size_t yearLength = p.yearEnd - p.yearBegin;
  if ((yearLength != 2 && yearLength != 4) || i >= t.size()) return std::nullopt;
  if (kClose.find(t[i]) == std::u32string_view::npos) return std::nullopt;
  p.close = i++;
  if (i < t.size() && t[i] == U'第') p.di = i++;
  p.numberBegin = i;
  while (i < t.size() && isAsciiDigit(t[i])) ++i;
  p.numberEnd = i;
  if (p.numberEnd == p.numberBegin) return std::nullopt;
  p.hao = i < t.size() && t[i] == U'号';
  if (requireHao && !p.hao) return std::nullopt;
  p.end = p.hao ? i + 1 : i;
  return p;
}

}  // namespace gongwen::check
