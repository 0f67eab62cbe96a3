#pragma once
// What a document draws in each font role: the content codes used and, for each code, its glyph
// and the character it stands for (the ToUnicode entry).

#include <cstdint>
#include <map>

#include "pipeline/fonts/FontRole.h"

namespace gongwen::pdf {

struct UsedGlyph {
  uint32_t glyph = 0;
  char32_t ch = 0;  // the first character drawn with this code
};

// Content code (the CID for CFF fonts, the glyph id for glyf fonts) -> glyph. Ordered, so that
// everything written from it comes out in the same order every time.
using GlyphUse = std::map<uint32_t, UsedGlyph>;
using GlyphUseByRole = std::map<fonts::FontRole, GlyphUse>;

}  // namespace gongwen::pdf
