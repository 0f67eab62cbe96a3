#include "pipeline/pdf/ToUnicodeCMap.h"

#include <string>

namespace gongwen::pdf {
namespace {

// PDF 32000 §9.10.3: at most 100 entries between beginbfchar and endbfchar.
constexpr size_t kEntriesPerBlock = 100;

// The UTF-16BE code units of a character, as CMap hex.
std::string utf16Hex(char32_t c) {
  if (c < 0x10000) return hex4(c);
  const uint32_t v = static_cast<uint32_t>(c) - 0x10000;
  return hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF));
}

}  // namespace

std::string toUnicodeCMap(const GlyphUse& used) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  auto it = used.begin();
  while (it != used.end()) {
    const size_t count = std::min(kEntriesPerBlock, static_cast<size_t>(std::distance(it, used.end())));
    out += std::to_string(count) + " beginbfchar\n";
    for (size_t i = 0; i < count; ++i, ++it) {
      out += "<" + hex4(it->first) + "> <" + utf16Hex(it->second.ch) + ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace gongwen::pdf
