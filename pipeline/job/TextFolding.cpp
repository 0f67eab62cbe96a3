#include "pipeline/job/TextFolding.h"

#include <unicode/uchar.h>

#include "pipeline/core/Utf.h"

namespace gongwen::job {
namespace {

bool isXmlSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

// Wide, fullwidth and ambiguous-width characters (CJK, full-width punctuation, “” ……) are set
// without spaces between them in Chinese text.
bool isWide(char32_t c) {
  const auto width =
      static_cast<UEastAsianWidth>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH));
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH || width == U_EA_AMBIGUOUS;
}

bool needsFolding(std::string_view raw) {
  if (raw.empty()) return false;
  const auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return edge(raw.front()) || edge(raw.back()) || raw.find_first_of("\n\r") != std::string_view::npos;
}

}  // namespace

std::string foldText(std::string_view raw) {
  if (!needsFolding(raw)) return std::string(raw);
  // libxml2 hands us valid UTF-8, so decoding cannot fail here.
  const std::u32string text = toUtf32(raw, "XML text");
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && isXmlSpace(text[begin])) ++begin;
  while (end > begin && isXmlSpace(text[end - 1])) --end;

  std::u32string out;
  out.reserve(end - begin);
  for (size_t i = begin; i < end;) {
    if (!isXmlSpace(text[i])) {
      out += text[i++];
      continue;
    }
    size_t runEnd = i;
    bool hasBreak = false;
    while (runEnd < end && isXmlSpace(text[runEnd])) {
      hasBreak = hasBreak || text[runEnd] == U'\n' || text[runEnd] == U'\r';
      ++runEnd;
    }
    if (!hasBreak) {
      out.append(text, i, runEnd - i);
    } else if (!isWide(text[i - 1]) && !isWide(text[runEnd])) {
      out += U' ';
    }
    i = runEnd;
  }
  return toUtf8(out);
}

}  // namespace gongwen::job
