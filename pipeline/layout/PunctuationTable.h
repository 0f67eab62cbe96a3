#pragma once
// The layout's view of the one punctuation table (pipeline/model/PunctuationTable.h, shared with
// the checker): the classes line breaking, measuring and compression consult, under the names the
// layout uses.

#include <cstdint>

#include "pipeline/model/PunctuationTable.h"

namespace gongwen::layout {

using model::hasClass;
using model::kCompressibleAtLineEnd;
using model::kFullWidth;
using model::kNoLineEnd;
using model::kNoLineStart;
using model::kNoLineStartWhenSingle;
using model::kStackedShareCells;
using model::kUnsplittablePair;
using model::punctuationClass;
using model::PunctuationClass;

// Characters that take a full 字: East Asian Wide/Fullwidth, plus the listed ambiguous marks.
bool isFullWidth(char32_t c);

// Where a full-width mark's 字 is blank and may be given up (CLREQ 3.1.6): stops and closing marks
// stand in the left half of their 字, opening marks in the right half.
inline bool blankOnRight(char32_t c) { return hasClass(c, kCompressibleAtLineEnd); }
inline bool blankOnLeft(char32_t c) { return hasClass(c, kNoLineEnd) && hasClass(c, kFullWidth); }

// Spaces are measured but never drawn.
inline bool isSpace(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\u00A0'; }

}  // namespace gongwen::layout
