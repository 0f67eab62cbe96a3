#pragma once
// How a plain text is split into lines, shared by the checker and the fixer so that both count
// lines alike: "\n" ends a line, a "\r" before it is not part of the line, a UTF-8 BOM at the
// start is not text.

#include <string_view>

namespace gongwen::check {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

template <typename Visit>
void forEachLine(std::string_view text, Visit&& visit) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  int number = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    visit(++number, line);
  }
}

}  // namespace gongwen::check
