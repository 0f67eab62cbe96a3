#pragma once
// The one table of GB/T 15834-2011 punctuation classes that line breaking, measuring and
// compression consult (GBT9704.md B.1). Nothing else in the layout lists punctuation marks.

#include <cstdint>

namespace gongwen::layout {

enum PunctuationClass : uint8_t {
  kNoLineStart = 1,             // 避头: stops, closing marks, 连接号, 间隔号 (5.1.1–5.1.3)
  kNoLineEnd = 2,               // 避尾: opening marks (5.1.3)
  kUnsplittablePair = 4,        // —— and …… are one mark of two 字 and never split
  kNoLineStartWhenSingle = 8,   // a lone — is the 一字线 连接号, which may not start a line
  kFullWidth = 16,              // occupies one 字 whatever its East Asian Width says
  kCompressibleAtLineEnd = 32,  // glyph in the left half of its 字: may be set half width (5.1.10)
  kStackedShareCells = 64,  // ？ ！: n of them in a row take n − 1 字 (5.1.2: ？！ one 字, three two)
};

// The classes of `c` (0 for characters the table does not list).
uint8_t punctuationClass(char32_t c);

inline bool hasClass(char32_t c, PunctuationClass k) { return (punctuationClass(c) & k) != 0; }

// Characters that take a full 字: East Asian Wide/Fullwidth, plus the listed ambiguous marks.
bool isFullWidth(char32_t c);

// Spaces are measured but never drawn.
inline bool isSpace(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\u00A0'; }

}  // namespace gongwen::layout
