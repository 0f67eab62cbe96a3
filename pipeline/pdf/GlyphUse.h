#pragma once
// What a document draws in each font role: first the glyphs and the characters they stand for,
// then, once the role's subset is made, the content code of each glyph.

#include <cstdint>
#include <map>

#include "pipeline/fonts/FontRole.h"

namespace gongwen::pdf {

// One embedded font: a role's face (0 its first family, more for the characters that one lacks).
struct FaceKey {
  fonts::FontRole role = fonts::FontRole::Fangsong;
  unsigned face = 0;
  bool operator<(const FaceKey& o) const { return role != o.role ? role < o.role : face < o.face; }
};

// Glyph id -> the first character drawn with it (its ToUnicode entry). Ordered, so that
// everything written from it comes out in the same order every time.
using DrawnGlyphs = std::map<uint32_t, char32_t>;
using DrawnGlyphsByRole = std::map<FaceKey, DrawnGlyphs>;

// Glyph id -> content code in the face's subset font.
using CodeByGlyph = std::map<uint32_t, uint32_t>;
using CodesByRole = std::map<FaceKey, CodeByGlyph>;

struct UsedGlyph {
  uint32_t glyph = 0;
  char32_t ch = 0;
};

// Content code -> glyph and character, in code order: how /W and ToUnicode are written.
using GlyphUse = std::map<uint32_t, UsedGlyph>;

}  // namespace gongwen::pdf
