#include "pipeline/layout/PunctuationTable.h"

#include <unicode/uchar.h>

namespace gongwen::layout {

bool isFullWidth(char32_t c) {
  if (c < 0x1100) return (punctuationClass(c) & kFullWidth) != 0;
  if (punctuationClass(c) & kFullWidth) return true;
  const int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

}  // namespace gongwen::layout
